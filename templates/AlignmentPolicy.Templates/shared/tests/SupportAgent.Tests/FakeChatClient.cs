using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace SupportAgent.Tests;

/// <summary>
/// A model for tests: <c>respond</c> gets the conversation so far and returns the model's next message (a tool call or
/// text). Every request and its options are kept, so a test can assert what reached the model.
/// </summary>
public sealed class FakeChatClient(Func<IReadOnlyList<ChatMessage>, ChatMessage> respond) : IChatClient
{
    public List<(List<ChatMessage> Messages, ChatOptions? Options)> Requests { get; } = [];

    /// <summary>A model that calls <paramref name="call"/> once, then answers with what the tool returned.</summary>
    public static FakeChatClient CallingOnce(FunctionCallContent call)
        => new(messages => messages[^1].Contents.OfType<FunctionResultContent>().FirstOrDefault() is { } result
            ? new ChatMessage(ChatRole.Assistant, $"The tool said: {result.Result}")
            : new ChatMessage(ChatRole.Assistant, [call]));

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        List<ChatMessage> conversation = [.. messages];
        Requests.Add((conversation, options));
        return Task.FromResult(new ChatResponse(respond(conversation)));
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
