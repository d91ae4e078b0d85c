// An application's agent service split over partial files: this part makes the client and the agent. The helper wraps the
// client it is handed in telemetry through a local before it makes the agent, so the agent is as gated as the caller's client (here: gated).
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using AlignmentPolicy.Gates;
using OpenAI;

namespace Contoso.Dealership.GatedAgents;

public sealed record Credentials(string ApiKey, string Model);

public partial class AgentService
{
    private const string SourceName = "Contoso.Dealership";

    private static IChatClient CreateAgentsClient(Credentials credentials)
    {
        var client = new OpenAIClient(credentials.ApiKey)
            .GetChatClient(credentials.Model)
            .AsIChatClient()
            .AsBuilder()
            .UsePolicyGate()
            .Build();

        return client;
    }

    private static AIAgent CreateAgent(IChatClient client, string name, string instructions)
    {
        var chatClient = client
            .AsBuilder()
            .UseOpenTelemetry(sourceName: SourceName)
            .Build();

        return chatClient.AsAIAgent(name: name, instructions: instructions);
    }
}
