using System.Diagnostics;

namespace AlignmentPolicy.EndToEnd.Tests.Infrastructure;

/// <summary>Runs git, for tests that start from a clean clone of a consumer repository.</summary>
internal static class Git
{
    public static async Task<ProcessResult> RunAsync(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new ProcessResult(process.ExitCode, await output + await error);
    }
}
