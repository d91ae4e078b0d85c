// An agent made by a factory the code calls through its interface (jonathandbailey/aspire-agent-framework-ddd
// src/Agents.Conversation/AgentFactory.cs, Interfaces/IAgentFactory.cs, Services/AgentService.cs, Workflows/TitleNode.cs):
// AgentService gets an injected IAgentFactory, awaits CreateTitleAgent() and hands the agent to a workflow node whose
// primary constructor keeps it. The implementation builds the agent from a raw chat client (an Azure OpenAI one there).
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using System.Text;

namespace Agents.Conversation;

public interface IAgentFactory
{
    Task<AIAgent> CreateConversationAgent();

    Task<AIAgent> CreateTitleAgent();
}

public sealed class AgentFactory(string apiKey, string deployment) : IAgentFactory
{
    public async Task<AIAgent> CreateConversationAgent() => await CreateAgent("You are a helpful travel assistant.");

    public async Task<AIAgent> CreateTitleAgent() => await CreateAgent("Summarise the conversation as a short title.");

    public async Task<AIAgent> CreateAgent(string instructions)
    {
        await Task.Yield();
        var chatClient = new OpenAI.Chat.ChatClient(deployment, apiKey);
        var agent = chatClient.AsIChatClient().AsAIAgent(instructions: instructions);
        return agent;
    }
}

public sealed class TitleNode(AIAgent agent)
{
    public async Task<string> HandleAsync(string conversation, CancellationToken cancellationToken = default)
    {
        var stringBuilder = new StringBuilder();
        await foreach (var update in agent.RunStreamingAsync(conversation, cancellationToken: cancellationToken)) // expect: ALN0001
        {
            stringBuilder.Append(update.Text);
        }

        return stringBuilder.ToString();
    }
}

public sealed class AgentService(IAgentFactory agentFactory)
{
    public async Task<string> TitleAsync(string conversation)
    {
        var summarizerAgent = await agentFactory.CreateTitleAgent();
        var titleNode = new TitleNode(summarizerAgent);
        return await titleNode.HandleAsync(conversation);
    }
}
