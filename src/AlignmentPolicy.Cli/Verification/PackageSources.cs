using NuGet.Common;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;

namespace AlignmentPolicy.Cli.Verification;

/// <summary>A package to verify: a display name and a way to open its bytes.</summary>
internal sealed record PackageCandidate(string Name, Func<CancellationToken, Task<Stream>> Open);

/// <summary>
/// Finds packages: .nupkg files and folders given on the command line, and NuGet sources through NuGet.Protocol
/// (a local folder feed, flat or hierarchical, or a v3 feed: ids from its search service or <c>--package</c>,
/// versions and downloads from its flat container).
/// </summary>
internal static class PackageSources
{
    private const int SearchPageSize = 100;

    /// <summary>The .nupkg files of a path: the file itself, or every package under a folder (symbol packages excluded).</summary>
    public static IEnumerable<PackageCandidate> FromPath(string path)
    {
        var files = File.Exists(path)
            ? (IEnumerable<string>)new[] { Path.GetFullPath(path) }
            : Directory.EnumerateFiles(path, "*.nupkg", SearchOption.AllDirectories)
                .Where(f => !f.EndsWith(".symbols.nupkg", StringComparison.OrdinalIgnoreCase))
                .Select(Path.GetFullPath)
                .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            yield return new PackageCandidate(file, _ => Task.FromResult(OpenLocal(file)));
        }
    }

    /// <summary>Every version of every package (or of the named ones) in a NuGet source.</summary>
    public static async Task<IReadOnlyList<PackageCandidate>> FromSourceAsync(string source, IReadOnlyList<string> packageIds, CancellationToken cancellationToken)
    {
        if (Directory.Exists(source))
        {
            var local = new List<PackageCandidate>();
            var type = LocalFolderUtility.GetLocalFeedType(source, NullLogger.Instance);
            var packages = type == FeedType.FileSystemV3
                ? LocalFolderUtility.GetPackagesV3(source, NullLogger.Instance, cancellationToken)
                : LocalFolderUtility.GetPackagesV2(source, NullLogger.Instance, cancellationToken);
            foreach (var package in packages.OrderBy(p => p.Identity.Id, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.Identity.Version))
            {
                if (packageIds.Count == 0 || packageIds.Contains(package.Identity.Id, StringComparer.OrdinalIgnoreCase))
                {
                    var file = package.Path;
                    local.Add(new PackageCandidate(file, _ => Task.FromResult(OpenLocal(file))));
                }
            }

            return local;
        }

        var repository = Repository.Factory.GetCoreV3(source);
        var cache = new SourceCacheContext { NoCache = true, DirectDownload = true };
        var byId = await repository.GetResourceAsync<FindPackageByIdResource>(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"'{source}' has no package base address (flat container).");

        var ids = packageIds.Count > 0 ? packageIds.ToList() : await ListIdsAsync(repository, source, cancellationToken).ConfigureAwait(false);
        var candidates = new List<PackageCandidate>();
        foreach (var id in ids)
        {
            var versions = await byId.GetAllVersionsAsync(id, cache, NullLogger.Instance, cancellationToken).ConfigureAwait(false);
            foreach (var version in versions.Order())
            {
                var (packageId, packageVersion) = (id, version);
                candidates.Add(new PackageCandidate($"{packageId.ToLowerInvariant()}.{packageVersion.ToNormalizedString()}.nupkg", async token =>
                {
                    var buffer = new MemoryStream();
                    if (!await byId.CopyNupkgToStreamAsync(packageId, packageVersion, buffer, cache, NullLogger.Instance, token).ConfigureAwait(false))
                    {
                        throw new InvalidOperationException($"{packageId} {packageVersion} could not be downloaded.");
                    }

                    buffer.Position = 0;
                    return buffer;
                }));
            }
        }

        return candidates;
    }

    /// <summary>Opens a package file; a FIFO or a device named *.nupkg is refused before it is opened (reading it would block or never end).</summary>
    private static Stream OpenLocal(string file)
    {
        AlignmentPolicy.Core.FileSystem.RegularFile.EnsureReadable(file);
        return File.OpenRead(file);
    }

    private static async Task<List<string>> ListIdsAsync(SourceRepository repository, string source, CancellationToken cancellationToken)
    {
        var search = await repository.GetResourceAsync<PackageSearchResource>(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"'{source}' has no search service to list its packages; name them with --package.");
        var ids = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var skip = 0; ; skip += SearchPageSize)
        {
            var page = (await search.SearchAsync("", new SearchFilter(includePrerelease: true), skip, SearchPageSize, NullLogger.Instance, cancellationToken).ConfigureAwait(false)).ToList();
            foreach (var result in page)
            {
                ids.Add(result.Identity.Id);
            }

            if (page.Count < SearchPageSize)
            {
                return ids.ToList();
            }
        }
    }
}
