using Microsoft.Build.Framework;

namespace AlignmentPolicy.Tasks.Tests;

public class ResolveAlignmentPolicyTests
{
    private readonly string _root = Directory.CreateTempSubdirectory("ap-task-").FullName;
    private readonly RecordingBuildEngine _engine = new();

    private string ProjectDirectory => Directory.CreateDirectory(Path.Combine(_root, "src", "Agent")).FullName;

    private string GlobalConfig => Path.Combine(_root, "obj", "alignment-policy.globalconfig");

    private ResolveAlignmentPolicy CreateTask(bool referencesModelSdk = true, string? isAgentProject = null, bool required = false, string? explicitFile = null) => new()
    {
        BuildEngine = _engine,
        ProjectFullPath = Path.Combine(ProjectDirectory, "Agent.csproj"),
        ProjectDirectory = ProjectDirectory,
        ReferencesModelSdk = referencesModelSdk,
        IsAgentProject = isAgentProject,
        PolicyRequired = required,
        ExplicitPolicyFile = explicitFile,
        GlobalConfigFile = GlobalConfig,
    };

    private void WritePolicy(string text) => File.WriteAllText(Path.Combine(_root, "alignment-policy.json"), text);

    [Fact]
    public void A_valid_policy_becomes_the_analyzer_config_of_an_agent_project()
    {
        WritePolicy("""{ "version": 1, "gates": { "additionalGateTypes": ["Contoso.Gate"] } }""");
        var task = CreateTask();

        Assert.True(task.Execute());

        Assert.True(task.AgentProject);
        Assert.Equal(Path.Combine(_root, "alignment-policy.json"), task.ResolvedPolicyFile);
        Assert.Empty(_engine.Errors);
        Assert.Empty(_engine.Warnings);
        Assert.Contains("alignment_policy.gates.additional_gate_types = Contoso.Gate", File.ReadAllText(GlobalConfig));
    }

    [Fact]
    public void Errors_carry_code_file_line_column_and_help_link()
    {
        WritePolicy("""
            {
              "version": 1,
              "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": 2 } ] }
            }
            """);
        var task = CreateTask();

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("ALN0306", error.Code);
        Assert.Equal(Path.Combine(_root, "alignment-policy.json"), error.File);
        Assert.Equal((3, 70), (error.LineNumber, error.ColumnNumber));
        Assert.Equal("https://github.com/alignment-policy/alignment-policy/blob/main/docs/build/ALN0306.md", error.HelpLink);
        Assert.Equal("AlignmentPolicy", error.Subcategory);
        Assert.False(File.Exists(GlobalConfig));
    }

    [Fact]
    public void Messages_with_braces_are_logged_verbatim()
    {
        WritePolicy("""{ "version": 1, "agents": [] }""");
        Assert.False(CreateTask().Execute());
        Assert.Contains("must be an object ({ ... })", Assert.Single(_engine.Errors).Message);
    }

    [Fact]
    public void The_config_is_written_only_when_its_content_changes()
    {
        WritePolicy("""{ "version": 1 }""");
        Assert.True(CreateTask().Execute());
        var first = File.GetLastWriteTimeUtc(GlobalConfig);
        Thread.Sleep(20);

        Assert.True(CreateTask().Execute());
        Assert.Equal(first, File.GetLastWriteTimeUtc(GlobalConfig));

        WritePolicy("""{ "version": 1, "suppressions": { "requireJustification": true } }""");
        Assert.True(CreateTask().Execute());
        Assert.Contains("require_justification = true", File.ReadAllText(GlobalConfig));
    }

    [Fact]
    public void A_project_without_a_model_SDK_is_left_alone_even_by_a_broken_policy()
    {
        WritePolicy("""{ "version": 1, "gatez": {} }""");
        var task = CreateTask(referencesModelSdk: false);

        Assert.True(task.Execute());

        Assert.False(task.AgentProject);
        Assert.Empty(_engine.Errors);
        Assert.False(File.Exists(GlobalConfig));
    }

    [Fact]
    public void IsAgentProject_true_makes_a_project_an_agent_project_without_an_SDK()
    {
        WritePolicy("""{ "version": 1, "gatez": {} }""");
        Assert.False(CreateTask(referencesModelSdk: false, isAgentProject: "true").Execute());
        Assert.Equal("ALN0303", Assert.Single(_engine.Errors).Code);
    }

    [Fact]
    public void A_policy_include_pattern_claims_a_project_and_then_reports_to_it()
    {
        WritePolicy("""{ "version": 1, "agents": { "include": ["src/**/*.csproj"] }, "provenance": { "allowedLicenses": ["GPL-2.0"] } }""");
        var task = CreateTask(referencesModelSdk: false);

        Assert.True(task.Execute());

        Assert.True(task.AgentProject);
        Assert.Equal("ALN0316", Assert.Single(_engine.Warnings).Code);
        Assert.True(File.Exists(GlobalConfig));
    }

    [Fact]
    public void A_project_that_stops_being_an_agent_project_loses_its_stale_config()
    {
        WritePolicy("""{ "version": 1 }""");
        Assert.True(CreateTask().Execute());
        Assert.True(File.Exists(GlobalConfig));

        Assert.True(CreateTask(isAgentProject: "false").Execute());
        Assert.False(File.Exists(GlobalConfig));
    }

    [Fact]
    public void No_policy_is_one_low_importance_message_and_the_defaults_reach_the_analyzers()
    {
        if (AlignmentPolicy.Core.Policy.PolicyLocator.FindNearest(_root) is not null)
        {
            return;
        }

        var task = CreateTask();
        Assert.True(task.Execute());

        Assert.Empty(_engine.Errors);
        Assert.Empty(_engine.Warnings);
        var message = Assert.Single(_engine.Messages, m => m.Code == "ALN0313");
        Assert.Equal(MessageImportance.Low, message.Importance);
        Assert.Contains("alignment_policy.policy_file = \n", File.ReadAllText(GlobalConfig));
    }

    [Fact]
    public void No_policy_is_an_error_when_required()
    {
        if (AlignmentPolicy.Core.Policy.PolicyLocator.FindNearest(_root) is not null)
        {
            return;
        }

        Assert.False(CreateTask(required: true).Execute());
        var error = Assert.Single(_engine.Errors);
        Assert.Equal(("ALN0313", Path.Combine(ProjectDirectory, "Agent.csproj"), 1, 1), (error.Code, error.File, error.LineNumber, error.ColumnNumber));
    }

    [Fact]
    public void An_explicit_policy_file_that_does_not_exist_is_an_error()
    {
        WritePolicy("""{ "version": 1 }""");
        Assert.False(CreateTask(explicitFile: Path.Combine(_root, "policies", "strict.json")).Execute());
        Assert.Equal("ALN0313", Assert.Single(_engine.Errors).Code);
    }

    [Fact]
    public void An_unexpected_failure_is_ALN0300_at_the_project_not_a_stack_trace()
    {
        WritePolicy("""{ "version": 1 }""");
        var task = CreateTask();
        Directory.CreateDirectory(GlobalConfig); // the config path is taken by a folder: writing it throws

        Assert.False(task.Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal("ALN0300", error.Code);
        Assert.Equal(Path.Combine(ProjectDirectory, "Agent.csproj"), error.File);
        Assert.DoesNotContain("   at ", error.Message);
    }
}
