using AlignmentPolicy.Cli.Scanning;
using AlignmentPolicy.Core.Diagnostics;

namespace AlignmentPolicy.Cli.Reporting;

/// <summary>How a project stands, at a glance: the colour a manager reads first.</summary>
internal enum TrafficLight
{
    /// <summary>Not an agent project: nothing to gate, document or evaluate.</summary>
    NotAnAgent,

    /// <summary>Gated, documented and evaluated with fresh passing results.</summary>
    Green,

    /// <summary>Nothing is known to be wrong, but something is missing or out of date (results, build, manifest).</summary>
    Amber,

    /// <summary>Something is wrong: an ungated call or tool, an invalid manifest, a failing evaluation.</summary>
    Red,
}

/// <summary>The whole report: every project of the solution or folder, and what applies to all of them.</summary>
internal sealed record SolutionReport(
    string Target,
    string Root,
    string Configuration,
    string GeneratedUtc,
    string ToolVersion,
    IReadOnlyList<PolicyStatus> Policies,
    IReadOnlyList<ProjectReport> Projects,
    IReadOnlyList<string> AnalyzerFailures)
{
    public IEnumerable<ProjectReport> Agents => Projects.Where(p => p.Agent.IsAgent);
}

/// <summary>A policy file in force for some of the projects, and its problems.</summary>
internal sealed record PolicyStatus(string? Path, string? Sha256, IReadOnlyList<BuildDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == BuildSeverity.Error);
}

/// <summary>Whether a project is an agent project, and the one fact that decided it.</summary>
internal sealed record AgentStatus(bool IsAgent, string Reason);

/// <summary>A model call or a tool found in the code, and what the analyzers said about its gating.</summary>
internal sealed record CodeItem(string Kind, string Name, string RelativePath, string FullPath, int Line, int Column, GateStatus Status, string? RuleId, string Detail);

/// <summary>The analyzers' verdict on one call or tool.</summary>
internal enum GateStatus
{
    /// <summary>No analyzer finding: routed through a gate (calls), or no unguarded side effect (tools).</summary>
    Gated,

    /// <summary>An informational finding: the analyzers could not trace where the client comes from.</summary>
    Unknown,

    /// <summary>A warning or error finding.</summary>
    Ungated,
}

/// <summary>The dataset provenance manifest of a project.</summary>
internal sealed record ProvenanceStatus(string ManifestPath, bool Present, bool Required, int Datasets, IReadOnlyList<BuildDiagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == BuildSeverity.Error);

    /// <summary>Present and valid.</summary>
    public bool Documented => Present && !HasErrors;
}

/// <summary>The required evaluations of a project against the current build.</summary>
internal sealed record EvaluationStatus(string? AssemblyPath, string? AssemblySha256, string? ResultsDirectory, string? BuildProblem, IReadOnlyList<SuiteStatus> Suites, IReadOnlyList<BuildDiagnostic> GateDiagnostics)
{
    public bool Built => AssemblySha256 is not null;

    /// <summary>Every required suite has fresh results that pass (true when the policy requires none).</summary>
    public bool Passing => Built && Suites.All(s => s.Freshness == Freshness.Fresh && s.Verdict == Core.Evals.EvalVerdicts.Pass);
}

/// <summary>Whether recorded results belong to the current build.</summary>
internal enum Freshness
{
    /// <summary>No results file.</summary>
    Missing,

    /// <summary>The project has not been built (or its assembly was not found): freshness cannot be judged.</summary>
    Unknown,

    /// <summary>Bound to this build's assembly, this policy and this suite.</summary>
    Fresh,

    /// <summary>Bound to another assembly, policy or suite, or a lone shard.</summary>
    Stale,

    /// <summary>The results file cannot be read.</summary>
    Unreadable,
}

/// <summary>One required suite: its recorded verdict and figures, and whether they are this build's.</summary>
internal sealed record SuiteStatus(
    string Suite,
    double? Threshold,
    string Metric,
    string ResultsPath,
    Freshness Freshness,
    IReadOnlyList<string> StaleBecause,
    string? Verdict,
    string? Reason,
    string? Model,
    string? CreatedUtc,
    WorstCell? Worst);

/// <summary>The primary cell that decides a suite (the failing one, else the one with the highest bound).</summary>
internal sealed record WorstCell(string Id, int N, int Events, double Rate, double IntervalLow, double IntervalHigh, double Bound, double Threshold, string Verdict);

/// <summary>One thing to do, with the command or page that does it.</summary>
internal sealed record NextStep(string Text, string? Command, string? RuleId, string? FullPath, int Line);

/// <summary>Everything known about one project.</summary>
internal sealed record ProjectReport(
    string Name,
    string RelativePath,
    string FullPath,
    ScanProjectKind Kind,
    string? PolicyPath,
    AgentStatus Agent,
    IReadOnlyList<CodeItem> ModelCalls,
    IReadOnlyList<CodeItem> Tools,
    IReadOnlyList<ScanFinding> Findings,
    ProvenanceStatus? Provenance,
    EvaluationStatus? Evaluations,
    IReadOnlyList<NextStep> NextSteps,
    TrafficLight Light)
{
    /// <summary>The rules whose findings mean a call or action escapes the gate.</summary>
    public static readonly IReadOnlySet<string> GateRules = new HashSet<string>(StringComparer.Ordinal) { "ALN0001", "ALN0002", "ALN0003", "ALN0004", "ALN0005", "ALN0006", "ALN0007" };

    /// <summary>An anchor id for the HTML page.</summary>
    public string Anchor => "project-" + string.Concat(RelativePath.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-'));

    /// <summary>No gate finding at warning or error level.</summary>
    public bool Gated => !Findings.Any(f => f.IsWarningOrError && GateRules.Contains(f.RuleId));

    public bool Documented => Provenance?.Documented == true;

    public bool Evaluated => Evaluations?.Passing == true;
}
