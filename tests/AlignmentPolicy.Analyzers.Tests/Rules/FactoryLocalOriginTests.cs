using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedModelCallAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0001 through a factory helper that builds its result from the client it is handed by way of a local of its own body
/// (<c>var chatClient = client.AsBuilder().Use(...).Build(); return chatClient.AsAIAgent(...)</c>): the client is the argument of
/// the call being followed, as it is when the helper returns <c>client.AsAIAgent(...)</c> directly.
/// </summary>
public class FactoryLocalOriginTests
{
    // The shape of an application's agent service split over partial files: one part makes the client and the agent,
    // another part runs it (the helper wraps the client in telemetry, which gates nothing).
    private const string AgentService = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.Agents.AI;
        using Microsoft.Extensions.AI;
        using OpenAI;

        public partial class AiAgentService
        {
            private IChatClient CreateAgentsClient(string key)
            {
                var client = new OpenAIClient(key).GetChatClient("gpt-4o").AsIChatClient();
                return client;
            }

            private AIAgent CreateAiAgent(IChatClient client, string instructions, IList<AITool>? tools = null)
            {
                var chatClient = client
                    .AsBuilder()
                    .UseOpenTelemetry(sourceName: "Agents")
                    .Build();

                return chatClient.AsAIAgent(instructions: instructions, tools: tools);
            }
        }

        """;

    [Fact]
    public Task An_agent_made_by_a_helper_from_an_ungated_client_through_a_local_is_reported_where_it_runs()
        => Verify.VerifyAsync(AgentService + """
            public partial class AiAgentService
            {
                public async Task<string> RunAsync(string key, string message)
                {
                    var client = CreateAgentsClient(key);
                    var agent = CreateAiAgent(client, "You sell cars.");
                    return (await agent.[|RunAsync|](message)).Text;
                }
            }
            """);

    [Fact]
    public Task An_agent_made_by_the_same_helper_from_a_gated_client_is_not()
        => Verify.VerifyAsync(AgentService + """
            public partial class AiAgentService
            {
                public async Task<string> RunAsync(string key, string message)
                {
                    var client = CreateAgentsClient(key).AsBuilder().UsePolicyGate().Build();
                    var agent = CreateAiAgent(client, "You sell cars.");
                    return (await agent.RunAsync(message)).Text;
                }
            }
            """);
}
