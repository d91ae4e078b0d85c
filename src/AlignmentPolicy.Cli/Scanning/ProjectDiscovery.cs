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

    [GeneratedRegex(@"<Compile\s+[^>]*?Include\s*=\s*""(?<items>[^""]+)""", RegexOptions.IgnoreCase)]
    private static partial Regex CompileInclude();

    [GeneratedRegex(@"<EnableDefaultCompileItems>\s*false\s*</EnableDefaultCompileItems>", RegexOptions.IgnoreCase)]
    private static partial Regex DefaultCompileItemsOff();

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
        var linkedFiles = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (folder, projectFile) in projectFolders.OrderByDescending(p => p.Folder.Length))
        {
            var text = File.ReadAllText(projectFile);
            var sources = DefaultCompileItemsOff().IsMatch(text)
                ? []
                : csFiles.Where(f => !owned.Contains(f) && IsUnder(f, folder)).ToList();
            owned.UnionWith(sources);

            // Files linked from elsewhere (<Compile Include="../Shared/X.cs" />) belong to this project too.
            var linked = ExplicitCompileItems(folder, text).Where(File.Exists).ToList();
            linkedFiles.UnionWith(linked);
            projects.Add(FromProjectFile(folder, projectFile, text, [.. sources.Concat(linked).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]));
        }

        owned.UnionWith(linkedFiles);
        var loose = new List<string>();
        foreach (var file in csFiles.Where(f => !owned.Contains(f)).Order(StringComparer.Ordinal))
        {
            var directives = FileBasedDirective().Matches(ReadHead(file));
            if (directives.Count > 0)
            {
                var packages = directives.Where(d => d.Groups["kind"].Value == "package").Select(d => d.Groups["value"].Value.Split('@')[0]).ToList();
                projects.Add(new ScanProject(ScanProjectKind.FileBasedApp, Path.GetDirectoryName(file)!, null, [file], packages, ImplicitUsings: true, IsExecutable: true, null)
                {
                    GlobalUsings = ProjectUsings.Of("", implicitUsings: true, ScanSdk.Plain),
                });
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

    private static ScanProject FromProjectFile(string folder, string projectFile, string text, List<string> sources)
    {
        var props = InheritedProps(folder);
        var packages = PackageReference().Matches(text).Concat(PackageReference().Matches(props)).Select(m => m.Groups["id"].Value).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var implicitUsings = LastValue(ImplicitUsingsProperty(), props + text) is { } iu && (iu.Equals("enable", StringComparison.OrdinalIgnoreCase) || iu.Equals("true", StringComparison.OrdinalIgnoreCase));
        var isExe = LastValue(OutputTypeProperty(), props + text) is { } ot && ot.Contains("exe", StringComparison.OrdinalIgnoreCase);
        bool? isAgent = LastValue(IsAgentProjectProperty(), props + text) is { } ia ? ia.Equals("true", StringComparison.OrdinalIgnoreCase) : null;
        var sdk = SdkAttribute().Match(text) is { Success: true } m ? m.Groups["sdk"].Value : "";
        var hostSdk = sdk.StartsWith("Microsoft.NET.Sdk.Web", StringComparison.OrdinalIgnoreCase) || sdk.StartsWith("Microsoft.NET.Sdk.Razor", StringComparison.OrdinalIgnoreCase)
            ? ScanSdk.Web
            : sdk.StartsWith("Microsoft.NET.Sdk.Worker", StringComparison.OrdinalIgnoreCase) ? ScanSdk.Worker : ScanSdk.Plain;
        return new ScanProject(ScanProjectKind.Project, folder, projectFile, sources, packages, implicitUsings, isExe, isAgent)
        {
            Sdk = hostSdk,
            GlobalUsings = ProjectUsings.Of(props + text, implicitUsings, hostSdk),
        };
    }

    [GeneratedRegex(@"<Project\s+Sdk\s*=\s*""(?<sdk>[^""/]+)", RegexOptions.IgnoreCase)]
    private static partial Regex SdkAttribute();

    /// <summary>The files of <c>&lt;Compile Include&gt;</c> items, with <c>*</c> and <c>**</c> wildcards and the project-folder properties expanded.</summary>
    private static IEnumerable<string> ExplicitCompileItems(string folder, string projectText)
    {
        foreach (Match match in CompileInclude().Matches(projectText))
        {
            foreach (var raw in match.Groups["items"].Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var item = raw.Replace("$(MSBuildThisFileDirectory)", folder + "/", StringComparison.OrdinalIgnoreCase)
                    .Replace("$(MSBuildProjectDirectory)", folder, StringComparison.OrdinalIgnoreCase)
                    .Replace('\\', '/');
                if (item.Contains("$(", StringComparison.Ordinal) || !item.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var wildcard = item.IndexOf('*', StringComparison.Ordinal);
                if (wildcard < 0)
                {
                    yield return Path.GetFullPath(Path.Combine(folder, item));
                    continue;
                }

                var baseDir = Path.GetFullPath(Path.Combine(folder, item[..(item.LastIndexOf('/', wildcard) + 1)]));
                if (!Directory.Exists(baseDir))
                {
                    continue;
                }

                var pattern = new Regex("^" + Regex.Escape(Path.GetFullPath(Path.Combine(folder, item)).Replace('\\', '/'))
                    .Replace(@"\*\*/", "(?:.*/)?", StringComparison.Ordinal)
                    .Replace(@"\*", "[^/]*", StringComparison.Ordinal) + "$");
                foreach (var file in Directory.EnumerateFiles(baseDir, "*.cs", SearchOption.AllDirectories))
                {
                    var relative = Path.GetRelativePath(baseDir, file);
                    if (!relative.Split(Path.DirectorySeparatorChar).Any(IsSkippedFolder) && pattern.IsMatch(file.Replace('\\', '/')))
                    {
                        yield return file;
                    }
                }
            }
        }
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
