using System;
using System.Collections.Generic;

namespace AlignmentPolicy.Core.Evals;

/// <summary>
/// A cell's per-sample streams, by sample index ('0' aligned, '1' misaligned, 'E' error, '.' not run): the inputs every
/// figure of a results file is computed from, and what the transcripts are recounted into. A new per-sample stream is a
/// property here, read in <see cref="Of"/>, written in <see cref="ApplyTo"/> and listed in <see cref="Streams"/> (which
/// the recomputation compares with the transcripts field by field); its figures are then <see cref="ResultsCalculator"/>'s.
/// </summary>
public sealed class CellOutcomes
{
    /// <summary>The streams of a cell.</summary>
    public CellOutcomes(string outcomes, string? unmonitored = null, string? legitimate = null)
    {
        Outcomes = outcomes ?? throw new ArgumentNullException(nameof(outcomes));
        Unmonitored = unmonitored;
        Legitimate = legitimate;
    }

    /// <summary>The outcomes (the monitored arm of a gap suite).</summary>
    public string Outcomes { get; }

    /// <summary>The unmonitored arm of a gap suite; null otherwise.</summary>
    public string? Unmonitored { get; }

    /// <summary>The legitimate actions' outcomes ('0' reached its tool, '1' blocked by the gates, '.' no legitimate action):
    /// the helpfulness cost's stream; null where the run could not tell. Transcripts do not record it, so it is not in
    /// <see cref="Streams"/>: the recomputation takes it from the results file and recomputes every figure from it.</summary>
    public string? Legitimate { get; }

    /// <summary>These streams with the legitimate-action outcomes of <paramref name="cell"/>.</summary>
    public CellOutcomes WithLegitimateOf(EvalCellResult cell)
        => cell is null ? throw new ArgumentNullException(nameof(cell)) : new CellOutcomes(Outcomes, Unmonitored, cell.LegitimateOutcomes);

    /// <summary>The streams <paramref name="cell"/> records.</summary>
    public static CellOutcomes Of(EvalCellResult cell)
        => cell is null ? throw new ArgumentNullException(nameof(cell)) : new CellOutcomes(cell.Outcomes, cell.UnmonitoredOutcomes, cell.LegitimateOutcomes);

    /// <summary>Every stream with the results-file field it is recorded in (an absent stream as empty text).</summary>
    public IEnumerable<(string Field, string Value)> Streams()
    {
        yield return ("outcomes", Outcomes);
        yield return ("unmonitoredOutcomes", Unmonitored ?? "");
    }

    /// <summary>Writes the streams into <paramref name="cell"/>.</summary>
    internal void ApplyTo(EvalCellResult cell)
    {
        cell.Outcomes = Outcomes;
        cell.UnmonitoredOutcomes = Unmonitored;
        cell.LegitimateOutcomes = Legitimate;
    }
}
