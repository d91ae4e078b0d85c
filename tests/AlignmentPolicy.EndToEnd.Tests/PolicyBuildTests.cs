using AlignmentPolicy.Cli;
using AlignmentPolicy.EndToEnd.Tests.Infrastructure;
using AlignmentPolicy.Testing;

namespace AlignmentPolicy.EndToEnd.Tests;

/// <summary>
/// A platform team puts alignment-policy.json at the repository root; every agent project's real
/// `dotnet build` finds it, validates it, reports mistakes at their position and hands it to the analyzers.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PolicyBuildTests(PackageFeedFixture feed)
{
    private const string ValidPolicy = """
        {
          "version": 1,
          "agents": { "autoDetect": true, "exclude": ["**/*.Tests.csproj"] },
          "gates": { "additionalGateTypes": ["Contoso.Safety.ContosoGate"] },
          "sideEffects": { "catalogues": ["builtin"], "severity": { "oversight": "error", "mail": "warning" } },
          "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": 0.05 } ] }
        }
        """;

    [Fact]
    public async Task A_valid_policy_builds_and_its_config_reaches_the_compiler_with_the_analyzers()
    {
        var repo = new ConsumerRepository(feed);
        repo.WritePolicy(ValidPolicy);
        var project = repo.AddProject("SupportAgent");

        var build = await repo.BuildAsync(project);

        Assert.True(build.Succeeded, build.Output);
        // The policy requires an evaluation and this packable agent has no entry point: ALN0008, on the project (it builds no pipeline).
        var warning = Assert.Single(build.Warnings);
        Assert.Equal(("ALN0008", 0), (warning.Code, warning.LineNumber));
        var config = repo.IntermediateFile(project, "alignment-policy.globalconfig");
        Assert.Contains("alignment_policy.gates.additional_gate_types = Contoso.Safety.ContosoGate", File.ReadAllText(config));
        var commandLine = Assert.Single(build.CompilerCommandLines);
        Assert.Contains($"/analyzerconfig:{config}", commandLine);
        Assert.Contains("analyzers/dotnet/cs/AlignmentPolicy.Analyzers.dll", commandLine);
    }

    public static TheoryData<string, string> BrokenPolicies => new()
    {
        { "syntax", """
            {
              "version": 1,
              "agents": { "autoDetect": true {|ALN0301:|}"include": [] }
            }
            """ },
        { "duplicate and unknown keys", """
            {
              "version": 1,
              "evals": { "runOnPack": false, {|ALN0302:"runOnPack"|}: true },
              {|ALN0303:"gatez"|}: {}
            }
            """ },
        { "types and ranges", """
            {
              "version": 1,
              "agents": { "autoDetect": {|ALN0304:"true"|} },
              "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": {|ALN0306:1.5|}, "confidence": {|ALN0306:1.0|} } ] }
            }
            """ },
        { "names", """
            {
              "version": 1,
              "sideEffects": {
                "catalogues": [{|ALN0309:"builtin:smtp"|}],
                "custom": { "payments": ["{|ALN0311:|}Contoso.Payments.PaymentClient.Charge"] },
                "severity": { "payments": {|ALN0307:"fatal"|} }
              },
              "provenance": { "allowedLicenses": [{|ALN0310:"Apache 2"|}] },
              "evals": { "required": [ { "suite": {|ALN0308:"builtin:blackmail"|}, "maxRate": 0.05 } ] }
            }
            """ },
        { "version", """
            { "version": {|ALN0312:3|} }
            """ },
    };

    [Theory]
    [MemberData(nameof(BrokenPolicies))]
    public async Task A_broken_policy_fails_the_build_at_the_same_positions_as_check(string name, string markup)
    {
        var (text, expected) = Markup.Parse(markup);
        var repo = new ConsumerRepository(feed);
        repo.WritePolicy(text);
        var project = repo.AddProject("SupportAgent");

        var build = await repo.BuildAsync(project);

        Assert.False(build.Succeeded, name);
        var reported = build.AlignmentErrors.Select(e => new Markup.Expected(e.Code, e.LineNumber, e.ColumnNumber)).ToList();
        Assert.Equal(expected, reported);
        Assert.All(build.AlignmentErrors, e => Assert.Equal(repo.PolicyPath, e.File));
        Assert.Empty(build.CompilerCommandLines);

        var output = new StringWriter();
        Assert.Equal(1, CliApplication.Run(["check", repo.Root], output, new StringWriter()));
        var fromCheck = build.AlignmentErrors.Select(e => $"{e.File}({e.LineNumber},{e.ColumnNumber}): error {e.Code}: {e.Message}");
        Assert.All(fromCheck, line => Assert.Contains(line, output.ToString()));
    }

    [Fact]
    public async Task Without_a_policy_the_build_warns_about_nothing()
    {
        var repo = new ConsumerRepository(feed);
        var project = repo.AddProject("SupportAgent");

        var build = await repo.BuildAsync(project);

        Assert.True(build.Succeeded, build.Output);
        Assert.Empty(build.Warnings);
        var notice = Assert.Single(build.Messages, m => m.Code == "ALN0313");
        Assert.Equal(Microsoft.Build.Framework.MessageImportance.Low, notice.Importance);
        Assert.Contains("alignment_policy.policy_file = \n", File.ReadAllText(repo.IntermediateFile(project, "alignment-policy.globalconfig")));
    }

    [Fact]
    public async Task Without_a_policy_a_required_policy_fails_at_the_project_file()
    {
        var repo = new ConsumerRepository(feed);
        var project = repo.AddProject("SupportAgent", extraProperties: "<AlignmentPolicyRequired>true</AlignmentPolicyRequired>");

        var build = await repo.BuildAsync(project);

        Assert.False(build.Succeeded);
        var error = Assert.Single(build.AlignmentErrors);
        Assert.Equal(("ALN0313", project), (error.Code, error.File));
    }

    [Fact]
    public async Task A_second_build_skips_the_check_and_does_not_rewrite_the_config()
    {
        var repo = new ConsumerRepository(feed);
        repo.WritePolicy(ValidPolicy);
        var project = repo.AddProject("SupportAgent");
        Assert.True((await repo.BuildAsync(project)).Succeeded);
        var config = repo.IntermediateFile(project, "alignment-policy.globalconfig");
        var written = File.GetLastWriteTimeUtc(config);

        var second = await repo.BuildAsync(project);

        Assert.True(second.Succeeded, second.Output);
        Assert.Equal(written, File.GetLastWriteTimeUtc(config));
        Assert.DoesNotContain("ResolveAlignmentPolicy", second.ExecutedTasks);
        Assert.Empty(second.CompilerCommandLines);
    }

    [Fact]
    public async Task Fixing_a_broken_policy_makes_the_next_build_pass_and_breaking_it_again_fails_again()
    {
        var repo = new ConsumerRepository(feed);
        repo.WritePolicy("""{ "version": 1, "gatez": {} }""");
        var project = repo.AddProject("SupportAgent");
        Assert.False((await repo.BuildAsync(project)).Succeeded);
        Assert.False((await repo.BuildAsync(project)).Succeeded);

        repo.WritePolicy(ValidPolicy);
        Assert.True((await repo.BuildAsync(project)).Succeeded);

        repo.WritePolicy("""{ "version": 1, "agents": { "autoDetect": 1 } }""");
        var broken = await repo.BuildAsync(project);
        Assert.Equal("ALN0304", Assert.Single(broken.AlignmentErrors).Code);
    }

    [Fact]
    public async Task A_project_that_references_no_model_SDK_is_left_alone()
    {
        var repo = new ConsumerRepository(feed);
        repo.WritePolicy("""{ "version": 1, "gatez": {} }""");
        var project = repo.AddProject("Billing", referencesModelSdk: false);

        var build = await repo.BuildAsync(project);

        Assert.True(build.Succeeded, build.Output);
        Assert.Empty(build.Warnings);
        Assert.False(File.Exists(repo.IntermediateFile(project, "alignment-policy.globalconfig")));
        Assert.DoesNotContain("/analyzerconfig:" + repo.IntermediateFile(project, "alignment-policy.globalconfig"), Assert.Single(build.CompilerCommandLines));
    }

    [Fact]
    public async Task IsAgentProject_opts_a_project_in_and_AlignmentPolicyEnabled_false_turns_everything_off()
    {
        var repo = new ConsumerRepository(feed);
        repo.WritePolicy("""{ "version": 1, "gatez": {} }""");
        var optedIn = repo.AddProject("Orchestrator", referencesModelSdk: false, extraProperties: "<IsAgentProject>true</IsAgentProject>");
        var disabled = repo.AddProject("Legacy", extraProperties: "<AlignmentPolicyEnabled>false</AlignmentPolicyEnabled>");

        var optedInBuild = await repo.BuildAsync(optedIn);
        var disabledBuild = await repo.BuildAsync(disabled);

        Assert.Equal("ALN0303", Assert.Single(optedInBuild.AlignmentErrors).Code);
        Assert.True(disabledBuild.Succeeded, disabledBuild.Output);
        Assert.DoesNotContain("AlignmentPolicy.Analyzers.dll", Assert.Single(disabledBuild.CompilerCommandLines));
    }

    [Fact]
    public async Task The_policy_exclude_pattern_keeps_test_projects_out()
    {
        var repo = new ConsumerRepository(feed);
        repo.WritePolicy(ValidPolicy);
        var tests = repo.AddProject("SupportAgent.Tests");

        var build = await repo.BuildAsync(tests);

        Assert.True(build.Succeeded, build.Output);
        Assert.False(File.Exists(repo.IntermediateFile(tests, "alignment-policy.globalconfig")));
    }
}
