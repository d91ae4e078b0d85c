using Microsoft.CodeAnalysis;

namespace AlignmentPolicy.RealRepos;

/// <summary>The extracted source of one repository, parsed on demand and once per file.</summary>
internal sealed class SourceFiles(string repositoryRoot)
{
    private readonly Dictionary<string, SyntaxTree?> _trees = new(StringComparer.Ordinal);

    public string Root => repositoryRoot;

    /// <summary>The parsed file at a repository-relative path, or null when it is not there.</summary>
    public SyntaxTree? Tree(string relativePath)
    {
        if (!_trees.TryGetValue(relativePath, out var tree))
        {
            var full = Path.Combine(repositoryRoot, relativePath);
            tree = File.Exists(full) ? SiteLocator.Parse(full) : null;
            _trees[relativePath] = tree;
        }

        return tree;
    }

    /// <summary>Every C# file under the scanned subfolders, as the scanner finds them (bin, obj and tool folders skipped).</summary>
    public IEnumerable<string> CSharpFiles(IEnumerable<string> subfolders)
    {
        foreach (var sub in subfolders)
        {
            var start = Path.Combine(repositoryRoot, RepoEntry.Prefix(sub));
            if (!Directory.Exists(start))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(start, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(repositoryRoot, file).Replace('\\', '/');
                if (!relative.Split('/').Any(IsSkipped))
                {
                    yield return relative;
                }
            }
        }
    }

    // The scanner's skipped folders (ProjectDiscovery.IsSkippedFolder).
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj", ".git", ".vs", ".idea", "node_modules", "artifacts", "TestResults" };

    private static bool IsSkipped(string segment) => Skipped.Contains(segment);
}
