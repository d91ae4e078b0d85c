using System.Diagnostics;
using System.Text.Json;

namespace AlignmentPolicy.Evals.Harness;

/// <summary>A built agent project: where its assembly and its intermediate folder are.</summary>
public sealed record BuiltProject(string ProjectPath, string Name, string TargetPath, string IntermediateDirectory)
{
    /// <summary>Where results go: <c>obj/alignment/evals/</c> of the project.</summary>
    public string ResultsDirectory => Path.Combine(IntermediateDirectory, "alignment", "evals");
}

/// <summary>Builds an agent project with the SDK (or just evaluates it with <c>--no-build</c>) and reads its paths.</summary>
public static class ProjectBuild
{
    public static async Task<BuiltProject> BuildAsync(string projectPath, string configuration, bool build, CancellationToken cancellationToken)
    {
        if (build)
        {
            await DotnetAsync(["build", projectPath, "-nologo", "-v:q", $"-p:Configuration={configuration}"], cancellationToken).ConfigureAwait(false);
        }

        // -getProperty only evaluates: it reads the paths, it does not build.
        var output = await DotnetAsync(["msbuild", projectPath, "-nologo", $"-p:Configuration={configuration}", "-getProperty:TargetPath", "-getProperty:BaseIntermediateOutputPath", "-getProperty:MSBuildProjectName"], cancellationToken).ConfigureAwait(false);
        var json = output[output.IndexOf('{', StringComparison.Ordinal)..];
        using var document = JsonDocument.Parse(json);
        var properties = document.RootElement.GetProperty("Properties");
        var projectDirectory = Path.GetDirectoryName(Path.GetFullPath(projectPath))!;
        string Get(string name) => properties.GetProperty(name).GetString() ?? "";
        // MSBuild's default is written "obj\" on every OS; a backslash is no separator on Linux.
        var intermediate = Get("BaseIntermediateOutputPath").Replace('\\', Path.DirectorySeparatorChar);
        return new BuiltProject(
            Path.GetFullPath(projectPath),
            Get("MSBuildProjectName"),
            Path.GetFullPath(Get("TargetPath"), projectDirectory),
            Path.GetFullPath(intermediate.Length == 0 ? "obj" : intermediate, projectDirectory));
    }

    private static async Task<string> DotnetAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start 'dotnet'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        var output = await stdout.ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'dotnet {string.Join(' ', arguments)}' failed (exit code {process.ExitCode}):\n{Tail(output + await stderr.ConfigureAwait(false))}");
        }

        return output;
    }

    private static string Tail(string text)
    {
        var lines = text.Split('\n').Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase)).Take(20).ToList();
        return lines.Count == 0 ? text[Math.Max(0, text.Length - 2000)..] : string.Join('\n', lines);
    }

    /// <summary>The agent projects under a folder (or the one project named), skipping tests, obj and bin.</summary>
    public static IReadOnlyList<string> Discover(string path)
    {
        if (File.Exists(path))
        {
            return [Path.GetFullPath(path)];
        }

        if (!Directory.Exists(path))
        {
            return [];
        }

        var direct = Directory.GetFiles(path, "*.csproj");
        if (direct.Length > 0)
        {
            return [.. direct.Select(Path.GetFullPath).Order(StringComparer.Ordinal)];
        }

        return [.. Directory.EnumerateFiles(path, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin" or "artifacts"))
            .Where(p => !Path.GetFileNameWithoutExtension(p).EndsWith(".Tests", StringComparison.OrdinalIgnoreCase))
            .Select(Path.GetFullPath)
            .Order(StringComparer.Ordinal)];
    }
}
