namespace AlignmentPolicy.Gates;

/// <summary>Receives every verdict the pipeline reaches (allow, deny, escalate and approvals).</summary>
public interface IPolicyDecisionLog
{
    /// <summary>Records a decision. Must not throw and must be thread-safe.</summary>
    /// <param name="record">The decision.</param>
    void Record(PolicyDecisionRecord record);
}

/// <summary>One decision: when, on what, the verdict and how long the gates took.</summary>
/// <param name="Timestamp">When the verdict was reached (UTC).</param>
/// <param name="Request">What was judged.</param>
/// <param name="Verdict">The verdict.</param>
/// <param name="Duration">How long the gates took.</param>
public sealed record PolicyDecisionRecord(DateTimeOffset Timestamp, PolicyRequest Request, PolicyVerdict Verdict, TimeSpan Duration);
