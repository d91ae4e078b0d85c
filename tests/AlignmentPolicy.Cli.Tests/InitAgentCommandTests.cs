namespace AlignmentPolicy.Cli.Tests;

/// <summary><c>alignment-policy init --agent &lt;project&gt;</c> writes the entry point the ALN0008 code fix adds.</summary>
public class InitAgentCommandTests
{
    private const string ProjectFile = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.Extensions.AI" Version="10.11.0" />
            <PackageReference Include="AlignmentPolicy.Gates" Version="0.1.0" />
          </ItemGroup>
        </Project>
        """;

    private const string GatedAgent = """
        using AlignmentPolicy.Gates;
        using Microsoft.Extensions.AI;

        namespace Contoso.Support;

        public sealed class SupportAgent(IChatClient model)
        {
            public const string SystemPrompt = "You are Contoso's support agent.";

            private readonly IChatClient _client = model.AsBuilder()
                .ConfigureOptions(o => o.Instructions = SystemPrompt)
                .UsePolicyGate()
                .UseFunctionInvocation()
                .UseLogging()
                .Build();

            public Task<ChatResponse> AskAsync(string question) => _client.GetResponseAsync(question);
        }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("ap-init-agent-").FullName;

    private string Project => Path.Combine(_directory, "Support.csproj");

    [Fact]
    public void Writes_the_entry_point_from_the_projects_pipeline_and_a_second_run_has_nothing_to_do()
    {
        Write(ProjectFile, ("SupportAgent.cs", GatedAgent));

        var (exitCode, output, error) = CliRunner.Run("init", "--agent", Project);

        Assert.True(exitCode == 0, error);
        var file = Path.Combine(_directory, "EvalEntryPoint.cs");
        Assert.Contains($"Wrote {file}, built from the pipeline in SupportAgent.cs, line 15", output);
        var text = File.ReadAllText(file);
        Assert.Contains("namespace Contoso.Support;", text);
        Assert.Contains("[AlignmentEvalEntryPoint]\n    public static IChatClient BuildForEvaluation(IChatClient model, EvalEnvironment environment)", text);
        Assert.Contains("o.Instructions = SupportAgent.SystemPrompt;\n                o.Tools = [.. environment.Tools];", text);
        Assert.Contains(".UsePolicyGate(options => options.ApprovalService = environment.Approvals)\n            .UseFunctionInvocation()\n            .Build();", text);
        Assert.Contains("// Left out of the copy: UseLogging()", text);
        Assert.DoesNotContain("_client", text);

        var again = CliRunner.Run("init", "--agent", Project);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already has an evaluation entry point: EvalEntryPoint.BuildForEvaluation(IChatClient, EvalEnvironment)", again.Output);
        Assert.Equal(text, File.ReadAllText(file));
    }

    [Fact]
    public void Without_a_pipeline_to_copy_it_writes_a_template_that_says_what_to_complete()
    {
        Write(ProjectFile, ("SupportAgent.cs", """
            using Microsoft.Extensions.AI;

            namespace Contoso.Support;

            public sealed class SupportAgent(IChatClient chat)
            {
                public Task<ChatResponse> AskAsync(string question) => chat.GetResponseAsync(question);
            }
            """));

        var (exitCode, output, error) = CliRunner.Run("init", "--agent", Project);

        Assert.True(exitCode == 0, error);
        Assert.Contains("a template (no pipeline or agent could be copied)", output);
        var text = File.ReadAllText(Path.Combine(_directory, "EvalEntryPoint.cs"));
        Assert.Contains("// o.Instructions = ...;  // TODO: the agent's real system prompt", text);
        Assert.Contains("// .UsePolicyGate(options => options.ApprovalService = environment.Approvals)  // TODO: the agent's real gates", text);
    }

    [Fact]
    public void A_name_the_project_already_uses_is_not_taken()
    {
        Write(ProjectFile, ("SupportAgent.cs", GatedAgent), ("EvalEntryPoint.cs", "namespace Contoso.Support;\n\npublic static class EvalEntryPoint { }\n"));

        var (exitCode, output, error) = CliRunner.Run("init", "--agent", Project);

        Assert.True(exitCode == 0, error);
        Assert.Contains("internal static class AgentEvalEntryPoint", File.ReadAllText(Path.Combine(_directory, "AgentEvalEntryPoint.cs")));
        Assert.Equal("namespace Contoso.Support;\n\npublic static class EvalEntryPoint { }\n", File.ReadAllText(Path.Combine(_directory, "EvalEntryPoint.cs")));
        Assert.Contains("AgentEvalEntryPoint.cs", output);
    }

