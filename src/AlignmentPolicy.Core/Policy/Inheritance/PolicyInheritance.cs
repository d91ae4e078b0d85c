using System.Linq;

namespace AlignmentPolicy.Core.Policy.Inheritance;

/// <summary>
/// What a file that extends a base may name without defining it: the base's own side-effect categories (to raise their
/// severity) and the base's suites (to refine them without restating a threshold). When the base could not be loaded
/// its names are unknown, and the file is not faulted for them: the base's own error is the one to fix.
/// </summary>
internal sealed class PolicyInheritance
{
    private readonly AlignmentPolicyDocument? _base;

    public PolicyInheritance(AlignmentPolicyDocument? basePolicy) => _base = basePolicy;

    /// <summary>The base defines the category (or is unknown).</summary>
    public bool DefinesCategory(string category) => _base is null || _base.SideEffects.Custom.ContainsKey(category);

    /// <summary>The base requires the suite (or is unknown), so an entry for it may leave its thresholds to the base.</summary>
    public bool RequiresSuite(string suite) => _base is null || _base.Evals.Required.Any(r => r.Suite == suite);
}
