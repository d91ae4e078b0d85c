using Microsoft.CodeAnalysis;

namespace AlignmentPolicy.Cli.Scanning;

/// <summary>One analyzer finding, with its position (1-based lines and columns) and the path relative to the scanned folder.</summary>
internal sealed record ScanFinding(
    string RuleId,
    DiagnosticSeverity Severity,
    string Message,
    string FullPath,
    string RelativePath,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn)
{
    public bool IsWarningOrError => Severity is DiagnosticSeverity.Warning or DiagnosticSeverity.Error;

    public string SeverityText => Severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>The canonical compiler form, <c>file(line,col): warning ALN0002: message</c>.</summary>
    public override string ToString() => $"{RelativePath}({StartLine},{StartColumn}): {SeverityText} {RuleId}: {Message}";

    public static ScanFinding From(Diagnostic diagnostic, string root)
    {
        var span = diagnostic.Location.GetLineSpan();
        var path = span.Path;
        return new ScanFinding(
            diagnostic.Id,
            diagnostic.Severity,
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
            path,
            Path.GetRelativePath(root, path).Replace('\\', '/'),
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            span.EndLinePosition.Line + 1,
            span.EndLinePosition.Character + 1);
    }
}
