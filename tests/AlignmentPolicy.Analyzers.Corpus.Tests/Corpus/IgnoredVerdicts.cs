// Gates called by hand: some verdicts are acted on, some are dropped.
using AlignmentPolicy.Gates;

namespace Contoso.Payouts;

public sealed class PayoutService(IPolicyGate gate, HttpClient bank)
{
    public async Task<string> PayAsync(string account, decimal amount, CancellationToken cancellationToken)
    {
        var request = PolicyRequest.ForToolCall("pay", new Dictionary<string, object?> { ["account"] = account, ["amount"] = amount }, ["payments"]);
        await gate.EvaluateAsync(request, cancellationToken); // expect: ALN0004
        var response = await bank.PostAsync($"/payouts/{account}?amount={amount}", content: null, cancellationToken);
        return response.StatusCode.ToString();
    }

    public async Task<string> RefundAsync(string account, decimal amount, CancellationToken cancellationToken)
    {
        var request = PolicyRequest.ForToolCall("refund", new Dictionary<string, object?> { ["account"] = account }, ["payments"]);
        var verdict = await gate.EvaluateAsync(request, cancellationToken); // expect: ALN0004
        Console.WriteLine($"refund of {amount} to {account} requested");
        var response = await bank.PostAsync($"/refunds/{account}?amount={amount}", content: null, cancellationToken);
        return response.StatusCode.ToString();
    }

    public async Task<string> ReverseAsync(string payoutId, CancellationToken cancellationToken)
    {
        _ = await gate.EvaluateAsync(PolicyRequest.ForToolCall("reverse", null, ["payments"]), cancellationToken); // expect: ALN0004
        var response = await bank.DeleteAsync($"/payouts/{payoutId}", cancellationToken);
        return response.StatusCode.ToString();
    }

    public async Task<string> CloseAccountAsync(string account, CancellationToken cancellationToken)
    {
        var verdict = await gate.EvaluateAsync(PolicyRequest.ForToolCall("close_account", null, ["payments"]), cancellationToken);
        if (!verdict.IsAllowed)
        {
            return $"Refused: {verdict}";
        }

        var response = await bank.DeleteAsync($"/accounts/{account}", cancellationToken);
        return response.StatusCode.ToString();
    }

    public async Task<string> FreezeAsync(string account, CancellationToken cancellationToken)
    {
        var verdict = await gate.EvaluateAsync(PolicyRequest.ForToolCall("freeze", null, ["payments"]), cancellationToken);
        switch (verdict.Decision)
        {
            case PolicyDecision.Allow:
                var response = await bank.PutAsync($"/accounts/{account}/freeze", content: null, cancellationToken);
                return response.StatusCode.ToString();
            case PolicyDecision.Escalate:
                return "Sent to a reviewer.";
            default:
                return "Refused.";
        }
    }
}
