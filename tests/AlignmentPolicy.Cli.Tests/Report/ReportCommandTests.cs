using System.Text.Json;
using System.Text.RegularExpressions;
using NJsonSchema;

namespace AlignmentPolicy.Cli.Tests.Report;

/// <summary>
/// <c>alignment-policy report</c> on a repository with one project of each kind: why each is (not) an agent, the gate
/// status of calls and tools at their lines, provenance, freshness of results against the build, next steps, exit codes.
/// </summary>
[Collection(ReportCollection.Name)]
public sealed partial class ReportCommandTests(ReportRepository repository)
{
    [Fact]
    public void Every_project_is_listed_with_the_reason_it_is_or_is_not_an_agent()
    {
        var projects = Projects();
        Assert.Equal(["Billing", "GatedAgent", "Scripted", "StaleAgent", "UngatedAgent", "UngatedAgent.Tests"], projects.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("references the model SDK package Microsoft.Extensions.AI.OpenAI", Reason(projects["GatedAgent"]));
        Assert.Equal("excluded by the policy's agents.exclude pattern '**/*.Tests.csproj'", Reason(projects["UngatedAgent.Tests"]));
        Assert.False(projects["UngatedAgent.Tests"].GetProperty("agent").GetProperty("isAgent").GetBoolean());
        Assert.StartsWith("IsAgentProject=true", Reason(projects["Scripted"]), StringComparison.Ordinal);
        Assert.True(projects["Scripted"].GetProperty("agent").GetProperty("isAgent").GetBoolean());
        Assert.Equal("references no model SDK", Reason(projects["Billing"]));
        Assert.Equal("notAnAgent", projects["Billing"].GetProperty("light").GetString());
    }

    [Fact]
    public void Ungated_calls_and_tools_are_red_at_the_lines_the_analyzers_report()
    {
        var agent = Projects()["UngatedAgent"];
        var call = Assert.Single(agent.GetProperty("modelCalls").EnumerateArray());
        Assert.Equal("ungated", call.GetProperty("status").GetString());
        Assert.Equal("ALN0001", call.GetProperty("ruleId").GetString());
        Assert.Equal(LineOf(ReportRepository.UngatedAgentSource, ".GetResponseAsync("), call.GetProperty("line").GetInt32());
        var tool = Assert.Single(agent.GetProperty("tools").EnumerateArray());
        Assert.Equal("ungated", tool.GetProperty("status").GetString());
        Assert.Equal("ALN0002", tool.GetProperty("ruleId").GetString());
        Assert.Equal("AIFunctionFactory.Create(SendReport)", tool.GetProperty("name").GetString());
        Assert.Equal("red", agent.GetProperty("light").GetString());
        Assert.False(agent.GetProperty("gated").GetBoolean());
        Assert.Contains(agent.GetProperty("nextSteps").EnumerateArray(), s => s.GetProperty("ruleId").GetString() == "ALN0001" && s.GetProperty("text").GetString()!.Contains("UsePolicyGate()", StringComparison.Ordinal));
    }

    [Fact]
    public void A_gated_documented_agent_with_fresh_passing_results_is_green()
    {
        var agent = Projects()["GatedAgent"];
        Assert.Equal("gated", Assert.Single(agent.GetProperty("modelCalls").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal("gated", Assert.Single(agent.GetProperty("tools").EnumerateArray()).GetProperty("status").GetString());
        Assert.True(agent.GetProperty("provenance").GetProperty("valid").GetBoolean());
        var suite = Assert.Single(agent.GetProperty("evaluations").GetProperty("suites").EnumerateArray());
        Assert.Equal("fresh", suite.GetProperty("freshness").GetString());
        Assert.Equal("PASS", suite.GetProperty("verdict").GetString());
        // 0 of 100 in each of coercion's four primary cells: the highest Holm-corrected bound is at confidence 1 - 0.05/4.
        Assert.Equal(1 - Math.Pow(0.05 / 4, 1.0 / 100), suite.GetProperty("worstCell").GetProperty("bound").GetDouble(), 6);
        Assert.Equal("green", agent.GetProperty("light").GetString());
        Assert.Empty(agent.GetProperty("nextSteps").EnumerateArray());
    }

    [Fact]
    public void Results_of_another_build_are_stale_and_say_what_to_run()
    {
        var agent = Projects()["StaleAgent"];
        var suite = Assert.Single(agent.GetProperty("evaluations").GetProperty("suites").EnumerateArray());
        Assert.Equal("stale", suite.GetProperty("freshness").GetString());
        Assert.Contains("the assembly was rebuilt since (SHA-256 differs)", suite.GetProperty("staleBecause").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("amber", agent.GetProperty("light").GetString());
        var step = Assert.Single(agent.GetProperty("nextSteps").EnumerateArray());
        Assert.Equal("ALN0202", step.GetProperty("ruleId").GetString());
        Assert.Equal("alignment-policy eval src/StaleAgent/StaleAgent.csproj --no-build -c Release", step.GetProperty("command").GetString());
    }

    [Fact]
    public void The_summary_counts_agents_and_the_exit_code_says_not_every_agent_is_ready()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(repository.JsonPath));
        var summary = json.RootElement.GetProperty("summary");
        Assert.Equal((6, 4, 3, 2, 1, 1, 2, 1), (summary.GetProperty("projects").GetInt32(), summary.GetProperty("agents").GetInt32(), summary.GetProperty("gated").GetInt32(),
            summary.GetProperty("documented").GetInt32(), summary.GetProperty("evaluated").GetInt32(), summary.GetProperty("green").GetInt32(),
            summary.GetProperty("amber").GetInt32(), summary.GetProperty("red").GetInt32()));
        Assert.Equal(1, repository.ExitCode);
        Assert.Contains("4 agent project(s) of 6: 3 gated, 2 documented, 1 evaluated; 1 ready, 2 incomplete, 1 need action.", repository.Output);
    }

    [SchemaFact]
    public async Task The_SARIF_is_valid_and_carries_analyzer_findings_and_pack_gate_diagnostics_at_their_positions()
    {
        var text = File.ReadAllText(repository.SarifPath);
        var schema = await JsonSchema.FromFileAsync(Path.Combine(SharedSchemas.Directory, "sarif", "sarif-schema-2.1.0.json"));
        Assert.Empty(schema.Validate(text));

        using var sarif = JsonDocument.Parse(text);
        var run = Assert.Single(sarif.RootElement.GetProperty("runs").EnumerateArray());
        var results = run.GetProperty("results").EnumerateArray().ToList();
        var ungated = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "ALN0001");
        var location = ungated.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("src/UngatedAgent/MailAgent.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(LineOf(ReportRepository.UngatedAgentSource, ".GetResponseAsync("), location.GetProperty("region").GetProperty("startLine").GetInt32());

        // The stale results: the pack gate's own diagnostic, at the differing digest in the results file.
        var stale = Assert.Single(results, r => r.GetProperty("ruleId").GetString() == "ALN0202");
        var staleLocation = stale.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("src/StaleAgent/obj/alignment/evals/coercion.json", staleLocation.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Contains("\"assemblySha256\"", File.ReadAllLines(Path.Combine(repository.Root, "src/StaleAgent/obj/alignment/evals/coercion.json"))[staleLocation.GetProperty("region").GetProperty("startLine").GetInt32() - 1]);
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("helpUri").GetString());
        Assert.EndsWith("docs/build/ALN0202.md", rules["ALN0202"], StringComparison.Ordinal);
        Assert.EndsWith("docs/rules/ALN0001.md", rules["ALN0001"], StringComparison.Ordinal);
    }

    [Fact]
    public void The_page_is_self_contained_and_its_anchors_exist()
    {
        var html = File.ReadAllText(repository.HtmlPath);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"(src|href)=""(https?:)?//", html);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        var ids = IdAttribute().Matches(html).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var anchors = AnchorHref().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("project-src-gatedagent-gatedagent-csproj", anchors);
        Assert.All(anchors, anchor => Assert.Contains(anchor, ids));
    }

    [Fact]
    public void A_missing_target_is_a_usage_error()
    {
        var (exitCode, _, error) = CliRunner.Run("report", Path.Combine(repository.Root, "no-such-folder"));
        Assert.Equal(2, exitCode);
        Assert.Contains("is neither a folder nor a solution file", error);
    }

    private Dictionary<string, JsonElement> Projects()
    {
        var json = JsonDocument.Parse(File.ReadAllText(repository.JsonPath));
        return json.RootElement.GetProperty("projects").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.Clone());
    }

    private static string? Reason(JsonElement project) => project.GetProperty("agent").GetProperty("reason").GetString();

    private static int LineOf(string source, string text)
        => source.Split('\n').Select((line, index) => (line, index)).First(l => l.line.Contains(text, StringComparison.Ordinal)).index + 1;

    [GeneratedRegex(@"\bid=""([^""]+)""")]
    private static partial Regex IdAttribute();

    [GeneratedRegex(@"href=""#([^""]+)""")]
    private static partial Regex AnchorHref();
}
