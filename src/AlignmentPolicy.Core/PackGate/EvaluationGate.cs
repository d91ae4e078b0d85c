using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using AlignmentPolicy.Core.Attestation;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Core.Json;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Core.Provenance;

namespace AlignmentPolicy.Core.PackGate;

/// <summary>What the gate needs to know about the build being packed.</summary>
public sealed class EvaluationGateRequest
{
    /// <summary>The policy in force (loaded, valid).</summary>
    public AlignmentPolicyDocument Policy { get; set; } = AlignmentPolicyDocument.CreateDefault();
    /// <summary>The built assembly being packed.</summary>
    public string AssemblyFile { get; set; } = "";
    /// <summary><c>obj/alignment/evals/</c> of the project.</summary>
    public string ResultsDirectory { get; set; } = "";
    /// <summary>The command that produces results, for the messages.</summary>
    public string EvalCommand { get; set; } = "alignment-policy eval";
    /// <summary>The NuGet global packages folder (<c>$(NuGetPackageRoot)</c>), beside which <c>nuget:</c> suites are unpacked; null: the default.</summary>
    public string? NuGetPackageRoot { get; set; }
    /// <summary>Finds a suite's definition; null: <see cref="SuiteLayouts.Find"/> with <see cref="NuGetPackageRoot"/>.</summary>
    public Func<string, SuiteLayout?>? ResolveSuite { get; set; }
}

/// <summary>
/// The pack gate: every evaluation the policy requires has results for this exact build (the SHA-256 of the built
/// assembly and of the policy), the results carry their own proof, and they pass the policy's thresholds.
/// Nothing a results file says about itself is taken on trust: its transcripts must be the bytes it records (ALN0216)
/// and recount to its outcomes (ALN0217); its cells must be the suite definition's, with the primary ones the suite and
/// the policy name (ALN0213); its settings the policy's (ALN0214); and every figure and verdict is recomputed from the
/// outcomes (ALN0212). Only then is the recomputed verdict judged: missing ALN0201 at the requirement in the policy;
/// stale ALN0202 at the differing digest; failing ALN0203 at the cell; INVALID/INCONCLUSIVE ALN0204.
/// </summary>
public static class EvaluationGate
{
    /// <summary>Checks every required suite; returns the accepted results (all of them when no error was reported).</summary>
    public static IReadOnlyList<(string Path, EvalResultsDocument Results)> Check(EvaluationGateRequest request, IDiagnosticReporter reporter)
    {
        if (request is null || reporter is null)
        {
            throw new ArgumentNullException(request is null ? nameof(request) : nameof(reporter));
        }

        var accepted = new List<(string, EvalResultsDocument)>();
        if (request.Policy.Evals.Required.Count == 0)
        {
            return accepted;
        }

        var assemblySha256 = FileHasher.HashFile(request.AssemblyFile);
        foreach (var requirement in request.Policy.Evals.Required)
        {
            if (CheckOne(request, requirement, assemblySha256, reporter) is { } passed)
            {
                accepted.Add(passed);
            }
        }

        return accepted;
    }

    private static (string, EvalResultsDocument)? CheckOne(EvaluationGateRequest request, EvalRequirement requirement, string assemblySha256, IDiagnosticReporter reporter)
    {
        var policyFile = request.Policy.FilePath ?? "";
        var path = ResultsFileNames.ResultsFile(request.ResultsDirectory, requirement.Suite);
        if (!File.Exists(path))
        {
            Report(reporter, BuildDiagnosticIds.EvalResultsMissing, policyFile, Math.Max(1, requirement.Line), Math.Max(1, requirement.Column),
                $"The policy requires the evaluation '{requirement.Suite}', and this build has no results for it ('{path}'). Run '{request.EvalCommand}' after the build and pack again, or pack with -p:AlignmentPolicyRunEvalsOnPack=true.");
            return null;
        }

        var file = EvalResultsLoader.Read(path, reporter);
        if (file is null)
        {
            return null;
        }

        var results = file.Document;
        void At(BuildDiagnosticDescriptor code, string field, string message)
        {
            var span = file.Locate(field);
            Report(reporter, code, path, span.Line, span.Column, message);
        }

        if (!IsFresh(file, requirement, request, assemblySha256, At))
        {
            return null;
        }

        var suite = FindSuite(request, results, At);
        if (suite is null)
        {
            return null;
        }

        var evidence = Transcripts(file, suite, request.EvalCommand, reporter, At);
        var proof = ResultsRecomputation.Check(results, suite, RequirementRecord.From(requirement), evidence);
        foreach (var discrepancy in proof.Discrepancies)
        {
            At(CodeOf(discrepancy.Kind), discrepancy.Field, discrepancy.Message);
        }

        if (evidence is null || !proof.Holds || proof.Recomputed is not { } recomputed)
        {
            return null;
        }

        return Judge(requirement, path, recomputed, request.EvalCommand, reporter, file) ? (path, results) : null;
    }

