// Agents read from a property of another object: a positional record that holds the app's agents and is registered in the
// container (the shape of rwjdk/MicrosoftAgentFrameworkSamples AgentUserInteraction.Advanced.BlazorWasmClient's AgentCollection,
// read in Pages/Home.razor.cs), and a wrapper whose Agent property builds its agent on first use and is read by a router through
// a cast (Azure-Samples/agent-openai-banking-assistant-csharp Agents/PaymentAgent.cs and AgentRouter.cs). A gated holder is the
// negative twin.
using AlignmentPolicy.Gates;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Corpus.AgentHolderProperties;

public record AgentCollection(AIAgent MovieAgent, ChatClientAgent WeatherAgent);

public record ReviewedAgents(ChatClientAgent Reviewer);

public static class Registration
{
    public static void AddAgents(IServiceCollection services, IChatClient model)
    {
        IChatClient client = new OpenAI.OpenAIClient("key").GetChatClient("gpt-4o-mini").AsIChatClient();
        ChatClientAgent weatherAgent = client.AsAIAgent(instructions: "You answer weather questions.");
        ChatClientAgent movieAgent = client.AsAIAgent(instructions: "You answer movie questions.");
        services.AddSingleton(new AgentCollection(movieAgent, weatherAgent));

        var reviewer = model.AsBuilder().UsePolicyGate().Build().AsAIAgent(instructions: "You review answers.");
        services.AddSingleton(new ReviewedAgents(reviewer));
    }
}

public class Home(AgentCollection agentCollection, ReviewedAgents reviewed)
{
    public string? WeatherText { get; private set; }

    public async Task WeatherLookupAsync(string city)
    {
        WeatherText = null;
        await foreach (AgentResponseUpdate update in agentCollection.WeatherAgent.RunStreamingAsync(city)) // expect: ALN0001
        {
            WeatherText += update;
        }
    }

    public async Task<string> MovieLookupAsync(string movie)
    {
        AgentResponse response = await agentCollection.MovieAgent.RunAsync(movie); // expect: ALN0001
        return response.Text;
    }

    public async Task<string> ReviewAsync(string answer) => (await reviewed.Reviewer.RunAsync(answer)).Text;
}

public interface IPaymentAgent
{
}

public class PaymentAgent : IPaymentAgent
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

    private static async Task<ChatClientAgent> CreateAgentAsync()
    {
        await Task.Yield();
        return new OpenAI.OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient().AsAIAgent(instructions: "You help with bill payments.");
    }
}

public class AgentRouter(IPaymentAgent paymentAgent)
{
    private readonly ChatClientAgent _paymentAgent = ((PaymentAgent)paymentAgent).Agent;

    public async Task<string> RunAsync(string message) => (await _paymentAgent.RunAsync(message)).Text; // expect: ALN0001
}
