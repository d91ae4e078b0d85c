using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Linq;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.FileSystem;
using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Core.Provenance;

/// <summary>
/// Turns the manifest's paths and globs into files inside the project folder. A path must stay inside
/// the project: lexically (no '..' escape, no absolute path elsewhere) and physically (every symbolic
/// link on the way is resolved, and the real file must still be inside the project's real folder).
/// </summary>
public sealed class DatasetPaths
{
    private static readonly PropertyInfo? s_linkTarget = typeof(FileSystemInfo).GetProperty("LinkTarget");
    private static readonly StringComparison s_comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
    private readonly ConcurrentDictionary<string, string> _realDirectories = new(StringComparer.Ordinal);

    /// <summary>Creates a resolver for the project whose manifest lives in <paramref name="projectDirectory"/>.</summary>
    public DatasetPaths(string projectDirectory)
    {
        ProjectDirectory = TrimSeparator(Path.GetFullPath(projectDirectory));
        RealProjectDirectory = RealPath(ProjectDirectory);
    }

    /// <summary>The project folder as given.</summary>
    public string ProjectDirectory { get; }

    /// <summary>The project folder with symbolic links resolved.</summary>
    public string RealProjectDirectory { get; }

    /// <summary>Returns null when a path or glob is well formed, otherwise what is wrong.</summary>
    public static string? CheckSyntax(string path)
    {
        if (path.Trim().Length == 0)
        {
            return "the path is empty";
        }

        foreach (var c in path)
        {
            if (c < ' ' || c == '<' || c == '>' || c == '|' || c == '"')
            {
                return $"the character '{(c < ' ' ? "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString())}' is not allowed in a path";
            }
        }

        foreach (var segment in path.Replace('\\', '/').Split('/'))
        {
            if (segment.Contains("**") && segment != "**")
            {
                return "'**' must be a whole path segment, as in 'data/**/*.jsonl'";
            }
        }

        return null;
    }

    /// <summary>Resolves one declared path or glob.</summary>
    public DatasetPathResolution Resolve(string declared)
    {
        var normalized = declared.Replace('\\', '/');
        var isGlob = normalized.IndexOf('*') >= 0 || normalized.IndexOf('?') >= 0;
        if (!isGlob)
        {
            var full = Path.GetFullPath(Path.Combine(ProjectDirectory, normalized));
            if (Escape(declared, full) is { } escape)
            {
                return DatasetPathResolution.Failed(escape, escapes: true);
            }

            var kind = FileKinds.Of(full);
            if (kind == FileKind.Directory)
            {
                return DatasetPathResolution.Failed("is a folder; declare its files with a glob such as \"" + DisplayText.Of(normalized.TrimEnd('/')) + "/**\"", escapes: false);
            }

            if (kind == FileKind.Missing)
            {
                return DatasetPathResolution.Failed("does not exist", escapes: false);
            }

            if (!FileKinds.MayOpen(kind))
            {
                return DatasetPathResolution.Unreadable(NotRegular(kind));
            }

            string real;
            try
            {
                real = RealPath(full);
            }
            catch (IOException ex)
            {
                return DatasetPathResolution.Unreadable(ex.Message);
            }

            if (!IsInside(real, RealProjectDirectory))
            {
                return DatasetPathResolution.Failed($"is a symbolic link to '{real}', outside the project folder '{RealProjectDirectory}'", escapes: true);
            }

            return DatasetPathResolution.Of(new[] { new ResolvedDatasetFile(Relative(full), full, real) });
        }

        // The fixed folders before the first wildcard are where the search starts.
        var segments = normalized.Split('/');
        var fixedSegments = new List<string>();
        foreach (var segment in segments)
        {
            if (segment.IndexOf('*') >= 0 || segment.IndexOf('?') >= 0)
            {
                break;
            }

            fixedSegments.Add(segment);
        }

        var baseDirectory = Path.GetFullPath(Path.Combine(ProjectDirectory, string.Join("/", fixedSegments)));
        if (Escape(declared, baseDirectory) is { } baseEscape)
        {
            return DatasetPathResolution.Failed(baseEscape, escapes: true);
        }

        var matches = new List<ResolvedDatasetFile>();
        var escapes = new List<string>();
        var unreadable = new List<string>();
        if (Directory.Exists(baseDirectory))
        {
            var pattern = PathPattern.Create(normalized.StartsWith("./", StringComparison.Ordinal) ? normalized.Substring(2) : normalized);
            foreach (var file in EnumerateFiles(baseDirectory))
            {
                var relative = Relative(file);
                if (!pattern.IsMatch(relative))
                {
                    continue;
                }

                // A link loop or a FIFO under a glob is reported, never opened or followed for ever.
                var kind = FileKinds.Of(file);
                if (!FileKinds.MayOpen(kind) || kind == FileKind.Missing)
                {
                    // Listed by the folder walk but missing when followed: a dangling symbolic link.
                    unreadable.Add($"'{DisplayText.Of(relative)}' is {(kind == FileKind.Missing ? "a symbolic link to a file that does not exist" : FileKinds.Describe(kind))}");
                    continue;
                }

                string real;
                try
                {
                    real = RealPath(file);
                }
                catch (IOException)
                {
                    unreadable.Add($"'{DisplayText.Of(relative)}' is {FileKinds.Describe(FileKind.SymbolicLinkLoop)}");
                    continue;
                }

                if (!IsInside(real, RealProjectDirectory))
                {
                    escapes.Add($"'{DisplayText.Of(relative)}' is a symbolic link to '{DisplayText.Of(real, 400)}', outside the project folder");
                    continue;
                }

                matches.Add(new ResolvedDatasetFile(relative, file, real));
            }
        }

        matches.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        if (escapes.Count > 0)
        {
            return new DatasetPathResolution(matches, "matches " + Summarize(escapes), escapes: true);
        }

        if (unreadable.Count > 0)
        {
            return new DatasetPathResolution(matches, "matches files that cannot be read: " + Summarize(unreadable) + "; dataset files must be regular files", escapes: false, unreadable: true);
        }

        return matches.Count == 0 ? DatasetPathResolution.Failed("matches no file", escapes: false) : DatasetPathResolution.Of(matches);
    }

    /// <summary>The path relative to the project folder, with '/' separators.</summary>
    public string Relative(string fullPath)
    {
        var relative = fullPath.Length > ProjectDirectory.Length ? fullPath.Substring(ProjectDirectory.Length + 1) : "";
        return relative.Replace('\\', '/');
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="directory"/> or below it.</summary>
    public static bool IsInside(string path, string directory)
    {
        directory = TrimSeparator(directory);
        return path.Length > directory.Length
            && path.StartsWith(directory, s_comparison)
            && (path[directory.Length] == Path.DirectorySeparatorChar || path[directory.Length] == Path.AltDirectorySeparatorChar);
    }

    /// <summary>The path with every symbolic link resolved (like realpath(3)); directories are cached.</summary>
    public string RealPath(string fullPath)
    {
        fullPath = TrimSeparator(fullPath);
        var parent = Path.GetDirectoryName(fullPath);
        if (parent is null)
        {
            return fullPath;
        }

        var realParent = _realDirectories.GetOrAdd(parent, RealPath);
        var candidate = Path.Combine(realParent, Path.GetFileName(fullPath));
        return ResolveLink(candidate, 0);
    }

    private string ResolveLink(string path, int hops)
    {
        var target = LinkTarget(path);
        if (target is null)
        {
            return path;
        }

        if (hops > 40)
        {
            throw new NotARegularFileException(path, FileKind.SymbolicLinkLoop);
        }

        var combined = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(Path.GetDirectoryName(path)!, target));
        var parent = Path.GetDirectoryName(combined);
        var realParent = parent is null ? null : _realDirectories.GetOrAdd(parent, RealPath);
        return ResolveLink(realParent is null ? combined : Path.Combine(realParent, Path.GetFileName(combined)), hops + 1);
    }

    private static string? LinkTarget(string path)
    {
        FileSystemInfo info = new FileInfo(path);
        try
        {
            if (((int)info.Attributes & (int)FileAttributes.ReparsePoint) == 0 || (int)info.Attributes == -1)
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // FileSystemInfo.LinkTarget exists from .NET 6; the .NET Framework MSBuild has no symbolic links to speak of.
        return s_linkTarget?.GetValue(info) as string;
    }

    private string? Escape(string declared, string full)
    {
        if (full == ProjectDirectory || IsInside(full, ProjectDirectory))
        {
            return null;
        }

        return Path.IsPathRooted(declared) || declared.StartsWith("/", StringComparison.Ordinal)
            ? $"is an absolute path outside the project folder '{ProjectDirectory}'; keep dataset files in the project and write paths relative to the manifest"
            : $"leaves the project folder through '..' (it resolves to '{full}'); keep dataset files in the project";
    }

    private IEnumerable<string> EnumerateFiles(string baseDirectory)
    {
        // bin/ and obj/ hold build outputs, copies of the data; they are never declared data. Linked folders
        // are followed (their files are then checked like any other), each real folder once, so cycles end.
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>();
        pending.Push(baseDirectory);
        while (pending.Count > 0)
        {
            var directory = pending.Pop();
            if (!visited.Add(RealPath(directory)))
            {
                continue;
            }

            string[] files;
            string[] directories;
            try
            {
                files = Directory.GetFiles(directory);
                directories = Directory.GetDirectories(directory);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var file in files)
            {
                yield return file;
            }

            foreach (var child in directories)
            {
                var name = Path.GetFileName(child);
                if (directory == ProjectDirectory && (name == "bin" || name == "obj"))
                {
                    continue;
                }

                pending.Push(child);
            }
        }
    }

    /// <summary>The first few problems and how many more: a glob over a large tree must not make a message of megabytes.</summary>
    private static string Summarize(List<string> problems)
        => string.Join("; ", problems.Take(5)) + (problems.Count > 5 ? $"; and {problems.Count - 5} more" : "");

    private static string NotRegular(FileKind kind) => $"is {FileKinds.Describe(kind)}, not a regular file; dataset files must be regular files";

    private static string TrimSeparator(string path)
        => path.Length > 1 && (path.EndsWith("/", StringComparison.Ordinal) || path.EndsWith("\\", StringComparison.Ordinal)) && !path.EndsWith(":\\", StringComparison.Ordinal)
            ? path.Substring(0, path.Length - 1)
            : path;
}

