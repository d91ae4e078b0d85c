// The gated twin of ChatContextInterface.cs: the same service called through its interface (here an explicit implementation),
// and every caller hands it a client whose pipeline has UsePolicyGate().
using AlignmentPolicy.Gates;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Contoso.Bot.Gated;

public interface IChatContext
{
    Task<string> InferAsync(IChatClient chatClient, string prompt);
}

public sealed class ChatContext : IChatContext
{
    async Task<string> IChatContext.InferAsync(IChatClient chatClient, string prompt)
        => (await chatClient.GetResponseAsync(prompt)).Text;
}

public sealed class GatedChatClient(string apiKey, string model)
{
    public IChatClient ChatClient { get; } = new OpenAIClient(apiKey).GetChatClient(model).AsIChatClient().AsBuilder().UsePolicyGate().Build();
}

public sealed class StatusGenerator(IChatContext context, GatedChatClient client)
{
    public Task<string> NextStatusAsync() => context.InferAsync(client.ChatClient, "Write a one-line status for the bot.");
}
