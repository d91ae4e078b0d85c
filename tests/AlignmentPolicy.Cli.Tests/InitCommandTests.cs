using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Cli.Tests;

public class InitCommandTests
{
    private readonly string _root = Directory.CreateTempSubdirectory("ap-init-").FullName;

    [Fact]
    public void Writes_a_starter_policy_and_its_schema_that_check_accepts()
    {
        var (exitCode, _, _) = CliRunner.Run("init", _root);

        Assert.Equal(0, exitCode);
        var policy = File.ReadAllText(Path.Combine(_root, "alignment-policy.json"));
        Assert.Contains("\"$schema\": \"./.alignment-policy/alignment-policy.schema.json\"", policy);
        Assert.Equal(PolicySchema.Text, File.ReadAllText(Path.Combine(_root, ".alignment-policy", "alignment-policy.schema.json")));
        Assert.Equal(0, CliRunner.Run("check", _root).ExitCode);
    }

    [Fact]
    public void Does_not_overwrite_a_policy_without_force()
    {
        var path = Path.Combine(_root, "alignment-policy.json");
        File.WriteAllText(path, """{ "version": 1 }""");

        var (exitCode, _, error) = CliRunner.Run("init", _root);
        Assert.Equal(1, exitCode);
        Assert.Contains("already exists", error);
        Assert.Equal("""{ "version": 1 }""", File.ReadAllText(path));

        Assert.Equal(0, CliRunner.Run("init", _root, "--force").ExitCode);
        Assert.Equal(StarterPolicy.Text, File.ReadAllText(path));
    }

    [Fact]
    public void Without_a_folder_it_writes_at_the_root_of_the_git_repository()
    {
        Directory.CreateDirectory(Path.Combine(_root, ".git"));
        var nested = Directory.CreateDirectory(Path.Combine(_root, "src", "Agent")).FullName;

        Assert.Equal(_root, Commands.InitCommand.FindRepositoryRoot(nested));
    }
}
