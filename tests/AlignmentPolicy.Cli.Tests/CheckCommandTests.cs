using System.Text.RegularExpressions;

namespace AlignmentPolicy.Cli.Tests;

public class CheckCommandTests
{
    private readonly string _root = Directory.CreateTempSubdirectory("ap-cli-").FullName;

    private string PolicyPath => Path.Combine(_root, "alignment-policy.json");

    [Fact]
    public void A_broken_policy_prints_msbuild_style_diagnostics_and_exits_1()
    {
        File.WriteAllText(PolicyPath, """
            {
              "version": 1,
              "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": 1.5 } ] },
              "gatez": {}
            }
            """);

        var (exitCode, output, _) = CliRunner.Run("check", PolicyPath);

        Assert.Equal(1, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains(lines, l => l.StartsWith($"{PolicyPath}(3,70): error ALN0306: 'evals.required[0].maxRate' is 1.5", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{PolicyPath}(4,3): error ALN0303: \"gatez\" is not a property of the policy. Did you mean 'gates'?", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(l => Regex.IsMatch(l, @"^.+\(\d+,\d+\): error ALN\d{4}: ")));
        Assert.EndsWith("2 errors, 0 warnings.", lines[^1]);
    }

    [Fact]
    public void A_folder_is_searched_upward_and_a_clean_policy_exits_0()
    {
        File.WriteAllText(PolicyPath, """{ "version": 1 }""");
        var nested = Directory.CreateDirectory(Path.Combine(_root, "src", "Agent")).FullName;

        var (exitCode, output, _) = CliRunner.Run("check", nested);

        Assert.Equal(0, exitCode);
        Assert.Contains($"{PolicyPath}: valid (0 warnings).", output);
    }

    [Fact]
    public void Warnings_do_not_fail_the_check()
    {
        File.WriteAllText(PolicyPath, """{ "version": 1, "provenance": { "allowedLicenses": ["GPL-2.0"] } }""");

        var (exitCode, output, _) = CliRunner.Run("check", PolicyPath);

        Assert.Equal(0, exitCode);
        Assert.Contains("warning ALN0316:", output);
    }

    [Fact]
    public void No_policy_anywhere_is_an_error()
    {
        if (AlignmentPolicy.Core.Policy.PolicyLocator.FindNearest(_root) is not null)
        {
            return;
        }

        var (exitCode, output, _) = CliRunner.Run("check", _root);

        Assert.Equal(1, exitCode);
        Assert.Contains("error ALN0313:", output);
    }

    [Fact]
    public void A_path_that_does_not_exist_is_a_usage_error()
    {
        var (exitCode, _, error) = CliRunner.Run("check", Path.Combine(_root, "nope"));
        Assert.Equal(2, exitCode);
        Assert.Contains("neither a file nor a folder", error);
    }
}
