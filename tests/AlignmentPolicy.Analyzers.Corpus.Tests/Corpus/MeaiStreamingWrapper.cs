// A small wrapper that hides the streaming call, as many console samples do.
using Microsoft.Extensions.AI;
using OpenAI;

namespace Samples.ConsoleChat;

public static class Program
{
    private static readonly IChatClient Client = new OpenAIClient(Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "key")
        .GetChatClient("gpt-4o")
        .AsIChatClient();

    public static async Task Main()
    {
        List<ChatMessage> history = [new(ChatRole.System, "You are a concise assistant.")];
        while (Console.ReadLine() is { Length: > 0 } line)
        {
            history.Add(new ChatMessage(ChatRole.User, line));
            var text = "";
            await foreach (var update in Ask(history))
            {
                Console.Write(update.Text);
                text += update.Text;
            }

            history.Add(new ChatMessage(ChatRole.Assistant, text));
        }
    }

    private static IAsyncEnumerable<ChatResponseUpdate> Ask(IList<ChatMessage> history)
        => Client.GetStreamingResponseAsync(history); // expect: ALN0001
}
