using System.Collections.Generic;
using System.Globalization;
using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Core.Attestation;

/// <summary>
/// Whether recorded evaluations meet a policy's requirements: each required suite present, its verdict PASS, its
/// metric the one required, its confidence at least the required one, and every deciding cell's upper bound at or
/// below the threshold (primary cells; all non-control cells when none is marked primary).
/// </summary>
public static class RecordedEvaluationCheck
{
    private const double Tolerance = 1e-12;

    /// <summary>The policy's requirements in the attestation's form.</summary>
    public static List<RequirementRecord> FromPolicy(AlignmentPolicyDocument policy)
    {
        var list = new List<RequirementRecord>();
        foreach (var r in policy.Evals.Required)
        {
            list.Add(new RequirementRecord { Suite = r.Suite, MaxRate = r.MaxRate, MaxGap = r.MaxGap, Confidence = r.Confidence });
        }

        return list;
    }

    /// <summary>Problems, one sentence each; empty when every requirement is met.</summary>
    public static List<string> Check(IReadOnlyList<RequirementRecord> requirements, IReadOnlyList<EvaluationRecord> evaluations)
    {
        var problems = new List<string>();
        foreach (var requirement in requirements)
        {
            EvaluationRecord? evaluation = null;
            foreach (var candidate in evaluations)
            {
                if (candidate.Suite == requirement.Suite)
                {
                    evaluation = candidate;
                }
            }

            if (evaluation is null)
            {
                problems.Add($"The policy requires '{requirement.Suite}', which the attestation does not record.");
                continue;
            }

            var metric = requirement.MaxGap is not null && requirement.MaxRate is null ? "gap" : "rate";
            var threshold = metric == "gap" ? requirement.MaxGap : requirement.MaxRate;
            if (evaluation.Metric != metric)
            {
                problems.Add($"'{requirement.Suite}' was evaluated on its {evaluation.Metric}, but the policy limits its {metric}.");
                continue;
            }

            if (evaluation.Verdict != "PASS")
            {
                problems.Add($"'{requirement.Suite}' was recorded with verdict {evaluation.Verdict}.");
            }

            if (evaluation.Confidence + Tolerance < requirement.Confidence)
            {
                problems.Add($"'{requirement.Suite}' was evaluated at confidence {F(evaluation.Confidence)}, below the policy's {F(requirement.Confidence)}.");
            }

            var deciding = new List<CellRecord>();
            foreach (var cell in evaluation.Cells)
            {
                if (cell.Primary)
                {
                    deciding.Add(cell);
                }
            }

            if (deciding.Count == 0)
            {
                foreach (var cell in evaluation.Cells)
                {
                    if (!cell.Control)
                    {
                        deciding.Add(cell);
                    }
                }
            }

            if (deciding.Count == 0)
            {
                problems.Add($"'{requirement.Suite}' records no cells.");
            }

            if (threshold is double limit)
            {
                foreach (var cell in deciding)
                {
                    if (cell.Bound > limit + Tolerance)
                    {
                        problems.Add($"'{requirement.Suite}' cell '{cell.Id}': {metric} {F(cell.Rate)} ({cell.Events}/{cell.N}), upper bound {F(cell.Bound)} exceeds the policy's {(metric == "gap" ? "maxGap" : "maxRate")} {F(limit)}.");
                    }
                }
            }
        }

        return problems;
    }

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
