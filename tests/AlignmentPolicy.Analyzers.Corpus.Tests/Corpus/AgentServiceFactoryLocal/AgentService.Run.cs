// The other part runs the agent the helper made from an ungated client.
using Microsoft.Agents.AI;

namespace Contoso.Dealership.Agents;

public partial class AgentService
{
    public async Task<string> RunAsync(Credentials credentials, string name, string instructions, string userMessage)
    {
        var client = CreateAgentsClient(credentials);
        var agent = CreateAgent(client, name, instructions);

        var result = await agent.RunAsync(userMessage); // expect: ALN0001
        return result.Text;
    }
}
