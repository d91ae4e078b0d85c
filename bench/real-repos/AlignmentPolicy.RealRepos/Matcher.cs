namespace AlignmentPolicy.RealRepos;

/// <summary>A finding with the site it was reported at and the label that site has, if any.</summary>
internal sealed record MatchedFinding(Finding Finding, SiteKey? Key, Label? Label);

/// <summary>
/// Matches findings to labels: same rule and path, and the same anchor line and site token; when the
/// analyzer reports at another token of the same anchor, the anchor line alone decides if it holds one
/// label of that rule. Labels are checked against the source (anchor hash, member) so a stale key is said.
/// </summary>
internal sealed class Matcher
{
    private readonly IReadOnlyList<Label> _labels;
    private readonly SourceFiles _sources;
    private readonly Dictionary<(string Rule, string Path, int Line), List<Label>> _byAnchor;

    public Matcher(IReadOnlyList<Label> labels, SourceFiles sources)
    {
        _labels = labels;
        _sources = sources;
        _byAnchor = labels.GroupBy(l => (l.Rule, l.Path, l.Line)).ToDictionary(g => g.Key, g => g.ToList());
    }

    public MatchedFinding Match(Finding finding)
    {
        var tree = _sources.Tree(finding.Path);
        if (tree is null)
        {
            return new MatchedFinding(finding, null, null);
        }

        var key = SiteLocator.Locate(tree, finding.Line, finding.Column);
        if (!_byAnchor.TryGetValue((finding.Rule, finding.Path, key.Line), out var candidates))
        {
            return new MatchedFinding(finding, key, null);
        }

        var label = candidates.FirstOrDefault(l => l.Site == key.Site) ?? (candidates.Count == 1 ? candidates[0] : null);
        return new MatchedFinding(finding, key, label);
    }

    /// <summary>Labels whose key no longer points at code with their anchor hash and member (wrong commit, mistyped key).</summary>
    public IEnumerable<(Label Label, string Problem)> StaleLabels()
    {
        foreach (var label in _labels)
        {
            var tree = _sources.Tree(label.Path);
            if (tree is null)
            {
                yield return (label, "file not found");
                continue;
            }

            var siteName = label.Site.Split('#')[0];
            var found = tree.GetRoot().DescendantTokens(descendIntoTrivia: true)
                .Where(t => t.ValueText == siteName)
                .Select(SiteLocator.Locate)
                .Any(k => k.Line == label.Line && k.Site == label.Site && k.Anchor == label.Anchor && k.Member == label.Member);
            if (!found)
            {
                yield return (label, "no token '" + label.Site + "' with this anchor line, hash and member");
            }
        }
    }
}
