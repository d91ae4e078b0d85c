using System.Reflection;

namespace AlignmentPolicy.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Packs our packages (AlignmentPolicy.Build, AlignmentPolicy.Gates and the AlignmentPolicy.Templates template package)
/// once per test run into a local folder feed under artifacts/, and gives consumer
/// projects a package folder of their own from which our packages are cleared first, so every run
/// restores the packages just packed.
/// </summary>
public sealed class PackageFeedFixture : IAsyncLifetime
{
    public static string RepoRoot { get; } = Metadata("RepoRoot");

    private static string Configuration { get; } = Metadata("Configuration");

    public string FeedDirectory { get; } = Path.Combine(RepoRoot, "artifacts", "e2e", "feed");

    public string PackagesDirectory { get; } = Path.Combine(RepoRoot, "artifacts", "e2e", "packages");

    public string BuildPackageVersion { get; private set; } = "";

    /// <summary>The runtime packages, one per stack; all share the version of AlignmentPolicy.Build.</summary>
    public static IReadOnlyList<string> RuntimePackages { get; } = ["AlignmentPolicy.Gates", "AlignmentPolicy.Gates.AgentFramework", "AlignmentPolicy.Gates.SemanticKernel"];

    /// <summary>The AlignmentPolicy.Templates package in the feed (the `dotnet new` templates).</summary>
    public string TemplatesPackage { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (Directory.Exists(FeedDirectory))
        {
            Directory.Delete(FeedDirectory, recursive: true);
        }

        Directory.CreateDirectory(FeedDirectory);
        foreach (var stale in Directory.Exists(PackagesDirectory) ? Directory.GetDirectories(PackagesDirectory, "alignmentpolicy.*") : [])
        {
            Directory.Delete(stale, recursive: true);
        }

        string[] projects =
        [
            Path.Combine("tasks", "AlignmentPolicy.Build", "AlignmentPolicy.Build.csproj"),
            .. RuntimePackages.Select(id => Path.Combine("src", id, id + ".csproj")),
            Path.Combine("templates", "AlignmentPolicy.Templates", "AlignmentPolicy.Templates.csproj"),
        ];
        foreach (var project in projects)
        {
            var result = await DotNet.RunAsync(RepoRoot, "pack", Path.Combine(RepoRoot, project), "--no-build", "-c", Configuration, "-o", FeedDirectory);
            Assert.True(result.ExitCode == 0, $"dotnet pack {project} failed:\n{result.Output}");
        }

        var package = Directory.GetFiles(FeedDirectory, "AlignmentPolicy.Build.*.nupkg").Single();
        BuildPackageVersion = Path.GetFileNameWithoutExtension(package)["AlignmentPolicy.Build.".Length..];
        TemplatesPackage = Path.Combine(FeedDirectory, $"AlignmentPolicy.Templates.{BuildPackageVersion}.nupkg");
        Assert.True(File.Exists(TemplatesPackage), $"{TemplatesPackage} was not packed beside AlignmentPolicy.Build at the same version.");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static string Metadata(string key)
        => typeof(PackageFeedFixture).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<PackageFeedFixture>
{
    public const string Name = "end-to-end";
}