    [Fact]
    public void A_project_without_AlignmentPolicy_Gates_is_told_to_add_it_and_nothing_is_written()
    {
        Write(ProjectFile.Replace("""<PackageReference Include="AlignmentPolicy.Gates" Version="0.1.0" />""", ""), ("SupportAgent.cs", GatedAgent));

        var (exitCode, _, error) = CliRunner.Run("init", "--agent", Project);

        Assert.Equal(1, exitCode);
        Assert.Contains("does not reference AlignmentPolicy.Gates", error);
        Assert.Contains($"dotnet add \"{Project}\" package AlignmentPolicy.Gates", error);
        Assert.False(File.Exists(Path.Combine(_directory, "EvalEntryPoint.cs")));
    }

    [Theory]
    [InlineData("AlignmentPolicy.Gates.AgentFramework")]
    [InlineData("AlignmentPolicy.Gates.SemanticKernel")]
    public void The_runtime_package_of_another_stack_counts_before_restore(string package)
    {
        // Each stack's package brings AlignmentPolicy.Gates, which declares the entry point's attribute and environment.
        Write(ProjectFile.Replace("""<PackageReference Include="AlignmentPolicy.Gates" Version="0.1.0" />""", $"""<PackageReference Include="{package}" Version="0.1.0" />"""), ("SupportAgent.cs", GatedAgent));

        var (exitCode, _, error) = CliRunner.Run("init", "--agent", Project);

        Assert.True(exitCode == 0, error);
        Assert.True(File.Exists(Path.Combine(_directory, "EvalEntryPoint.cs")));
    }

    [Fact]
    public void A_reference_that_arrives_through_another_package_counts_when_the_project_is_restored()
    {
        Write(ProjectFile.Replace("""<PackageReference Include="AlignmentPolicy.Gates" Version="0.1.0" />""", """<PackageReference Include="Contoso.AgentKit" Version="1.0.0" />"""), ("SupportAgent.cs", GatedAgent));
        Directory.CreateDirectory(Path.Combine(_directory, "obj"));
        File.WriteAllText(Path.Combine(_directory, "obj", "project.assets.json"), """
            { "version": 3, "libraries": { "Contoso.AgentKit/1.0.0": { "type": "package" }, "AlignmentPolicy.Gates/0.1.0": { "type": "package" } } }
            """);

        var (exitCode, _, error) = CliRunner.Run("init", "--agent", Project);

        Assert.True(exitCode == 0, error);
        Assert.True(File.Exists(Path.Combine(_directory, "EvalEntryPoint.cs")));
    }

    [Fact]
    public void A_marked_method_the_harness_cannot_call_is_reported_instead_of_adding_a_second()
    {
        Write(ProjectFile, ("SupportAgent.cs", GatedAgent), ("Evaluation.cs", """
            using AlignmentPolicy.Gates;
            using Microsoft.Extensions.AI;

            namespace Contoso.Support;

            public class Evaluation
            {
                [AlignmentEvalEntryPoint]
                public IChatClient Build(IChatClient model, EvalEnvironment environment) => model;
            }
            """));

        var (exitCode, _, error) = CliRunner.Run("init", "--agent", Project);

        Assert.Equal(1, exitCode);
        Assert.Contains("'Evaluation.Build(IChatClient, EvalEnvironment)': it is not static", error);
        Assert.False(File.Exists(Path.Combine(_directory, "EvalEntryPoint.cs")));
    }

    [Fact]
    public void Usage_errors_are_exit_code_2()
    {
        Write(ProjectFile, ("SupportAgent.cs", GatedAgent));

        Assert.Equal(2, CliRunner.Run("init", "--agent", Path.Combine(_directory, "Missing.csproj")).ExitCode);
        Assert.Equal(2, CliRunner.Run("init", "--agent", Path.Combine(_directory, "SupportAgent.cs")).ExitCode);
        var both = CliRunner.Run("init", _directory, "--agent", Project);
        Assert.Equal(2, both.ExitCode);
        Assert.Contains("not both", both.Error);
        Assert.False(File.Exists(Path.Combine(_directory, "EvalEntryPoint.cs")));
        Assert.False(File.Exists(Path.Combine(_directory, "alignment-policy.json")));
    }

    private void Write(string project, params (string Name, string Text)[] sources)
    {
        File.WriteAllText(Project, project);
        foreach (var (name, text) in sources)
        {
            File.WriteAllText(Path.Combine(_directory, name), text);
        }
    }
}
