using System.Diagnostics;
using System.Runtime.InteropServices;
using AlignmentPolicy.Cli;
using AlignmentPolicy.EndToEnd.Tests.Infrastructure;

namespace AlignmentPolicy.EndToEnd.Tests;

/// <summary>
/// Ctrl+C during `dotnet pack -p:AlignmentPolicyRunEvalsOnPack=true`: MSBuild cancels the pack gate, which stops the
/// real evaluation it started out of process. The signal goes to the pack process alone (as when CI stops a job by
/// its process id), so only the task's cancellation can stop the evaluation.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PackCancellationTests(PackageFeedFixture feed)
{
    private const int SigInt = 2;

    // Bounds on waits for things that must happen; not timing assertions.
    private static readonly TimeSpan s_deadline = TimeSpan.FromMinutes(2);

    [LinuxFact]
    public async Task Ctrl_C_during_an_evaluation_on_pack_stops_the_evaluation_and_packs_nothing()
    {
        var repo = new ConsumerRepository(feed);
        // A million samples per cell: the evaluation is still running when the pack is interrupted.
        repo.WritePolicy("""
            {
              "version": 1,
              "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": 0.25, "maxSamples": 1000000 } ] }
            }
            """);
        var project = repo.AddProject("GatedAgent", extraProperties: "<NoWarn>$(NoWarn);MEAI001</NoWarn>");
        repo.AddGatedEntryPoint(project);
        var build = await DotNet.RunAsync(repo.Root, "build", project, "-c", "Release", "-nodeReuse:false", "--disable-build-servers", "-p:UseSharedCompilation=false");
        Assert.True(build.ExitCode == 0, build.Output);

        var cli = typeof(CliApplication).Assembly.Location;
        var output = Directory.CreateDirectory(Path.Combine(repo.Root, "out")).FullName;
        var binlog = Path.Combine(repo.Root, "pack.binlog");
        Process? pack = null;
        var running = DotNet.RunAsync(repo.Root, p => pack = p,
            "pack", project, "-c", "Release", "--no-build", "-o", output, "-p:AlignmentPolicyRunEvalsOnPack=true", $"-p:AlignmentPolicyCliPath={cli}",
            "-nodeReuse:false", "--disable-build-servers", $"-bl:{binlog}");

        var evaluation = 0;
        Assert.True(SpinWait.SpinUntil(() => running.IsCompleted || (evaluation = FindEvaluation(cli, project)) != 0, s_deadline), "the evaluation did not start");
        Assert.False(running.IsCompleted, "the pack finished before it could be interrupted: " + (running.IsCompleted ? running.Result.Output : ""));
        Assert.Equal(0, kill(pack!.Id, SigInt));

        var result = BuildResult.Read(await running.WaitAsync(s_deadline), binlog);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(result.AlignmentErrors, e => e.Code == "ALN0205" && e.Message?.Contains("cancelled while the evaluations were running", StringComparison.Ordinal) == true);
        Assert.True(SpinWait.SpinUntil(() => !IsRunning(evaluation), s_deadline), $"the evaluation (process {evaluation}) is still running after the pack was cancelled");
        Assert.Empty(Directory.GetFiles(output, "*.nupkg", SearchOption.AllDirectories));
    }

    /// <summary>The process running 'alignment-policy eval' on <paramref name="project"/>, or 0.</summary>
    private static int FindEvaluation(string cli, string project)
    {
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), out var pid))
            {
                continue;
            }

            try
            {
                var arguments = File.ReadAllText(Path.Combine(folder, "cmdline")).Split('\0');
                if (arguments.Contains(cli) && arguments.Contains("eval") && arguments.Contains(project) && IsRunning(pid))
                {
                    return pid;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Exited while the list was read, or not ours to read.
            }
        }

        return 0;
    }

    // A killed process may stay a zombie until its parent reaps it: it is no longer running.
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].TrimStart()[0] is not ('Z' or 'X');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);
}

/// <summary>A fact that reads processes from /proc and signals them with kill(2).</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Reads processes from /proc and sends SIGINT with kill(2): Linux only.";
        }
    }
}
