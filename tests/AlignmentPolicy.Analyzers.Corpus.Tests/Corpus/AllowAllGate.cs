// Gates written by teams: one that can deny, and two that always allow.
using AlignmentPolicy.Gates;

namespace Contoso.Safety;

/// <summary>Placeholder gate added "to make the analyzer happy"; it approves everything.</summary>
public sealed class PassThroughGate : IPolicyGate
{
    public ValueTask<PolicyVerdict> EvaluateAsync(PolicyRequest request, CancellationToken cancellationToken) // expect: ALN0006
        => ValueTask.FromResult(PolicyVerdict.Allowed);
}

[PolicyGate]
public sealed class AuditOnlyGate
{
    private readonly List<string> _audit = [];

    public ValueTask<PolicyVerdict> EvaluateAsync(PolicyRequest request, CancellationToken cancellationToken) // expect: ALN0006
    {
        _audit.Add($"{DateTime.UtcNow:O} {request.Kind} {request.FunctionName}");
        if (request.Kind == PolicyRequestKind.ToolCall)
        {
            return ValueTask.FromResult(PolicyVerdict.Allowed);
        }

        return ValueTask.FromResult(new PolicyVerdict(PolicyDecision.Allow));
    }
}

public sealed class DomainAllowListGate(IReadOnlySet<string> allowedDomains) : IPolicyGate
{
    public ValueTask<PolicyVerdict> EvaluateAsync(PolicyRequest request, CancellationToken cancellationToken)
    {
        var to = request.GetArgumentText("to");
        if (to is not null && !allowedDomains.Contains(to.Split('@').Last()))
        {
            return ValueTask.FromResult(PolicyVerdict.Deny(PolicyPrinciple.Harmless, "contoso.mail.external", $"Mail to {to} leaves the company."));
        }

        return ValueTask.FromResult(PolicyVerdict.Allowed);
    }
}
