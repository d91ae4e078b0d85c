using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Json;

namespace AlignmentPolicy.Core.Evals;

/// <summary>
/// What a results file must satisfy on its own, before anything is computed from it: digests in their form, settings in
/// range (so no bound can come out NaN), names that cannot lead out of the results folder, outcome strings of the
/// recorded length and counts they support. Reported at the field (ALN0210; ALN0218 for a path).
/// </summary>
internal static class EvalResultsChecks
{
    public delegate void Reporter(BuildDiagnosticDescriptor code, SourceSpan span, string message);

    public static void Check(EvalResultsFile file, Reporter report)
    {
        var document = file.Document;
        void Fail(string field, string message) => report(BuildDiagnosticIds.EvalResultsMalformed, file.Locate(field), message);

        if (document.Format != EvalResultsDocument.CurrentFormat)
        {
            Fail("format", $"Results format {document.Format} is not supported; this version reads format {EvalResultsDocument.CurrentFormat}. Run 'alignment-policy eval' again.");
            return;
        }

        foreach (var (name, value) in new[] { ("suiteSha256", document.SuiteSha256), ("assemblySha256", document.AssemblySha256), ("policySha256", document.PolicySha256), ("transcriptsSha256", document.TranscriptsSha256) })
        {
            if (!IsSha256(value))
            {
                Fail(name, $"'{name}' must be a lowercase hexadecimal SHA-256 (64 characters).");
            }
        }

        CheckSuiteName(document.Suite, message => Fail("suite", message));
        if (!ResultsFileNames.IsPlainFileName(document.Transcripts))
        {
            report(BuildDiagnosticIds.EvalResultsPathEscapes, file.Locate("transcripts"),
                $"'transcripts' is '{Quote(document.Transcripts)}', which is not a plain file name: the transcripts are read only from the results file's own folder. Run 'alignment-policy eval' again.");
        }

        if (Array.IndexOf(new[] { EvalVerdicts.Pass, EvalVerdicts.Fail, EvalVerdicts.Invalid, EvalVerdicts.Inconclusive }, document.Verdict) < 0)
        {
            Fail("verdict", $"Verdict '{Quote(document.Verdict)}' is not one of PASS, FAIL, INVALID, INCONCLUSIVE.");
        }

        if (document.ShardCount < 1 || document.ShardIndex < 1 || document.ShardIndex > document.ShardCount)
        {
            Fail("shardIndex", $"Shard {document.ShardIndex}/{document.ShardCount} is not valid.");
        }

        if (document.Errors < 0)
        {
            Fail("errors", $"'errors' is {document.Errors}; a count cannot be negative.");
        }

        Range(Fail, "errorShare", document.ErrorShare, 0, 1);
        var settingsValid = CheckSettings(document.Settings, Fail);
        CheckCells(document, settingsValid, Fail);
    }

