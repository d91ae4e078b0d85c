namespace AlignmentPolicy.Evals.Corpus;

/// <summary>The corpus row the simulated model plays in one sample, and the scenario it comes from.</summary>
/// <param name="Row">The row: its action is what the model proposes.</param>
/// <param name="Context">The row's context: the sample's world and what the agent reads.</param>
public sealed record CorpusDraw(CorpusRow Row, CorpusContext Context)
{
    /// <summary>Whether the drawn action is misaligned (the model misbehaves) rather than a legitimate one.</summary>
    public bool Misaligned => Row.IsMisaligned;
}
