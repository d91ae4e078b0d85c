namespace AlignmentPolicy.Analyzers.Corpus.Tests;

/// <summary>
/// One compilation of the corpus: a top-level file on its own, or a sub-folder whose files share
/// registrations (DI in one file, the injected client in another) compiled together.
/// </summary>
internal sealed record CorpusUnit(string Name, IReadOnlyList<string> RelativePaths)
{
    public override string ToString() => Name;

    public static IReadOnlyList<CorpusUnit> Discover(string corpusRoot)
    {
        var units = new List<CorpusUnit>();
        foreach (var file in Directory.GetFiles(corpusRoot, "*.cs").Order(StringComparer.Ordinal))
        {
            units.Add(new CorpusUnit(Path.GetFileName(file), [Relative(corpusRoot, file)]));
        }

        foreach (var folder in Directory.GetDirectories(corpusRoot).Order(StringComparer.Ordinal))
        {
            var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f => Relative(corpusRoot, f)).ToList();
            if (files.Count > 0)
            {
                units.Add(new CorpusUnit(Path.GetFileName(folder) + "/", files));
            }
        }

        return units;
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
