using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AlignmentPolicy.Core.Attestation;

namespace AlignmentPolicy.Core.Evals;

/// <summary>What kind of disagreement a recomputation found.</summary>
public enum ResultsDiscrepancyKind
{
    /// <summary>The results name a suite definition other than the one at hand (digest or name), or none is available.</summary>
    SuiteDefinition,
    /// <summary>The results were computed with settings the policy does not give (threshold, confidence, primary cells, ...).</summary>
    Settings,
    /// <summary>The cells are not the suite's, or marked primary or control otherwise than the suite and policy say.</summary>
    Cells,
    /// <summary>The recorded outcomes are not the ones the evidence (the transcripts) gives.</summary>
    Outcomes,
    /// <summary>A derived figure or verdict differs from its recomputed value.</summary>
    Figure,
}

/// <summary>One disagreement: its kind, the field (a '/' path in results-file terms: <c>cells/2/bound</c>) and a message.</summary>
public sealed class ResultsDiscrepancy
{
    internal ResultsDiscrepancy(ResultsDiscrepancyKind kind, string field, string message)
    {
        Kind = kind;
        Field = field;
        Message = message;
    }

    /// <summary>The kind.</summary>
    public ResultsDiscrepancyKind Kind { get; }

    /// <summary>The field, as a path of property names and cell indexes of the checked document.</summary>
    public string Field { get; }

    /// <summary>What differs and what it should be.</summary>
    public string Message { get; }
}

/// <summary>The outcome of a recomputation: the disagreements, and the figures as recomputed.</summary>
public sealed class ResultsProof
{
    internal ResultsProof(List<ResultsDiscrepancy> discrepancies, EvalResultsDocument? recomputed)
    {
        Discrepancies = discrepancies;
        Recomputed = recomputed;
    }

    /// <summary>Every disagreement found; empty when the results are what their outcomes and the policy give.</summary>
    public IReadOnlyList<ResultsDiscrepancy> Discrepancies { get; }

    /// <summary>The results recomputed from the outcomes under the policy (null when the cells or settings could not be matched).</summary>
    public EvalResultsDocument? Recomputed { get; }

    /// <summary>Whether the results carry their own proof.</summary>
    public bool Holds => Discrepancies.Count == 0;
}

/// <summary>
/// Recomputes a results document from its outcomes, the suite definition and the policy in force, and lists every field
/// whose recorded value differs. Nothing the document says about itself is trusted: which cells exist and which decide
/// come from the suite definition and the policy, the settings from <see cref="EvalRunSettings"/>, every figure and
/// verdict from <see cref="ResultsCalculator"/>, and (for the pack gate) the outcomes from the transcripts.
/// The figures compared are the fields <see cref="EvalResultsShape"/> marks as derived, so a metric added there is
/// checked here with no new code.
/// </summary>
public static class ResultsRecomputation
{
    private const double Tolerance = 1e-9;

    /// <summary>
    /// Checks <paramref name="recorded"/> against <paramref name="suite"/> and <paramref name="requirement"/>. The figures are
    /// recomputed from <paramref name="evidence"/> (cell id to outcomes, e.g. from the transcripts) when given, else from
    /// the recorded outcomes.
    /// </summary>
    public static ResultsProof Check(
        EvalResultsDocument recorded, SuiteLayout suite, RequirementRecord? requirement,
        IReadOnlyDictionary<string, CellOutcomes>? evidence = null)
    {
        if (recorded is null || suite is null)
        {
            throw new ArgumentNullException(recorded is null ? nameof(recorded) : nameof(suite));
        }

        var found = new List<ResultsDiscrepancy>();
        void Add(ResultsDiscrepancyKind kind, string field, string message) => found.Add(new ResultsDiscrepancy(kind, field, message));

        if (recorded.Suite != suite.Name || recorded.SuiteSha256 != suite.Sha256)
        {
            Add(ResultsDiscrepancyKind.SuiteDefinition, recorded.Suite != suite.Name ? "suite" : "suiteSha256",
                $"The results were computed with suite '{Q(recorded.Suite)}' {Q(recorded.SuiteVersion)} (SHA-256 {Q(recorded.SuiteSha256)}), but the definition of {suite.Name} at hand is version {suite.Version} with SHA-256 {suite.Sha256}. Use the same version of the alignment-policy tool and of AlignmentPolicy.Build, and run 'alignment-policy eval' again.");
            return new ResultsProof(found, null);
        }

        var settings = TrustedSettings(recorded, suite, requirement, Add);
        if (settings is null || found.Count > 0)
        {
            return new ResultsProof(found, null);
        }

        if (!CheckCells(recorded, suite, settings, Add))
        {
            return new ResultsProof(found, null);
        }

        // The transcripts give the misaligned outcomes; the legitimate-action outcomes come from the file, and every blocked
        // figure (per cell and for the suite, with its bound against maxBlockedRate) is recomputed from them.
        var outcomes = evidence is null
            ? recorded.Cells.ToDictionary(c => c.Id, CellOutcomes.Of, StringComparer.Ordinal)
            : evidence.ToDictionary(e => e.Key, e => recorded.Cells.FirstOrDefault(c => c.Id == e.Key) is { } cell ? e.Value.WithLegitimateOf(cell) : e.Value, StringComparer.Ordinal);
        var recomputed = EvalRunSettings.Compute(suite, settings, outcomes, recorded.ShardCount);
        for (var i = 0; i < recorded.Cells.Count && evidence is not null; i++)
        {
            var cell = recorded.Cells[i];
            var expected = CellOutcomes.Of(recomputed.Cells.First(c => c.Id == cell.Id)).Streams().ToList();
            foreach (var (field, have) in CellOutcomes.Of(cell).Streams())
            {
                var want = expected.First(s => s.Field == field).Value;
                if (have != want)
                {
                    Add(ResultsDiscrepancyKind.Outcomes, "cells/" + i.ToString(CultureInfo.InvariantCulture) + "/" + field,
                        $"Cell '{cell.Id}' records {(field == "outcomes" ? "outcomes" : "'" + field + "'")} ({TranscriptTally.Describe(have)}) that its transcripts do not give ({TranscriptTally.Describe(want)}): the results or the transcripts were edited. Run 'alignment-policy eval' again.");
                    break;
                }
            }
        }

        // Every figure follows from the outcomes (Holm ties the cells together): compared only once the outcomes agree.
        if (found.Count > 0)
        {
            return new ResultsProof(found, recomputed);
        }

        for (var i = 0; i < recorded.Cells.Count; i++)
        {
            var cell = recorded.Cells[i];
            Compare(EvalResultsShape.Cell, cell, recomputed.Cells.First(c => c.Id == cell.Id), "cells/" + i.ToString(CultureInfo.InvariantCulture), $"cell '{cell.Id}'", Add);
        }

        Compare(EvalResultsShape.Document, recorded, recomputed, "", "the suite", Add);
        return new ResultsProof(found, recomputed);
    }

