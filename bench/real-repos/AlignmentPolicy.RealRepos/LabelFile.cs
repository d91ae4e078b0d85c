namespace AlignmentPolicy.RealRepos;

/// <summary>Whether a warning is due at a site (ground truth per DESIGN.md, not what an analyzer does).</summary>
internal enum Verdict
{
    /// <summary>A warning is due: an unreported site is a false negative.</summary>
    Warn,

    /// <summary>No warning is due: a reported site is a false positive.</summary>
    Ok,
}

/// <summary>
/// One labelled site (a row of <c>tests/real-repos/labels/owner+name.tsv</c>). Key: rule, path, line, site
/// (see <see cref="SiteKey"/>); member and anchor check the key still points at the same code.
/// <see cref="Sample"/> marks rows of the recall sample (candidate sites enumerated per rule), as opposed
/// to rows added only because a scan reported them.
/// </summary>
internal sealed record Label(string Rule, string Path, int Line, string Member, string Anchor, string Site, Verdict Verdict, bool Sample, string Class, string Reason, int SourceLine)
{
    public const string Header = "# rule\tpath\tline\tmember\tanchor\tsite\tlabel\tsample\tclass\treason";

    public string ToRow() => string.Join('\t', Rule, Path, Line, Member, Anchor, Site, Verdict == Verdict.Warn ? "warn" : "ok", Sample ? "yes" : "no", Class, Reason);
}

internal static class LabelFile
{
    public static IReadOnlyList<Label> Load(string path)
    {
        var labels = new List<Label>();
        var lineNumber = 0;
        foreach (var raw in File.ReadLines(path))
        {
            lineNumber++;
            if (raw.Length == 0 || raw.StartsWith('#'))
            {
                continue;
            }

            var cells = raw.Split('\t');
            if (cells.Length != 10 || !int.TryParse(cells[2], out var line) || cells[6] is not ("warn" or "ok") || cells[7] is not ("yes" or "no"))
            {
                throw new InvalidDataException($"{path}({lineNumber}): expected 10 tab-separated cells: {Label.Header[2..]} (label warn|ok, sample yes|no).");
            }

            labels.Add(new Label(cells[0], cells[1], line, cells[3], cells[4], cells[5], cells[6] == "warn" ? Verdict.Warn : Verdict.Ok, cells[7] == "yes", cells[8], cells[9], lineNumber));
        }

        return labels;
    }
}
