// The gated twin of AgentFactoryInterface.cs: the factory behind the interface builds its agents on a gated client.
using AlignmentPolicy.Gates;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace Agents.Conversation.Gated;

public interface IAgentFactory
{
    Task<AIAgent> CreateTitleAgent();
}

public sealed class AgentFactory(string apiKey, string deployment) : IAgentFactory
{
    public async Task<AIAgent> CreateTitleAgent() => await CreateAgent("Summarise the conversation as a short title.");

    public async Task<AIAgent> CreateAgent(string instructions)
    {
        await Task.Yield();
        var chatClient = new OpenAI.Chat.ChatClient(deployment, apiKey)
            .AsIChatClient().AsBuilder().UsePolicyGate().Build();
        return chatClient.AsAIAgent(instructions: instructions);
    }
}

public sealed class TitleNode(AIAgent agent)
{
    public async Task<string> HandleAsync(string conversation) => (await agent.RunAsync(conversation)).Text;
}

public sealed class AgentService(IAgentFactory agentFactory)
{
    public async Task<string> TitleAsync(string conversation) => await new TitleNode(await agentFactory.CreateTitleAgent()).HandleAsync(conversation);
}
