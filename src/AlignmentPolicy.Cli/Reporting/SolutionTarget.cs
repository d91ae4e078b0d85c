using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace AlignmentPolicy.Cli.Reporting;

/// <summary>
/// What a report covers: a folder (every project under it) or a solution (<c>.sln</c>, <c>.slnx</c>): the
/// projects it lists, found under its folder. The scan machinery works on folders; a solution narrows it.
/// </summary>
internal sealed partial record SolutionTarget(string Root, string DisplayName, IReadOnlySet<string>? ProjectFiles)
{
    [GeneratedRegex(@"^Project\(""\{[^}]+\}""\)\s*=\s*""[^""]*""\s*,\s*""(?<path>[^""]+\.csproj)""", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex SlnProject();

    /// <summary>Resolves a path; null with <paramref name="problem"/> set when it is neither a folder nor a readable solution.</summary>
    public static SolutionTarget? Resolve(string path, out string? problem)
    {
        problem = null;
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            return new SolutionTarget(full, Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar)), null);
        }

        if (!File.Exists(full))
        {
            problem = $"'{full}' is neither a folder nor a solution file.";
            return null;
        }

        var extension = Path.GetExtension(full).ToLowerInvariant();
        if (extension is not (".sln" or ".slnx"))
        {
            problem = $"'{full}' is not a solution (.sln or .slnx) or a folder.";
            return null;
        }

        var folder = Path.GetDirectoryName(full)!;
        IEnumerable<string> relative;
        try
        {
            var text = File.ReadAllText(full);
            relative = extension == ".sln"
                ? SlnProject().Matches(text).Select(m => m.Groups["path"].Value)
                : XDocument.Parse(text).Descendants("Project").Select(p => (string?)p.Attribute("Path")).OfType<string>().Where(p => p.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            problem = $"'{full}' cannot be read: {e.Message}";
            return null;
        }

        var projects = relative.Select(p => Path.GetFullPath(Path.Combine(folder, p.Replace('\\', Path.DirectorySeparatorChar)))).ToHashSet(StringComparer.Ordinal);
        return new SolutionTarget(folder, Path.GetFileName(full), projects);
    }

    /// <summary>Whether a scanned project belongs to the report.</summary>
    public bool Includes(Scanning.ScanProject project)
        => ProjectFiles is null || (project.ProjectFile is { } file && ProjectFiles.Contains(Path.GetFullPath(file)));
}
