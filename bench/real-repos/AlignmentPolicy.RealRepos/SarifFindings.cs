using System.Text.Json;

namespace AlignmentPolicy.RealRepos;

/// <summary>One result of an <c>alignment-policy scan --sarif</c> run, with its path relative to the repository root.</summary>
internal sealed record Finding(string Rule, string Level, string Path, int Line, int Column, string Message)
{
    /// <summary>What a user sees as a warning: warnings and errors (informational findings are not).</summary>
    public bool IsWarning => Level is "warning" or "error";
}

internal static class SarifFindings
{
    /// <summary>Reads a SARIF file written for one scanned subfolder; paths are made relative to the repository root.</summary>
    public static IReadOnlyList<Finding> Load(string sarifPath, string subfolderPrefix)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(sarifPath));
        var findings = new List<Finding>();
        foreach (var run in document.RootElement.GetProperty("runs").EnumerateArray())
        {
            foreach (var result in run.GetProperty("results").EnumerateArray())
            {
                var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
                var uri = Uri.UnescapeDataString(location.GetProperty("artifactLocation").GetProperty("uri").GetString()!);
                var region = location.GetProperty("region");
                findings.Add(new Finding(
                    result.GetProperty("ruleId").GetString()!,
                    result.TryGetProperty("level", out var level) ? level.GetString()! : "warning",
                    subfolderPrefix + uri,
                    region.GetProperty("startLine").GetInt32(),
                    region.TryGetProperty("startColumn", out var column) ? column.GetInt32() : 1,
                    result.GetProperty("message").GetProperty("text").GetString()!));
            }
        }

        return findings;
    }
}
