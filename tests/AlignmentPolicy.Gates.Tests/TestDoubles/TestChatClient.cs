using System.Runtime.CompilerServices;

namespace AlignmentPolicy.Gates.Tests;

/// <summary>A hand-written chat client whose behaviour is set with callbacks; it records what reaches it.</summary>
public sealed class TestChatClient : IChatClient
{
    public Func<IList<ChatMessage>, ChatOptions?, CancellationToken, Task<ChatResponse>>? GetResponseAsyncCallback { get; set; }

    public Func<IList<ChatMessage>, ChatOptions?, CancellationToken, IAsyncEnumerable<ChatResponseUpdate>>? GetStreamingResponseAsyncCallback { get; set; }

    /// <summary>Every call's messages, in order.</summary>
    public List<List<ChatMessage>> Calls { get; } = [];

    public List<CancellationToken> Tokens { get; } = [];

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Calls.Add(list);
        Tokens.Add(cancellationToken);
        return GetResponseAsyncCallback?.Invoke(list, options, cancellationToken) ?? throw new InvalidOperationException("No response configured.");
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = messages.ToList();
        Calls.Add(list);
        Tokens.Add(cancellationToken);
        if (GetStreamingResponseAsyncCallback is { } streaming)
        {
            return streaming(list, options, cancellationToken);
        }

        return FromResponse(list, options, cancellationToken);
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }

    /// <summary>A client that answers with the given responses in turn (the last one repeats).</summary>
    public static TestChatClient Scripted(params ChatResponse[] responses)
    {
        var index = 0;
        return new TestChatClient
        {
            GetResponseAsyncCallback = (_, _, _) => Task.FromResult(Clone(responses[Math.Min(index++, responses.Length - 1)])),
        };
    }

    public static ChatResponse Call(string callId, string name, params (string Key, object? Value)[] arguments)
        => new(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(callId, name, arguments.ToDictionary(a => a.Key, a => a.Value))]));

    public static ChatResponse Text(string text) => new(new ChatMessage(ChatRole.Assistant, text));

    private async IAsyncEnumerable<ChatResponseUpdate> FromResponse(IList<ChatMessage> messages, ChatOptions? options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var response = await GetResponseAsyncCallback!(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            await Task.Yield();
            cancellationToken.ThrowIfCancellationRequested();
            yield return update;
        }
    }

    private static ChatResponse Clone(ChatResponse response)
    {
        // Fresh content objects per call: the pipeline marks calls informational in place.
        var messages = response.Messages.Select(m => new ChatMessage(m.Role, m.Contents.Select(c => c switch
        {
            FunctionCallContent call => new FunctionCallContent(call.CallId, call.Name, call.Arguments is null ? null : new Dictionary<string, object?>(call.Arguments)),
            _ => c,
        }).ToList())).ToList();
        return new ChatResponse(messages);
    }
}
