namespace AlignmentPolicy.Evals.Models;

/// <summary>
/// The attempts one model call may still send. Two layers retry (the transport on 429, 5xx, timeouts and broken
/// connections; <see cref="ReplyCheckingChatClient"/> on replies that arrived unusable), and they share this budget,
/// so a call sends at most <see cref="HttpModelOptions.MaxAttempts"/> requests whichever way its attempts fail. It flows
/// with the call (an <see cref="AsyncLocal{T}"/>) from the reply checks down to the transport's handlers.
/// </summary>
internal sealed class AttemptBudget(int maxAttempts)
{
    private static readonly AsyncLocal<AttemptBudget?> s_current = new();
    private int _sent;

    /// <summary>The budget of the call on this flow, if a <see cref="ReplyCheckingChatClient"/> started one.</summary>
    public static AttemptBudget? Current => s_current.Value;

    public int Sent => Volatile.Read(ref _sent);

    public bool HasAttemptsLeft => Sent < maxAttempts;

    /// <summary>Starts the budget of a call on this flow; the flow's previous budget returns when the calling async
    /// method does.</summary>
    public static AttemptBudget Start(int maxAttempts) => s_current.Value = new AttemptBudget(maxAttempts);

    /// <summary>Counts a request sent.</summary>
    public void Spend() => Interlocked.Increment(ref _sent);
}
