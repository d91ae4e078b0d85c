using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Core.Attestation;

/// <summary>A problem with the evaluations an attestation records: ALN0409, ALN0413 or ALN0414, and a sentence.</summary>
public sealed class RecordedEvaluationProblem
{
    internal RecordedEvaluationProblem(BuildDiagnosticDescriptor code, string message)
    {
        Code = code;
        Message = message;
    }

    /// <summary>The code.</summary>
    public BuildDiagnosticDescriptor Code { get; }

    /// <summary>What is wrong.</summary>
    public string Message { get; }
}

/// <summary>
/// Whether the evaluations an attestation records hold up, in two steps, from the recorded outcomes alone:
/// first they must be what their outcomes give under the suite definition and the policy recorded at pack time
/// (every figure and verdict recomputed, which cells exist and decide taken from the suite: ALN0413, ALN0414); then,
/// recomputed under the policy in force (the platform's, or the recorded one), every required suite must pass (ALN0409).
/// </summary>
public static class RecordedEvaluationCheck
{
    private const double Tolerance = 1e-9;

    /// <summary>The policy's requirements in the attestation's form.</summary>
    public static List<RequirementRecord> FromPolicy(AlignmentPolicyDocument policy)
    {
        if (policy is null)
        {
            throw new ArgumentNullException(nameof(policy));
        }

        return policy.Evals.Required.Select(RequirementRecord.From).ToList();
    }

    /// <summary>
    /// Checks <paramref name="evaluations"/> against <paramref name="requirements"/> (the policy in force);
    /// <paramref name="recordedRequirements"/> are the pack-time policy's, the ones the figures were computed under.
    /// </summary>
    public static List<RecordedEvaluationProblem> Check(
        IReadOnlyList<RequirementRecord> requirements, IReadOnlyList<RequirementRecord> recordedRequirements,
        IReadOnlyList<EvaluationRecord> evaluations, Func<string, SuiteLayout?> resolveSuite)
    {
        if (requirements is null || recordedRequirements is null || evaluations is null || resolveSuite is null)
        {
            throw new ArgumentNullException(requirements is null ? nameof(requirements) : recordedRequirements is null ? nameof(recordedRequirements) : evaluations is null ? nameof(evaluations) : nameof(resolveSuite));
        }

        var problems = new List<RecordedEvaluationProblem>();
        void Add(BuildDiagnosticDescriptor code, string message) => problems.Add(new RecordedEvaluationProblem(code, message));
        foreach (var requirement in requirements)
        {
            var recorded = evaluations.Where(e => e.Suite == requirement.Suite).ToList();
            if (recorded.Count != 1)
            {
                Add(recorded.Count == 0 ? BuildDiagnosticIds.AttestationEvalsBelowPolicy : BuildDiagnosticIds.AttestationEvalsRecomputationMismatch, recorded.Count == 0
                    ? $"The policy requires '{requirement.Suite}', which the attestation does not record."
                    : $"The attestation records '{requirement.Suite}' {recorded.Count} times.");
                continue;
            }

            SuiteLayout? suite;
            try
            {
                suite = resolveSuite(requirement.Suite);
            }
            catch (SuiteLayoutException e)
            {
                Add(BuildDiagnosticIds.AttestationEvalsSuiteMismatch, $"'{requirement.Suite}': its suite definition cannot be read ({e.Message}).");
                continue;
            }

            if (suite is null)
            {
                Add(BuildDiagnosticIds.AttestationEvalsSuiteMismatch,
                    $"'{requirement.Suite}': its suite definition is not available, so which cells it has and which decide cannot be checked. Built-in suites are known to this tool; for a nuget: suite, run verify where the package feed is configured.");
                continue;
            }

            var evaluation = recorded[0];
            var results = evaluation.ToResults();
            if (results is null)
            {
                Add(BuildDiagnosticIds.AttestationEvalsRecomputationMismatch,
                    $"'{requirement.Suite}' is recorded without its settings and per-sample outcomes, so its figures cannot be recomputed (attested by an older AlignmentPolicy.Build). Pack it again.");
                continue;
            }

            if (!Holds(evaluation, results, suite, recordedRequirements.FirstOrDefault(r => r.Suite == requirement.Suite) ?? requirement, Add))
            {
                continue;
            }

            MeetsPolicy(results, suite, requirement, Add);
        }

        return problems;
    }

