using System.Collections.Generic;

namespace AlignmentPolicy.Core.Policy.Inheritance;

/// <summary>The values of a loaded policy, each with where it was written: what <c>alignment-policy check</c> shows.</summary>
public static class EffectivePolicy
{
    /// <summary>Every value, in the order of the policy's fields; lists one entry per value, maps one per key.</summary>
    public static IEnumerable<PolicyValue> Values(AlignmentPolicyDocument policy) => PolicyMerger.Describe(policy);
}
