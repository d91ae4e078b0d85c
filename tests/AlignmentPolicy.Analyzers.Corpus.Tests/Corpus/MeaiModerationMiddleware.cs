// Microsoft.Extensions.AI middleware: a moderation client that can answer without calling the model gates the
// pipeline; a client that trims tool results and always calls through does not.
using Microsoft.Extensions.AI;

namespace Contoso.Support;

public sealed class ModerationChatClient(IChatClient inner, IReadOnlyList<string> blockedTerms) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var last = messages.LastOrDefault()?.Text ?? "";
        if (blockedTerms.Any(term => last.Contains(term, StringComparison.OrdinalIgnoreCase)))
        {
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "I can't help with that request.")));
        }

        return base.GetResponseAsync(messages, options, cancellationToken);
    }
}

public sealed class TrimToolResults(IChatClient inner, int maxChars) : DelegatingChatClient(inner)
{
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        foreach (var message in messages)
        {
            foreach (var result in message.Contents.OfType<FunctionResultContent>())
            {
                if (result.Result is string text && text.Length > maxChars)
                {
                    result.Result = text[..maxChars];
                }
            }
        }

        return base.GetResponseAsync(messages, options, cancellationToken);
    }
}

public static class SupportClients
{
    public static async Task<string> ModeratedAsync(IChatClient model, string question)
    {
        var client = model.AsBuilder()
            .Use(inner => new ModerationChatClient(inner, ["password", "ssn"]))
            .UseFunctionInvocation()
            .Build();
        return (await client.GetResponseAsync(question)).Text;
    }

    public static async Task<string> TrimmedAsync(IChatClient model, string question)
    {
        var client = model.AsBuilder()
            .UseFunctionInvocation() // expect: ALN0005
            .Use(inner => new TrimToolResults(inner, maxChars: 6000))
            .Build();
        return (await client.GetResponseAsync(question)).Text; // expect-info: ALN0001
    }
}
