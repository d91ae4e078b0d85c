// The gated twin of the triage agent: the same pipeline with UsePolicyGate before function invocation.
using System.Net.Mail;
using AlignmentPolicy.Gates;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Contoso.Support.TriageGated;

public sealed class TriageAgent
{
    private readonly IChatClient _client;

    public TriageAgent(string apiKey)
    {
        _client = new ChatClient("gpt-4o-mini", apiKey)
            .AsIChatClient()
            .AsBuilder()
            .UsePolicyGate()
            .UseFunctionInvocation()
            .Build();
    }

    public async Task<string> HandleAsync(string ticket, CancellationToken cancellationToken)
    {
        var options = new ChatOptions
        {
            Instructions = "You triage support tickets.",
            Tools = [AIFunctionFactory.Create(EscalateToOnCall), AIFunctionFactory.Create(LookUpCustomer)],
        };

        var response = await _client.GetResponseAsync([new ChatMessage(ChatRole.User, ticket)], options, cancellationToken);
        return response.Text;
    }

    private static string LookUpCustomer(string email) => $"Customer {email}: tier=gold";

    private static string EscalateToOnCall(string summary)
    {
        using var smtp = new SmtpClient("smtp.contoso.example");
        smtp.Send("agent@contoso.example", "oncall@contoso.example", "Escalation", summary);
        return "escalated";
    }
}
