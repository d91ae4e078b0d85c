// Methods named like model calls and side effects that are neither.
using System.IO.Pipelines;
using System.Text;
using Microsoft.Extensions.AI;

namespace Acme.Legacy.Completions
{
    /// <summary>An in-house completion library for templates; it never calls a model.</summary>
    public sealed class CompletionClient
    {
        public Task<string> CompleteAsync(string template, IDictionary<string, string> values)
            => Task.FromResult(values.Aggregate(template, (text, pair) => text.Replace("{" + pair.Key + "}", pair.Value)));

        public string CompleteChat(string prefix) => prefix + "...";
    }
}

namespace Contoso.Streaming
{
    using Acme.Legacy.Completions;

    public sealed class ConversationStore
    {
        private readonly Dictionary<string, List<ChatMessage>> _sessions = [];

        public Task DeleteAsync(string sessionId)
        {
            _sessions.Remove(sessionId);
            return Task.CompletedTask;
        }

        public Task RunAsync(string sessionId, ChatMessage message)
        {
            if (!_sessions.TryGetValue(sessionId, out var list))
            {
                _sessions[sessionId] = list = [];
            }

            list.Add(message);
            return Task.CompletedTask;
        }
    }

    public static class Responder
    {
        public static async Task WriteAsync(PipeWriter writer, CompletionClient templates, ConversationStore store)
        {
            var text = await templates.CompleteAsync("Hello {name}", new Dictionary<string, string> { ["name"] = "Ada" });
            await writer.WriteAsync(Encoding.UTF8.GetBytes(text));
            await writer.CompleteAsync();
            await store.RunAsync("s1", new ChatMessage(ChatRole.Assistant, text));
            await store.DeleteAsync("s1");
        }
    }
}
