using System;
using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Threading;

namespace AlignmentPolicy.Tasks;

/// <summary>How an out-of-process run ended.</summary>
internal enum RunEnd
{
    /// <summary>The tool exited by itself; its exit code is in <see cref="OutOfProcessRun.ExitCode"/>.</summary>
    Exited,
    /// <summary>The time limit passed; the tool and everything it started were stopped.</summary>
    TimedOut,
    /// <summary>The build was cancelled (Ctrl+C, a stopped CI job); the tool and everything it started were stopped.</summary>
    Cancelled,
}

/// <summary>
/// Runs a tool out of process for a task with its output captured, a time limit and cancellation. On either, the tool
/// is stopped together with every process it started (the evaluation harness runs 'dotnet msbuild' and may start
/// model servers), so nothing keeps running, or holds the output pipes open, after the build has moved on.
/// </summary>
internal sealed class OutOfProcessRun
{
    // After a kill, how long to wait for the process to be reaped; bounded so a process the kill missed cannot hang the build.
    private static readonly TimeSpan s_afterKill = TimeSpan.FromSeconds(10);

    // Process.Kill(bool entireProcessTree) exists from .NET Core 3.0 (the dotnet CLI's MSBuild); netstandard2.0 does not
    // declare it, so it is looked up. Visual Studio's .NET Framework MSBuild lacks it: taskkill /T stops the tree there.
    private static readonly MethodInfo? s_killTree = typeof(Process).GetMethod("Kill", new[] { typeof(bool) });

    private readonly StringBuilder _output = new();

    private OutOfProcessRun(RunEnd end, int exitCode)
    {
        End = end;
        ExitCode = exitCode;
    }

    /// <summary>How the run ended.</summary>
    public RunEnd End { get; private set; }

    /// <summary>The exit code when <see cref="End"/> is <see cref="RunEnd.Exited"/>.</summary>
    public int ExitCode { get; private set; }

    /// <summary>Standard output and error, interleaved as they arrived.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="start"/> (its output is redirected here) and waits for it, at most <paramref name="timeout"/>
    /// and until <paramref name="cancellation"/>. Not started at all when already cancelled. A tool that cannot be started
    /// throws <see cref="Win32Exception"/>, as <see cref="Process.Start()"/> does.
    /// </summary>
    public static OutOfProcessRun Run(ProcessStartInfo start, TimeSpan timeout, CancellationToken cancellation)
    {
        var run = new OutOfProcessRun(RunEnd.Cancelled, -1);
        if (cancellation.IsCancellationRequested)
        {
            return run;
        }

        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.CreateNoWindow = true;
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => run.Append(e.Data);
        process.ErrorDataReceived += (_, e) => run.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // Called on MSBuild's thread when the build is cancelled, or at once if it already was.
        using (cancellation.Register(() => KillTree(process)))
        {
            var exited = process.WaitForExit(Milliseconds(timeout));
            if (cancellation.IsCancellationRequested || !exited)
            {
                KillTree(process);
                process.WaitForExit((int)s_afterKill.TotalMilliseconds);
                run.End = cancellation.IsCancellationRequested ? RunEnd.Cancelled : RunEnd.TimedOut;
                return run;
            }
        }

        // Exited by itself: wait for the last of its output.
        process.WaitForExit();
        run.End = RunEnd.Exited;
        run.ExitCode = process.ExitCode;
        return run;
    }

    /// <summary>Stops <paramref name="process"/> and every process it started; nothing happens when it has already exited.</summary>
    internal static void KillTree(Process process)
    {
        try
        {
            if (s_killTree is not null)
            {
                s_killTree.Invoke(process, new object[] { true });
                return;
            }

            if (Environment.OSVersion.Platform == PlatformID.Win32NT)
            {
                using var taskkill = Process.Start(new ProcessStartInfo("taskkill", $"/T /F /PID {process.Id}") { UseShellExecute = false, CreateNoWindow = true });
                taskkill?.WaitForExit((int)s_afterKill.TotalMilliseconds);
            }

            process.Kill();
        }
        catch (TargetInvocationException e) when (e.InnerException is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already exited, or exiting while the tree was walked.
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
        }
    }

    private static int Milliseconds(TimeSpan timeout)
        => timeout.TotalMilliseconds >= int.MaxValue ? int.MaxValue : Math.Max(0, (int)timeout.TotalMilliseconds);

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
