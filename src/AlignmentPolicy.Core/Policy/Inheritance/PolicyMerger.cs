using System.Collections.Generic;
using System.Linq;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Json;

namespace AlignmentPolicy.Core.Policy.Inheritance;

/// <summary>Lays a file's values over its base with <see cref="PolicyMergeRules"/>, and describes the result.</summary>
internal static class PolicyMerger
{
    /// <summary>
    /// The effective policy of a file that extends <paramref name="basePolicy"/>: the base's values, tightened by what
    /// the file writes. Values that loosen the base are reported (ALN0318) at the file's value and not applied.
    /// </summary>
    public static AlignmentPolicyDocument Extend(AlignmentPolicyDocument basePolicy, PolicySourceFile baseFile, JsonObject root, PolicySourceFile file, SourceSpan extendsSpan, List<BuildDiagnostic> diagnostics)
    {
        var effective = new AlignmentPolicyDocument();
        foreach (var rule in PolicyMergeRules.Policy)
        {
            rule.Inherit(effective, basePolicy);
        }

        var context = new MergeContext(file, baseFile, basePolicy.Origins.Copy(), diagnostics, extendsSpan);
        Apply(context, effective, root);
        effective.Bases = new[] { baseFile }.Concat(basePolicy.Bases).ToList();
        return effective;
    }

    /// <summary>Where each value of a file that extends nothing was written (its values over the defaults).</summary>
    public static PolicyOrigins OriginsOf(JsonObject root, PolicySourceFile file)
    {
        var context = new MergeContext(file, baseFile: null, new PolicyOrigins(), new List<BuildDiagnostic>(), extendsSpan: null);
        Apply(context, new AlignmentPolicyDocument(), root);
        return context.Origins;
    }

    /// <summary>The policy's values as the rules read them, in the order of the table, each with its origin.</summary>
    public static IEnumerable<PolicyValue> Describe(AlignmentPolicyDocument policy)
        => PolicyMergeRules.Policy.SelectMany(rule => rule.Describe("", policy, policy.Origins));

    private static void Apply(MergeContext context, AlignmentPolicyDocument effective, JsonObject root)
    {
        foreach (var rule in PolicyMergeRules.Policy)
        {
            rule.Apply(context, "", effective, root);
        }

        effective.Origins = context.Origins;
    }
}
