using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedModelCallAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0001 when the agent or client is read from a property of another object of the compilation: a holder handed around
/// by dependency injection, or a wrapper that builds its agent lazily. The property holds what its own type gives it,
/// whichever instance it is read from, so the call is as gated as every value the property can hold.
/// </summary>
public class PropertyOriginTests
{
    private const string Usings = """
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.Agents.AI;
        using Microsoft.Extensions.AI;

        """;

    [Fact]
    public Task A_positional_record_property_holds_the_agents_it_is_created_with()
        => Verify.VerifyAsync(Usings + """
            // rwjdk/MicrosoftAgentFrameworkSamples AgentUserInteraction.Advanced.BlazorWasmClient: Program.cs registers
            // new AgentCollection(movieAgent, weatherAgent); Pages/Home.razor.cs runs agentCollection.WeatherAgent.
            record AgentCollection(AIAgent MovieAgent, ChatClientAgent WeatherAgent);

            record GatedCollection(ChatClientAgent WeatherAgent);

            class Home(AgentCollection agentCollection, GatedCollection gated)
            {
                public async Task LookupAsync(string city)
                {
                    await agentCollection.WeatherAgent.[|RunAsync|](city);
                    await agentCollection.MovieAgent.[|RunAsync|](city);
                    await gated.WeatherAgent.RunAsync(city);
                }
            }

            static class Program
            {
                public static void Main(IChatClient model)
                {
                    IChatClient client = new OpenAI.OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient();
                    ChatClientAgent weatherAgent = client.AsAIAgent(instructions: "weather");
                    ChatClientAgent movieAgent = client.AsAIAgent(instructions: "movies");
                    var agents = new AgentCollection(movieAgent, weatherAgent);
                    var gated = new GatedCollection(model.AsBuilder().UsePolicyGate().Build().AsAIAgent(instructions: "weather"));
                }
            }
            """);

    [Fact]
    public Task A_lazily_built_property_holds_what_its_getter_returns()
        => Verify.VerifyAsync(Usings + """
            // Azure-Samples/agent-openai-banking-assistant-csharp Agents/PaymentAgent.cs and AgentRouter.cs: the wrapper's Agent
            // property builds the agent on first use (CreateAgentAsync().GetAwaiter().GetResult()); the router reads it through a cast.
            interface IPaymentAgent { }

            class PaymentAgent(IChatClient model) : IPaymentAgent
            {
                private ChatClientAgent? _agent;

                public ChatClientAgent Agent
                {
                    get
                    {
                        if (_agent == null)
                        {
                            _agent = CreateAgentAsync().GetAwaiter().GetResult();
                        }

                        return _agent;
                    }
                }

                private async Task<ChatClientAgent> CreateAgentAsync()
                {
                    await Task.Yield();
                    return new OpenAI.OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient().AsAIAgent(instructions: "payments");
                }
            }

            class GatedAgent(IChatClient model)
            {
                public ChatClientAgent Agent => model.AsBuilder().UsePolicyGate().Build().AsAIAgent(instructions: "accounts");
            }

            class AgentRouter(IPaymentAgent paymentAgent, GatedAgent accountAgent)
            {
                private readonly ChatClientAgent _paymentAgent = ((PaymentAgent)paymentAgent).Agent;

                public async Task RunAsync(string input)
                {
                    await _paymentAgent.[|RunAsync|](input);
                    await accountAgent.Agent.RunAsync(input);
                }
            }
            """);
}
