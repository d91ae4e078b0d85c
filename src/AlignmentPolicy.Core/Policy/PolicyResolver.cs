using System.IO;
using AlignmentPolicy.Core.Diagnostics;

namespace AlignmentPolicy.Core.Policy;

/// <summary>What to resolve: where to start looking and what the caller insists on.</summary>
public sealed class PolicyResolveRequest
{
    /// <summary>The folder to start the upward search from (the project folder).</summary>
    public string StartDirectory { get; set; } = ".";

    /// <summary>An explicit policy path (<c>AlignmentPolicyFile</c>, or the CLI argument); it must exist.</summary>
    public string? ExplicitPolicyFile { get; set; }

    /// <summary>No policy found is an error rather than a low-importance message.</summary>
    public bool Required { get; set; }

    /// <summary>The file blamed when no policy is found (the project file), for the diagnostic's location.</summary>
    public string? ReportingFile { get; set; }
}

/// <summary>The policy in force: loaded and valid, absent (defaults apply), or broken.</summary>
public sealed class PolicyResolution
{
    internal PolicyResolution(string? path, AlignmentPolicyDocument? policy, bool hasErrors)
    {
        PolicyPath = path;
        Policy = policy;
        HasErrors = hasErrors;
    }

    /// <summary>The policy file, or null when none was found.</summary>
    public string? PolicyPath { get; }

    /// <summary>The policy (the defaults when no file exists), or null when it has errors.</summary>
    public AlignmentPolicyDocument? Policy { get; }

    /// <summary>True when an error was reported.</summary>
    public bool HasErrors { get; }
}

/// <summary>
/// Finds, loads and validates the policy for a project and reports what it finds. The MSBuild task
/// and <c>alignment-policy check</c> both call this; they differ only in the reporter.
/// </summary>
public static class PolicyResolver
{
    /// <summary>Resolves the policy and reports every diagnostic to <paramref name="reporter"/>.</summary>
    public static PolicyResolution Resolve(PolicyResolveRequest request, IDiagnosticReporter reporter)
    {
        string? path;
        if (!string.IsNullOrWhiteSpace(request.ExplicitPolicyFile))
        {
            path = Path.GetFullPath(Path.Combine(request.StartDirectory, request.ExplicitPolicyFile!.Trim()));
        }
        else
        {
            path = PolicyLocator.FindNearest(request.StartDirectory);
            if (path is null)
            {
                var where = Path.GetFullPath(request.StartDirectory);
                var message = $"No {AlignmentPolicyDocument.FileName} found in '{where}' or any folder above it; the built-in defaults apply. Run 'alignment-policy init' at the repository root to create one.";
                var file = request.ReportingFile ?? where;
                var severity = request.Required ? BuildSeverity.Error : BuildSeverity.Info;
                reporter.Report(new BuildDiagnostic(BuildDiagnosticIds.PolicyNotFound, severity, file, 1, 1, 1, 1,
                    request.Required ? message.Replace("the built-in defaults apply", "a policy is required (AlignmentPolicyRequired=true)") : message));
                return new PolicyResolution(null, request.Required ? null : AlignmentPolicyDocument.CreateDefault(), request.Required);
            }
        }

        reporter.Detail($"Using alignment policy '{path}'.");
        var result = PolicyLoader.Load(path);
        foreach (var diagnostic in result.Diagnostics)
        {
            reporter.Report(diagnostic);
        }

        return new PolicyResolution(path, result.Policy, result.HasErrors);
    }
}
