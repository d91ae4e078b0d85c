// The gated helpdesk: the agent is wrapped with UsePolicyGate in the same chain.
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using AlignmentPolicy.Gates;

namespace Contoso.HelpdeskGated;

public static class HelpdeskAgent
{
    public static async Task<string> RunAsync(IChatClient chatClient, HttpClient itsm, string question)
    {
        AIAgent agent = chatClient
            .AsAIAgent(
                instructions: "You are the IT helpdesk.",
                tools: [AIFunctionFactory.Create((string user) => ResetPasswordAsync(itsm, user), "reset_password")])
            .AsBuilder()
            .UsePolicyGate()
            .Build();

        var response = await agent.RunAsync(question);
        return response.Text;
    }

    private static async Task<string> ResetPasswordAsync(HttpClient itsm, string user)
    {
        var response = await itsm.PostAsync($"/users/{user}/password-reset", content: null);
        return response.IsSuccessStatusCode ? "reset link sent" : "failed";
    }
}
