using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Policy;
using Microsoft.CodeAnalysis;

namespace AlignmentPolicy.Cli.Scanning;

/// <summary>What a scan found: the findings, per project, plus the policy problems met on the way.</summary>
internal sealed record ScanResult(string Root, IReadOnlyList<ScanProject> Projects, IReadOnlyList<ScanFinding> Findings, IReadOnlyList<string> AnalyzerFailures);

/// <summary>
/// Scans a folder: discovers projects, resolves each one's policy like <c>check</c> and the build do,
/// compiles each from sources and runs the analyzers, compile errors tolerated.
/// </summary>
internal static class Scanner
{
    /// <summary>Package ID prefixes that make a project an agent project (the build detects the same SDKs from references).</summary>
    internal static readonly string[] ModelSdkPackages =
    [
        "Microsoft.Extensions.AI", "Microsoft.Agents.AI", "Microsoft.SemanticKernel", "OpenAI", "Azure.AI.OpenAI",
        "Anthropic", "OllamaSharp", "ModelContextProtocol", "AlignmentPolicy.Gates",
        // Azure AI Foundry's agent service (persistent agents and the project client that makes them): its runs are model calls.
        "Azure.AI.Agents", "Azure.AI.Projects",
        // Azure AI Inference (GitHub Models, Foundry model endpoints): its ChatCompletionsClient's Complete calls are model calls.
        "Azure.AI.Inference",
    ];

    /// <summary>Namespaces whose use marks a project as an agent project when its package references cannot be read.</summary>
    internal static readonly string[] ModelSdkNamespaces =
    [
        "using Microsoft.Extensions.AI", "using Microsoft.Agents.AI", "using Microsoft.SemanticKernel", "using OpenAI", "using Anthropic",
        "using OllamaSharp", "using ModelContextProtocol", "using Azure.AI.Agents", "using Azure.AI.Projects",
        "using Azure.AI.Inference",
    ];

    public static async Task<ScanResult> ScanAsync(string root, IDiagnosticReporter policyReporter, Action<string> detail, CancellationToken cancellationToken)
    {
        root = Path.GetFullPath(root);
        var projects = ProjectDiscovery.Discover(root);
        var findings = new List<ScanFinding>();
        var policies = new Dictionary<string, (AlignmentPolicyDocument? Policy, bool HasErrors)>(StringComparer.Ordinal);
        var analyzerFailures = new List<string>();
        foreach (var project in projects)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var policyKey = PolicyLocator.FindNearest(project.Directory) ?? "";
            if (!policies.TryGetValue(policyKey, out var policy))
            {
                var resolution = PolicyResolver.Resolve(new PolicyResolveRequest { StartDirectory = project.Directory, ReportingFile = project.DisplayPath }, policyReporter);
                policy = (resolution.Policy, resolution.HasErrors);
                policies[policyKey] = policy;
            }

            var document = policy.Policy ?? AlignmentPolicyDocument.CreateDefault();
            var isAgent = AgentProjectClassifier.IsAgentProject(document, project.ProjectFile ?? project.Sources[0], project.IsAgentProjectSetting, ReferencesModelSdk(project));
            var compilation = ScanCompilationFactory.Create(project);
            var compileErrors = compilation.GetDiagnostics(cancellationToken).Count(d => d.Severity == DiagnosticSeverity.Error);
            var (diagnostics, failures) = await ScanAnalyzerHost.AnalyzeAsync(compilation, PolicyGlobalConfig.Render(document, isAgent), ScanAdditionalFiles.For(project), cancellationToken).ConfigureAwait(false);
            foreach (var failure in failures)
            {
                analyzerFailures.Add($"{project.DisplayPath}: {failure.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}");
            }

            var projectFindings = diagnostics.Where(d => d.Location.IsInSource).Select(d => ScanFinding.From(d, root)).ToList();
            findings.AddRange(projectFindings);
            detail($"{Path.GetRelativePath(root, project.DisplayPath)}: {project.Kind}, {project.Sources.Count} files, {(isAgent ? "agent project" : "not an agent project")}, {compileErrors} compile errors tolerated, {projectFindings.Count} findings.");
        }

        var ordered = findings
            .Distinct()
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal).ThenBy(f => f.StartLine).ThenBy(f => f.StartColumn).ThenBy(f => f.RuleId, StringComparer.Ordinal)
            .ToList();
        return new ScanResult(root, projects, ordered, analyzerFailures);
    }

    private static bool ReferencesModelSdk(ScanProject project)
    {
        if (project.PackageReferences.Any(id => ModelSdkPackages.Any(prefix => id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))))
        {
            return true;
        }

        // A project whose references come from elsewhere (central props, a solution filter) still shows its SDKs in its usings,
        // in its files or as <Using> items of its project file.
        if (project.GlobalUsings.Any(u => ModelSdkNamespaces.Any(ns => ("using " + u.Name).StartsWith(ns, StringComparison.Ordinal))))
        {
            return true;
        }

        return project.Sources.Any(file => File.ReadLines(file).Take(80).Any(line => ModelSdkNamespaces.Any(ns => line.TrimStart().StartsWith(ns, StringComparison.Ordinal))));
    }
}
