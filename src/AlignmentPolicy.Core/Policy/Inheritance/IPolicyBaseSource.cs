using AlignmentPolicy.Core.Diagnostics;

namespace AlignmentPolicy.Core.Policy.Inheritance;

/// <summary>
/// Finds the policy file of an organisation policy package. The build finds it among the packages the project restored
/// (the package's props name it); the CLI restores it from the NuGet sources of NuGet.config. Both hand the file to the
/// same loader.
/// </summary>
public interface IPolicyBaseSource
{
    /// <summary>Finds <paramref name="reference"/>'s policy file for a policy at <paramref name="requestingFile"/>.</summary>
    PolicyBaseLookup Find(BaseReference reference, string requestingFile);
}

/// <summary>What a source found: the policy file, or why there is none (with the code to report).</summary>
public sealed class PolicyBaseLookup
{
    private PolicyBaseLookup(PolicySourceFile? file, BuildDiagnosticDescriptor? code, string? problem)
    {
        File = file;
        Code = code;
        Problem = problem;
    }

    /// <summary>The base's policy file, or null.</summary>
    public PolicySourceFile? File { get; }

    /// <summary>The code of the problem (ALN0319, or ALN0324 when another version is restored).</summary>
    public BuildDiagnosticDescriptor? Code { get; }

    /// <summary>Why there is no file: a sentence that says how to fix it.</summary>
    public string? Problem { get; }

    /// <summary>The file was found.</summary>
    public static PolicyBaseLookup Found(PolicySourceFile file) => new(file, null, null);

    /// <summary>The package or its policy file cannot be found (ALN0319).</summary>
    public static PolicyBaseLookup NotFound(string problem) => new(null, BuildDiagnosticIds.PolicyBaseNotFound, problem);

    /// <summary>The project restores the package at another version (ALN0324).</summary>
    public static PolicyBaseLookup OtherVersion(string problem) => new(null, BuildDiagnosticIds.PolicyBasePackageMismatch, problem);
}

/// <summary>Where an organisation policy package keeps its policy.</summary>
public static class PolicyPackageLayout
{
    /// <summary>The policy file inside the package.</summary>
    public const string PolicyPath = "alignment/alignment-policy.json";

    /// <summary>The MSBuild item a package's props add to name its policy file (metadata PackageId and PackageVersion).</summary>
    public const string BaseItem = "AlignmentPolicyBase";
}
