using NuGet.Packaging;
using NuGet.Versioning;

namespace AlignmentPolicy.Cli.Tests.OrganisationPolicy;

/// <summary>
/// A repository whose NuGet.config names a local folder feed and a global packages folder of its own, and organisation
/// policy packages published to that feed, as a platform team's pipeline would publish them.
/// </summary>
internal sealed class OrganisationFeed : IDisposable
{
    public OrganisationFeed()
    {
        Root = Directory.CreateTempSubdirectory("ap-org-cli-").FullName;
        Feed = Directory.CreateDirectory(Path.Combine(Root, "feed")).FullName;
        Repository = Directory.CreateDirectory(Path.Combine(Root, "repo")).FullName;
        GlobalPackages = Path.Combine(Root, "packages");
        File.WriteAllText(Path.Combine(Repository, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{GlobalPackages}" /></config>
              <packageSources><clear /><add key="contoso" value="{Feed}" /></packageSources>
            </configuration>
            """);
    }

    public string Root { get; }

    public string Feed { get; }

    public string Repository { get; }

    public string GlobalPackages { get; }

    public string PolicyPath => Path.Combine(Repository, "alignment-policy.json");

    /// <summary>Publishes a package with <paramref name="files"/> (path in package to content).</summary>
    public void Publish(string id, string version, params (string Path, string Content)[] files)
    {
        var builder = new PackageBuilder { Id = id, Version = NuGetVersion.Parse(version), Description = "An organisation alignment policy." };
        builder.Authors.Add("Contoso");
        var content = Directory.CreateDirectory(Path.Combine(Root, "content-" + Guid.NewGuid().ToString("N"))).FullName;
        foreach (var (path, text) in files)
        {
            var source = Path.Combine(content, path.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, text);
            builder.Files.Add(new PhysicalPackageFile { SourcePath = source, TargetPath = path });
        }

        using var output = File.Create(Path.Combine(Feed, $"{id}.{version}.nupkg"));
        builder.Save(output);
    }

    /// <summary>Publishes an organisation policy package whose policy is <paramref name="policy"/>.</summary>
    public void PublishPolicy(string policy, string id = "Contoso.AlignmentPolicy", string version = "1.4.0")
        => Publish(id, version, ("alignment/alignment-policy.json", policy));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
