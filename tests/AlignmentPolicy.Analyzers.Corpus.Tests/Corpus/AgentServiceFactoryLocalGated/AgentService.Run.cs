// The other part runs the agent the helper made from a gated client: nothing to report.
using Microsoft.Agents.AI;

namespace Contoso.Dealership.GatedAgents;

public partial class AgentService
{
    public async Task<string> RunAsync(Credentials credentials, string name, string instructions, string userMessage)
    {
        var client = CreateAgentsClient(credentials);
        var agent = CreateAgent(client, name, instructions);

        var result = await agent.RunAsync(userMessage);
        return result.Text;
    }
}
