using System.Collections.Generic;
using System.Linq;
using AlignmentPolicy.Core.Diagnostics;

namespace AlignmentPolicy.Core.Policy;

/// <summary>The outcome of loading a policy file: the policy when it is valid, and every problem found.</summary>
public sealed class PolicyLoadResult
{
    internal PolicyLoadResult(AlignmentPolicyDocument? policy, IReadOnlyList<BuildDiagnostic> diagnostics)
    {
        Diagnostics = diagnostics;
        HasErrors = diagnostics.Any(d => d.Severity == BuildSeverity.Error);
        Policy = HasErrors ? null : policy;
    }

    /// <summary>The validated policy, or null when the file has errors.</summary>
    public AlignmentPolicyDocument? Policy { get; }

    /// <summary>Every problem, in file order.</summary>
    public IReadOnlyList<BuildDiagnostic> Diagnostics { get; }

    /// <summary>True when at least one diagnostic is an error.</summary>
    public bool HasErrors { get; }
}
