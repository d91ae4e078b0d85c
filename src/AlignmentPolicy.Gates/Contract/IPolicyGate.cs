namespace AlignmentPolicy.Gates;

/// <summary>
/// Judges a proposed model call, a model response or a tool action against the helpful, honest and
/// harmless (HHH) policy and returns a verdict.
/// </summary>
/// <remarks>
/// A gate must be able to say no: an implementation that always returns <see cref="PolicyVerdict.Allowed"/>
/// is not a gate. Gates are called concurrently from many conversations and must be thread-safe.
/// A gate that throws or does not answer within its timeout is treated as a denial (fail closed).
/// </remarks>
public interface IPolicyGate
{
    /// <summary>Evaluates <paramref name="request"/> and returns the verdict.</summary>
    /// <param name="request">What is proposed: a model request, a model response or a tool call.</param>
    /// <param name="cancellationToken">Cancelled when the caller gives up or the gate's timeout elapses.</param>
    /// <returns>The verdict; <see cref="PolicyVerdict.Allowed"/> when the gate has no objection.</returns>
    ValueTask<PolicyVerdict> EvaluateAsync(PolicyRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// Optionally implemented by a gate to say which kinds of request it judges, so the pipeline does not
/// build a request nobody reads. Gates that do not implement it see every kind.
/// </summary>
public interface IPolicyGateScope
{
    /// <summary>The kinds of request the gate judges.</summary>
    PolicyRequestKinds Kinds { get; }
}

/// <summary>Marks the built-in deterministic gates, which always answer synchronously: the pipeline runs them
/// without a timeout timer, so the allow path does not allocate.</summary>
internal interface ISynchronousPolicyGate
{
}
