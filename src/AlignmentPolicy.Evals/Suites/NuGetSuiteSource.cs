using NuGet.Common;
using NuGet.Configuration;
using NuGet.Packaging;
using NuGet.Protocol;
using NuGet.Protocol.Core.Types;
using NuGet.Versioning;

namespace AlignmentPolicy.Evals.Suites;

/// <summary>
/// Resolves <c>nuget:Id@Version</c>: downloads the package from the feeds configured for the project (NuGet.config,
/// through NuGet.Protocol; folder feeds and v3 feeds), unpacks its <c>suite/</c> folder beside the global packages folder and reads <c>suite/suite.json</c>.
/// </summary>
public static class NuGetSuiteSource
{
    public const string SuitePath = "suite/suite.json";

    public static SuiteDefinition Resolve(string name, string projectDirectory)
    {
        var reference = name["nuget:".Length..];
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || !NuGetVersion.TryParse(reference[(at + 1)..], out var version))
        {
            throw new SuiteException($"'{name}' is not nuget:<Id>@<Version>.");
        }

        var id = reference[..at];
        var settings = Settings.LoadDefaultSettings(projectDirectory);
        // Not the global packages folder: restore owns that layout. Suites are unpacked beside it.
        var globalPackages = Path.Combine(Path.GetDirectoryName(SettingsUtility.GetGlobalPackagesFolder(settings).TrimEnd(Path.DirectorySeparatorChar))!, "alignment-policy-suites");
        var installed = Path.Combine(globalPackages, id.ToLowerInvariant(), version.ToNormalizedString().ToLowerInvariant());
        var suiteFile = Path.Combine(installed, SuitePath.Replace('/', Path.DirectorySeparatorChar));
        if (!File.Exists(suiteFile))
        {
            Download(id, version, settings, globalPackages);
        }

        if (!File.Exists(suiteFile))
        {
            throw new SuiteException($"Package {id} {version} has no {SuitePath}: it is not an evaluation suite.");
        }

        var suite = SuiteDefinition.Parse(File.ReadAllBytes(suiteFile), $"{name} ({SuitePath})");
        if (suite.Name != name)
        {
            throw new SuiteException($"Package {id} {version} declares suite '{suite.Name}', expected '{name}'.");
        }

        return suite;
    }

    private static void Download(string id, NuGetVersion version, ISettings settings, string globalPackages)
    {
        var sources = new PackageSourceProvider(settings).LoadPackageSources().Where(s => s.IsEnabled).ToList();
        using var cache = new SourceCacheContext();
        foreach (var source in sources)
        {
            var repository = Repository.Factory.GetCoreV3(source);
            var finder = repository.GetResource<FindPackageByIdResource>();
            using var package = new MemoryStream();
            if (finder is null || !finder.CopyNupkgToStreamAsync(id, version, package, cache, NullLogger.Instance, CancellationToken.None).GetAwaiter().GetResult())
            {
                continue;
            }

            package.Position = 0;
            using var reader = new PackageArchiveReader(package);
            var target = Path.Combine(globalPackages, id.ToLowerInvariant(), version.ToNormalizedString().ToLowerInvariant());
            foreach (var file in reader.GetFiles().Where(f => f.StartsWith("suite/", StringComparison.OrdinalIgnoreCase)))
            {
                var path = Path.Combine(target, file.Replace('/', Path.DirectorySeparatorChar));
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                using var input = reader.GetStream(file);
                using var output = File.Create(path);
                input.CopyTo(output);
            }

            return;
        }

        throw new SuiteException($"Package {id} {version} was not found on any configured feed ({string.Join(", ", sources.Select(s => s.Source))}).");
    }
}