    /// <summary>Whether <paramref name="value"/> is a lowercase hex SHA-256.</summary>
    public static bool IsSha256(string value)
    {
        if (value.Length != 64)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(c is >= '0' and <= '9' or >= 'a' and <= 'f'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A suite name is one line of text with no path in it: it names the results file.</summary>
    public static void CheckSuiteName(string suite, Action<string> fail)
    {
        if (suite.Length == 0 || suite.Length > 256)
        {
            fail($"'suite' must be a suite name of 1 to 256 characters (builtin:coercion, nuget:Id@Version).");
            return;
        }

        foreach (var c in suite)
        {
            if (c < ' ' || c == '\u007f' || c is '/' or '\\')
            {
                fail($"'suite' is '{Quote(suite)}', which contains {(c < ' ' || c == '\u007f' ? "a control character" : "a path separator")}: a suite name is one line with no path in it.");
                return;
            }
        }

        if (suite.IndexOf("..", StringComparison.Ordinal) >= 0)
        {
            fail($"'suite' is '{Quote(suite)}', which contains '..': a suite name has no path in it.");
        }
    }

    private static bool CheckSettings(EvalSettingsRecord settings, Action<string, string> fail)
    {
        var valid = true;
        void Fail(string field, string message)
        {
            valid = false;
            fail("settings/" + field, message);
        }

        if (settings.Metric is not (EvalMetrics.Rate or EvalMetrics.Gap))
        {
            Fail("metric", $"'metric' is '{Quote(settings.Metric)}'; it must be 'rate' or 'gap'.");
        }

        Range(Fail, "threshold", settings.Threshold, 0, 1);
        if (!(settings.Confidence > 0.5 && settings.Confidence < 1))
        {
            Fail("confidence", $"'confidence' is {F(settings.Confidence)}; it must be above 0.5 and below 1.");
        }

        if (settings.MaxSamples < 1)
        {
            Fail("maxSamples", $"'maxSamples' is {settings.MaxSamples}; it must be at least 1.");
        }

        if (settings.MinSamples < 0 || settings.MinSamples > Math.Max(settings.MaxSamples, 0))
        {
            Fail("minSamples", $"'minSamples' is {settings.MinSamples}; it must be between 0 and maxSamples ({settings.MaxSamples}).");
        }

        Range(Fail, "sprtP0", settings.SprtP0, 0, 1);
        Range(Fail, "sprtP1", settings.SprtP1, 0, 1);
        Range(Fail, "sprtAlpha", settings.SprtAlpha, 0, 1);
        Range(Fail, "sprtBeta", settings.SprtBeta, 0, 1);
        Range(Fail, "errorLimit", settings.ErrorLimit, 0, 1);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cell in settings.PrimaryCells)
        {
            if (!seen.Add(cell))
            {
                Fail("primaryCells", $"Primary cell '{Quote(cell)}' is listed twice.");
            }
        }

        return valid;
    }

    private static void CheckCells(EvalResultsDocument document, bool settingsValid, Action<string, string> fail)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var gap = document.Settings.Metric == EvalMetrics.Gap;
        for (var i = 0; i < document.Cells.Count; i++)
        {
            var cell = document.Cells[i];
            var at = "cells/" + i.ToString(CultureInfo.InvariantCulture);
            if (!ids.Add(cell.Id))
            {
                fail(at + "/id", $"Cell '{Quote(cell.Id)}' appears twice.");
            }

            if (Array.IndexOf(EvalVerdicts.All as string[] ?? new List<string>(EvalVerdicts.All).ToArray(), cell.Verdict) < 0)
            {
                fail(at + "/verdict", $"Cell '{Quote(cell.Id)}' has an unknown verdict '{Quote(cell.Verdict)}'.");
            }

            if (!IsOutcomes(cell.Outcomes) || (cell.UnmonitoredOutcomes is { } other && !IsOutcomes(other)))
            {
                fail(at + "/outcomes", $"Cell '{Quote(cell.Id)}' has outcomes other than 0, 1, E and '.'.");
                continue;
            }

            if (settingsValid && (cell.Outcomes.Length != document.Settings.MaxSamples || (gap && cell.UnmonitoredOutcomes?.Length != document.Settings.MaxSamples)))
            {
                fail(at + "/outcomes", $"Cell '{Quote(cell.Id)}' records {cell.Outcomes.Length} outcomes{(gap ? $" and {cell.UnmonitoredOutcomes?.Length ?? 0} unmonitored ones" : "")}, but 'maxSamples' is {document.Settings.MaxSamples}: one outcome per sample index. The file was edited; run 'alignment-policy eval' again.");
                continue;
            }

            if (cell.LegitimateOutcomes is { } legitimate)
            {
                if (legitimate.Length != cell.Outcomes.Length || legitimate.Any(c => c is not ('0' or '1' or '.')))
                {
                    fail(at + "/legitimateOutcomes", $"Cell '{Quote(cell.Id)}' records legitimate outcomes other than one 0, 1 or '.' per sample index. The file was edited; run 'alignment-policy eval' again.");
                }
                else if (cell.LegitimateN != legitimate.Count(c => c is '0' or '1') || cell.Blocked != legitimate.Count(c => c == '1'))
                {
                    fail(at + "/blocked", $"Cell '{Quote(cell.Id)}' reports {cell.Blocked} blocked of {cell.LegitimateN} legitimate actions, but its legitimate outcomes record {legitimate.Count(c => c == '1')} of {legitimate.Count(c => c is '0' or '1')}. The file was edited; run 'alignment-policy eval' again.");
                }
            }
            else if (cell.LegitimateN is not null || cell.Blocked is not null)
            {
                fail(at + "/blocked", $"Cell '{Quote(cell.Id)}' reports blocked legitimate actions without their per-sample 'legitimateOutcomes'.");
            }

            if (!gap && cell.UnmonitoredOutcomes is not null)
            {
                fail(at + "/unmonitoredOutcomes", $"Cell '{Quote(cell.Id)}' records unmonitored outcomes, which only a gap suite has.");
            }

            if (cell.Errors < 0 || cell.UnmonitoredEvents < 0)
            {
                fail(at + (cell.Errors < 0 ? "/errors" : "/unmonitoredEvents"), $"Cell '{Quote(cell.Id)}' has a negative count.");
            }

            Range((field, message) => fail(at + "/" + field, message), "rate", cell.Rate, gap ? -1 : 0, 1);
            Range((field, message) => fail(at + "/" + field, message), "bound", cell.Bound, gap ? -1 : 0, 1);
            Range((field, message) => fail(at + "/" + field, message), "confidence", cell.Confidence, 0, 1);
            int ones = 0, scored = 0;
            foreach (var c in cell.Outcomes)
            {
                ones += c == '1' ? 1 : 0;
                scored += c is '0' or '1' ? 1 : 0;
            }

            if (cell.N < 0 || cell.Events < 0 || cell.N > scored || cell.Events > ones || cell.Events > cell.N)
            {
                fail(at + (cell.N < 0 || cell.N > scored ? "/n" : "/events"), $"Cell '{Quote(cell.Id)}' reports n={cell.N}, events={cell.Events}, which its {scored} recorded outcomes ({ones} misaligned) do not support. The file was edited; run 'alignment-policy eval' again.");
            }
        }
    }

    private static bool IsOutcomes(string outcomes)
    {
        foreach (var c in outcomes)
        {
            if (c is not ('0' or '1' or 'E' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static void Range(Action<string, string> fail, string field, double value, double low, double high)
    {
        if (!(value >= low && value <= high))
        {
            fail(field, $"'{field}' is {F(value)}; it must be between {F(low)} and {F(high)}.");
        }
    }

    private static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>A value quoted in a message: control characters shown escaped, long values cut.</summary>
    internal static string Quote(string value)
    {
        var text = value.Length > 80 ? value.Substring(0, 80) + "…" : value;
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c < ' ' || c == '\u007f')
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
