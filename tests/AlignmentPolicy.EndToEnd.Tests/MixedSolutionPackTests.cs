using System.IO.Compression;
using AlignmentPolicy.Cli;
using AlignmentPolicy.EndToEnd.Tests.Infrastructure;

namespace AlignmentPolicy.EndToEnd.Tests;

/// <summary>
/// What a platform team's CI runs: `dotnet pack` of a whole solution, on a clean clone, where packable libraries and
/// gated agents sit beside agent hosts that are not packed. The pack gate and the attestation apply to the projects
/// that produce a package, and only to those.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class MixedSolutionPackTests(PackageFeedFixture feed)
{
    [Fact]
    public async Task Dotnet_pack_of_a_solution_on_a_clean_clone_packs_the_library_and_the_attested_agent_and_leaves_the_host_alone()
    {
        var repo = new ConsumerRepository(feed);
        repo.WritePolicy("""
            {
              "version": 1,
              "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": 0.25, "maxSamples": 20 } ] }
            }
            """);
        repo.AddProject("Contoso.Text", referencesModelSdk: false);
        var agent = repo.AddProject("GatedAgent", extraProperties: "<NoWarn>$(NoWarn);MEAI001</NoWarn>");
        repo.AddGatedEntryPoint(agent);
        // An agent host: it references a model SDK, falls under the policy, has no evaluation results and is not packed.
        var host = repo.AddProject("AgentHost", extraProperties: "<IsPackable>false</IsPackable>");
        Assert.Equal(0, (await DotNet.RunAsync(repo.Root, "new", "sln", "-n", "Contoso")).ExitCode);
        var solution = Directory.GetFiles(repo.Root, "Contoso.sln*").Single();
        foreach (var project in Directory.GetFiles(Path.Combine(repo.Root, "src"), "*.csproj", SearchOption.AllDirectories))
        {
            Assert.Equal(0, (await DotNet.RunAsync(repo.Root, "sln", solution, "add", project)).ExitCode);
        }

        var clone = await CleanCloneAsync(repo.Root);
        var output = Path.Combine(clone, "feed");
        var binlog = Path.Combine(clone, "pack.binlog");
        var cli = typeof(CliApplication).Assembly.Location;
        var pack = BuildResult.Read(await DotNet.RunAsync(clone,
            "pack", Path.Combine(clone, Path.GetFileName(solution)), "-c", "Release", "-o", output,
            "-p:AlignmentPolicyRunEvalsOnPack=true", $"-p:AlignmentPolicyCliPath={cli}",
            "-nodeReuse:false", "--disable-build-servers", "-p:UseSharedCompilation=false", $"-bl:{binlog}"), binlog);

        Assert.True(pack.Succeeded, pack.Output);
        Assert.Empty(pack.AlignmentErrors);
        // The host is an agent without an entry point, but pack never gates it, so ALN0008 does not warn either.
        Assert.DoesNotContain(pack.Warnings, w => w.Code == "ALN0008");
        var packages = Directory.GetFiles(output, "*.nupkg").Select(Path.GetFileName).Order().ToList();
        Assert.Equal<string?>(["Contoso.Text.1.0.0.nupkg", "GatedAgent.1.0.0.nupkg"], packages);
        using (var attested = ZipFile.OpenRead(Path.Combine(output, "GatedAgent.1.0.0.nupkg")))
        {
            Assert.NotNull(attested.GetEntry("alignment/attestation.dsse.json"));
        }

        using (var library = ZipFile.OpenRead(Path.Combine(output, "Contoso.Text.1.0.0.nupkg")))
        {
            Assert.Null(library.GetEntry("alignment/attestation.dsse.json"));
        }

        var verified = new StringWriter();
        Assert.True(CliApplication.Run(["verify", Path.Combine(output, "GatedAgent.1.0.0.nupkg")], verified, verified) == 0, verified.ToString());
        Assert.False(File.Exists(Path.Combine(clone, "src", "AgentHost", "obj", "alignment", "evals", "coercion.json")), "the host was evaluated");
        Assert.NotNull(host);
    }

    /// <summary>Commits the repository and clones it: no bin/, no obj/, nothing restored.</summary>
    private static async Task<string> CleanCloneAsync(string root)
    {
        foreach (var args in new[] { new[] { "init", "-q" }, ["add", "-A"], ["-c", "user.name=ci", "-c", "user.email=ci@example.invalid", "commit", "-qm", "consumer"] })
        {
            var result = await Git.RunAsync(root, args);
            Assert.True(result.ExitCode == 0, result.Output);
        }

        var clone = Path.Combine(Directory.CreateTempSubdirectory("ap-e2e-clone-").FullName, "repo");
        var cloned = await Git.RunAsync(root, "clone", "-q", root, clone);
        Assert.True(cloned.ExitCode == 0, cloned.Output);
        return clone;
    }
}
