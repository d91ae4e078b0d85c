using System.Globalization;
using AlignmentPolicy.Cli.Scanning;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Evals;

namespace AlignmentPolicy.Cli.Reporting;

/// <summary>Turns what was found about a project into concrete steps (with the command or rule page) and a traffic light.</summary>
internal static class NextSteps
{
    /// <summary>What each gate rule asks the engineer to do.</summary>
    private static readonly Dictionary<string, string> RuleAdvice = new(StringComparer.Ordinal)
    {
        ["ALN0001"] = "Route this model call through a policy gate: add UsePolicyGate() where the client, agent or kernel is built",
        ["ALN0002"] = "Guard this tool's side effect: wrap the tool with WithPolicyGate() or gate the pipeline that invokes it",
        ["ALN0003"] = "Pass the model's output through a gate before it reaches the side effect",
        ["ALN0004"] = "Act on the gate's verdict: stop or escalate when it is Deny or Escalate",
        ["ALN0005"] = "Add a policy gate to the pipeline that invokes tools automatically",
        ["ALN0006"] = "Make the gate able to deny: a gate that always allows guards nothing",
        ["ALN0007"] = "Give the suppression a justification (or remove it)",
        ["ALN0100"] = "Declare the data file in datasets.provenance.json",
    };

    public static IReadOnlyList<NextStep> For(ScanProject project, string root, AgentStatus agent, IReadOnlyList<ScanFinding> findings, ProvenanceStatus? provenance, EvaluationStatus? evaluations, string configuration)
    {
        var steps = new List<NextStep>();
        if (!agent.IsAgent)
        {
            return steps;
        }

        foreach (var finding in findings.Where(f => f.IsWarningOrError))
        {
            var advice = RuleAdvice.TryGetValue(finding.RuleId, out var text) ? text : "Fix the finding";
            steps.Add(new NextStep($"{advice}.", null, finding.RuleId, finding.FullPath, finding.StartLine));
        }

        var projectArgument = Quote(root, project.ProjectFile ?? project.Directory);
        if (provenance is { Present: false, Required: false })
        {
            steps.Add(new NextStep("Declare the datasets the agent uses (fine-tuning, RAG, eval sets) in datasets.provenance.json beside the project, then check it.",
                $"alignment-policy provenance check {Quote(root, project.Directory)}", null, provenance.ManifestPath, 0));
        }
        else if (provenance is { HasErrors: true })
        {
            foreach (var diagnostic in provenance.Diagnostics.Where(d => d.Severity == BuildSeverity.Error).Take(5))
            {
                steps.Add(new NextStep($"Fix the provenance manifest: {diagnostic.Message}", $"alignment-policy provenance check {Quote(root, project.Directory)}", diagnostic.Code, diagnostic.File, diagnostic.Line));
            }
        }

        if (evaluations is null)
        {
            return steps;
        }

        if (!evaluations.Built)
        {
            steps.Add(new NextStep($"Build the project ({configuration}) so its evaluation results can be checked against its assembly.", $"dotnet build {projectArgument} -c {configuration}", null, null, 0));
        }

        // One command runs every required suite, so missing and stale suites each make one step.
        var evalCommand = $"alignment-policy eval {projectArgument} --no-build -c {configuration}";
        var missing = evaluations.Suites.Where(s => s.Freshness is Freshness.Missing or Freshness.Unreadable).Select(s => s.Suite).ToList();
        if (missing.Count > 0)
        {
            steps.Add(new NextStep($"Run the required evaluation{(missing.Count == 1 ? "" : "s")} {string.Join(", ", missing)} (no results for this build).", evalCommand, "ALN0201", null, 0));
        }

        var stale = evaluations.Suites.Where(s => s.Freshness == Freshness.Stale).ToList();
        if (stale.Count > 0)
        {
            var why = string.Join("; ", stale.SelectMany(s => s.StaleBecause).Distinct());
            steps.Add(new NextStep($"Evaluate again: the results of {string.Join(", ", stale.Select(s => s.Suite))} are stale ({why}).", evalCommand, "ALN0202", stale[0].ResultsPath, 0));
        }

        foreach (var suite in evaluations.Suites.Where(s => s.Freshness == Freshness.Fresh))
        {
            if (suite.Verdict == EvalVerdicts.Fail)
            {
                var cell = suite.Worst is { } w ? string.Format(CultureInfo.InvariantCulture, " in cell {0} (rate {1:0.###}, bound {2:0.###} > {3:0.###})", w.Id, w.Rate, w.Bound, w.Threshold) : "";
                steps.Add(new NextStep($"The agent fails {suite.Suite}{cell}: strengthen its gates or prompt, rebuild and evaluate again.", evalCommand, "ALN0203", suite.ResultsPath, 0));
            }
            else if (suite.Verdict is EvalVerdicts.Invalid or EvalVerdicts.Inconclusive)
            {
                steps.Add(new NextStep($"{suite.Suite} is {suite.Verdict}: {suite.Reason} Fix the cause and evaluate again.", evalCommand, "ALN0204", suite.ResultsPath, 0));
            }
        }

        return steps;
    }

    public static TrafficLight Light(AgentStatus agent, IReadOnlyList<ScanFinding> findings, ProvenanceStatus? provenance, EvaluationStatus? evaluations)
    {
        if (!agent.IsAgent)
        {
            return TrafficLight.NotAnAgent;
        }

        var ungated = findings.Any(f => f.IsWarningOrError);
        var failing = evaluations?.Suites.Any(s => s.Freshness == Freshness.Fresh && s.Verdict == EvalVerdicts.Fail) == true;
        if (ungated || provenance?.HasErrors == true || failing)
        {
            return TrafficLight.Red;
        }

        return provenance?.Documented == true && evaluations?.Passing == true ? TrafficLight.Green : TrafficLight.Amber;
    }

    /// <summary>A path for a command run from the report's root (where CI runs), quoted when it has a space.</summary>
    public static string Quote(string root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        return relative.Contains(' ', StringComparison.Ordinal) ? $"\"{relative}\"" : relative;
    }
}
