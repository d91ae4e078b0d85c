using System.Collections.Generic;
using System.Globalization;
using AlignmentPolicy.Core.Diagnostics;

namespace AlignmentPolicy.Core.Json;

/// <summary>
/// What every reader of one of our JSON files shares: diagnostics at the offending token's position, and
/// type checks that report a value of the wrong kind with the reader's own code.
/// </summary>
internal abstract class PositionedReader
{
    private readonly string _file;
    private readonly List<BuildDiagnostic> _diagnostics = new();

    protected PositionedReader(string file) => _file = file;

    /// <summary>Every problem found so far.</summary>
    public IReadOnlyList<BuildDiagnostic> Diagnostics => _diagnostics;

    /// <summary>The code for a value of the wrong JSON kind.</summary>
    protected abstract BuildDiagnosticDescriptor WrongType { get; }

    protected JsonObject? ExpectObject(JsonNode node, string path)
    {
        if (node is JsonObject obj)
        {
            return obj;
        }

        Report(WrongType, node.Span, $"'{path}' must be an object ({{ ... }}), not {Article(node)}.");
        return null;
    }

    protected JsonArray? ExpectArray(JsonNode node, string path)
    {
        if (node is JsonArray array)
        {
            return array;
        }

        Report(WrongType, node.Span, $"'{path}' must be an array ([ ... ]), not {Article(node)}.");
        return null;
    }

    protected JsonString? ExpectString(JsonNode node, string path)
    {
        if (node is JsonString s)
        {
            return s;
        }

        Report(WrongType, node.Span, $"'{path}' must be a string, not {Article(node)}.");
        return null;
    }

    protected int? ExpectInteger(JsonNode node, string path)
    {
        if (node is JsonNumber { IsInteger: true } number && number.Value >= int.MinValue && number.Value <= int.MaxValue)
        {
            return (int)number.Value;
        }

        var hint = node is JsonString s && int.TryParse(s.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) ? " Remove the quotes." : "";
        Report(WrongType, node.Span, $"'{path}' must be a whole number, not {Article(node)}.{hint}");
        return null;
    }

    /// <summary>How a value is named in messages: "an object", "a string ("...")".</summary>
    protected static string Article(JsonNode node) => node switch
    {
        JsonObject => "an object",
        JsonArray => "an array",
        JsonString s => $"a string (\"{DisplayText.Of(s.Value, 40)}\")",
        JsonNumber n => $"a number ({DisplayText.Of(n.Text)})",
        JsonBoolean b => b.Value ? "true" : "false",
        _ => "null",
    };

    protected void Report(BuildDiagnosticDescriptor descriptor, SourceSpan span, string message)
        => Report(descriptor, span, descriptor.DefaultSeverity, message);

    protected void Report(BuildDiagnosticDescriptor descriptor, SourceSpan span, BuildSeverity severity, string message)
        => _diagnostics.Add(new BuildDiagnostic(descriptor, severity, _file, span.Line, span.Column, span.EndLine, span.EndColumn, message));

    /// <summary>Reports at one position (an object's opening brace), not a whole extent.</summary>
    protected void ReportAt(BuildDiagnosticDescriptor descriptor, int line, int column, string message)
        => _diagnostics.Add(new BuildDiagnostic(descriptor, descriptor.DefaultSeverity, _file, line, column, line, column + 1, message));
}