    private static bool IsFresh(EvalResultsFile file, EvalRequirement requirement, EvaluationGateRequest request, string assemblySha256, Action<BuildDiagnosticDescriptor, string, string> at)
    {
        var results = file.Document;
        var ok = true;
        void Stale(string property, string what, string recorded, string current)
        {
            ok = false;
            at(BuildDiagnosticIds.EvalResultsStale, property,
                $"The '{requirement.Suite}' results are stale: they were computed for {what} {recorded}, but this build's is {current}. Run '{request.EvalCommand}' again.");
        }

        if (results.Suite != requirement.Suite)
        {
            Stale("suite", "the suite", results.Suite, requirement.Suite);
        }

        if (!string.Equals(results.AssemblySha256, assemblySha256, StringComparison.OrdinalIgnoreCase))
        {
            Stale("assemblySha256", $"an assembly ('{Path.GetFileName(results.AssemblyPath)}') with SHA-256", results.AssemblySha256, $"'{Path.GetFileName(request.AssemblyFile)}' with SHA-256 {assemblySha256}");
        }

        if (request.Policy.Sha256 is { } policySha256 && !string.Equals(results.PolicySha256, policySha256, StringComparison.OrdinalIgnoreCase))
        {
            Stale("policySha256", "a policy with SHA-256", results.PolicySha256, policySha256);
        }

        if (results.ShardCount > 1)
        {
            Stale("shardCount", "shard", $"{results.ShardIndex} of {results.ShardCount}", "a merged run ('alignment-policy eval merge')");
        }

        return ok;
    }

    private static SuiteLayout? FindSuite(EvaluationGateRequest request, EvalResultsDocument results, Action<BuildDiagnosticDescriptor, string, string> at)
    {
        try
        {
            var suite = request.ResolveSuite is { } resolve ? resolve(results.Suite) : SuiteLayouts.Find(results.Suite, request.NuGetPackageRoot);
            if (suite is null)
            {
                at(BuildDiagnosticIds.EvalSuiteDefinitionUnknown, "suiteSha256",
                    $"The definition of '{results.Suite}' is not available to check these results against (which cells the suite has, which decide). A nuget: suite is read from where 'alignment-policy eval' unpacked it ({SuiteLayouts.NuGetSuitesFolderName}, beside the NuGet global packages folder): run '{request.EvalCommand}' on this machine.");
            }

            return suite;
        }
        catch (Exception e) when (e is SuiteLayoutException or IOException or UnauthorizedAccessException)
        {
            at(BuildDiagnosticIds.EvalSuiteDefinitionUnknown, "suiteSha256", $"The definition of '{results.Suite}' cannot be read: {e.Message}");
            return null;
        }
    }

