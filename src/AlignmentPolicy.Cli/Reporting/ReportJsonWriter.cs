using System.Text.Json;
using System.Text.Json.Serialization;
using AlignmentPolicy.Core.Diagnostics;

namespace AlignmentPolicy.Cli.Reporting;

/// <summary>The report for machines: one JSON document (format 1), paths relative to the report's root, camelCase names.</summary>
internal static class ReportJsonWriter
{
    public const int Format = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static void Write(Stream stream, SolutionReport report)
    {
        string Relative(string? path) => path is null ? "" : Path.GetRelativePath(report.Root, path).Replace('\\', '/');
        object Diagnostic(BuildDiagnostic d) => new { code = d.Code, severity = d.Severity, file = Relative(d.File), line = d.Line, column = d.Column, message = d.Message };
        object Item(CodeItem i) => new { kind = i.Kind, name = i.Name, file = i.RelativePath, line = i.Line, column = i.Column, status = i.Status, ruleId = i.RuleId, detail = i.Detail };

        var document = new
        {
            format = Format,
            target = report.Target,
            root = report.Root,
            configuration = report.Configuration,
            generated = report.GeneratedUtc,
            tool = new { name = "alignment-policy", version = report.ToolVersion },
            summary = new
            {
                projects = report.Projects.Count,
                agents = report.Agents.Count(),
                gated = report.Agents.Count(p => p.Gated),
                documented = report.Agents.Count(p => p.Documented),
                evaluated = report.Agents.Count(p => p.Evaluated),
                green = report.Agents.Count(p => p.Light == TrafficLight.Green),
                amber = report.Agents.Count(p => p.Light == TrafficLight.Amber),
                red = report.Agents.Count(p => p.Light == TrafficLight.Red),
            },
            policies = report.Policies.Select(p => new { file = p.Path is null ? null : Relative(p.Path), sha256 = p.Sha256, diagnostics = p.Diagnostics.Select(Diagnostic) }),
            analyzerFailures = report.AnalyzerFailures,
            projects = report.Projects.Select(p => new
            {
                name = p.Name,
                path = p.RelativePath,
                kind = p.Kind,
                policy = p.PolicyPath is null ? null : Relative(p.PolicyPath),
                light = p.Light,
                agent = new { isAgent = p.Agent.IsAgent, reason = p.Agent.Reason },
                gated = p.Agent.IsAgent ? p.Gated : (bool?)null,
                documented = p.Agent.IsAgent ? p.Documented : (bool?)null,
                evaluated = p.Agent.IsAgent ? p.Evaluated : (bool?)null,
                modelCalls = p.ModelCalls.Select(Item),
                tools = p.Tools.Select(Item),
                findings = p.Findings.Select(f => new { ruleId = f.RuleId, severity = f.SeverityText, file = f.RelativePath, line = f.StartLine, column = f.StartColumn, message = f.Message }),
                provenance = p.Provenance is not { } pv ? null : new
                {
                    manifest = Relative(pv.ManifestPath),
                    present = pv.Present,
                    required = pv.Required,
                    valid = pv.Present && !pv.HasErrors,
                    datasets = pv.Datasets,
                    diagnostics = pv.Diagnostics.Select(Diagnostic),
                },
                evaluations = p.Evaluations is not { } ev ? null : new
                {
                    assembly = ev.AssemblyPath is null ? null : Relative(ev.AssemblyPath),
                    assemblySha256 = ev.AssemblySha256,
                    resultsDirectory = ev.ResultsDirectory is null ? null : Relative(ev.ResultsDirectory),
                    buildProblem = ev.BuildProblem,
                    suites = ev.Suites.Select(s => new
                    {
                        suite = s.Suite,
                        metric = s.Metric,
                        threshold = s.Threshold,
                        results = s.ResultsPath.Length == 0 ? null : Relative(s.ResultsPath),
                        freshness = s.Freshness,
                        staleBecause = s.StaleBecause,
                        verdict = s.Verdict,
                        reason = s.Reason,
                        model = s.Model,
                        created = s.CreatedUtc,
                        worstCell = s.Worst,
                    }),
                },
                nextSteps = p.NextSteps.Select(s => new { text = s.Text, command = s.Command, ruleId = s.RuleId, file = s.FullPath is null ? null : Relative(s.FullPath), line = s.Line > 0 ? s.Line : (int?)null }),
            }),
        };
        JsonSerializer.Serialize(stream, document, Options);
    }
}
