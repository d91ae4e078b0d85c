// Support triage agent: an OpenAI client wrapped as IChatClient, tools passed as method groups.
using System.Net.Mail;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using ChatMessage = Microsoft.Extensions.AI.ChatMessage;

namespace Contoso.Support.Triage;

public sealed class TriageAgent
{
    private readonly IChatClient _client;
    private readonly Mailer _mailer = new("smtp.contoso.example");

    public TriageAgent(string apiKey)
    {
        _client = new ChatClient("gpt-4o-mini", apiKey)
            .AsIChatClient()
            .AsBuilder()
            .UseFunctionInvocation() // expect: ALN0005
            .Build();
    }

    public async Task<string> HandleAsync(string ticket, CancellationToken cancellationToken)
    {
        var options = new ChatOptions
        {
            Instructions = "You triage support tickets. Escalate only when needed.",
            Tools =
            [
                AIFunctionFactory.Create(LookUpCustomer),
                AIFunctionFactory.Create(EscalateToOnCall), // expect: ALN0002
                AIFunctionFactory.Create(GetOpenIncidents),
            ],
        };

        var response = await _client.GetResponseAsync( // expect: ALN0001
            [new ChatMessage(ChatRole.User, ticket)], options, cancellationToken);
        return response.Text;
    }

    private string LookUpCustomer(string email) => $"Customer {email}: tier=gold, open tickets=2";

    private static string GetOpenIncidents() => "INC-1042 (database latency)";

    private string EscalateToOnCall(string summary)
    {
        _mailer.Deliver("oncall@contoso.example", "Escalation", summary);
        return "escalated";
    }
}

public sealed class Mailer(string host)
{
    public void Deliver(string to, string subject, string body)
    {
        using var smtp = new SmtpClient(host);
        smtp.Send(new MailMessage("agent@contoso.example", to, subject, body));
    }
}
