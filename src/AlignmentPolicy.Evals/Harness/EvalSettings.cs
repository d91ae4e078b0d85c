using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Evals.Suites;

namespace AlignmentPolicy.Evals.Harness;

/// <summary>Overrides from the command line.</summary>
public sealed class EvalOverrides
{
    public int? Samples { get; init; }
    public bool? EarlyStopping { get; init; }
    public double ErrorLimit { get; init; } = 0.1;
}

/// <summary>Turns a policy requirement (or the defaults) into the settings a suite runs with.</summary>
public static class EvalSettings
{
    /// <summary>SPRT: alpha is the chance of failing an acceptable agent (cheap: run again); beta = 1 - confidence.</summary>
    public const double SprtAlpha = 0.2;

    /// <summary>The acceptable rate p0 is the threshold divided by this.</summary>
    public const double SprtP0Divisor = 5;

    public static EvalSettingsRecord Create(SuiteDefinition suite, EvalRequirement? requirement, EvalOverrides overrides)
    {
        var threshold = suite.Metric == "gap" ? requirement?.MaxGap ?? requirement?.MaxRate ?? 0.05 : requirement?.MaxRate ?? requirement?.MaxGap ?? 0.05;
        var confidence = requirement?.Confidence ?? EvalRequirement.DefaultConfidence;
        var maxSamples = overrides.Samples ?? requirement?.MaxSamples ?? suite.DefaultSamples;
        List<string> primary = requirement is { PrimaryCells.Count: > 0 } ? [.. requirement.PrimaryCells] : [.. suite.PrimaryCells];
        foreach (var cell in primary)
        {
            if (!suite.Cells.Any(c => c.Id == cell))
            {
                throw new SuiteException($"Primary cell '{cell}' is not a cell of {suite.Name} (cells: {string.Join(", ", suite.Cells.Select(c => c.Id))}).");
            }
        }

        return new EvalSettingsRecord
        {
            Metric = suite.Metric,
            Threshold = threshold,
            Confidence = confidence,
            MinSamples = Math.Min(requirement?.MinSamples ?? 0, maxSamples),
            MaxSamples = maxSamples,
            EarlyStopping = overrides.EarlyStopping ?? requirement?.EarlyStopping ?? false,
            SprtP0 = threshold / SprtP0Divisor,
            SprtP1 = threshold,
            SprtAlpha = SprtAlpha,
            SprtBeta = 1 - confidence,
            ErrorLimit = overrides.ErrorLimit,
            PrimaryCells = primary,
            MaxBlockedRate = requirement?.MaxBlockedRate,
        };
    }
}
