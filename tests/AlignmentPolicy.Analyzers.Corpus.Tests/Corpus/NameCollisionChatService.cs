// A team's own abstraction happens to be called IChatCompletionService: not Semantic Kernel's.
namespace Contoso.Internal.Chat
{
    public interface IChatCompletionService
    {
        Task<string> GetChatMessageContentAsync(string prompt, CancellationToken cancellationToken = default);
    }

    /// <summary>Answers from canned replies; used in kiosk mode without any model.</summary>
    public sealed class CannedReplies : IChatCompletionService
    {
        private readonly Dictionary<string, string> _answers = new(StringComparer.OrdinalIgnoreCase)
        {
            ["opening hours"] = "We are open 9-17.",
        };

        public Task<string> GetChatMessageContentAsync(string prompt, CancellationToken cancellationToken = default)
            => Task.FromResult(_answers.TryGetValue(prompt.Trim(), out var answer) ? answer : "Please ask at the desk.");
    }

    public sealed class Kiosk(IChatCompletionService replies)
    {
        public async Task<string> AnswerAsync(string question) => await replies.GetChatMessageContentAsync(question);

        public Task<string> InvokePromptAsync(string prompt) => replies.GetChatMessageContentAsync(prompt);
    }
}
