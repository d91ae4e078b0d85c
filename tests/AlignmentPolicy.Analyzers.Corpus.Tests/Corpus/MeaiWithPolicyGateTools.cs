// Per-tool gates: each side-effecting tool is wrapped with WithPolicyGate, but the pipeline itself is not gated.
using AlignmentPolicy.Gates;
using Microsoft.Extensions.AI;

namespace Contoso.Finance.Refunds;

public sealed class RefundAssistant(IChatClient inner, RefundService refunds)
{
    private readonly IChatClient _client = inner.AsBuilder()
        .UseFunctionInvocation() // expect: ALN0005
        .Build();

    public async Task<string> ProcessAsync(string request)
    {
        AIFunction issueRefund = AIFunctionFactory.Create(refunds.IssueRefund).WithPolicyGate();
        AIFunction cancelSubscription = AIFunctionFactory.Create(refunds.CancelSubscription).WithPolicyGate(o => o.DeclareSideEffects("cancel_subscription", "payments"));
        var lookup = AIFunctionFactory.Create(refunds.GetOrder);

        var response = await _client.GetResponseAsync(request, new ChatOptions { Tools = [issueRefund, cancelSubscription, lookup] }); // expect-info: ALN0001
        return response.Text;
    }
}

public sealed class RefundService(HttpClient payments)
{
    public async Task<string> IssueRefund(string orderId, decimal amount)
    {
        using var body = new StringContent($"{{\"order\":\"{orderId}\",\"amount\":{amount}}}");
        var result = await payments.PostAsync("/refunds", body);
        return result.StatusCode.ToString();
    }

    public async Task<string> CancelSubscription(string subscriptionId)
    {
        var result = await payments.DeleteAsync($"/subscriptions/{subscriptionId}");
        return result.StatusCode.ToString();
    }

    public string GetOrder(string orderId) => $"Order {orderId}: 2 items, paid";
}
