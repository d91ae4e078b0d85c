using System.Text.Json;

namespace AlignmentPolicy.RealRepos;

/// <summary>One repository of <c>tests/real-repos/repos.json</c>: where it is pinned, what is scanned, which set it is in.</summary>
internal sealed record RepoEntry(string Repo, string Commit, IReadOnlyList<string> Scan, string Stack, string Kind, string Set)
{
    /// <summary>The folder name of the repository in a mirror or extraction folder: <c>owner+name</c>.</summary>
    public string FolderName => Repo.Replace('/', '+');

    /// <summary>The label file's name: <c>owner+name.tsv</c>.</summary>
    public string LabelFileName => FolderName + ".tsv";

    /// <summary>A scanned subfolder as a repository-relative prefix ("" for the repository root).</summary>
    public static string Prefix(string subfolder)
    {
        var trimmed = subfolder.Trim('/');
        return trimmed is "." or "" ? "" : trimmed + "/";
    }
}

internal static class RepoList
{
    public static IReadOnlyList<RepoEntry> Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var entries = new List<RepoEntry>();
        foreach (var item in document.RootElement.GetProperty("repositories").EnumerateArray())
        {
            entries.Add(new RepoEntry(
                item.GetProperty("repo").GetString()!,
                item.GetProperty("commit").GetString()!,
                [.. item.GetProperty("scan").EnumerateArray().Select(s => s.GetString()!)],
                item.GetProperty("stack").GetString()!,
                item.GetProperty("kind").GetString()!,
                item.GetProperty("set").GetString()!));
        }

        var badSet = entries.FirstOrDefault(e => e.Set is not ("dev" or "heldout"));
        if (badSet is not null)
        {
            throw new InvalidDataException($"{path}: {badSet.Repo} has set '{badSet.Set}'; expected 'dev' or 'heldout'.");
        }

        return entries;
    }
}
