using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Contoso.Billing.Agents;

public static class Runner
{
    public static async Task Main()
    {
        IChatClient chatClient = new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient();
        var tools = new PaymentTools(new PaymentsGateway(new HttpClient { BaseAddress = new Uri("https://pay.contoso.example") }));
        AIAgent agent = AgentFactory.CreateBillingAgent(chatClient, tools);

        var session = await agent.CreateSessionAsync();
        while (Console.ReadLine() is { Length: > 0 } line)
        {
            var response = await agent.RunAsync(line, session); // expect: ALN0001
            Console.WriteLine(response.Text);
        }
    }
}
