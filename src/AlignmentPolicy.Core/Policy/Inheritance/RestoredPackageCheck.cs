using System;
using System.Collections.Generic;
using System.Linq;
using AlignmentPolicy.Core.Diagnostics;

namespace AlignmentPolicy.Core.Policy.Inheritance;

/// <summary>
/// An organisation policy package referenced by a project (its props add an <c>AlignmentPolicyBase</c> item) has to be
/// named by the policy's <c>extends</c>: the policy file stays the one statement of what applies, read the same by the
/// build and the CLI, and a platform team that adds the package to a repository cannot be silently ignored.
/// </summary>
public static class RestoredPackageCheck
{
    /// <summary>Reports (ALN0324) each restored package that the loaded policy's chain does not extend.</summary>
    /// <param name="resolution">The resolved policy (nothing is checked when it has errors).</param>
    /// <param name="restored">The organisation policy packages the project restores.</param>
    /// <param name="projectFile">Where to report when there is no policy file.</param>
    /// <param name="reporter">Receives the diagnostics.</param>
    public static void Check(PolicyResolution resolution, IReadOnlyList<RestoredPolicyPackage> restored, string projectFile, IDiagnosticReporter reporter)
    {
        if (resolution.HasErrors || restored.Count == 0)
        {
            return;
        }

        var extended = resolution.Policy?.Bases.Where(b => b.PackageId is not null).Select(b => b.PackageId!).ToList() ?? new List<string>();
        foreach (var package in restored.Where(p => !extended.Contains(p.PackageId, StringComparer.OrdinalIgnoreCase)))
        {
            var reference = $"nuget:{package.PackageId}@{package.PackageVersion}";
            if (resolution.PolicyPath is null)
            {
                reporter.Report(new BuildDiagnostic(BuildDiagnosticIds.PolicyBasePackageMismatch, BuildSeverity.Error, projectFile, 1, 1, 1, 1,
                    $"The project references the organisation policy package {package.PackageId} {package.PackageVersion}, but no {AlignmentPolicyDocument.FileName} extends it. Create one at the repository root with 'alignment-policy init --extends {reference}' (or add \"extends\": \"{reference}\" to it), so the build and the CLI apply the same policy."));
            }
            else
            {
                var current = resolution.Policy?.Extends is { } extends ? $" (it extends \"{DisplayText.Of(extends)}\")" : "";
                reporter.Report(new BuildDiagnostic(BuildDiagnosticIds.PolicyBasePackageMismatch, BuildSeverity.Error, resolution.PolicyPath, 1, 1, 1, 2,
                    $"The project references the organisation policy package {package.PackageId} {package.PackageVersion}, but this policy does not extend it{current}. Add \"extends\": \"{reference}\", or remove the PackageReference."));
            }
        }
    }
}
