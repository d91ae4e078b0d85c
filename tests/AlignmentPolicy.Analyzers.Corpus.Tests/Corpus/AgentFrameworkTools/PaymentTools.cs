// Tools defined here; the agent that registers them is in AgentFactory.cs.
using System.ComponentModel;

namespace Contoso.Billing.Agents;

public sealed class PaymentTools(PaymentsGateway gateway)
{
    [Description("Gets the balance of an invoice.")]
    public decimal GetBalance(string invoiceId) => invoiceId.Length * 10m;

    [Description("Charges the customer's card on file.")]
    public Task<string> ChargeCard(string customerId, decimal amount) => gateway.ChargeAsync(customerId, amount);

    [Description("Schedules a payment reminder (demo only).")]
    public string ScheduleReminder(string invoiceId, DateTime when) => $"Reminder for {invoiceId} at {when:t} (not persisted).";
}

public sealed class PaymentsGateway(HttpClient http)
{
    public async Task<string> ChargeAsync(string customerId, decimal amount)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/customers/{customerId}/charges")
        {
            Content = new StringContent(amount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        };
        using var response = await http.SendAsync(request);
        return response.StatusCode.ToString();
    }
}
