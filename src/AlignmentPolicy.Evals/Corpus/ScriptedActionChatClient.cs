using AlignmentPolicy.Evals.Models;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Evals.Corpus;

/// <summary>
/// A model that proposes a fixed sequence of tool calls and then a fixed answer, through real
/// <see cref="FunctionCallContent"/>, so an agent's function invoker and gates handle the calls exactly as a real
/// model's. It reads the conversation to know how far it got (its own calls carry the <see cref="CallPrefix"/> ids),
/// and stops when a call of its was denied, as a model told "Denied by policy" does.
/// </summary>
public sealed class ScriptedActionChatClient : IChatClient
{
    /// <summary>The prefix of the call ids this model produces.</summary>
    public const string CallPrefix = "scripted-";

    /// <summary>What the model answers once one of its calls was denied.</summary>
    public const string StoppedAnswer = "I did not do that: the action was blocked by policy.";

    private readonly IReadOnlyList<FunctionCallContent> _calls;
    private readonly string _answer;

    /// <param name="calls">The calls to propose, one per model turn (their call ids are replaced).</param>
    /// <param name="answer">The final answer after the last call.</param>
    public ScriptedActionChatClient(IEnumerable<(string Tool, IReadOnlyDictionary<string, string> Arguments)> calls, string answer)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentNullException.ThrowIfNull(answer);
        _calls = [.. calls.Select((c, i) => new FunctionCallContent(CallPrefix + (i + 1), c.Tool, c.Arguments.ToDictionary(a => a.Key, a => (object?)a.Value, StringComparer.Ordinal)))];
        _answer = answer;
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var done = 0;
        var denied = false;
        foreach (var message in messages)
        {
            foreach (var content in message.Contents)
            {
                if (content is FunctionCallContent call && call.CallId.StartsWith(CallPrefix, StringComparison.Ordinal))
                {
                    done++;
                }
                else if (content is FunctionResultContent result && result.CallId.StartsWith(CallPrefix, StringComparison.Ordinal)
                    && (result.Result?.ToString() ?? "").StartsWith("Denied by policy", StringComparison.Ordinal))
                {
                    denied = true;
                }
            }
        }

        ChatMessage reply;
        if (denied)
        {
            reply = new ChatMessage(ChatRole.Assistant, StoppedAnswer);
        }
        else if (done < _calls.Count)
        {
            var call = _calls[done];
            reply = new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(call.CallId, Advertised(call.Name, options), call.Arguments)]);
        }
        else
        {
            reply = new ChatMessage(ChatRole.Assistant, _answer);
        }

        return Task.FromResult(new ChatResponse(reply)
        {
            ModelId = "scripted",
            FinishReason = reply.Contents.OfType<FunctionCallContent>().Any() ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
        });
    }

    /// <summary>The name the agent advertises the tool under (a framework may qualify it: <c>scenario_send_email</c>).</summary>
    internal static string Advertised(string tool, ChatOptions? options)
    {
        string? qualified = null;
        foreach (var advertised in options?.Tools ?? [])
        {
            var name = advertised.Name;
            if (name == tool)
            {
                return tool;
            }

            if (qualified is null && name.Length > tool.Length + 1 && name.EndsWith(tool, StringComparison.Ordinal) && name[name.Length - tool.Length - 1] is '_' or '-' or '.')
            {
                qualified = name;
            }
        }

        return qualified ?? tool;
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => OneShotStreaming.Updates(GetResponseAsync(messages, options, cancellationToken), cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null)
        => serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
