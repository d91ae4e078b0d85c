using AlignmentPolicy.Cli;
using AlignmentPolicy.EndToEnd.Tests.Infrastructure;
using AlignmentPolicy.Testing;

namespace AlignmentPolicy.EndToEnd.Tests;

/// <summary>
/// A platform team publishes its organisation policy as a package (init --org, dotnet pack, a folder feed); a repository
/// references it from Directory.Build.props and extends it from alignment-policy.json. A real dotnet build restores it,
/// applies it tightened, and fails at the repository's line and column on every attempt to loosen it.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class OrganisationPolicyBuildTests(PackageFeedFixture feed)
{
    private const string Manifest = """{ "version": 1, "datasets": [] }""";

    /// <summary>A repository that references the organisation package from Directory.Build.props, and one agent project.</summary>
    private async Task<(ConsumerRepository Repo, string Project)> RepositoryAsync(string policy, string? referencedVersion = OrganisationPackage.Version)
    {
        await OrganisationPackage.EnsurePackedAsync(feed);
        var repo = new ConsumerRepository(feed);
        File.WriteAllText(Path.Combine(repo.Root, "Directory.Build.props"), referencedVersion is null ? "<Project />" : $"""
            <Project>
              <ItemGroup>
                <PackageReference Include="{OrganisationPackage.Id}" Version="{referencedVersion}" PrivateAssets="all" />
              </ItemGroup>
            </Project>
            """);
        repo.WritePolicy(policy);
        var project = repo.AddProject("SupportAgent");
        repo.WriteProjectFile(project, "datasets.provenance.json", Manifest);
        return (repo, project);
    }

    private static string Extending(string body, string version = OrganisationPackage.Version)
        => $"{{\n  \"version\": 1,\n  \"extends\": \"nuget:{OrganisationPackage.Id}@{version}\"{(body.Length == 0 ? "" : ",\n" + body)}\n}}\n";

    [Fact]
    public async Task Tightening_builds_clean_and_the_effective_policy_reaches_the_analyzers_and_check()
    {
        var (repo, project) = await RepositoryAsync(Extending("""
              "sideEffects": { "severity": { "mail": "error" } },
              "provenance": { "allowedLicenses": ["MIT"] },
              "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": 0.01 }, { "suite": "builtin:oversight", "maxRate": 0.05 } ] }
            """));
        // The organisation's gate comes with the package, as its policy names it; the agent uses it in the pipeline the
        // evaluations run (the policy requires evaluations, so a clean build needs the entry point, else ALN0008).
        repo.WriteProjectFile(project, "Gates.cs", """
            using AlignmentPolicy.Gates;
            using Microsoft.Extensions.AI;

            namespace SupportAgent;

            public static class OrganisationGates
            {
                public static IPolicyGate Payments { get; } = new Contoso.Safety.PaymentApprovalGate();

                [AlignmentEvalEntryPoint]
                public static IChatClient BuildForEvaluation(IChatClient model, EvalEnvironment environment)
                    => model.AsBuilder().UsePolicyGate(o => o.AddGate(Payments)).UseFunctionInvocation().Build();
            }
            """);

        var build = await repo.BuildAsync(project);

        Assert.True(build.Succeeded, build.Output);
        Assert.Empty(build.Warnings);
        var config = File.ReadAllText(repo.IntermediateFile(project, "alignment-policy.globalconfig"));
        Assert.Contains("alignment_policy.side_effects.custom.ledger = M:Contoso.Ledger.LedgerClient.Post(System.Decimal)\n", config);
        Assert.Contains("alignment_policy.side_effects.severity.ledger = error\n", config);
        Assert.Contains("alignment_policy.side_effects.severity.mail = error\n", config);
        Assert.Contains("alignment_policy.gates.additional_gate_types = Contoso.Safety.PaymentApprovalGate\n", config);
        Assert.Contains("alignment_policy.suppressions.require_justification = true\n", config);

        var output = new StringWriter();
        Assert.Equal(0, CliApplication.Run(["check", repo.Root], output, new StringWriter()));
        var ledger = OrganisationPackage.Positions["ledger"];
        Assert.Matches($@"(?m)^  sideEffects\.severity\.ledger = ""error"" +{OrganisationPackage.Id}@{OrganisationPackage.Version} alignment/alignment-policy\.json:{ledger.Line}:{ledger.Column}\r?$", output.ToString());
        Assert.Matches(@"(?m)^  sideEffects\.severity\.mail = ""error"" +alignment-policy\.json:4:", output.ToString());
    }

    [Fact]
    public async Task The_organisation_s_side_effect_category_and_its_severity_reach_the_analyzers()
    {
        var (repo, project) = await RepositoryAsync(Extending(""));
        const string source = """
            using Microsoft.Extensions.AI;

            namespace Contoso.Ledger
            {
                public sealed class LedgerClient
                {
                    public void Post(decimal amount) { }
                }
            }

            namespace SupportAgent
            {
                public sealed class Agent(IChatClient client)
                {
                    public string Refund(decimal amount) { new Contoso.Ledger.LedgerClient().Post(amount); return "refunded"; }

                    public async Task<string> AskAsync(string question)
                        => (await client.GetResponseAsync(question, new ChatOptions { Tools = [AIFunctionFactory.Create(Refund)] })).Text;
                }
            }
            """;
        File.Delete(Path.Combine(Path.GetDirectoryName(project)!, "Agent.cs"));
        repo.WriteProjectFile(project, "Agent.cs", source);
        repo.AddToProjectFile(project, """
              <PropertyGroup><ImplicitUsings>enable</ImplicitUsings></PropertyGroup>
              <ItemGroup><PackageReference Include="Microsoft.Extensions.AI" Version="10.11.0" /></ItemGroup>
            """);

        var build = await repo.BuildAsync(project);

        Assert.False(build.Succeeded);
        var error = Assert.Single(build.Errors);
        Assert.Equal(("ALN0002", source.Split('\n').ToList().FindIndex(l => l.Contains("AIFunctionFactory.Create")) + 1), (error.Code, error.LineNumber));
        Assert.Contains("LedgerClient.Post", error.Message);
    }

    [Fact]
    public async Task Each_kind_of_loosening_fails_the_build_at_the_repository_s_value_naming_the_package_s_value()
    {
        var (policy, expected) = Markup.Parse(Extending("""
              "agents": { "autoDetect": {|autoDetect:false|}, "exclude": ["**/*.Tests.csproj", {|exclude:"src/**"|}] },
              "sideEffects": { "severity": { "ledger": {|ledger:"warning"|} } },
              "provenance": { "required": {|required:false|}, "allowedLicenses": ["MIT", {|licences:"GPL-3.0-only"|}] },
              "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": {|maxRate:0.5|} } ] },
              "suppressions": { "requireJustification": {|justification:false|} }
            """));
        var (repo, project) = await RepositoryAsync(policy);

        var build = await repo.BuildAsync(project);

        Assert.False(build.Succeeded);
        var errors = build.AlignmentErrors.ToList();
        Assert.Equal(expected.Select(e => ("ALN0318", e.Line, e.Column)), errors.Select(e => (e.Code, e.LineNumber, e.ColumnNumber)));
        foreach (var (error, field) in errors.Zip(expected.Select(e => e.Code)))
        {
            var where = OrganisationPackage.Positions[field];
            Assert.Equal(repo.PolicyPath, error.File);
            Assert.Contains($"(set by {OrganisationPackage.Id}@{OrganisationPackage.Version} alignment/alignment-policy.json:{where.Line}:{where.Column})", error.Message);
        }

        Assert.Empty(build.CompilerCommandLines);
        var output = new StringWriter();
        Assert.Equal(1, CliApplication.Run(["check", repo.Root], output, new StringWriter()));
        Assert.All(errors, e => Assert.Contains($"{e.File}({e.LineNumber},{e.ColumnNumber}): error {e.Code}: {e.Message}", output.ToString()));
    }

    [Fact]
    public async Task Extending_a_version_the_repository_does_not_restore_is_ALN0324_at_extends()
    {
        var (repo, project) = await RepositoryAsync(Extending("", "1.3.0"));

        var build = await repo.BuildAsync(project);

        var error = Assert.Single(build.AlignmentErrors);
        Assert.Equal(("ALN0324", repo.PolicyPath, 3, 14), (error.Code, error.File, error.LineNumber, error.ColumnNumber));
        Assert.Contains("this project restores Contoso.AlignmentPolicy 1.4.0", error.Message);
    }

    [Fact]
    public async Task Extending_a_package_that_is_not_referenced_is_ALN0319_naming_the_PackageReference()
    {
        var (repo, project) = await RepositoryAsync(Extending(""), referencedVersion: null);

        var build = await repo.BuildAsync(project);

        var error = Assert.Single(build.AlignmentErrors);
        Assert.Equal(("ALN0319", repo.PolicyPath, 3, 14), (error.Code, error.File, error.LineNumber, error.ColumnNumber));
        Assert.Contains("<PackageReference Include=\"Contoso.AlignmentPolicy\" Version=\"1.4.0\" PrivateAssets=\"all\" />", error.Message);
    }

    [Fact]
    public async Task A_malformed_release_fails_in_the_package_s_file_and_at_the_repository_s_extends()
    {
        var (repo, project) = await RepositoryAsync(Extending("", "1.4.1"), referencedVersion: "1.4.1");

        var build = await repo.BuildAsync(project);

        Assert.Equal(["ALN0306", "ALN0320"], build.AlignmentErrors.Select(e => e.Code));
        var inPackage = build.AlignmentErrors.First();
        Assert.Equal(Path.Combine(feed.PackagesDirectory, "contoso.alignmentpolicy", "1.4.1", "alignment", "alignment-policy.json"), inPackage.File);
        Assert.Equal((3, 70), (inPackage.LineNumber, inPackage.ColumnNumber));
        var atExtends = build.AlignmentErrors.Last();
        Assert.Equal((repo.PolicyPath, 3, 14), (atExtends.File, atExtends.LineNumber, atExtends.ColumnNumber));
    }
    [Fact]
    public async Task An_unchanged_build_skips_the_check_and_upgrading_the_package_runs_it_again()
    {
        var (repo, project) = await RepositoryAsync(Extending(""));
        Assert.True((await repo.BuildAsync(project)).Succeeded);

        var second = await repo.BuildAsync(project);
        Assert.True(second.Succeeded, second.Output);
        Assert.DoesNotContain("ResolveAlignmentPolicy", second.ExecutedTasks);

        File.WriteAllText(Path.Combine(repo.Root, "Directory.Build.props"), File.ReadAllText(Path.Combine(repo.Root, "Directory.Build.props")).Replace("1.4.0", "1.4.1"));
        repo.WritePolicy(Extending("", "1.4.1"));
        var upgraded = await repo.BuildAsync(project);

        Assert.Contains("ResolveAlignmentPolicy", upgraded.ExecutedTasks);
        Assert.Equal(["ALN0306", "ALN0320"], upgraded.AlignmentErrors.Select(e => e.Code));
    }
    [Fact]
    public async Task A_change_to_a_base_named_by_a_path_runs_the_check_again()
    {
        var (repo, project) = await RepositoryAsync("{\n  \"version\": 1,\n  \"extends\": \"policy/base.json\"\n}\n", referencedVersion: null);
        var basePolicy = Path.Combine(repo.Root, "policy", "base.json");
        Directory.CreateDirectory(Path.GetDirectoryName(basePolicy)!);
        File.WriteAllText(basePolicy, """{ "version": 1, "suppressions": { "requireJustification": true } }""");
        Assert.True((await repo.BuildAsync(project)).Succeeded);
        Assert.DoesNotContain("ResolveAlignmentPolicy", (await repo.BuildAsync(project)).ExecutedTasks);

        File.WriteAllText(basePolicy, """{ "version": 1, "suppressions": { "requireJustification": "yes" } }""");
        var changed = await repo.BuildAsync(project);

        Assert.Equal([("ALN0304", basePolicy), ("ALN0320", repo.PolicyPath)], changed.AlignmentErrors.Select(e => (e.Code, e.File)));
    }
}
