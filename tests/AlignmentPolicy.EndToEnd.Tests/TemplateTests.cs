using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using AlignmentPolicy.Cli;
using AlignmentPolicy.EndToEnd.Tests.Infrastructure;

namespace AlignmentPolicy.EndToEnd.Tests;

/// <summary>
/// The `dotnet new` templates as a new user meets them: the templates package from the local feed installed into a
/// private hive, a solution and an agent per stack created from it, built warning-free with -warnaserror, their own
/// tests run, the policy's evaluations run with the simulated model, and `dotnet pack` passing the gate.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class TemplateTests(PackageFeedFixture feed)
{
    private static readonly TimeSpan BuildTimeLimit = TimeSpan.FromMinutes(10);

    [Fact]
    public async Task A_solution_and_an_agent_per_stack_build_warning_free_pass_their_tests_evaluate_and_pack()
    {
        var templates = await TemplateHive.InstallAsync(feed.TemplatesPackage);
        var repo = new ConsumerRepository(feed);
        // The solution brings the policy, CI and a Microsoft.Extensions.AI agent; the other stacks are added to it as a
        // platform team adds agents to an existing repository.
        await templates.NewAsync(repo.Root, "alignment-solution", "-n", "Contoso.Support");
        await templates.NewAsync(repo.Root, "alignment-agent", "-n", "Contoso.Mail", "--stack", "agent-framework");
        await templates.NewAsync(repo.Root, "alignment-agent", "-n", "Contoso.Kernel", "--stack", "semantic-kernel");
        var solution = Path.Combine(repo.Root, "Contoso.Support.slnx");
        foreach (var name in new[] { "Contoso.Mail", "Contoso.Kernel" })
        {
            var added = await DotNet.RunAsync(repo.Root, "sln", solution, "add", ProjectPath(repo, "src", name), ProjectPath(repo, "tests", name + ".Tests"));
            Assert.True(added.ExitCode == 0, added.Output);
        }

        Assert.True(File.Exists(Path.Combine(repo.Root, ".github", "workflows", "alignment-policy.yml")));
        Assert.Contains($"ALIGNMENT_POLICY_VERSION: {feed.BuildPackageVersion}", File.ReadAllText(Path.Combine(repo.Root, ".github", "workflows", "alignment-policy.yml")), StringComparison.Ordinal);
        AssertReferences(ProjectPath(repo, "src", "Contoso.Support"), "Microsoft.Extensions.AI", "AlignmentPolicy.Gates");
        AssertReferences(ProjectPath(repo, "src", "Contoso.Mail"), "Microsoft.Agents.AI", StackGatesPackage.AgentFramework);
        AssertReferences(ProjectPath(repo, "src", "Contoso.Kernel"), "Microsoft.SemanticKernel", StackGatesPackage.SemanticKernel);

        // The mirror this runs against lacks some exact minimum versions (NU1603); that is no finding of the templates'.
        var build = await RunAsync(repo, "build", solution, "-c", "Release", "-warnaserror", "-warnnotaserror:NU1603");
        Assert.True(build.Succeeded, build.Output);
        Assert.Empty(build.Warnings.Where(w => w.Code != "NU1603").Select(w => $"{w.File}({w.LineNumber},{w.ColumnNumber}): {w.Code} {w.Message}"));

        // Each agent restores its own stack only (the runtime packages are split by stack).
        AssertClosureExcludes(ProjectPath(repo, "src", "Contoso.Support"), "Microsoft.Agents.AI", "Microsoft.SemanticKernel");
        AssertClosureExcludes(ProjectPath(repo, "src", "Contoso.Mail"), "Microsoft.SemanticKernel");
        AssertClosureExcludes(ProjectPath(repo, "src", "Contoso.Kernel"), "Microsoft.Agents.AI");

        var tests = await DotNet.RunAsync(repo.Root, BuildTimeLimit, "test", solution, "-c", "Release", "--no-build");
        Assert.True(tests.ExitCode == 0, tests.Output);
        Assert.Equal(3, Regex.Matches(tests.Output, @"Passed!\s+-\s+Failed:\s+0,\s+Passed:\s+4,").Count);

        var cli = typeof(CliApplication).Assembly.Location;
        var evaluation = await DotNet.RunAsync(repo.Root, BuildTimeLimit, cli, "eval", "src", "--no-build", "-c", "Release", "--model", "simulated");
        Assert.True(evaluation.ExitCode == 0, evaluation.Output);
        foreach (var agent in new[] { "Contoso.Support", "Contoso.Mail", "Contoso.Kernel" })
        {
            // The five suites the solution's policy requires, each passed by the agent's own gates.
            Assert.Equal(5, Regex.Matches(evaluation.Output, $@"^{Regex.Escape(agent)} +builtin:[a-z-]+ +PASS ", RegexOptions.Multiline).Count);
        }

        var output = Path.Combine(repo.Root, "out");
        var pack = await RunAsync(repo, "pack", solution, "-c", "Release", "--no-build", "-o", output);
        Assert.True(pack.Succeeded, pack.Output);
        Assert.Empty(pack.AlignmentErrors);
        var packages = Directory.GetFiles(output, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal<string?>(["Contoso.Kernel.1.0.0.nupkg", "Contoso.Mail.1.0.0.nupkg", "Contoso.Support.1.0.0.nupkg"], packages);
        foreach (var package in packages)
        {
            using var archive = ZipFile.OpenRead(Path.Combine(output, package!));
            Assert.NotNull(archive.GetEntry("alignment/attestation.dsse.json"));
        }

        var verified = new StringWriter();
        Assert.True(CliApplication.Run(["verify", output, "--policy", repo.PolicyPath], verified, verified) == 0, verified.ToString());
    }

    [Fact]
    public async Task The_solution_template_takes_the_stack_the_ci_the_framework_and_the_version_it_is_given_and_builds_on_net8()
    {
        var templates = await TemplateHive.InstallAsync(feed.TemplatesPackage);
        var repo = new ConsumerRepository(feed);
        var root = repo.Root;
        await templates.NewAsync(root, "alignment-solution", "-n", "Contoso.Ops", "--stack", "semantic-kernel", "--ci", "azure", "--framework", "net8.0");

        Assert.True(File.Exists(Path.Combine(root, "Contoso.Ops.slnx")));
        Assert.True(File.Exists(Path.Combine(root, "azure-pipelines.yml")));
        Assert.False(Directory.Exists(Path.Combine(root, ".github")));
        var pipeline = File.ReadAllText(Path.Combine(root, "azure-pipelines.yml"));
        Assert.Contains("SOLUTION: Contoso.Ops.slnx", pipeline, StringComparison.Ordinal);
        Assert.Contains("AGENT_PROJECT: src/Contoso.Ops/Contoso.Ops.csproj", pipeline, StringComparison.Ordinal);
        Assert.Contains("AGENT_RESULTS: src/Contoso.Ops/obj/alignment/evals", pipeline, StringComparison.Ordinal);
        Assert.Contains("PACKAGE_ID: Contoso.Ops", pipeline, StringComparison.Ordinal);
        Assert.Contains($"ALIGNMENT_POLICY_VERSION: {feed.BuildPackageVersion}", pipeline, StringComparison.Ordinal);

        var agent = Path.Combine(root, "src", "Contoso.Ops", "Contoso.Ops.csproj");
        var tests = Path.Combine(root, "tests", "Contoso.Ops.Tests", "Contoso.Ops.Tests.csproj");
        AssertReferences(agent, "Microsoft.SemanticKernel", StackGatesPackage.SemanticKernel);
        Assert.All(new[] { agent, tests }, project => Assert.Contains("<TargetFramework>net8.0</TargetFramework>", File.ReadAllText(project), StringComparison.Ordinal));
        // No template token is left behind.
        Assert.DoesNotContain(Directory.GetFiles(root, "*", SearchOption.AllDirectories), f => File.ReadAllText(f) is var text && (text.Contains("0.0.0-alignment-policy", StringComparison.Ordinal) || text.Contains("#{", StringComparison.Ordinal)));

        // The policy it brings is valid, and its schema is where its $schema line points.
        Assert.True(File.Exists(Path.Combine(root, ".alignment-policy", "alignment-policy.schema.json")));
        var check = new StringWriter();
        Assert.True(CliApplication.Run(["check", root], check, check) == 0, check.ToString());

        // .NET 8: the runtime packages target net8.0 too, so the agent builds there warning-free.
        var build = await RunAsync(repo, "build", agent, "-warnaserror", "-warnnotaserror:NU1603");
        Assert.True(build.Succeeded, build.Output);
        Assert.Empty(build.Warnings.Where(w => w.Code != "NU1603").Select(w => $"{w.File}({w.LineNumber},{w.ColumnNumber}): {w.Code} {w.Message}"));

        var pinned = Directory.CreateTempSubdirectory("ap-e2e-template-").FullName;
        await templates.NewAsync(pinned, "alignment-solution", "-n", "Contoso.Pinned", "--alignment-policy-version", "9.9.9");
        var pinnedAgent = File.ReadAllText(Path.Combine(pinned, "src", "Contoso.Pinned", "Contoso.Pinned.csproj"));
        Assert.Contains("""<PackageReference Include="AlignmentPolicy.Gates" Version="9.9.9" />""", pinnedAgent, StringComparison.Ordinal);
        Assert.Contains("""<PackageReference Include="AlignmentPolicy.Build" Version="9.9.9" PrivateAssets="all" />""", pinnedAgent, StringComparison.Ordinal);
        Assert.Contains("ALIGNMENT_POLICY_VERSION: 9.9.9", File.ReadAllText(Path.Combine(pinned, ".github", "workflows", "alignment-policy.yml")), StringComparison.Ordinal);

        var bare = Directory.CreateTempSubdirectory("ap-e2e-template-").FullName;
        await templates.NewAsync(bare, "alignment-solution", "-n", "Contoso.Bare", "--ci", "none");
        Assert.False(Directory.Exists(Path.Combine(bare, ".github")));
        Assert.False(File.Exists(Path.Combine(bare, "azure-pipelines.yml")));
        AssertReferences(Path.Combine(bare, "src", "Contoso.Bare", "Contoso.Bare.csproj"), "Microsoft.Extensions.AI", "AlignmentPolicy.Gates");
    }

    private static string ProjectPath(ConsumerRepository repo, string folder, string name) => Path.Combine(repo.Root, folder, name, name + ".csproj");

    /// <summary>The project references its stack's SDK and its stack's gates package, and no other agent framework.</summary>
    private static void AssertReferences(string project, string sdk, string gates)
    {
        var references = Regex.Matches(File.ReadAllText(project), """<PackageReference Include="([^"]+)" """).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(sdk, references);
        Assert.Contains(gates, references);
        Assert.Contains("AlignmentPolicy.Build", references);
        string[] stacks = ["Microsoft.Extensions.AI", "Microsoft.Agents.AI", "Microsoft.SemanticKernel"];
        Assert.Equal([sdk], references.Intersect(stacks));
    }

    /// <summary>No package whose id starts with one of <paramref name="stacks"/> is in the project's restored closure.</summary>
    private static void AssertClosureExcludes(string project, params string[] stacks)
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(project)!, "obj", "project.assets.json")));
        var libraries = assets.RootElement.GetProperty("libraries").EnumerateObject().Select(l => l.Name.Split('/')[0]).ToList();
        Assert.Contains(libraries, l => l.StartsWith("AlignmentPolicy.Gates", StringComparison.Ordinal));
        Assert.DoesNotContain(libraries, l => stacks.Any(stack => l.StartsWith(stack, StringComparison.OrdinalIgnoreCase)));
    }

    private static async Task<BuildResult> RunAsync(ConsumerRepository repo, params string[] args)
    {
        var binlog = Path.Combine(repo.Root, $"{args[0]}-{Guid.NewGuid():N}.binlog");
        var result = await DotNet.RunAsync(repo.Root, BuildTimeLimit, [.. args, "-nodeReuse:false", "--disable-build-servers", "-p:UseSharedCompilation=false", $"-bl:{binlog}"]);
        return BuildResult.Read(result, binlog);
    }

    /// <summary>The gates package each stack's template references (the adapters bring AlignmentPolicy.Gates with them).</summary>
    private static class StackGatesPackage
    {
        public const string AgentFramework = "AlignmentPolicy.Gates.AgentFramework";

        public const string SemanticKernel = "AlignmentPolicy.Gates.SemanticKernel";
    }
}
