// A custom caching layer in the pipeline, with the policy gate outermost.
using AlignmentPolicy.Gates;
using Microsoft.Extensions.AI;

namespace Contoso.Faq;

public sealed class CachingChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    private readonly Dictionary<string, ChatResponse> _cache = [];

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var key = string.Join("\n", messages.Select(m => m.Text));
        if (!_cache.TryGetValue(key, out var response))
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken);
            _cache[key] = response;
        }

        return response;
    }
}

public sealed class FaqBot(IChatClient model)
{
    private readonly IChatClient _client = model.AsBuilder()
        .UsePolicyGate()
        .Use(inner => new CachingChatClient(inner))
        .Build();

    public async Task<string> AnswerAsync(string question) => (await _client.GetResponseAsync(question)).Text;
}
