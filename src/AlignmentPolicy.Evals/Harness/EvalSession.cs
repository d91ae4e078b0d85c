using System.Globalization;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Evals.Models;
using AlignmentPolicy.Evals.Reporting;
using AlignmentPolicy.Evals.Suites;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Evals.Harness;

/// <summary>What <c>alignment-policy eval</c> asked for.</summary>
public sealed class EvalRequest
{
    public required string ModelSpec { get; init; }
    public IChatClient? ModelOverride { get; init; }
    public long Seed { get; init; } = 1;
    public double DefaultPropensity { get; init; } = SimulatedModelDefaults.Propensity;
    public IReadOnlyDictionary<string, double> Propensity { get; init; } = new Dictionary<string, double>();
    /// <summary>The simulated model's messages: the suites' scripted actions, or held-out corpus rows.</summary>
    public SimulatedMessages Messages { get; init; } = SimulatedMessages.Scripted;
    /// <summary>Suites to run instead of the policy's.</summary>
    public IReadOnlyList<string> Suites { get; init; } = [];
    public EvalOverrides Overrides { get; init; } = new();
    public int ShardIndex { get; init; } = 1;
    public int ShardCount { get; init; } = 1;
    public bool Reference { get; init; }
    public string? OutputDirectory { get; init; }
    public int Concurrency { get; init; } = Math.Max(2, Environment.ProcessorCount * 2);
    public string? ClassifierSpec { get; init; }
}

public static class SimulatedModelDefaults
{
    /// <summary>The simulated model misbehaves in 30% of treatment samples unless told otherwise: a gated agent must
    /// still pass, an ungated one fails.</summary>
    public const double Propensity = 0.3;
}

/// <summary>One project's evaluation: its results per suite.</summary>
public sealed record ProjectEvaluation(BuiltProject Project, string EntryPoint, IReadOnlyList<(EvalResultsDocument Result, string Path)> Results);

/// <summary>Evaluates one built project against its policy's required suites.</summary>
public static class EvalSession
{
    public static async Task<ProjectEvaluation> RunAsync(BuiltProject project, EvalRequest request, IDiagnosticReporter reporter, Action<string, string, int, int>? progress, CancellationToken cancellationToken)
    {
        var resolution = PolicyResolver.Resolve(new PolicyResolveRequest { StartDirectory = Path.GetDirectoryName(project.ProjectPath)! }, reporter);
        if (resolution.HasErrors)
        {
            throw new EvalUsageException($"The policy for {project.Name} has errors; fix them first (alignment-policy check).");
        }

        var requirements = resolution.Policy?.Evals.Required ?? [];
        List<(SuiteDefinition Suite, EvalRequirement? Requirement)> suites = [];
        var names = request.Suites.Count > 0 ? request.Suites : [.. requirements.Select(r => r.Suite)];
        if (names.Count == 0)
        {
            throw new EvalUsageException($"{project.Name}: the policy requires no evaluations; name suites with --suite.");
        }

        foreach (var name in names)
        {
            suites.Add((SuiteResolver.Resolve(name, Path.GetDirectoryName(project.ProjectPath)!), requirements.FirstOrDefault(r => r.Suite == name)));
        }

        string entryPointName = "reference";
        AgentFactory? factory = null;
        if (!request.Reference)
        {
            var entryPoints = EntryPointLoader.Find(project.TargetPath);
            if (entryPoints.Count != 1)
            {
                throw new EvalUsageException(entryPoints.Count == 0
                    ? $"{project.Name}: no [AlignmentEvalEntryPoint] method in {project.TargetPath}. Add 'public static IChatClient BuildForEvaluation(IChatClient model, EvalEnvironment environment)' marked [AlignmentEvalEntryPoint]."
                    : $"{project.Name}: {entryPoints.Count} [AlignmentEvalEntryPoint] methods; a project exposes one.");
            }

            factory = entryPoints[0].CreateFactory();
            entryPointName = entryPoints[0].DisplayName;
        }

        var directory = request.OutputDirectory is { } output ? Path.Combine(Path.GetFullPath(output), project.Name) : project.ResultsDirectory;
        List<(EvalResultsDocument, string)> results = [];
        foreach (var (suite, requirement) in suites)
        {
            var settings = EvalSettings.Create(suite, requirement, request.Overrides);
            using var model = ModelFactory.Create(request.ModelSpec, request, Path.Combine(project.ResultsDirectory, "cache"), out var modelDescription);
            var tracked = new UsageTrackingChatClient(request.ModelOverride ?? model);
            using var classifier = request.ClassifierSpec is { } spec ? ModelFactory.Create(spec, request, Path.Combine(project.ResultsDirectory, "cache"), out _) : null;
            var total = suite.Cells.Count * settings.MaxSamples * suite.ArmNames.Count / request.ShardCount;
            var run = await SuiteRunner.RunAsync(new SuiteRunOptions
            {
                Suite = suite,
                Settings = settings,
                Agent = factory,
                Model = tracked,
                Classifier = classifier,
                ShardIndex = request.ShardIndex,
                ShardCount = request.ShardCount,
                Concurrency = request.Concurrency,
                Progress = progress is null ? null : (cell, done) => progress(project.Name, suite.Name, done, total),
            }, cancellationToken).ConfigureAwait(false);
            var document = run.Document;
            document.Project = project.Name;
            document.AssemblyPath = project.TargetPath;
            document.AssemblySha256 = ResultsFiles.Sha256OfFile(project.TargetPath);
            document.PolicyPath = resolution.PolicyPath ?? "";
            document.PolicySha256 = ResultsFiles.Sha256OfFile(resolution.PolicyPath);
            document.EntryPoint = entryPointName;
            document.ModelId = request.ModelSpec;
            document.ModelDescription = modelDescription;
            document.Seed = request.Seed;
            document.Tool = "alignment-policy " + (typeof(EvalSession).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
            document.CreatedUtc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
            document.Usage = tracked.Snapshot();
            results.Add((document, ResultsFiles.Write(document, run.Transcripts, directory)));
        }

        return new ProjectEvaluation(project, entryPointName, results);
    }
}

/// <summary>Wrong usage: exit code 2 with a message, no stack trace.</summary>
public sealed class EvalUsageException(string message) : Exception(message);
