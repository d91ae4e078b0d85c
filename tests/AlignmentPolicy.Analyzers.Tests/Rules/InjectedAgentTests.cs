using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedModelCallAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>ALN0001 on agents taken from the container: followed to the registration of their own service type.</summary>
public class InjectedAgentTests
{
    private const string Usings = """
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.Agents.AI;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.DependencyInjection;
        using OpenAI;

        """;

    [Fact]
    public Task An_agent_registered_with_a_factory_is_gated_as_the_factorys_result()
    {
        // semantic-kernel AgentFrameworkMigration/OpenAI/Step03_DependencyInjection: AddTransient<AIAgent>(sp => ...AsAIAgent(...)).
        return Verify.VerifyAsync(Usings + """
            class Program
            {
                public static async Task UngatedAsync(string apiKey)
                {
                    var services = new ServiceCollection();
                    services.AddTransient<AIAgent>((sp) => new OpenAIClient(apiKey).GetChatClient("gpt-4o").AsIChatClient().AsAIAgent(name: "Joker", instructions: "Tell jokes."));
                    services.AddKeyedSingleton<AIAgent>("safe", (sp, _) => new OpenAIClient(apiKey).GetChatClient("gpt-4o").AsIChatClient().AsBuilder().UsePolicyGate().Build().AsAIAgent(instructions: "Tell jokes."));
                    await using var provider = services.BuildServiceProvider();

                    var agent = provider.GetRequiredService<AIAgent>();
                    await agent.[|RunAsync|]("Tell me a joke");

                    var safe = provider.GetRequiredKeyedService<AIAgent>("safe");
                    await safe.RunAsync("Tell me a joke");
                }
            }

            class Joker([FromKeyedServices("safe")] AIAgent agent)
            {
                public Task<AgentResponse> TellAsync() => agent.RunAsync("Tell me a joke");
            }
            """);
    }
}
