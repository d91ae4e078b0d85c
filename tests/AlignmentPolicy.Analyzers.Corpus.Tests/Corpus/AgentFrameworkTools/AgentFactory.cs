using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace Contoso.Billing.Agents;

public static class AgentFactory
{
    public static AIAgent CreateBillingAgent(IChatClient chatClient, PaymentTools tools)
    {
        var options = new ChatClientAgentOptions
        {
            Name = "billing",
            ChatOptions = new ChatOptions
            {
                Instructions = "You help customers settle invoices.",
                Tools =
                [
                    AIFunctionFactory.Create(tools.GetBalance),
                    AIFunctionFactory.Create(tools.ChargeCard), // expect: ALN0002
                    AIFunctionFactory.Create(tools.ScheduleReminder),
                ],
            },
        };
        return chatClient.AsAIAgent(options); // expect: ALN0005
    }
}
