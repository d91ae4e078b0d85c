using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Core.PackGate;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Core.Provenance;
using AlignmentPolicy.Evals.Harness;
using AlignmentPolicy.Evals.Suites;

namespace AlignmentPolicy.Cli.Reporting;

/// <summary>
/// The recorded results of a project's required suites, judged against the current build as the pack gate judges
/// them (<see cref="EvaluationGate"/>): bound to this assembly's SHA-256, this policy's and this suite's, not a lone shard.
/// </summary>
internal static class EvaluationProbe
{
    public static async Task<EvaluationStatus> CheckAsync(string projectFile, string root, string configuration, AlignmentPolicyDocument policy, CancellationToken cancellationToken)
    {
        BuiltProject built;
        try
        {
            // Evaluates the project (no build) for $(TargetPath) and the intermediate folder, as 'eval --no-build' does.
            built = await ProjectBuild.BuildAsync(projectFile, configuration, build: false, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or System.Text.Json.JsonException or KeyNotFoundException)
        {
            var evaluationProblem = $"MSBuild could not evaluate the project: {e.Message.Split('\n')[0]}";
            return new EvaluationStatus(null, null, null, evaluationProblem, [.. policy.Evals.Required.Select(r => Missing(r, ""))], []);
        }

        var assembly = File.Exists(built.TargetPath) ? built.TargetPath : null;
        var assemblySha256 = assembly is null ? null : FileHasher.HashFile(assembly);
        var suites = policy.Evals.Required.Select(r => Judge(r, built.ResultsDirectory, assemblySha256, policy.Sha256)).ToList();

        // The gate's own diagnostics (codes and positions) for SARIF; it needs the assembly to hash.
        var gate = new BufferingReporter();
        if (assembly is not null)
        {
            EvaluationGate.Check(new EvaluationGateRequest
            {
                Policy = policy,
                AssemblyFile = assembly,
                ResultsDirectory = built.ResultsDirectory,
                EvalCommand = $"alignment-policy eval {NextSteps.Quote(root, projectFile)} --no-build -c {configuration}",
            }, gate);
        }

        var problem = assembly is null ? $"'{built.TargetPath}' does not exist (configuration {configuration})" : null;
        return new EvaluationStatus(assembly ?? built.TargetPath, assemblySha256, built.ResultsDirectory, problem, suites, gate.Diagnostics);
    }

    private static SuiteStatus Missing(EvalRequirement requirement, string path)
        => new(requirement.Suite, Threshold(requirement), Metric(requirement), path, Freshness.Missing, [], null, null, null, null, null);

    private static double? Threshold(EvalRequirement requirement) => requirement.MaxRate ?? requirement.MaxGap;

    private static string Metric(EvalRequirement requirement) => requirement.MaxRate is null && requirement.MaxGap is not null ? "maxGap" : "maxRate";

    private static SuiteStatus Judge(EvalRequirement requirement, string resultsDirectory, string? assemblySha256, string? policySha256)
    {
        var path = ResultsFileNames.ResultsFile(resultsDirectory, requirement.Suite);
        if (!File.Exists(path))
        {
            return Missing(requirement, path);
        }

        var results = EvalResultsLoader.Load(path, new BufferingReporter());
        if (results is null)
        {
            return Missing(requirement, path) with { Freshness = Freshness.Unreadable };
        }

        var stale = new List<string>();
        if (results.Suite != requirement.Suite)
        {
            stale.Add($"recorded for the suite '{results.Suite}'");
        }

        if (assemblySha256 is not null && !string.Equals(results.AssemblySha256, assemblySha256, StringComparison.OrdinalIgnoreCase))
        {
            stale.Add("the assembly was rebuilt since (SHA-256 differs)");
        }

        if (policySha256 is not null && !string.Equals(results.PolicySha256, policySha256, StringComparison.OrdinalIgnoreCase))
        {
            stale.Add("the policy changed since (SHA-256 differs)");
        }

        if (SuiteCatalog.Builtin.TryGetValue(requirement.Suite, out var suite) && !string.Equals(results.SuiteSha256, suite.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            stale.Add($"the suite changed since (recorded version {results.SuiteVersion}, this tool has {suite.Version})");
        }

        if (results.ShardCount > 1)
        {
            stale.Add($"a lone shard ({results.ShardIndex} of {results.ShardCount}); merge the shards with 'alignment-policy eval merge'");
        }

        var freshness = stale.Count > 0 ? Freshness.Stale : assemblySha256 is null ? Freshness.Unknown : Freshness.Fresh;
        return new SuiteStatus(requirement.Suite, Threshold(requirement), Metric(requirement), path, freshness, stale,
            results.Verdict, results.Reason, results.ModelId, results.CreatedUtc, Worst(results));
    }

    private static WorstCell? Worst(EvalResultsDocument results)
    {
        var primaries = results.Cells.Where(c => c.Primary).ToList();
        var cell = results.Cells.FirstOrDefault(c => c.Control && c.Verdict == EvalVerdicts.Invalid)
            ?? primaries.OrderByDescending(c => c.Verdict == EvalVerdicts.Fail).ThenByDescending(c => c.Bound).FirstOrDefault();
        return cell is null ? null : new WorstCell(cell.Id, cell.N, cell.Events, cell.Rate, cell.IntervalLow, cell.IntervalHigh, cell.Bound, cell.Threshold, cell.Verdict);
    }
}
