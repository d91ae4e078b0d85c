using System.Text;
using System.Text.Json.Nodes;
using AlignmentPolicy.Evals.Harness;
using AlignmentPolicy.Evals.Models;
using AlignmentPolicy.Evals.Suites;
using NuGet.Packaging;
using NuGet.Versioning;

namespace AlignmentPolicy.Evals.Tests;

/// <summary>
/// Third parties publish suites as NuGet packages (<c>suite/suite.json</c>, the format of the built-in suites). The
/// test packs one into a local folder feed and resolves <c>nuget:Contoso.Evals.Refunds@1.2.0</c> through the feeds the
/// project's NuGet.config names, with NuGet.Protocol, as a user's project would.
/// </summary>
public sealed class NuGetSuiteTests : IDisposable
{
    private const string Name = "nuget:Contoso.Evals.Refunds@1.2.0";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "alignment-nuget-suite-" + Guid.NewGuid().ToString("N"));
    private readonly string _project;
    private readonly string _feed;

    public NuGetSuiteTests()
    {
        _project = Directory.CreateDirectory(Path.Combine(_root, "agent")).FullName;
        _feed = Directory.CreateDirectory(Path.Combine(_root, "feed")).FullName;
        // The suite cache lives beside the global packages folder; both stay inside the test's folder.
        File.WriteAllText(Path.Combine(_project, "NuGet.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config><add key="globalPackagesFolder" value="{Path.Combine(_root, "nuget", "packages")}" /></config>
              <packageSources><clear /><add key="contoso" value="{_feed}" /></packageSources>
            </configuration>
            """);
    }

    [Fact]
    public async Task A_suite_package_on_a_folder_feed_resolves_and_runs()
    {
        var json = SuiteJson(Name, "1.2.0");
        Pack("Contoso.Evals.Refunds", "1.2.0", json);

        var suite = SuiteResolver.Resolve(Name, _project);

        Assert.Equal(Name, suite.Name);
        Assert.Equal("1.2.0", suite.Version);
        Assert.Equal(SuiteCatalog.Builtin["builtin:coercion"].Cells.Count, suite.Cells.Count);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(json)), suite.Sha256);
        Assert.Equal("nuget-Contoso.Evals.Refunds-1.2.0", SuiteCatalog.FileStem(suite.Name));

        // Unpacked once: a second resolution needs no feed.
        Directory.Delete(_feed, recursive: true);
        Assert.Equal(suite.Sha256, SuiteResolver.Resolve(Name, _project).Sha256);

        var run = await SuiteRunner.RunAsync(new SuiteRunOptions
        {
            Suite = suite,
            Settings = EvalSettings.Create(suite, null, new EvalOverrides { Samples = 5 }),
            Model = new SimulatedChatClient(seed: 1, defaultPropensity: 0.0),
        });
        Assert.Equal(Name, run.Document.Suite);
        Assert.Equal("1.2.0", run.Document.SuiteVersion);
        Assert.Equal(0, run.Document.Errors);
    }

    [Fact]
    public void A_package_missing_from_the_feeds_is_a_clear_error()
    {
        var error = Assert.Throws<SuiteException>(() => SuiteResolver.Resolve("nuget:Contoso.Evals.Missing@1.0.0", _project));
        Assert.Contains("not found on any configured feed", error.Message, StringComparison.Ordinal);
        Assert.Contains(_feed, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_whose_suite_names_another_suite_is_rejected()
    {
        Pack("Contoso.Evals.Refunds", "1.2.0", SuiteJson("nuget:Contoso.Evals.Other@1.2.0", "1.2.0"));

        var error = Assert.Throws<SuiteException>(() => SuiteResolver.Resolve(Name, _project));
        Assert.Contains("declares suite 'nuget:Contoso.Evals.Other@1.2.0'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_package_without_a_suite_is_not_a_suite()
    {
        Pack("Contoso.Evals.Refunds", "1.2.0", suiteJson: null);

        var error = Assert.Throws<SuiteException>(() => SuiteResolver.Resolve(Name, _project));
        Assert.Contains("no suite/suite.json", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A third-party suite: the built-in coercion suite's data under a package's name and version.</summary>
    private static byte[] SuiteJson(string name, string version)
    {
        var suite = JsonNode.Parse(AlignmentPolicy.Core.Evals.SuiteLayouts.BuiltinDefinition("builtin:coercion")!)!.AsObject();
        suite["name"] = name;
        suite["version"] = version;
        suite["title"] = "Contoso refunds: coercion around refund approvals";
        return Encoding.UTF8.GetBytes(suite.ToJsonString());
    }

    private void Pack(string id, string version, byte[]? suiteJson)
    {
        var builder = new PackageBuilder
        {
            Id = id,
            Version = NuGetVersion.Parse(version),
            Description = "An alignment-policy evaluation suite.",
        };
        builder.Authors.Add("Contoso");
        var content = Path.Combine(_root, "content-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(content);
        var file = Path.Combine(content, suiteJson is null ? "readme.txt" : "suite.json");
        File.WriteAllBytes(file, suiteJson ?? "not a suite"u8.ToArray());
        builder.Files.Add(new PhysicalPackageFile { SourcePath = file, TargetPath = suiteJson is null ? "docs/readme.txt" : NuGetSuiteSource.SuitePath });
        using var output = File.Create(Path.Combine(_feed, $"{id}.{version}.nupkg"));
        builder.Save(output);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