/// <summary>A file a declared path resolved to.</summary>
public sealed class ResolvedDatasetFile
{
    /// <summary>Creates the record.</summary>
    public ResolvedDatasetFile(string relativePath, string fullPath, string realPath)
    {
        RelativePath = relativePath;
        FullPath = fullPath;
        RealPath = realPath;
    }

    /// <summary>Relative to the project folder, '/' separators.</summary>
    public string RelativePath { get; }

    /// <summary>The path as written, made absolute.</summary>
    public string FullPath { get; }

    /// <summary>The path with symbolic links resolved (what is hashed).</summary>
    public string RealPath { get; }
}

/// <summary>What a declared path resolved to, or why it did not.</summary>
public sealed class DatasetPathResolution
{
    internal DatasetPathResolution(IReadOnlyList<ResolvedDatasetFile> files, string? problem, bool escapes, bool unreadable = false)
    {
        Files = files;
        Problem = problem;
        Escapes = escapes;
        IsUnreadable = unreadable;
    }

    /// <summary>The files found (may be partial when there is a problem).</summary>
    public IReadOnlyList<ResolvedDatasetFile> Files { get; }

    /// <summary>What is wrong, phrased to follow the path ("does not exist").</summary>
    public string? Problem { get; }

    /// <summary>The problem is a path that leaves the project.</summary>
    public bool Escapes { get; }

    /// <summary>The problem is a file that exists but must not be read: a FIFO, a device, a socket or a loop of symbolic links.</summary>
    public bool IsUnreadable { get; }

    internal static DatasetPathResolution Of(IReadOnlyList<ResolvedDatasetFile> files) => new(files, null, false);

    internal static DatasetPathResolution Failed(string problem, bool escapes) => new(new ResolvedDatasetFile[0], problem, escapes);

    internal static DatasetPathResolution Unreadable(string problem) => new(new ResolvedDatasetFile[0], problem, escapes: false, unreadable: true);
}
