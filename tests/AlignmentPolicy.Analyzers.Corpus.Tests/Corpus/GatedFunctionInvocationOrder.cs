// The gate may come after function invocation in the chain: every tool call still passes it.
using System.Net.Mail;
using AlignmentPolicy.Gates;
using Microsoft.Extensions.AI;

namespace Contoso.Newsletter;

public sealed class NewsletterAgent(IChatClient model, SmtpClient smtp)
{
    private readonly IChatClient _client = model.AsBuilder()
        .UseFunctionInvocation()
        .UsePolicyGate(new OversightPolicyGate())
        .Build();

    public async Task<string> SendIssueAsync(string draft)
    {
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create(SendToSubscribers)] };
        var response = await _client.GetResponseAsync($"Proofread and send:\n{draft}", options);
        return response.Text;
    }

    private string SendToSubscribers(string subject, string body)
    {
        smtp.Send("news@contoso.example", "subscribers@lists.contoso.example", subject, body);
        return "sent";
    }
}
