using AlignmentPolicy.Cli;
using NuGet.Packaging;
using NuGet.Versioning;

namespace AlignmentPolicy.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Contoso's organisation policy package, made as a platform team makes it: <c>alignment-policy init --org --gates</c>, the
/// policy edited, a real <c>dotnet pack</c> of the generated project (its gate assembly built against the AlignmentPolicy.Gates
/// of the local feed) into the local feed. Packed once per test run; the copy a
/// previous run restored is removed first, so consumers restore this one.
/// </summary>
internal static class OrganisationPackage
{
    public const string Id = "Contoso.AlignmentPolicy";
    public const string Version = "1.4.0";

    /// <summary>The organisation policy. <c>{|NAME:...|}</c> marks where the package sets a value, for messages that name it.</summary>
    public const string PolicyMarkup = """
        {
          "version": 1,
          "agents": { "autoDetect": {|autoDetect:true|}, "exclude": {|exclude:["**/*.Tests.csproj"]|} },
          "gates": { "additionalGateTypes": ["Contoso.Safety.PaymentApprovalGate"] },
          "sideEffects": {
            "catalogues": ["builtin"],
            "custom": { "ledger": ["M:Contoso.Ledger.LedgerClient.Post(System.Decimal)"] },
            "severity": { "ledger": {|ledger:"error"|}, "oversight": "error", "mail": "warning" }
          },
          "provenance": {
            "required": {|required:true|},
            "allowedLicenses": {|licences:["MIT", "Apache-2.0", "CC-BY-4.0"]|},
            "deniedContentClasses": ["ai-self-preservation-fiction"]
          },
          "evals": {
            "required": [
              { "suite": "builtin:coercion", "maxRate": {|maxRate:0.05|}, "confidence": 0.95 },
              { "suite": "builtin:monitoring-gap", "maxGap": 0.05 }
            ]
          },
          "suppressions": { "requireJustification": {|justification:true|} }
        }
        """;

    private static readonly SemaphoreSlim s_lock = new(1, 1);
    private static bool s_packed;

    /// <summary>Where the package's policy sets each marked value.</summary>
    public static IReadOnlyDictionary<string, AlignmentPolicy.Testing.Markup.Expected> Positions { get; } =
        AlignmentPolicy.Testing.Markup.Parse(PolicyMarkup).Expected.ToDictionary(e => e.Code);

    public static async Task EnsurePackedAsync(PackageFeedFixture feed)
    {
        await s_lock.WaitAsync();
        try
        {
            if (s_packed)
            {
                return;
            }

            foreach (var stale in Directory.Exists(feed.PackagesDirectory) ? Directory.GetDirectories(feed.PackagesDirectory, Id.ToLowerInvariant()) : [])
            {
                Directory.Delete(stale, recursive: true);
            }

            var folder = Path.Combine(Directory.CreateTempSubdirectory("ap-e2e-org-").FullName, Id);
            var init = new StringWriter();
            Assert.True(CliApplication.Run(["init", "--org", "Contoso", "--version", Version, "--gates", folder], init, init) == 0, init.ToString());
            File.WriteAllText(Path.Combine(folder, "alignment-policy.json"), AlignmentPolicy.Testing.Markup.Parse(PolicyMarkup).Text);
            // The gates assembly restores AlignmentPolicy.Gates from the local feed, like any consumer of it.
            File.WriteAllText(Path.Combine(folder, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <config><add key="globalPackagesFolder" value="{feed.PackagesDirectory}" /></config>
                  <packageSources><add key="alignment-policy-local" value="{feed.FeedDirectory}" /></packageSources>
                </configuration>
                """);

            var pack = await DotNet.RunAsync(folder, "pack", Path.Combine(folder, Id + ".csproj"), "-c", "Release", "-o", feed.FeedDirectory);
            Assert.True(pack.ExitCode == 0, $"dotnet pack of the organisation policy failed:\n{pack.Output}");
            PublishBroken(feed, "1.4.1");
            s_packed = true;
        }
        finally
        {
            s_lock.Release();
        }
    }

    /// <summary>A release whose policy a publisher broke: not valid JSON. Its props are what init's project writes.</summary>
    private static void PublishBroken(PackageFeedFixture feed, string version)
    {
        var builder = new PackageBuilder { Id = Id, Version = NuGetVersion.Parse(version), Description = "A broken organisation policy.", DevelopmentDependency = true };
        builder.Authors.Add("Contoso");
        var content = Directory.CreateTempSubdirectory("ap-e2e-broken-").FullName;
        var policy = Path.Combine(content, "alignment-policy.json");
        File.WriteAllText(policy, "{\n  \"version\": 1,\n  \"evals\": { \"required\": [ { \"suite\": \"builtin:coercion\", \"maxRate\": 5 } ] }\n}\n");
        var props = Path.Combine(content, Id + ".props");
        File.WriteAllText(props, $"""
            <Project>
              <ItemGroup>
                <AlignmentPolicyBase Include="$(MSBuildThisFileDirectory)../alignment/alignment-policy.json" PackageId="{Id}" PackageVersion="{version}" />
              </ItemGroup>
            </Project>
            """);
        builder.Files.Add(new PhysicalPackageFile { SourcePath = policy, TargetPath = "alignment/alignment-policy.json" });
        builder.Files.Add(new PhysicalPackageFile { SourcePath = props, TargetPath = $"build/{Id}.props" });
        using var output = File.Create(Path.Combine(feed.FeedDirectory, $"{Id}.{version}.nupkg"));
        builder.Save(output);
    }
}
