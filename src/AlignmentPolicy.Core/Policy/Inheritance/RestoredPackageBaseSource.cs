using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace AlignmentPolicy.Core.Policy.Inheritance;

/// <summary>An organisation policy package restored for a project: its id, version and policy file (from its props).</summary>
public sealed class RestoredPolicyPackage
{
    /// <summary>Creates the description.</summary>
    public RestoredPolicyPackage(string packageId, string packageVersion, string policyFile)
    {
        PackageId = packageId;
        PackageVersion = packageVersion;
        PolicyFile = policyFile;
    }

    /// <summary>The package id.</summary>
    public string PackageId { get; }

    /// <summary>The restored version.</summary>
    public string PackageVersion { get; }

    /// <summary>The full path of the package's policy file.</summary>
    public string PolicyFile { get; }
}

/// <summary>
/// Finds base packages among those already restored: the packages a project's build restored (their props add an
/// <c>AlignmentPolicyBase</c> item each), or, with no such list, the NuGet global packages folder. Only the packages of
/// the list count when one is given, so a build never depends on what another project happened to restore.
/// </summary>
public sealed class RestoredPackageBaseSource : IPolicyBaseSource
{
    private readonly IReadOnlyList<RestoredPolicyPackage>? _restored;
    private readonly IReadOnlyList<string> _packageFolders;

    /// <summary>Packages restored for one project (the MSBuild items).</summary>
    public RestoredPackageBaseSource(IReadOnlyList<RestoredPolicyPackage> restored)
    {
        _restored = restored;
        _packageFolders = new string[0];
    }

    /// <summary>Packages in NuGet package folders laid out as the global packages folder (<c>id/version/</c>, lower case).</summary>
    public RestoredPackageBaseSource(IReadOnlyList<string> packageFolders) => _packageFolders = packageFolders;

    /// <summary>The global packages folder of the environment: <c>NUGET_PACKAGES</c>, or <c>~/.nuget/packages</c>.</summary>
    public static RestoredPackageBaseSource GlobalPackagesFolder { get; } = new(DefaultFolders());

    /// <inheritdoc />
    public PolicyBaseLookup Find(BaseReference reference, string requestingFile)
    {
        var id = reference.PackageId!;
        var version = reference.NormalizedVersion!;
        if (_restored is not null)
        {
            var sameId = _restored.Where(p => string.Equals(p.PackageId, id, StringComparison.OrdinalIgnoreCase)).ToList();
            if (sameId.FirstOrDefault(p => BaseReference.NormalizeVersion(p.PackageVersion) == version) is { } match)
            {
                return File.Exists(match.PolicyFile)
                    ? PolicyBaseLookup.Found(new PolicySourceFile(Path.GetFullPath(match.PolicyFile), match.PackageId, match.PackageVersion, PolicyPackageLayout.PolicyPath))
                    : PolicyBaseLookup.NotFound($"{id} {reference.Version} is restored, but its policy file '{match.PolicyFile}' does not exist: the package is not an organisation policy package, or its props name the wrong file.");
            }

            if (sameId.Count > 0)
            {
                return PolicyBaseLookup.OtherVersion(
                    $"The policy extends {id} {reference.Version}, but this project restores {id} {string.Join(", ", sameId.Select(p => p.PackageVersion))}: make the PackageReference and \"extends\" name the same version.");
            }

            return PolicyBaseLookup.NotFound(
                $"{id} {reference.Version} is not restored for this project. Reference it, e.g. in Directory.Build.props: <PackageReference Include=\"{id}\" Version=\"{reference.Version}\" PrivateAssets=\"all\" />.");
        }

        foreach (var folder in _packageFolders)
        {
            var file = Path.Combine(folder, id.ToLowerInvariant(), version, PolicyPackageLayout.PolicyPath.Replace('/', Path.DirectorySeparatorChar));
            if (File.Exists(file))
            {
                return PolicyBaseLookup.Found(new PolicySourceFile(file, id, reference.Version, PolicyPackageLayout.PolicyPath));
            }
        }

        return PolicyBaseLookup.NotFound($"{id} {reference.Version} is not in the NuGet packages folder ({string.Join(", ", _packageFolders)}); restore it first, or check the policy with 'alignment-policy check', which restores it.");
    }

    private static IReadOnlyList<string> DefaultFolders()
    {
        var configured = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new[] { configured! };
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? new string[0] : new[] { Path.Combine(home, ".nuget", "packages") };
    }
}
