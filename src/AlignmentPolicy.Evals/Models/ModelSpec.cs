using AlignmentPolicy.Evals.Harness;

namespace AlignmentPolicy.Evals.Models;

/// <summary>
/// A parsed <c>--model</c> value: <c>&lt;kind&gt;:&lt;model&gt;[@&lt;endpoint&gt;]</c>. The model is everything between the
/// first ':' and the first '@', so Ollama tags (<c>llama3.2:1b</c>) and URLs with ports both work.
/// </summary>
public sealed record ModelSpec(string Kind, string Model, Uri? Endpoint)
{
    public const string Simulated = "simulated";
    public const string OpenAI = "openai";
    public const string AzureOpenAI = "azure-openai";
    public const string Anthropic = "anthropic";
    public const string Ollama = "ollama";

    /// <summary>The accepted forms, for help texts and error messages.</summary>
    public const string Usage = "simulated | openai:<model>[@<base-url>] | azure-openai:<deployment>[@<endpoint>] | anthropic:<model>[@<url>] | ollama:<model>[@<url>]";

    public static ModelSpec Parse(string text)
    {
        if (text == Simulated)
        {
            return new ModelSpec(Simulated, Simulated, null);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var kind = colon <= 0 ? "" : text[..colon];
        if (kind is not (OpenAI or AzureOpenAI or Anthropic or Ollama))
        {
            throw new EvalUsageException($"--model '{text}': unknown model kind{(kind.Length > 0 ? $" '{kind}'" : "")}. Use {Usage}.");
        }

        var rest = text[(colon + 1)..];
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        var model = at < 0 ? rest : rest[..at];
        if (string.IsNullOrWhiteSpace(model))
        {
            throw new EvalUsageException($"--model '{text}': no model name after '{kind}:'. Use {Usage}.");
        }

        Uri? endpoint = null;
        if (at >= 0 && !(Uri.TryCreate(rest[(at + 1)..], UriKind.Absolute, out endpoint) && (endpoint.Scheme == Uri.UriSchemeHttp || endpoint.Scheme == Uri.UriSchemeHttps)))
        {
            throw new EvalUsageException($"--model '{text}': '{rest[(at + 1)..]}' is not an http or https URL.");
        }

        return new ModelSpec(kind, model, endpoint);
    }
}
