using System.Diagnostics;
using System.Runtime.InteropServices;

namespace AlignmentPolicy.Cli.Tests.Hostile;

/// <summary>
/// The command line against input that used to end the process: deep nesting runs in a child process, so that a
/// stack overflow (exit 134) fails this test instead of killing the test host; an unexpected exception in a verb is
/// one coded line; a FIFO where the policy belongs is an error, not a read that never returns.
/// </summary>
public sealed class HostileCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ap-cli-hostile-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Check_of_a_policy_with_a_deeply_nested_documentation_comment_id_exits_1_with_ALN0311_in_a_child_process()
    {
        var id = "M:Contoso.Pay.Charge(" + string.Concat(Enumerable.Repeat("G{", 1300)) + "T" + new string('}', 1300) + ")";
        var policy = Write("alignment-policy.json", "{ \"version\": 1,\n  \"sideEffects\": { \"custom\": { \"payments\": [\"" + id + "\"] } } }");

        var (exitCode, output) = await RunOutOfProcessAsync("check", policy);

        Assert.True(exitCode == 1, $"exit {exitCode}:\n{output[..Math.Min(2000, output.Length)]}");
        Assert.Contains($"{policy}(2,{46 + "M:Contoso.Pay.Charge(".Length + 65}): error ALN0311:", output);
    }

    [Fact]
    public async Task Check_of_JSON_nested_100000_deep_exits_1_with_ALN0301_in_a_child_process()
    {
        var policy = Write("alignment-policy.json", new string('[', 100_000) + new string(']', 100_000));

        var (exitCode, output) = await RunOutOfProcessAsync("check", policy);

        Assert.True(exitCode == 1, $"exit {exitCode}:\n{output[..Math.Min(2000, output.Length)]}");
        Assert.Contains($"{policy}(1,129): error ALN0301:", output);
    }

    [Fact]
    public async Task Provenance_check_of_a_licence_nested_100000_deep_exits_1_with_ALN0109_in_a_child_process()
    {
        var license = new string('(', 100_000) + "MIT" + new string(')', 100_000);
        var manifest = Write("datasets.provenance.json", "{ \"version\": 1, \"datasets\": [ { \"id\": \"kb\", \"purpose\": \"eval\", \"source\": { \"kind\": \"internal\" },\n\"license\": \"" + license + "\", \"files\": [ { \"path\": \"kb.jsonl\" } ] } ] }");
        Write("kb.jsonl", "{}");

        var (exitCode, output) = await RunOutOfProcessAsync("provenance", "check", manifest);

        Assert.True(exitCode == 1, $"exit {exitCode}:\n{output[..Math.Min(2000, output.Length)]}");
        Assert.Contains($"{manifest}(2,{12 + 1 + 32}): error ALN0109:", output);
    }

    [Fact]
    public void An_unexpected_exception_in_a_verb_is_one_ALN0300_line_naming_the_verb_the_step_and_the_file()
    {
        // The schema's folder is taken by a file: writing the schema throws.
        File.WriteAllText(Path.Combine(_root, ".alignment-policy"), "not a folder");

        var (exitCode, output, error) = CliRunner.Run("init", _root);

        Assert.Equal(CliApplication.UsageError, exitCode);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var schema = Path.Combine(_root, ".alignment-policy", "alignment-policy.schema.json");
        Assert.Contains($"error ALN0300: alignment-policy init stopped while writing '{schema}': ", line);
        Assert.DoesNotContain("   at ", error + output);
        Assert.DoesNotContain("Please report", error + output);
    }

    [Fact]
    public async Task Check_of_a_FIFO_policy_is_ALN0314_not_a_read_that_never_returns()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fifo = MakeFifo("alignment-policy.json");

        var (exitCode, output) = await RunWithDeadlineAsync("check", fifo);
        Assert.Equal(1, exitCode);
        Assert.Contains($"{fifo}(1,1): error ALN0314: The policy file '{fifo}' cannot be read: '{fifo}' is a named pipe (FIFO), not a regular file", output);
    }

    [Fact]
    public async Task Verify_of_a_FIFO_named_like_a_package_is_a_coded_error_not_a_read_that_never_returns()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var fifo = MakeFifo("Contoso.Agent.1.0.0.nupkg");

        var (exitCode, output) = await RunWithDeadlineAsync("verify", _root);
        Assert.Equal(1, exitCode);
        Assert.Contains($"{fifo}(1,1): error ALN0412:", output);
        Assert.Contains("named pipe (FIFO), not a regular file", output);
    }

    private string MakeFifo(string name)
    {
        var fifo = Path.Combine(_root, name);
        Assert.Equal(0, mkfifo(fifo, Convert.ToUInt32("644", 8)));
        return fifo;
    }

    /// <summary>Runs in process; a read that blocks for ever fails the test at the deadline instead of stalling the run.</summary>
    private static async Task<(int ExitCode, string Output)> RunWithDeadlineAsync(params string[] args)
    {
        var run = Task.Run(() => CliRunner.Run(args));
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60))));
        var (exitCode, output, _) = await run;
        return (exitCode, output);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, text);
        return path;
    }

    private async Task<(int ExitCode, string Output)> RunOutOfProcessAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = _root };
        start.ArgumentList.Add(typeof(CliApplication).Assembly.Location);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int mkfifo(string path, uint mode);
}
