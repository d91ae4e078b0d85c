using AlignmentPolicy.Core.Tests.Hostile;
using AlignmentPolicy.Tests.Infrastructure;

namespace AlignmentPolicy.Tasks.Tests;

/// <summary>
/// Ctrl+C during a pack that runs the evaluations (AlignmentPolicyRunEvalsOnPack): MSBuild calls Cancel on the task, the
/// evaluation is stopped with every process it started, and the task fails with ALN0205, never passing the gate, even
/// when passing results from an earlier run are on disk. The evaluation tool is a stand-in that never exits and starts
/// a child of its own, as the real one starts 'dotnet msbuild'.
/// </summary>
public sealed class EvaluationCancellationTests : IDisposable
{
    private const string Policy = """
        {
          "version": 1,
          "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": 0.05 } ] }
        }
        """;

    // Bounds on waits for things that must happen; a failure to happen shows as a failed assertion, not a stuck test.
    private static readonly TimeSpan s_deadline = TimeSpan.FromSeconds(60);

    private readonly string _root = Directory.CreateTempSubdirectory("ap-cancel-task-").FullName;
    private readonly RecordingBuildEngine _engine = new();

    public EvaluationCancellationTests()
    {
        File.WriteAllText(PolicyFile, Policy);
        File.WriteAllText(AssemblyFile, "MZ the agent");
        // Passing results of an earlier run: a cancelled pack must not fall back to them.
        ResultsFixture.Write(ResultsDirectory, AssemblyFile, PolicyFile, events: 0);
    }

    private string PolicyFile => Path.Combine(_root, "alignment-policy.json");

    private string AssemblyFile => Path.Combine(_root, "Agent.dll");

    private string ResultsDirectory => Path.Combine(_root, "obj", "alignment", "evals");

    // Written by the stand-in once it and its child run: "<its pid> <its child's pid>".
    private string PidsFile => Path.Combine(_root, "stand-in.pids");

    public void Dispose()
    {
        // A regression would leave the stand-in running: stop it here so one failure does not leak processes.
        foreach (var pid in Pids())
        {
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
            }
        }

        Directory.Delete(_root, recursive: true);
    }

    [UnixFact]
    public async Task Cancel_stops_a_running_evaluation_and_the_processes_it_started_and_the_gate_does_not_pass()
    {
        var gate = Gate(StandIn());
        var execution = Task.Run(gate.Execute);
        Assert.True(SpinWait.SpinUntil(() => File.Exists(PidsFile) || execution.IsCompleted, s_deadline), "the stand-in evaluation did not start");
        Assert.False(execution.IsCompleted, "the task returned before it was cancelled: " + string.Join("\n", _engine.Errors.Select(e => e.Message)));
        var pids = Pids();
        Assert.Equal(2, pids.Count);
        Assert.All(pids, pid => Assert.True(IsRunning(pid)));

        gate.Cancel();

        // WaitAsync throws TimeoutException if Execute does not return after Cancel.
        Assert.False(await execution.WaitAsync(s_deadline));
        var error = Assert.Single(_engine.Errors);
        Assert.Equal("ALN0205", error.Code);
        Assert.Contains("The build was cancelled while the evaluations were running", error.Message);
        Assert.Contains("nothing is packed", error.Message);
        Assert.DoesNotContain(_engine.Messages, m => m.Message?.StartsWith("Pack gate:", StringComparison.Ordinal) == true);
        foreach (var pid in pids)
        {
            Assert.True(SpinWait.SpinUntil(() => !IsRunning(pid), s_deadline), $"process {pid} of the evaluation is still running");
        }
    }

    [Fact]
    public void A_task_cancelled_before_it_runs_starts_no_evaluation_and_does_not_pass()
    {
        // Were the tool started, this path would be ALN0205 "could not be started" instead.
        var gate = Gate(Path.Combine(_root, "no-such-tool"));
        gate.Cancel();

        Assert.False(gate.Execute());
        var error = Assert.Single(_engine.Errors);
        Assert.Equal("ALN0205", error.Code);
        Assert.Contains("The build was cancelled before the pack gate ran", error.Message);
    }

    [UnixFact]
    public async Task An_evaluation_past_its_time_limit_is_stopped_with_the_processes_it_started()
    {
        var gate = Gate(StandIn());
        gate.EvalTimeoutSeconds = 5; // long enough for the stand-in to start its child and record both pids on a loaded machine

        Assert.False(await Task.Run(gate.Execute).WaitAsync(s_deadline));
        var error = Assert.Single(_engine.Errors);
        Assert.Equal("ALN0205", error.Code);
        Assert.Contains("did not finish within 5 s", error.Message);
        Assert.Contains("stopped, with every process they started", error.Message);
        var pids = Pids();
        Assert.Equal(2, pids.Count);
        foreach (var pid in pids)
        {
            Assert.True(SpinWait.SpinUntil(() => !IsRunning(pid), s_deadline), $"process {pid} of the evaluation is still running");
        }
    }

    private CheckEvaluationResults Gate(string? cli) => new()
    {
        BuildEngine = _engine,
        ProjectFullPath = Path.Combine(_root, "Agent.csproj"),
        PolicyFile = PolicyFile,
        AssemblyFile = AssemblyFile,
        ResultsDirectory = ResultsDirectory,
        RunEvals = cli is not null,
        CliPath = cli,
        EvalTimeoutSeconds = 3600,
    };

    /// <summary>An evaluation tool that never finishes: it starts a child that sleeps, records both pids, and waits.</summary>
    private string StandIn()
    {
        var script = Path.Combine(_root, "alignment-policy");
        File.WriteAllText(script, $"""
            #!/bin/sh
            sleep 3600 &
            echo "$$ $!" > "{PidsFile}.tmp" && mv "{PidsFile}.tmp" "{PidsFile}"
            wait
            """.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return script;
    }

    private List<int> Pids()
        => File.Exists(PidsFile) ? [.. File.ReadAllText(PidsFile).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(int.Parse)] : [];

    // A killed process whose parent is gone may stay a zombie until init reaps it: it is no longer running.
    private static bool IsRunning(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (File.Exists(stat))
        {
            try
            {
                var text = File.ReadAllText(stat);
                var state = text[(text.LastIndexOf(')') + 2)..].TrimStart()[0];
                return state is not ('Z' or 'X');
            }
            catch (IOException)
            {
                return false;
            }
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
