using System.Diagnostics;

namespace AlignmentPolicy.Cli.Tests.Report;

/// <summary>
/// Chromium from the distribution's packages (eng/install-chromium.sh), run headless with a fresh profile and nothing
/// that reaches the network on its own (no component updates, sync, background networking or QUIC).
/// </summary>
internal static class HeadlessChromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"];

    /// <summary>The browser: $CHROMIUM, else the first of the usual names on the PATH; null when there is none.</summary>
    public static string? Path { get; } = Find();

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("CHROMIUM") is { Length: > 0 } configured && File.Exists(configured))
        {
            return configured;
        }

        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return Names.SelectMany(name => folders.Select(folder => System.IO.Path.Combine(folder, name))).FirstOrDefault(File.Exists);
    }

    /// <summary>Runs the browser on a page with extra switches (<c>--dump-dom</c>, <c>--screenshot=...</c>); returns what it printed.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string page, params string[] switches)
    {
        var profile = Directory.CreateTempSubdirectory("ap-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Path ?? throw new InvalidOperationException("Chromium is not installed."))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--hide-scrollbars", $"--user-data-dir={profile}", .. switches, new Uri(page).AbsoluteUri])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not finish within 90 s: {await error}");
            }

            return (process.ExitCode, await output, await error);
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}

/// <summary>A fact that is skipped, with the reason, where Chromium is not installed.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (HeadlessChromium.Path is null)
        {
            Skip = "Chromium is not installed (no chromium, chromium-browser or google-chrome on the PATH, and $CHROMIUM is unset): run eng/install-chromium.sh, which .ci/run does.";
        }
    }
}
