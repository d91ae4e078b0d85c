using System.Text.RegularExpressions;

namespace AlignmentPolicy.Cli.Scanning;

/// <summary>
/// Finds what to compile under a folder without MSBuild: project folders (a <c>.csproj</c>), file-based
/// apps (<c>#:package</c> lines, no project) and loose files. Build output and committed <c>obj/</c>
/// folders (generated code) are skipped, as are VCS and package folders.
/// </summary>
internal static partial class ProjectDiscovery
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", ".git", ".vs", ".idea", "node_modules", "artifacts", "TestResults",
    };

    [GeneratedRegex(@"<PackageReference\s+[^>]*?Include\s*=\s*""(?<id>[^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex PackageReference();

    [GeneratedRegex(@"<ImplicitUsings>\s*(?<value>[^<\s]+)\s*</ImplicitUsings>", RegexOptions.IgnoreCase)]
    private static partial Regex ImplicitUsingsProperty();

    [GeneratedRegex(@"<OutputType>\s*(?<value>[^<\s]+)\s*</OutputType>", RegexOptions.IgnoreCase)]
    private static partial Regex OutputTypeProperty();

    [GeneratedRegex(@"<IsAgentProject>\s*(?<value>[^<\s]+)\s*</IsAgentProject>", RegexOptions.IgnoreCase)]
    private static partial Regex IsAgentProjectProperty();

    [GeneratedRegex(@"^#:(?<kind>package|sdk|property|project)\s+(?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex FileBasedDirective();

    /// <summary>Whether a folder is never scanned (build output, generated code, tooling).</summary>
    public static bool IsSkippedFolder(string name) => SkippedFolders.Contains(name);

    public static IReadOnlyList<ScanProject> Discover(string root)
    {
        root = Path.GetFullPath(root);
        var projectFolders = new List<(string Folder, string ProjectFile)>();
        var csFiles = new List<string>();
        Walk(root, projectFolders, csFiles);

        var projects = new List<ScanProject>();
        var owned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (folder, projectFile) in projectFolders.OrderByDescending(p => p.Folder.Length))
        {
            var sources = csFiles.Where(f => !owned.Contains(f) && IsUnder(f, folder)).Order(StringComparer.Ordinal).ToList();
            owned.UnionWith(sources);
            projects.Add(FromProjectFile(folder, projectFile, sources));
        }

        var loose = new List<string>();
        foreach (var file in csFiles.Where(f => !owned.Contains(f)).Order(StringComparer.Ordinal))
        {
            var directives = FileBasedDirective().Matches(ReadHead(file));
            if (directives.Count > 0)
            {
                var packages = directives.Where(d => d.Groups["kind"].Value == "package").Select(d => d.Groups["value"].Value.Split('@')[0]).ToList();
                projects.Add(new ScanProject(ScanProjectKind.FileBasedApp, Path.GetDirectoryName(file)!, null, [file], packages, ImplicitUsings: true, IsExecutable: true, null));
            }
            else
            {
                loose.Add(file);
            }
        }

        foreach (var group in loose.GroupBy(f => Path.GetDirectoryName(f)!, StringComparer.Ordinal))
        {
            projects.Add(new ScanProject(ScanProjectKind.LooseFiles, group.Key, null, [.. group], [], ImplicitUsings: false, IsExecutable: false, null));
        }

        return projects.OrderBy(p => p.DisplayPath, StringComparer.Ordinal).ToList();
    }

    private static void Walk(string folder, List<(string, string)> projectFolders, List<string> csFiles)
    {
        var projectFile = Directory.EnumerateFiles(folder, "*.csproj").Order(StringComparer.Ordinal).FirstOrDefault();
        if (projectFile is not null)
        {
            projectFolders.Add((folder, projectFile));
        }

        csFiles.AddRange(Directory.EnumerateFiles(folder, "*.cs"));
        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(sub);
            if (!IsSkippedFolder(name) && !new DirectoryInfo(sub).Attributes.HasFlag(FileAttributes.ReparsePoint))
            {
                Walk(sub, projectFolders, csFiles);
            }
        }
    }

    private static ScanProject FromProjectFile(string folder, string projectFile, List<string> sources)
    {
        var text = File.ReadAllText(projectFile);
        var props = InheritedProps(folder);
        var packages = PackageReference().Matches(text).Concat(PackageReference().Matches(props)).Select(m => m.Groups["id"].Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var implicitUsings = LastValue(ImplicitUsingsProperty(), props + text) is { } iu && (iu.Equals("enable", StringComparison.OrdinalIgnoreCase) || iu.Equals("true", StringComparison.OrdinalIgnoreCase));
        var isExe = LastValue(OutputTypeProperty(), props + text) is { } ot && ot.Contains("exe", StringComparison.OrdinalIgnoreCase);
        bool? isAgent = LastValue(IsAgentProjectProperty(), props + text) is { } ia ? ia.Equals("true", StringComparison.OrdinalIgnoreCase) : null;
        return new ScanProject(ScanProjectKind.Project, folder, projectFile, sources, packages, implicitUsings, isExe, isAgent);
    }

    /// <summary>Directory.Build.props files above the project, outermost first, as MSBuild would import them (approximately).</summary>
    private static string InheritedProps(string folder)
    {
        var chain = new List<string>();
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var props = Path.Combine(dir.FullName, "Directory.Build.props");
            if (File.Exists(props))
            {
                chain.Insert(0, File.ReadAllText(props));
            }
        }

        return string.Concat(chain);
    }

    private static string? LastValue(Regex property, string text)
        => property.Matches(text).LastOrDefault()?.Groups["value"].Value;

    private static string ReadHead(string file)
    {
        using var reader = new StreamReader(file);
        var buffer = new char[8192];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        return new string(buffer, 0, read);
    }

    private static bool IsUnder(string file, string folder)
        => file.StartsWith(folder.EndsWith(Path.DirectorySeparatorChar) ? folder : folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
