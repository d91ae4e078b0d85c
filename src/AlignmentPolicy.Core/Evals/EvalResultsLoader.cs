using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Json;

namespace AlignmentPolicy.Core.Evals;

/// <summary>
/// Reads and validates a results file (<c>obj/alignment/evals/&lt;suite&gt;.json</c>). Every problem is an ALN0210
/// diagnostic at its line and column; the pack gate (ALN0201..) and <c>alignment-policy eval merge</c> build on it.
/// </summary>
public static class EvalResultsLoader
{
    private static readonly Regex s_sha256 = new("^[0-9a-f]{64}$", RegexOptions.CultureInvariant);
    private static readonly Regex s_outcomes = new(@"^[01E.]*$", RegexOptions.CultureInvariant);

    /// <summary>Loads <paramref name="path"/>; returns null (with diagnostics) when it cannot be read or is malformed.</summary>
    public static EvalResultsDocument? Load(string path, IDiagnosticReporter reporter)
    {
        if (reporter is null)
        {
            throw new ArgumentNullException(nameof(reporter));
        }

        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reporter.Report(new BuildDiagnostic(BuildDiagnosticIds.EvalResultsMalformed, BuildSeverity.Error, path, 1, 1, 1, 1,
                $"The evaluation results file cannot be read ({e.Message}). Run 'alignment-policy eval' again."));
            return null;
        }

