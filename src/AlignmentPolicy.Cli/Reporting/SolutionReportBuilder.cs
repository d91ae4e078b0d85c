using System.Reflection;
using AlignmentPolicy.Cli.Scanning;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Cli.Reporting;

/// <summary>
/// Gathers the report: the scan (projects, analyzer findings), then per project its policy, why it is an agent,
/// its calls and tools, its provenance manifest and its evaluation results against the current build.
/// </summary>
internal static class SolutionReportBuilder
{
    public static async Task<SolutionReport> BuildAsync(SolutionTarget target, string configuration, Action<string> progress, CancellationToken cancellationToken)
    {
        var policyDiagnostics = new BufferingReporter();
        var scan = await Scanner.ScanAsync(target.Root, policyDiagnostics, progress, cancellationToken).ConfigureAwait(false);
        var policies = new Dictionary<string, (AlignmentPolicyDocument Document, PolicyStatus Status)>(StringComparer.Ordinal);
        var projects = new List<ProjectReport>();
        foreach (var project in scan.Projects.Where(target.Includes))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (policy, policyStatus) = Policy(project, policies);
            var agent = AgentReason.Explain(project, policy);
            var sources = project.Sources.ToHashSet(StringComparer.Ordinal);
            var findings = scan.Findings.Where(f => sources.Contains(f.FullPath)).ToList();
            IReadOnlyList<CodeItem> calls = [], tools = [];
            ProvenanceStatus? provenance = null;
            EvaluationStatus? evaluations = null;
            if (agent.IsAgent)
            {
                (calls, tools) = AgentInventory.Collect(project, target.Root, findings, cancellationToken);
                provenance = ProvenanceProbe.Check(project.Directory, policy);
                if (project.ProjectFile is { } projectFile && !policyStatus.HasErrors)
                {
                    progress($"{Path.GetRelativePath(target.Root, projectFile)}: reading the build output and evaluation results.");
                    evaluations = await EvaluationProbe.CheckAsync(projectFile, target.Root, configuration, policy, cancellationToken).ConfigureAwait(false);
                }
            }

            var steps = new List<NextStep>();
            if (policyStatus.HasErrors && agent.IsAgent)
            {
                steps.Add(new NextStep("Fix the policy file: its errors stop every build of this project.", $"alignment-policy check {NextSteps.Quote(target.Root, policyStatus.Path!)}", null, policyStatus.Path, 0));
            }

            steps.AddRange(NextSteps.For(project, target.Root, agent, findings, provenance, evaluations, configuration));
            var light = policyStatus.HasErrors && agent.IsAgent ? TrafficLight.Red : NextSteps.Light(agent, findings, provenance, evaluations);
            projects.Add(new ProjectReport(
                Path.GetFileNameWithoutExtension(project.DisplayPath),
                Path.GetRelativePath(target.Root, project.DisplayPath).Replace('\\', '/'),
                project.DisplayPath,
                project.Kind,
                policyStatus.Path,
                agent,
                calls,
                tools,
                findings,
                provenance,
                evaluations,
                steps,
                light));
        }

        // Diagnostics met while resolving policies that belong to no policy file (none found) stay with the first status.
        var statuses = policies.Values.Select(p => p.Status).DistinctBy(s => s.Path ?? "").ToList();
        var version = typeof(SolutionReportBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
        return new SolutionReport(target.DisplayName, target.Root, configuration, DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
            version, statuses, projects, scan.AnalyzerFailures);
    }

    private static (AlignmentPolicyDocument, PolicyStatus) Policy(ScanProject project, Dictionary<string, (AlignmentPolicyDocument Document, PolicyStatus Status)> policies)
    {
        var key = PolicyLocator.FindNearest(project.Directory) ?? "";
        if (!policies.TryGetValue(key, out var entry))
        {
            var reporter = new BufferingReporter();
            var resolution = PolicyResolver.Resolve(new PolicyResolveRequest { StartDirectory = project.Directory, ReportingFile = project.DisplayPath }, reporter);
            var document = resolution.Policy ?? AlignmentPolicyDocument.CreateDefault();
            entry = (document, new PolicyStatus(resolution.PolicyPath, resolution.Policy?.Sha256, [.. reporter.Diagnostics.Where(d => d.Severity != BuildSeverity.Info)]));
            policies[key] = entry;
        }

        return entry;
    }
}
