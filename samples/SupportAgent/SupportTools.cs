using System.ComponentModel;
using AlignmentPolicy.Gates;

namespace SupportAgent;

/// <summary>The agent's tools. Side effects are recorded in an outbox and a ledger, never performed.</summary>
public sealed class SupportTools
{
    public List<string> Outbox { get; } = [];

    public List<string> Refunds { get; } = [];

    [Description("Sends an email.")]
    [SideEffect(SideEffectCategories.Mail)]
    public string SendEmail(
        [Description("Recipient address.")] string to,
        [Description("Subject line.")] string subject,
        [Description("Body text.")] string body)
    {
        Outbox.Add($"to {to}: {subject}");
        return $"Email to {to} sent.";
    }

    [Description("Refunds an order.")]
    [SideEffect(SideEffectCategories.Payments)]
    public string IssueRefund([Description("Order id.")] string orderId, [Description("Amount in EUR.")] decimal amount)
    {
        Refunds.Add($"{orderId}: {amount} EUR");
        return $"Refunded {amount} EUR for order {orderId}.";
    }

    [Description("Looks up an order's status.")]
    public string GetOrder([Description("Order id.")] string orderId) => $"Order {orderId}: delivered on Monday.";
}