        return Parse(text, path, reporter);
    }

    /// <summary>Parses results text; <paramref name="path"/> names the file in diagnostics.</summary>
    public static EvalResultsDocument? Parse(string text, string path, IDiagnosticReporter reporter)
    {
        if (reporter is null)
        {
            throw new ArgumentNullException(nameof(reporter));
        }

        JsonNode root;
        try
        {
            root = JsonParser.Parse(text);
        }
        catch (JsonSyntaxException e)
        {
            reporter.Report(new BuildDiagnostic(BuildDiagnosticIds.EvalResultsMalformed, BuildSeverity.Error, path, e.Line, e.Column, e.Line, e.Column,
                $"The evaluation results file is not valid JSON: {e.Message} Run 'alignment-policy eval' again to rewrite it."));
            return null;
        }

        var reader = new Reader(path, reporter);
        var document = new EvalResultsDocument();
        reader.ReadObject(root, document, EvalResultsShape.Document, "the results file");
        if (reader.Failed)
        {
            return null;
        }

        reader.Check(document, root);
        return reader.Failed ? null : document;
    }

    private sealed class Reader
    {
        private readonly string _path;
        private readonly IDiagnosticReporter _reporter;

        public Reader(string path, IDiagnosticReporter reporter)
        {
            _path = path;
            _reporter = reporter;
        }

        public bool Failed { get; private set; }

        public void ReadObject(JsonNode node, object target, IReadOnlyList<EvalResultsShape.Field> shape, string where)
        {
            if (node is not JsonObject obj)
            {
                Report(node.Span, $"Expected an object for {where}, found {node.KindName}.");
                return;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in obj.Properties)
            {
                if (!seen.Add(property.Name))
                {
                    Report(property.NameSpan, $"Property '{property.Name}' is written twice in {where}.");
                    continue;
                }

                EvalResultsShape.Field? field = null;
                foreach (var candidate in shape)
                {
                    if (candidate.Name == property.Name)
                    {
                        field = candidate;
                        break;
                    }
                }

                if (field is null)
                {
                    Report(property.NameSpan, $"Unknown property '{property.Name}' in {where}. This file was written by a newer or different tool; run 'alignment-policy eval' again.");
                    continue;
                }

                var value = ReadValue(property.Value, field, $"'{property.Name}'");
                if (!Failed)
                {
                    field.Set(target, value);
                }
            }

            foreach (var field in shape)
            {
                if (field.Required && !seen.Contains(field.Name))
                {
                    Report(obj.Span, $"Required property '{field.Name}' is missing from {where}.");
                }
            }
        }

        private object? ReadValue(JsonNode node, EvalResultsShape.Field field, string where)
        {
            if (node is JsonNull && !field.Required)
            {
                return null;
            }

            switch (field.Type)
            {
                case EvalResultsShape.Kind.String:
                case EvalResultsShape.Kind.NullableString:
                    if (node is JsonString s)
                    {
                        return s.Value;
                    }

                    break;
                case EvalResultsShape.Kind.Boolean:
                    if (node is JsonBoolean b)
                    {
                        return b.Value;
                    }

                    break;
                case EvalResultsShape.Kind.Integer:
                case EvalResultsShape.Kind.NullableInteger:
                    if (node is JsonNumber { IsInteger: true } i && i.Value >= int.MinValue && i.Value <= int.MaxValue)
                    {
                        return (int)i.Value;
                    }

                    break;
                case EvalResultsShape.Kind.Long:
                    if (node is JsonNumber { IsInteger: true } l && long.TryParse(l.Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
                    {
                        return parsed;
                    }

                    break;
                case EvalResultsShape.Kind.Number:
                case EvalResultsShape.Kind.NullableNumber:
                    if (node is JsonNumber n)
                    {
                        return n.Value;
                    }

                    break;
                case EvalResultsShape.Kind.StringList:
                    if (node is JsonArray strings)
                    {
                        var list = new List<string>();
                        foreach (var item in strings.Items)
                        {
                            if (item is JsonString text)
                            {
                                list.Add(text.Value);
                            }
                            else
                            {
                                Report(item.Span, $"Expected a string in {where}, found {item.KindName}.");
                            }
                        }

                        return list;
                    }

                    break;
                case EvalResultsShape.Kind.Object:
                {
                    var target = field.Create!();
                    ReadObject(node, target, field.Shape!, where);
                    return target;
                }

                case EvalResultsShape.Kind.ObjectList:
                    if (node is JsonArray objects)
                    {
                        var list = new List<object>();
                        foreach (var item in objects.Items)
                        {
                            var target = field.Create!();
                            ReadObject(item, target, field.Shape!, $"an item of {where}");
                            list.Add(target);
                        }

                        return list;
                    }

                    break;
            }

            Report(node.Span, $"{where} has the wrong type: {node.KindName}.");
            return null;
        }

        public void Check(EvalResultsDocument document, JsonNode root)
        {
            var rootObject = (JsonObject)root;
            SourceSpan At(string name) => rootObject.Find(name)?.Value.Span ?? root.Span;
            if (document.Format != EvalResultsDocument.CurrentFormat)
            {
                Report(At("format"), $"Results format {document.Format} is not supported; this version reads format {EvalResultsDocument.CurrentFormat}. Run 'alignment-policy eval' again.");
            }

            foreach (var name in new[] { "suiteSha256", "assemblySha256", "policySha256" })
            {
                var value = name == "suiteSha256" ? document.SuiteSha256 : name == "assemblySha256" ? document.AssemblySha256 : document.PolicySha256;
                if (!s_sha256.IsMatch(value))
                {
                    Report(At(name), $"'{name}' must be a lowercase hexadecimal SHA-256 (64 characters).");
                }
            }

            if (Array.IndexOf(new[] { EvalVerdicts.Pass, EvalVerdicts.Fail, EvalVerdicts.Invalid, EvalVerdicts.Inconclusive }, document.Verdict) < 0)
            {
                Report(At("verdict"), $"Verdict '{document.Verdict}' is not one of PASS, FAIL, INVALID, INCONCLUSIVE.");
            }

            if (document.ShardCount < 1 || document.ShardIndex < 1 || document.ShardIndex > document.ShardCount)
            {
                Report(At("shardIndex"), $"Shard {document.ShardIndex}/{document.ShardCount} is not valid.");
            }

            var cells = rootObject.Find("cells")?.Value as JsonArray;
            for (var i = 0; i < document.Cells.Count; i++)
            {
                var cell = document.Cells[i];
                var span = cells is not null && i < cells.Items.Count ? cells.Items[i].Span : root.Span;
                if (Array.IndexOf(EvalVerdicts.All as string[] ?? new List<string>(EvalVerdicts.All).ToArray(), cell.Verdict) < 0)
                {
                    Report(span, $"Cell '{cell.Id}' has an unknown verdict '{cell.Verdict}'.");
                }

                if (!s_outcomes.IsMatch(cell.Outcomes) || (cell.UnmonitoredOutcomes is { } other && !s_outcomes.IsMatch(other)))
                {
                    Report(span, $"Cell '{cell.Id}' has outcomes other than 0, 1, E and '.'.");
                    continue;
                }

                int ones = 0, scored = 0;
                foreach (var c in cell.Outcomes)
                {
                    ones += c == '1' ? 1 : 0;
                    scored += c is '0' or '1' ? 1 : 0;
                }

                if (cell.N < 0 || cell.Events < 0 || cell.N > scored || cell.Events > ones || cell.Events > cell.N)
                {
                    Report(span, $"Cell '{cell.Id}' reports n={cell.N}, events={cell.Events}, which its {scored} recorded outcomes ({ones} misaligned) do not support. The file was edited; run 'alignment-policy eval' again.");
                }

                CheckLegitimate(cell, span);
            }

            if (document.Blocked is { } blocked && (document.LegitimateN is not { } legitimate || blocked < 0 || blocked > legitimate
                || legitimate != SumOf(document.Cells, c => c.LegitimateN) || blocked != SumOf(document.Cells, c => c.Blocked)))
            {
                Report(At("blocked"), $"The results report {document.Blocked} blocked of {document.LegitimateN} legitimate actions, which the cells' counts do not support. The file was edited; run 'alignment-policy eval' again.");
            }
        }

        private static int SumOf(List<EvalCellResult> cells, Func<EvalCellResult, int?> count)
        {
            var sum = 0;
            foreach (var cell in cells)
            {
                sum += count(cell) ?? 0;
            }

            return sum;
        }

        /// <summary>The legitimate-action outcomes (0 reached, 1 blocked, . none) must back the cell's counts exactly.</summary>
        private void CheckLegitimate(EvalCellResult cell, SourceSpan span)
        {
            if (cell.LegitimateOutcomes is null)
            {
                if (cell.LegitimateN is not null || cell.Blocked is not null)
                {
                    Report(span, $"Cell '{cell.Id}' reports blocked legitimate actions without their per-sample 'legitimateOutcomes'.");
                }

                return;
            }

            int attempted = 0, blocked = 0;
            foreach (var c in cell.LegitimateOutcomes)
            {
                if (c is not ('0' or '1' or '.'))
                {
                    Report(span, $"Cell '{cell.Id}' has legitimate outcomes other than 0, 1 and '.'.");
                    return;
                }

                attempted += c is '0' or '1' ? 1 : 0;
                blocked += c == '1' ? 1 : 0;
            }

            if (cell.LegitimateN != attempted || cell.Blocked != blocked)
            {
                Report(span, $"Cell '{cell.Id}' reports {cell.Blocked} blocked of {cell.LegitimateN} legitimate actions, but its legitimate outcomes record {blocked} of {attempted}. The file was edited; run 'alignment-policy eval' again.");
            }
        }

        private void Report(SourceSpan span, string message)
        {
            Failed = true;
            _reporter.Report(new BuildDiagnostic(BuildDiagnosticIds.EvalResultsMalformed, BuildSeverity.Error, _path, span.Line, span.Column, span.EndLine, span.EndColumn, message));
        }
    }
}
