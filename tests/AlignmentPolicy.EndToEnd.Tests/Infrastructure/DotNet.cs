using System.Diagnostics;
using System.Text;

namespace AlignmentPolicy.EndToEnd.Tests.Infrastructure;

/// <summary>Runs the real dotnet CLI, isolated from the MSBuild that runs the tests.</summary>
internal static class DotNet
{
    private static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromMinutes(5);

    public static Task<ProcessResult> RunAsync(string workingDirectory, params string[] args)
        => RunAsync(workingDirectory, DefaultTimeLimit, started: null, args);

    /// <summary>As above; <paramref name="started"/> gets the running process (to signal it, as a user's Ctrl+C would).</summary>
    public static Task<ProcessResult> RunAsync(string workingDirectory, Action<Process>? started, params string[] args)
        => RunAsync(workingDirectory, DefaultTimeLimit, started, args);

    /// <summary>As above, for a command that may take longer than five minutes (a solution's first restore and build).</summary>
    public static Task<ProcessResult> RunAsync(string workingDirectory, TimeSpan timeLimit, params string[] args)
        => RunAsync(workingDirectory, timeLimit, started: null, args);

    private static async Task<ProcessResult> RunAsync(string workingDirectory, TimeSpan timeLimit, Action<Process>? started, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // `dotnet test` exports MSBuild's own variables; a child build that inherits them can resolve the
        // wrong SDK or reuse the test's node. Users' builds start clean, and so do these.
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || key.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(key);
            }
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";

        using var process = Process.Start(start)!;
        started?.Invoke(process);
        var output = new StringBuilder();
        var outputTask = PumpAsync(process.StandardOutput, output);
        var errorTask = PumpAsync(process.StandardError, output);
        using var timeout = new CancellationTokenSource(timeLimit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} did not finish in {timeLimit.TotalMinutes} minutes:\n{output}");
        }

        await Task.WhenAll(outputTask, errorTask);
        return new ProcessResult(process.ExitCode, output.ToString());
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder sink)
    {
        string? line;
        while ((line = await reader.ReadLineAsync()) is not null)
        {
            lock (sink)
            {
                sink.AppendLine(line);
            }
        }
    }
}

internal sealed record ProcessResult(int ExitCode, string Output);