    /// <summary>
    /// The settings the policy gives for this run: everything from the requirement and the suite, and only the sample count,
    /// early stopping and the error limit (at most the default) from the recorded run. Reports each recorded setting that differs.
    /// </summary>
    private static EvalSettingsRecord? TrustedSettings(EvalResultsDocument recorded, SuiteLayout suite, RequirementRecord? requirement, Action<ResultsDiscrepancyKind, string, string> add)
    {
        var run = recorded.Settings;
        if (recorded.Mode != "pipeline")
        {
            add(ResultsDiscrepancyKind.Settings, "mode",
                $"The results were computed in '{Q(recorded.Mode)}' mode (the suite's own prompt against the bare model); the policy requires the agent's own pipeline. Run 'alignment-policy eval' without --reference.");
        }

        if (run.ErrorLimit > EvalRunSettings.DefaultErrorLimit + Tolerance)
        {
            add(ResultsDiscrepancyKind.Settings, "settings/errorLimit",
                $"The results allow {F(run.ErrorLimit)} of samples to end in errors; the pack gate accepts at most {F(EvalRunSettings.DefaultErrorLimit)} (errors hide what an agent would have done). Run 'alignment-policy eval' again without a higher --error-limit.");
        }

        EvalSettingsRecord trusted;
        try
        {
            // The error limit is the run's (reported above when it is over the default), so it is not reported twice.
            trusted = EvalRunSettings.Create(suite, requirement, run.MaxSamples, run.EarlyStopping, run.ErrorLimit);
        }
        catch (SuiteLayoutException e)
        {
            add(ResultsDiscrepancyKind.Settings, "settings/primaryCells", $"The policy's requirement cannot be applied to {suite.Name}: {e.Message}");
            return null;
        }

        foreach (var field in EvalResultsShape.Settings)
        {
            var have = field.Get(run);
            var want = field.Get(trusted);
            if (!SameValue(have, want, unordered: true))
            {
                var (shownHave, shownWant) = ShowPair(have, want);
                add(ResultsDiscrepancyKind.Settings, "settings/" + field.Name,
                    $"The results were computed with '{field.Name}' {shownHave}, but the policy gives {suite.Name} {shownWant}. Run 'alignment-policy eval' again with this policy.");
            }
        }

        return trusted;
    }

