using Microsoft.CodeAnalysis;

namespace AlignmentPolicy.Analyzers.Analysis;

/// <summary>Policy severities (error, warning, info) as Roslyn severities.</summary>
internal static class Severity
{
    public static DiagnosticSeverity From(string level) => level switch
    {
        "error" => DiagnosticSeverity.Error,
        "warning" => DiagnosticSeverity.Warning,
        "info" => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };
}
