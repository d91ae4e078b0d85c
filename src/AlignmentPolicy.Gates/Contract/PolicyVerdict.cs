namespace AlignmentPolicy.Gates;

/// <summary>The answer of a gate: allow, deny or escalate, with the findings behind it.</summary>
public sealed class PolicyVerdict
{
    private static readonly PolicyFinding[] NoFindings = [];

    /// <summary>Creates a verdict.</summary>
    /// <param name="decision">The decision.</param>
    /// <param name="findings">The findings behind it; a denial or escalation needs at least one.</param>
    public PolicyVerdict(PolicyDecision decision, IReadOnlyList<PolicyFinding>? findings = null)
    {
        if (decision is not (PolicyDecision.Allow or PolicyDecision.Deny or PolicyDecision.Escalate))
        {
            throw new ArgumentOutOfRangeException(nameof(decision));
        }

        findings ??= NoFindings;
        if (decision != PolicyDecision.Allow && findings.Count == 0)
        {
            throw new ArgumentException("A denial or escalation must say why: give at least one finding.", nameof(findings));
        }

        Decision = decision;
        Findings = findings;
    }

    /// <summary>A shared verdict that allows with no findings.</summary>
    public static PolicyVerdict Allowed { get; } = new(PolicyDecision.Allow);

    /// <summary>The decision.</summary>
    public PolicyDecision Decision { get; }

    /// <summary>The findings behind the decision (may be empty for an allow).</summary>
    public IReadOnlyList<PolicyFinding> Findings { get; }

    /// <summary>Whether the decision is <see cref="PolicyDecision.Allow"/>.</summary>
    public bool IsAllowed => Decision == PolicyDecision.Allow;

    /// <summary>Creates a denial.</summary>
    /// <param name="principle">The principle concerned.</param>
    /// <param name="ruleId">The rule that fired.</param>
    /// <param name="reason">Why.</param>
    /// <param name="evidence">What triggered it.</param>
    /// <returns>The verdict.</returns>
    public static PolicyVerdict Deny(PolicyPrinciple principle, string ruleId, string reason, string? evidence = null)
        => new(PolicyDecision.Deny, [new PolicyFinding(principle, ruleId, reason, evidence)]);

    /// <summary>Creates an escalation to a person.</summary>
    /// <param name="principle">The principle concerned.</param>
    /// <param name="ruleId">The rule that fired.</param>
    /// <param name="reason">Why a person must decide.</param>
    /// <param name="evidence">What triggered it.</param>
    /// <returns>The verdict.</returns>
    public static PolicyVerdict Escalate(PolicyPrinciple principle, string ruleId, string reason, string? evidence = null)
        => new(PolicyDecision.Escalate, [new PolicyFinding(principle, ruleId, reason, evidence)]);

    /// <summary>Describes the verdict in one line, findings included, for logs and for the model.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        if (Findings.Count == 0)
        {
            return Decision.ToString();
        }

        var builder = new System.Text.StringBuilder(Decision.ToString());
        builder.Append(": ");
        for (var i = 0; i < Findings.Count; i++)
        {
            if (i > 0)
            {
                builder.Append("; ");
            }

            builder.Append(Findings[i].ToString());
        }

        return builder.ToString();
    }
}
