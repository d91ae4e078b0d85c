using System.Collections.Generic;

namespace AlignmentPolicy.Core.Policy.Inheritance;

/// <summary>
/// How every field of the policy is inherited and tightened: one line per field, named for the direction that
/// tightens it. A test checks that every field the loader reads (<see cref="PolicyShape"/>) has exactly one rule here,
/// so a new field cannot be forgotten. docs/policy.md "Extending an organisation policy" explains the table.
/// </summary>
internal static class PolicyMergeRules
{
    /// <summary>Fields of an <c>evals.required</c> entry (the entry itself is keyed by its suite).</summary>
    public static IReadOnlyList<MergeRule<EvalRequirement>> Requirement { get; } = new[]
    {
        Rule.Lower<EvalRequirement>("maxRate", r => r.MaxRate, (r, v) => r.MaxRate = v),
        Rule.Lower<EvalRequirement>("maxGap", r => r.MaxGap, (r, v) => r.MaxGap = v),
        Rule.Lower<EvalRequirement>("maxBlockedRate", r => r.MaxBlockedRate, (r, v) => r.MaxBlockedRate = v),
        Rule.Higher<EvalRequirement>("confidence", r => r.Confidence, (r, v) => r.Confidence = v),
        Rule.Higher<EvalRequirement>("minSamples", r => r.MinSamples, (r, v) => r.MinSamples = v),
        Rule.Higher<EvalRequirement>("maxSamples", r => r.MaxSamples, (r, v) => r.MaxSamples = v),
        Rule.UnionOfNamed<EvalRequirement>("primaryCells", r => r.PrimaryCells, (r, v) => r.PrimaryCells = v),
        Rule.Allowance<EvalRequirement>("earlyStopping", r => r.EarlyStopping, (r, v) => r.EarlyStopping = v),
    };

    /// <summary>Fields of the policy, by JSON path.</summary>
    public static IReadOnlyList<MergeRule<AlignmentPolicyDocument>> Policy { get; } = new[]
    {
        Rule.Requirement<AlignmentPolicyDocument>("agents.autoDetect", p => p.Agents.AutoDetect, (p, v) => p.Agents.AutoDetect = v),
        Rule.Union<AlignmentPolicyDocument>("agents.include", p => p.Agents.Include, (p, v) => p.Agents.Include = v),
        Rule.Subset<AlignmentPolicyDocument>("agents.exclude", p => p.Agents.Exclude, (p, v) => p.Agents.Exclude = v, emptyAllowsAll: false, "excludes",
            "a repository may not exclude projects the base treats as agent projects."),
        Rule.Union<AlignmentPolicyDocument>("gates.additionalGateTypes", p => p.Gates.AdditionalGateTypes, (p, v) => p.Gates.AdditionalGateTypes = v),
        Rule.Union<AlignmentPolicyDocument>("sideEffects.catalogues", p => p.SideEffects.Catalogues, (p, v) => p.SideEffects.Catalogues = v),
        new CatalogueRule<AlignmentPolicyDocument>("sideEffects.custom", p => p.SideEffects.Custom, (p, v) => p.SideEffects.Custom = v),
        new SeverityMapRule<AlignmentPolicyDocument>("sideEffects.severity", p => p.SideEffects.Severity, (p, v) => p.SideEffects.Severity = v),
        Rule.Union<AlignmentPolicyDocument>("sideEffects.oversightPaths", p => p.SideEffects.OversightPaths, (p, v) => p.SideEffects.OversightPaths = v),
        Rule.Severity<AlignmentPolicyDocument>("analyzers.unknownOrigin", p => p.Analyzers.UnknownOrigin, (p, v) => p.Analyzers.UnknownOrigin = v),
        Rule.Higher<AlignmentPolicyDocument>("analyzers.maxCallDepth", p => p.Analyzers.MaxCallDepth, (p, v) => p.Analyzers.MaxCallDepth = v),
        Rule.Requirement<AlignmentPolicyDocument>("provenance.required", p => p.Provenance.Required, (p, v) => p.Provenance.Required = v),
        Rule.Subset<AlignmentPolicyDocument>("provenance.allowedLicenses", p => p.Provenance.AllowedLicenses, (p, v) => p.Provenance.AllowedLicenses = v, emptyAllowsAll: true, "allows",
            "a repository may narrow the allowed licences but not widen them."),
        Rule.Union<AlignmentPolicyDocument>("provenance.deniedContentClasses", p => p.Provenance.DeniedContentClasses, (p, v) => p.Provenance.DeniedContentClasses = v),
        Rule.Requirement<AlignmentPolicyDocument>("provenance.requirePersonalDataStatement", p => p.Provenance.RequirePersonalDataStatement, (p, v) => p.Provenance.RequirePersonalDataStatement = v),
        new RequirementsRule<AlignmentPolicyDocument>("evals.required", p => p.Evals.Required, (p, v) => p.Evals.Required = v, Requirement),
        Rule.Free<AlignmentPolicyDocument>("evals.runOnPack", p => p.Evals.RunOnPack, (p, v) => p.Evals.RunOnPack = v),
        Rule.Requirement<AlignmentPolicyDocument>("suppressions.requireJustification", p => p.Suppressions.RequireJustification, (p, v) => p.Suppressions.RequireJustification = v),
    };

    /// <summary>Root properties that are not policy values: they describe the file itself.</summary>
    public static IReadOnlyList<string> FileProperties { get; } = new[] { "$schema", "version", "extends" };
}
