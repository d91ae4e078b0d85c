namespace AlignmentPolicy.Gates;

/// <summary>One reason behind a verdict: which principle, which rule, why, and the evidence.</summary>
public sealed class PolicyFinding
{
    /// <summary>Creates a finding.</summary>
    /// <param name="principle">The HHH principle concerned.</param>
    /// <param name="ruleId">A stable identifier of the rule, for example <c>coercion.leverage</c>.</param>
    /// <param name="reason">A sentence a person (and the model) can act on.</param>
    /// <param name="evidence">The text or argument that triggered the rule, if any.</param>
    public PolicyFinding(PolicyPrinciple principle, string ruleId, string reason, string? evidence = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ruleId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Principle = principle;
        RuleId = ruleId;
        Reason = reason;
        Evidence = evidence;
    }

    /// <summary>The HHH principle concerned.</summary>
    public PolicyPrinciple Principle { get; }

    /// <summary>A stable identifier of the rule, for example <c>coercion.leverage</c>.</summary>
    public string RuleId { get; }

    /// <summary>Why the rule fired.</summary>
    public string Reason { get; }

    /// <summary>The text or argument that triggered the rule, if any.</summary>
    public string? Evidence { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Principle.ToString().ToLowerInvariant()}/{RuleId}: {Reason}";
}