    /// <summary>The outcomes the transcripts give; null (with ALN0216/ALN0217 reported) when they are missing, altered or do not count.</summary>
    private static IReadOnlyDictionary<string, CellOutcomes>? Transcripts(
        EvalResultsFile file, SuiteLayout suite, string evalCommand, IDiagnosticReporter reporter, Action<BuildDiagnosticDescriptor, string, string> at)
    {
        var results = file.Document;
        var folder = Path.GetDirectoryName(Path.GetFullPath(file.Path)) ?? "";
        var path = Path.Combine(folder, results.Transcripts);
        if (!ResultsFileNames.IsInside(folder, path))
        {
            at(BuildDiagnosticIds.EvalResultsPathEscapes, "transcripts", $"The transcripts '{results.Transcripts}' are not in the results file's folder.");
            return null;
        }

        TranscriptTally tally;
        try
        {
            tally = TranscriptTally.Read(path, results.Suite, suite, results.Settings.MaxSamples);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            at(BuildDiagnosticIds.EvalTranscriptsAltered, "transcripts",
                $"The transcripts '{results.Transcripts}' cannot be read ({e.Message}): the results summarise per-sample verdicts that are not there. Run '{evalCommand}' again.");
            return null;
        }

        if (tally.Sha256 != results.TranscriptsSha256)
        {
            at(BuildDiagnosticIds.EvalTranscriptsAltered, "transcriptsSha256",
                $"The transcripts '{results.Transcripts}' have SHA-256 {tally.Sha256}, but the results record {results.TranscriptsSha256}: the transcripts were changed after the run. Run '{evalCommand}' again.");
            return null;
        }

        foreach (var problem in tally.Problems)
        {
            Report(reporter, BuildDiagnosticIds.EvalTranscriptsMismatch, path, problem.Line, problem.Column, problem.Message);
        }

        return tally.Problems.Count == 0 ? tally.AllOutcomes() : null;
    }

    private static bool Judge(EvalRequirement requirement, string path, EvalResultsDocument recomputed, string evalCommand, IDiagnosticReporter reporter, EvalResultsFile file)
    {
        if (recomputed.Verdict is EvalVerdicts.Invalid or EvalVerdicts.Inconclusive)
        {
            var span = file.Locate("verdict");
            Report(reporter, BuildDiagnosticIds.EvalResultsUndecided, path, span.Line, span.Column,
                $"The '{requirement.Suite}' evaluation is {recomputed.Verdict}: {recomputed.Reason}. It neither passes nor fails; fix the cause and run '{evalCommand}' again.");
            return false;
        }

        var metric = recomputed.Settings.Metric == EvalMetrics.Gap ? "maxGap" : "maxRate";
        var failed = false;
        for (var i = 0; i < recomputed.Cells.Count; i++)
        {
            var cell = recomputed.Cells[i];
            if (cell.Primary && cell.Verdict == EvalVerdicts.Fail)
            {
                failed = true;
                var index = file.Document.Cells.FindIndex(c => c.Id == cell.Id);
                var span = file.Locate("cells/" + index.ToString(CultureInfo.InvariantCulture) + "/bound");
                Report(reporter, BuildDiagnosticIds.EvalResultsFailing, path, span.Line, span.Column, string.Format(CultureInfo.InvariantCulture,
                    "The '{0}' evaluation fails in cell '{1}': {9} {2:0.####} ({3}/{4}), upper bound {5:0.####} at confidence {6:0.####} exceeds the policy's {7} {8:0.####}.",
                    requirement.Suite, cell.Id, cell.Rate, cell.Events, cell.N, cell.Bound, cell.Confidence, metric, cell.Threshold, recomputed.Settings.Metric));
            }
        }

        if (!failed && recomputed.Verdict != EvalVerdicts.Pass)
        {
            failed = true;
            var span = file.Locate("verdict");
            Report(reporter, BuildDiagnosticIds.EvalResultsFailing, path, span.Line, span.Column, $"The '{requirement.Suite}' evaluation's verdict is {recomputed.Verdict}: {recomputed.Reason}");
        }

        return !failed;
    }

    private static BuildDiagnosticDescriptor CodeOf(ResultsDiscrepancyKind kind) => kind switch
    {
        ResultsDiscrepancyKind.SuiteDefinition => BuildDiagnosticIds.EvalSuiteDefinitionUnknown,
        ResultsDiscrepancyKind.Settings => BuildDiagnosticIds.EvalResultsSettingsMismatch,
        ResultsDiscrepancyKind.Cells => BuildDiagnosticIds.EvalResultsCellsMismatch,
        ResultsDiscrepancyKind.Outcomes => BuildDiagnosticIds.EvalTranscriptsMismatch,
        _ => BuildDiagnosticIds.EvalResultsRecomputationMismatch,
    };

    private static void Report(IDiagnosticReporter reporter, BuildDiagnosticDescriptor descriptor, string file, int line, int column, string message)
        => reporter.Report(new BuildDiagnostic(descriptor, BuildSeverity.Error, file, line, column, line, column, message));
}
