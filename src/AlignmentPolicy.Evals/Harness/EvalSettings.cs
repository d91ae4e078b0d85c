using AlignmentPolicy.Core.Attestation;
using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Evals.Suites;

namespace AlignmentPolicy.Evals.Harness;

/// <summary>Overrides from the command line.</summary>
public sealed class EvalOverrides
{
    public int? Samples { get; init; }
    public bool? EarlyStopping { get; init; }
    public double ErrorLimit { get; init; } = EvalRunSettings.DefaultErrorLimit;
}

/// <summary>Turns a policy requirement (or the defaults) into the settings a suite runs with: Core's derivation, which the pack gate checks results against.</summary>
public static class EvalSettings
{
    public static EvalSettingsRecord Create(SuiteDefinition suite, EvalRequirement? requirement, EvalOverrides overrides)
    {
        try
        {
            return EvalRunSettings.Create(suite.Layout, requirement is null ? null : RequirementRecord.From(requirement), overrides.Samples, overrides.EarlyStopping, overrides.ErrorLimit);
        }
        catch (SuiteLayoutException e)
        {
            throw new SuiteException(e.Message);
        }
    }
}
