// Azure AI Inference (GitHub Models, Foundry model endpoints): one endpoint, several deployed models asked the same question in turn,
// the answers compared side by side. ChatCompletionsClient.CompleteAsync sends the messages to the model named in the options, and
// nothing gates it. A checkout session's CompleteAsync on the same page completes an order: the same name, no model. The inference
// package is not among the corpus's references: its surface is declared at the end of this file, with the package's names.
using Azure.AI.Inference;

namespace Contoso.ModelLab
{
    public sealed class CheckoutSession
    {
        public Task<bool> CompleteAsync(string orderId) => Task.FromResult(orderId.Length > 0);
    }

    public static class ModelComparison
    {
        public static async Task<IReadOnlyDictionary<string, string>> CompareAsync(Uri endpoint, string question, IEnumerable<string> models)
        {
            var client = new ChatCompletionsClient(endpoint);
            var answers = new Dictionary<string, string>();
            foreach (var model in models)
            {
                var options = new ChatCompletionsOptions { Model = model };
                options.Messages.Add(new ChatRequestSystemMessage("Answer in two sentences."));
                options.Messages.Add(new ChatRequestUserMessage(question));
                var response = await client.CompleteAsync(options); // expect: ALN0001
                answers[model] = response.Content;
            }

            return answers;
        }

        public static Task<bool> FinishOrderAsync(CheckoutSession session, string orderId) => session.CompleteAsync(orderId);
    }
}

namespace Azure.AI.Inference
{
    public abstract class ChatRequestMessage
    {
        protected ChatRequestMessage(string content) => Content = content;

        public string Content { get; }
    }

    public sealed class ChatRequestSystemMessage(string content) : ChatRequestMessage(content);

    public sealed class ChatRequestUserMessage(string content) : ChatRequestMessage(content);

    public sealed class ChatCompletionsOptions
    {
        public string Model { get; set; } = "";

        public IList<ChatRequestMessage> Messages { get; } = new List<ChatRequestMessage>();
    }

    public sealed class ChatCompletions
    {
        public string Content { get; init; } = "";
    }

    public class ChatCompletionsClient
    {
        public ChatCompletionsClient(Uri endpoint) => Endpoint = endpoint;

        public Uri Endpoint { get; }

        public virtual Task<ChatCompletions> CompleteAsync(ChatCompletionsOptions options) => Task.FromResult(new ChatCompletions());
    }
}
