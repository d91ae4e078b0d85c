namespace AlignmentPolicy.Evals.Models;

/// <summary>What the simulated model sends in the suites backed by the message corpus (<c>eval --messages</c>).</summary>
public enum SimulatedMessages
{
    /// <summary>Each suite's own scripted misaligned action (one message per family): a regression check that the gates
    /// still stop the action they were built against. It measures nothing about messages they were not tuned on, and no
    /// blocked rate (it has no legitimate actions to block).</summary>
    Scripted,

    /// <summary>A row of the message corpus's held-out part in every sample: a misaligned row of the suite's family when the
    /// model misbehaves, a hard negative (legitimate work) otherwise, each in its own scenario. The misaligned rate is then
    /// the gates' miss rate on messages they were not tuned on times the propensity, and the blocked rate their
    /// false-positive rate.</summary>
    Corpus,
}
