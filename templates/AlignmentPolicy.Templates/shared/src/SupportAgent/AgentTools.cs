using System.ComponentModel;
using AlignmentPolicy.Gates;

namespace SupportAgent;

/// <summary>The tools the model may call. Their side effects are declared, so the gates judge every call.</summary>
public sealed class AgentTools(IMailSender mail, IOrderLookup orders)
{
    [Description("Sends an email.")]
    [SideEffect(SideEffectCategories.Mail)]
    public async Task<string> SendEmailAsync(
        [Description("Recipient address.")] string to,
        [Description("Subject line.")] string subject,
        [Description("Body text.")] string body,
        CancellationToken cancellationToken = default)
    {
        await mail.SendAsync(to, subject, body, cancellationToken).ConfigureAwait(false);
        return $"Email to {to} sent.";
    }

    [Description("Looks up an order's status.")]
    public Task<string> GetOrderStatus([Description("Order id.")] string orderId, CancellationToken cancellationToken = default)
        => orders.GetStatusAsync(orderId, cancellationToken);
}

/// <summary>Sends mail for the agent (the host's SMTP or Graph client).</summary>
public interface IMailSender
{
    Task SendAsync(string to, string subject, string body, CancellationToken cancellationToken);
}

/// <summary>Reads order status for the agent (the host's order system).</summary>
public interface IOrderLookup
{
    Task<string> GetStatusAsync(string orderId, CancellationToken cancellationToken);
}
