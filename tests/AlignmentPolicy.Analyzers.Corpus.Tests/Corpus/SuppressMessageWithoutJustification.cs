// Suppressions with [SuppressMessage]: one with a Justification, one without.
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.AI;

namespace Contoso.Translation;

public sealed class Translator
{
    private readonly IChatClient _client;

    public Translator(IChatClient model) => _client = model.AsBuilder().ConfigureOptions(o => o.Temperature = 0).Build();

    [SuppressMessage("AlignmentPolicy", "ALN0001:Model call not routed through a policy gate")] // expect: ALN0007
    public async Task<string> TranslateAsync(string text, string language)
    {
        var response = await _client.GetResponseAsync($"Translate to {language}: {text}");
        return response.Text;
    }

    [SuppressMessage("AlignmentPolicy", "ALN0001", Justification = "Offline glossary lookups against the local test model only; see ADR-14.")]
    public async Task<string> GlossaryAsync(string term)
    {
        var response = await _client.GetResponseAsync($"Define: {term}");
        return response.Text;
    }

    [SuppressMessage("Style", "IDE0060:Remove unused parameter")]
    public static string Normalize(string text, bool unused) => text.Trim();
}
