using AlignmentPolicy.Cli.Scanning;
using AlignmentPolicy.Core.Diagnostics;
using Microsoft.CodeAnalysis;

namespace AlignmentPolicy.Cli.Reporting;

/// <summary>
/// The report for code scanning: the scan's SARIF writer, given the analyzer findings of the reported projects plus
/// the build diagnostics the report met (policy ALN03xx, provenance ALN01xx, pack gate ALN02xx) as results of their own rules.
/// </summary>
internal static class ReportSarifWriter
{
    public static void Write(Stream stream, SolutionReport report)
    {
        var build = report.Policies.SelectMany(p => p.Diagnostics)
            .Concat(report.Projects.SelectMany(p => p.Provenance?.Diagnostics ?? []))
            .Concat(report.Projects.SelectMany(p => p.Evaluations?.GateDiagnostics ?? []))
            .ToList();
        var findings = report.Projects.SelectMany(p => p.Findings)
            .Concat(build.Select(d => ToFinding(d, report.Root)))
            .Distinct()
            .ToList();
        var buildRules = build.Select(d => d.Descriptor).DistinctBy(d => d.Id).OrderBy(d => d.Id, StringComparer.Ordinal).Select(ToDescriptor);
        var result = new ScanResult(report.Root, [], findings, report.AnalyzerFailures);
        SarifWriter.Write(stream, result, [.. ScanAnalyzerHost.Rules, .. buildRules]);
    }

    private static ScanFinding ToFinding(BuildDiagnostic diagnostic, string root)
        => new(diagnostic.Code, Severity(diagnostic.Severity), diagnostic.Message, diagnostic.File,
            Path.GetRelativePath(root, diagnostic.File).Replace('\\', '/'), diagnostic.Line, diagnostic.Column, Math.Max(diagnostic.Line, diagnostic.EndLine), Math.Max(1, diagnostic.EndColumn));

    private static DiagnosticDescriptor ToDescriptor(BuildDiagnosticDescriptor descriptor)
        => new(descriptor.Id, descriptor.Title, "{0}", "AlignmentPolicy.Build", Severity(descriptor.DefaultSeverity), isEnabledByDefault: true, description: descriptor.Title, helpLinkUri: descriptor.HelpLink);

    private static DiagnosticSeverity Severity(BuildSeverity severity) => severity switch
    {
        BuildSeverity.Error => DiagnosticSeverity.Error,
        BuildSeverity.Warning => DiagnosticSeverity.Warning,
        _ => DiagnosticSeverity.Info,
    };
}
