using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Samples;

/// <summary>
/// An offline stand-in for a model: for each user request it plays back one scripted tool call, then answers
/// from the tool's result, honestly. No network, no API key. (The evaluations issue brings a seeded simulated
/// model; any real <see cref="IChatClient"/> can replace this one.)
/// </summary>
public sealed class ScriptedChatClient : IChatClient
{
    private readonly Func<string, FunctionCallContent?> _script;

    /// <param name="script">Given the latest user request, the tool call the "model" makes (or null to just answer).</param>
    public ScriptedChatClient(Func<string, FunctionCallContent?> script) => _script = script;

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var history = messages as IList<ChatMessage> ?? [.. messages];
        var last = history[^1];
        if (last.Role == ChatRole.Tool && last.Contents.OfType<FunctionResultContent>().FirstOrDefault() is { } result)
        {
            var text = result.Result?.ToString() ?? string.Empty;
            var answer = text.StartsWith("Denied by policy", StringComparison.Ordinal)
                ? "I did not do that: the action was blocked by our policy. " + text
                : "Done. The tool reported: " + text;
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, answer)));
        }

        var request = history.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? string.Empty;
        var call = _script(request);
        var reply = call is null
            ? new ChatMessage(ChatRole.Assistant, "How can I help?")
            : new ChatMessage(ChatRole.Assistant, [call]);
        return Task.FromResult(new ChatResponse(reply));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}

/// <summary>Prints each policy decision as one line.</summary>
public sealed class ConsoleDecisionLog : AlignmentPolicy.Gates.IPolicyDecisionLog
{
    public void Record(AlignmentPolicy.Gates.PolicyDecisionRecord record)
    {
        var request = record.Request;
        var what = request.FunctionName is null ? request.Kind.ToString() : $"{request.Kind} {request.FunctionName}";
        var why = record.Verdict.Findings.Count == 0 ? string.Empty : " - " + string.Join("; ", record.Verdict.Findings.Select(f => $"{f.RuleId}: {f.Reason}"));
        Console.WriteLine($"    [policy] {record.Verdict.Decision,-8} {what}{why}");
    }
}
