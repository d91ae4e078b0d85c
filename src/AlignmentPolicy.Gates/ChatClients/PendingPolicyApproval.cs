namespace AlignmentPolicy.Gates;

/// <summary>The placeholder result of an escalated tool call waiting for a person; the gated client turns it
/// into a <c>ToolApprovalRequestContent</c> before the response leaves the pipeline.</summary>
internal sealed class PendingPolicyApproval(PolicyVerdict verdict)
{
    public PolicyVerdict Verdict { get; } = verdict;

    public override string ToString() => "Awaiting a person's approval; the call has not run. " + Verdict;
}
