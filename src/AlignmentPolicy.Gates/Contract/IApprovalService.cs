namespace AlignmentPolicy.Gates;

/// <summary>
/// Asks a person to approve an escalated proposal. When none is configured, an escalated tool call
/// surfaces as Microsoft.Extensions.AI's <c>ToolApprovalRequestContent</c> so existing approval flows work.
/// </summary>
public interface IApprovalService
{
    /// <summary>Asks for approval and waits for the answer.</summary>
    /// <param name="request">What is proposed.</param>
    /// <param name="verdict">The escalation verdict with the findings a reviewer should read.</param>
    /// <param name="cancellationToken">Cancelled when the caller gives up.</param>
    /// <returns>The reviewer's decision.</returns>
    ValueTask<ApprovalDecision> RequestApprovalAsync(PolicyRequest request, PolicyVerdict verdict, CancellationToken cancellationToken);
}

/// <summary>A reviewer's answer to an escalation.</summary>
/// <param name="Approved">Whether the proposal may proceed.</param>
/// <param name="Reviewer">Who decided, for the decision log.</param>
/// <param name="Reason">Why, shown to the model when rejected.</param>
public readonly record struct ApprovalDecision(bool Approved, string? Reviewer = null, string? Reason = null)
{
    /// <summary>An approval.</summary>
    /// <param name="reviewer">Who approved.</param>
    /// <returns>The decision.</returns>
    public static ApprovalDecision Approve(string? reviewer = null) => new(true, reviewer);

    /// <summary>A rejection.</summary>
    /// <param name="reason">Why.</param>
    /// <param name="reviewer">Who rejected.</param>
    /// <returns>The decision.</returns>
    public static ApprovalDecision Reject(string? reason = null, string? reviewer = null) => new(false, reviewer, reason);
}
