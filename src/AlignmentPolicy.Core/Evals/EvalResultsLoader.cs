using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Json;

namespace AlignmentPolicy.Core.Evals;

/// <summary>A results file as read: the document, and the JSON it came from (for the positions of its fields).</summary>
public sealed class EvalResultsFile
{
    internal EvalResultsFile(string path, EvalResultsDocument document, JsonObject root)
    {
        Path = path;
        Document = document;
        Root = root;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>What it says.</summary>
    public EvalResultsDocument Document { get; }

    /// <summary>Its JSON, with positions.</summary>
    public JsonObject Root { get; }

    /// <summary>
    /// The position of a field, by path: property names and array indexes separated by '/' (<c>settings/confidence</c>,
    /// <c>cells/2/bound</c>). The name of the deepest property found; the file's start when nothing is.
    /// </summary>
    public SourceSpan Locate(string field) => JsonPaths.Locate(Root, field);
}

/// <summary>
/// Reads and validates a results file (<c>obj/alignment/evals/&lt;suite&gt;.json</c>): its shape, every value in range
/// (no setting that would make a bound NaN), its names (no suite or transcripts name that leads out of its folder) and
/// its counts against its outcomes. Every problem is an ALN0210 diagnostic (ALN0218 for a path) at its line and column;
/// the pack gate, <c>verify</c> and <c>alignment-policy eval merge</c> build on it.
/// </summary>
public static class EvalResultsLoader
{
    /// <summary>Loads <paramref name="path"/>; returns null (with diagnostics) when it cannot be read or is malformed.</summary>
    public static EvalResultsDocument? Load(string path, IDiagnosticReporter reporter) => Read(path, reporter)?.Document;

    /// <summary>Reads <paramref name="path"/> with its JSON; null (with diagnostics) when it cannot be read or is malformed.</summary>
    public static EvalResultsFile? Read(string path, IDiagnosticReporter reporter)
    {
        if (reporter is null)
        {
            throw new ArgumentNullException(nameof(reporter));
        }

        string text;
        try
        {
            FileSystem.RegularFile.EnsureReadable(path);
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reporter.Report(new BuildDiagnostic(BuildDiagnosticIds.EvalResultsMalformed, BuildSeverity.Error, path, 1, 1, 1, 1,
                $"The evaluation results file cannot be read ({e.Message}). Run 'alignment-policy eval' again."));
            return null;
        }

        return ParseFile(text, path, reporter);
    }

    /// <summary>Parses results text; <paramref name="path"/> names the file in diagnostics.</summary>
    public static EvalResultsDocument? Parse(string text, string path, IDiagnosticReporter reporter) => ParseFile(text, path, reporter)?.Document;

    /// <summary>Parses results text with its JSON; <paramref name="path"/> names the file in diagnostics.</summary>
    public static EvalResultsFile? ParseFile(string text, string path, IDiagnosticReporter reporter)
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

        var file = new EvalResultsFile(path, document, (JsonObject)root);
        EvalResultsChecks.Check(file, (code, span, message) => reader.Report(code, span, message));
        return reader.Failed ? null : file;
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
                        if (double.IsNaN(n.Value) || double.IsInfinity(n.Value))
                        {
                            Report(node.Span, $"{where} is out of range: {n.Text} is not a finite number.");
                            return null;
                        }

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

        private void Report(SourceSpan span, string message) => Report(BuildDiagnosticIds.EvalResultsMalformed, span, message);

        public void Report(BuildDiagnosticDescriptor code, SourceSpan span, string message)
        {
            Failed = true;
            _reporter.Report(new BuildDiagnostic(code, BuildSeverity.Error, _path, span.Line, span.Column, span.EndLine, span.EndColumn, message));
        }
    }
}