    private static bool CheckCells(EvalResultsDocument recorded, SuiteLayout suite, EvalSettingsRecord settings, Action<ResultsDiscrepancyKind, string, string> add)
    {
        var ok = true;
        if (recorded.Cells.Count == 0)
        {
            add(ResultsDiscrepancyKind.Cells, "cells", $"The results have no cells; {suite.Name} has {suite.Cells.Count} ({string.Join(", ", suite.Cells.Select(c => c.Id))}).");
            return false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < recorded.Cells.Count; i++)
        {
            var cell = recorded.Cells[i];
            var at = "cells/" + i.ToString(CultureInfo.InvariantCulture);
            var layout = suite.FindCell(cell.Id);
            if (layout is null || !seen.Add(cell.Id))
            {
                ok = false;
                add(ResultsDiscrepancyKind.Cells, at + "/id", layout is null
                    ? $"Cell '{Q(cell.Id)}' is not a cell of {suite.Name}."
                    : $"Cell '{Q(cell.Id)}' appears twice.");
                continue;
            }

            var primary = EvalRunSettings.IsPrimary(layout, settings);
            if (cell.Primary != primary)
            {
                ok = false;
                add(ResultsDiscrepancyKind.Cells, at + "/primary",
                    $"Cell '{cell.Id}' is marked {(cell.Primary ? "primary" : "not primary")}, but it is {(primary ? "a primary cell" : "not a primary cell")} of {suite.Name} under the policy (primary: {string.Join(", ", settings.PrimaryCells)}): primary cells decide the verdict, and they come from the suite and the policy, not from the results.");
            }

            if (cell.Control != layout.IsControl)
            {
                ok = false;
                add(ResultsDiscrepancyKind.Cells, at + "/control",
                    $"Cell '{cell.Id}' is marked {(cell.Control ? "a control" : "not a control")}, but {suite.Name}'s control cell is '{suite.Control}'.");
            }
        }

        var missing = suite.Cells.Where(c => !seen.Contains(c.Id)).Select(c => c.Id).ToList();
        if (missing.Count > 0)
        {
            ok = false;
            add(ResultsDiscrepancyKind.Cells, "cells", $"The results lack {(missing.Count == 1 ? "cell" : "cells")} {string.Join(", ", missing.Select(m => "'" + m + "'"))} of {suite.Name}: every cell of the suite is run and reported.");
        }

        return ok;
    }

    private static void Compare(IReadOnlyList<EvalResultsShape.Field> shape, object have, object want, string at, string what, Action<ResultsDiscrepancyKind, string, string> add)
    {
        foreach (var field in shape)
        {
            if (!field.Derived)
            {
                continue;
            }

            var path = at.Length == 0 ? field.Name : at + "/" + field.Name;
            var recorded = field.Get(have);
            var recomputed = field.Get(want);
            if (field.Shape is not null && recorded is IList haveItems && recomputed is IList wantItems)
            {
                if (haveItems.Count != wantItems.Count)
                {
                    add(ResultsDiscrepancyKind.Figure, path, $"The {field.Name} of {what} list {haveItems.Count} entries; recomputed from its outcomes they are {wantItems.Count}.");
                    continue;
                }

                for (var i = 0; i < haveItems.Count; i++)
                {
                    foreach (var item in field.Shape)
                    {
                        var a = item.Get(haveItems[i]!);
                        var b = item.Get(wantItems[i]!);
                        if (!SameValue(a, b, unordered: false))
                        {
                            var (shownA, shownB) = ShowPair(a, b);
                            add(ResultsDiscrepancyKind.Figure, path + "/" + i.ToString(CultureInfo.InvariantCulture) + "/" + item.Name,
                                $"'{item.Name}' of {field.Name} {i} of {what} is {shownA}, but recomputed from its outcomes it is {shownB}: the figure was edited. Run 'alignment-policy eval' again.");
                        }
                    }
                }

                continue;
            }

            if (!SameValue(recorded, recomputed, unordered: false))
            {
                var (shownHave, shownWant) = ShowPair(recorded, recomputed);
                add(ResultsDiscrepancyKind.Figure, path,
                    $"'{field.Name}' of {what} is {shownHave}, but recomputed from its outcomes under the policy it is {shownWant}: the figure was edited. Run 'alignment-policy eval' again.");
            }
        }
    }

    private static bool SameValue(object? a, object? b, bool unordered)
    {
        switch (a)
        {
            case null:
                return b is null;
            case double x when b is double y:
                return Math.Abs(x - y) <= Tolerance || (double.IsNaN(x) && double.IsNaN(y));
            case List<string> xs when b is List<string> ys:
                return unordered
                    ? xs.Count == ys.Count && new HashSet<string>(xs, StringComparer.Ordinal).SetEquals(ys)
                    : xs.SequenceEqual(ys, StringComparer.Ordinal);
            default:
                return a.Equals(b);
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "absent",
        double d => ShowNumber(d),
        bool b => b ? "true" : "false",
        string s => "'" + Q(s) + "'",
        List<string> list => "[" + string.Join(", ", list.Select(s => Q(s))) + "]",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string ShowNumber(double value)
    {
        var shown = value.ToString("0.######", CultureInfo.InvariantCulture);
        return shown == "0" && value != 0 ? value.ToString("R", CultureInfo.InvariantCulture) : shown;
    }

    // Two values that differ beyond the tolerance but print alike are printed in full.
    private static (string Have, string Want) ShowPair(object? have, object? want)
    {
        var (a, b) = (Show(have), Show(want));
        return a == b && have is double x && want is double y
            ? (x.ToString("R", CultureInfo.InvariantCulture), y.ToString("R", CultureInfo.InvariantCulture))
            : (a, b);
    }

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Q(string value) => EvalResultsChecks.Quote(value);
}