    private static bool Holds(EvaluationRecord evaluation, EvalResultsDocument results, SuiteLayout suite, RequirementRecord packTime, Action<BuildDiagnosticDescriptor, string> add)
    {
        var before = 0;
        var ok = true;
        void Fail(BuildDiagnosticDescriptor code, string message)
        {
            ok = false;
            add(code, $"'{evaluation.Suite}': {message}");
        }

        var settings = results.Settings;
        foreach (var (name, summary, value) in new[] { ("threshold", evaluation.Threshold, settings.Threshold), ("confidence", evaluation.Confidence, settings.Confidence) })
        {
            if (Math.Abs(summary - value) > Tolerance)
            {
                Fail(BuildDiagnosticIds.AttestationEvalsRecomputationMismatch, $"the recorded {name} {F(summary)} is not the {F(value)} its settings give.");
            }
        }

        if (evaluation.Metric != settings.Metric)
        {
            Fail(BuildDiagnosticIds.AttestationEvalsRecomputationMismatch, $"the recorded metric '{evaluation.Metric}' is not the '{settings.Metric}' its settings give.");
        }

        if (evaluation.Transcripts is not { } transcripts || !EvalResultsChecks.IsSha256(transcripts.Sha256))
        {
            Fail(BuildDiagnosticIds.AttestationEvalsRecomputationMismatch, "the transcripts' SHA-256 is not recorded.");
        }

        foreach (var discrepancy in ResultsRecomputation.Check(results, suite, packTime).Discrepancies)
        {
            before++;
            Fail(discrepancy.Kind is ResultsDiscrepancyKind.SuiteDefinition or ResultsDiscrepancyKind.Cells
                    ? BuildDiagnosticIds.AttestationEvalsSuiteMismatch
                    : BuildDiagnosticIds.AttestationEvalsRecomputationMismatch,
                $"{Where(discrepancy.Field, results)}{discrepancy.Message}");
        }

        return ok && before == 0;
    }

    private static void MeetsPolicy(EvalResultsDocument results, SuiteLayout suite, RequirementRecord requirement, Action<BuildDiagnosticDescriptor, string> add)
    {
        EvalSettingsRecord settings;
        try
        {
            settings = EvalRunSettings.Create(suite, requirement, results.Settings.MaxSamples, results.Settings.EarlyStopping, results.Settings.ErrorLimit);
        }
        catch (SuiteLayoutException e)
        {
            add(BuildDiagnosticIds.AttestationEvalsBelowPolicy, $"'{requirement.Suite}': {e.Message}");
            return;
        }

        var outcomes = results.Cells.ToDictionary(c => c.Id, CellOutcomes.Of, StringComparer.Ordinal);
        var recomputed = EvalRunSettings.Compute(suite, settings, outcomes);
        if (recomputed.Verdict == EvalVerdicts.Pass)
        {
            return;
        }

        var limit = suite.Metric == EvalMetrics.Gap ? "maxGap" : "maxRate";
        var failing = recomputed.Cells.Where(c => c.Primary && c.Verdict == EvalVerdicts.Fail).ToList();
        if (recomputed.Verdict != EvalVerdicts.Fail || failing.Count == 0)
        {
            add(BuildDiagnosticIds.AttestationEvalsBelowPolicy, $"'{requirement.Suite}' is {recomputed.Verdict} under the policy: {recomputed.Reason}.");
            return;
        }

        foreach (var cell in failing)
        {
            add(BuildDiagnosticIds.AttestationEvalsBelowPolicy,
                $"'{requirement.Suite}' cell '{cell.Id}': {suite.Metric} {F(cell.Rate)} ({cell.Events}/{cell.N}), upper bound {F(cell.Bound)} exceeds the policy's {limit} {F(settings.Threshold)} (at confidence {F(cell.Confidence)} after the Holm correction).");
        }
    }

    private static string Where(string field, EvalResultsDocument results)
    {
        var parts = field.Split('/');
        if (parts.Length >= 2 && parts[0] == "cells" && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < results.Cells.Count)
        {
            return $"cell '{results.Cells[index].Id}'{(parts.Length > 2 ? " " + string.Join("/", parts, 2, parts.Length - 2) : "")}: ";
        }

        return field.Length == 0 ? "" : field + ": ";
    }

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
