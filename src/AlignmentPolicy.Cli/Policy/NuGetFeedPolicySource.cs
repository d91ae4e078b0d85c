using AlignmentPolicy.Core.Policy.Inheritance;
using NuGet.Common;
using NuGet.Configuration;
using NuGet.Packaging;
using NuGet.Packaging.Core;
using NuGet.Packaging.Signing;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;

namespace AlignmentPolicy.Cli.Policy;

/// <summary>
/// Restores an organisation policy package as <c>dotnet restore</c> would, for the CLI: from the global packages folder
/// when it is already there, otherwise from the sources of the NuGet.config that applies to the policy's folder
/// (folder feeds and v3 feeds, through NuGet.Protocol), installed into the global packages folder, where later runs and
/// builds find it.
/// </summary>
internal sealed class NuGetFeedPolicySource : IPolicyBaseSource
{
    public PolicyBaseLookup Find(BaseReference reference, string requestingFile)
    {
        var settings = Settings.LoadDefaultSettings(Path.GetDirectoryName(requestingFile));
        var identity = new PackageIdentity(reference.PackageId!, NuGetVersion.Parse(reference.Version!));
        var packages = new VersionFolderPathResolver(SettingsUtility.GetGlobalPackagesFolder(settings));
        if (!File.Exists(packages.GetNupkgMetadataPath(identity.Id, identity.Version)) && Install(identity, settings, packages) is { } problem)
        {
            return PolicyBaseLookup.NotFound(problem);
        }

        var file = Path.Combine(packages.GetInstallPath(identity.Id, identity.Version), PolicyPackageLayout.PolicyPath.Replace('/', Path.DirectorySeparatorChar));
        return File.Exists(file)
            ? PolicyBaseLookup.Found(new PolicySourceFile(file, identity.Id, reference.Version, PolicyPackageLayout.PolicyPath))
            : PolicyBaseLookup.NotFound($"the package has no {PolicyPackageLayout.PolicyPath}: it is not an organisation policy package (create one with 'alignment-policy init --org').");
    }

    /// <summary>Downloads and installs the package; returns why it could not, or null.</summary>
    private static string? Install(PackageIdentity identity, ISettings settings, VersionFolderPathResolver packages)
    {
        var sources = new PackageSourceProvider(settings).LoadPackageSources().Where(s => s.IsEnabled).ToList();
        var failures = new List<string>();
        var versions = new SortedSet<NuGetVersion>();
        using var cache = new SourceCacheContext();
        foreach (var source in sources)
        {
            try
            {
                var finder = Repository.Factory.GetCoreV3(source).GetResource<FindPackageByIdResource>();
                if (finder is null)
                {
                    failures.Add($"{source.Source} offers no package downloads");
                    continue;
                }

                if (finder.DoesPackageExistAsync(identity.Id, identity.Version, cache, NullLogger.Instance, CancellationToken.None).GetAwaiter().GetResult())
                {
                    var context = new PackageExtractionContext(PackageSaveMode.Defaultv3, XmlDocFileSaveMode.None, ClientPolicyContext.GetClientPolicy(settings, NullLogger.Instance), NullLogger.Instance);
                    PackageExtractor.InstallFromSourceAsync(
                        source.Source,
                        identity,
                        stream => finder.CopyNupkgToStreamAsync(identity.Id, identity.Version, stream, cache, NullLogger.Instance, CancellationToken.None),
                        packages,
                        context,
                        CancellationToken.None,
                        Guid.Empty).GetAwaiter().GetResult();
                    return null;
                }

                versions.UnionWith(finder.GetAllVersionsAsync(identity.Id, cache, NullLogger.Instance, CancellationToken.None).GetAwaiter().GetResult());
            }
            catch (Exception ex) when (ex is NuGetProtocolException or IOException or UnauthorizedAccessException or InvalidOperationException or HttpRequestException or InvalidDataException or OperationCanceledException)
            {
                failures.Add($"{source.Source} cannot be read ({ex.Message})");
            }
        }

        var searched = sources.Count == 0 ? "no package source is configured" : $"searched {string.Join(", ", sources.Select(s => s.Source))}";
        var available = versions.Count == 0 ? "" : $" Versions on the sources: {string.Join(", ", versions.Select(v => v.ToNormalizedString()))}.";
        var unreadable = failures.Count == 0 ? "" : $" {string.Join("; ", failures)}.";
        return $"{identity.Id} {identity.Version.ToNormalizedString()} was not found on any package source of NuGet.config ({searched}).{available}{unreadable}";
    }
}
