using System.Globalization;

namespace AlignmentPolicy.RealRepos;

/// <summary>Counts for one rule (or all rules) in one set of repositories.</summary>
internal sealed class Tally
{
    public int Warnings;
    public int TruePositives;
    public int FalsePositives;
    public int Unlabelled;
    public int SampleDue;
    public int SampleFound;
    public int SampleInfoOnly;
    public int SampleClean;
    public int SampleCleanWarned;

    public double? Precision => TruePositives + FalsePositives == 0 ? null : (double)TruePositives / (TruePositives + FalsePositives);

    public double? Recall => SampleDue == 0 ? null : (double)SampleFound / SampleDue;

    public void Add(Tally other)
    {
        Warnings += other.Warnings;
        TruePositives += other.TruePositives;
        FalsePositives += other.FalsePositives;
        Unlabelled += other.Unlabelled;
        SampleDue += other.SampleDue;
        SampleFound += other.SampleFound;
        SampleInfoOnly += other.SampleInfoOnly;
        SampleClean += other.SampleClean;
        SampleCleanWarned += other.SampleCleanWarned;
    }
}

/// <summary>What one repository's scan gave against its labels.</summary>
internal sealed record RepoScore(RepoEntry Repo, IReadOnlyDictionary<string, Tally> ByRule, IReadOnlyList<MatchedFinding> UnlabelledWarnings, IReadOnlyList<(Label Label, string Problem)> Stale, int FindingsOutsideSource);

internal static class Scorer
{
    /// <summary>The analyzer rules scored (ALN03xx and other build codes are not code findings).</summary>
    public static readonly string[] Rules = ["ALN0001", "ALN0002", "ALN0003", "ALN0004", "ALN0005", "ALN0006", "ALN0007", "ALN0100"];

    public static RepoScore Score(RepoEntry repo, IReadOnlyList<Finding> findings, IReadOnlyList<Label> labels, SourceFiles sources)
    {
        var matcher = new Matcher(labels, sources);
        var byRule = Rules.ToDictionary(r => r, _ => new Tally(), StringComparer.Ordinal);
        var warnedLabels = new HashSet<Label>();
        var infoLabels = new HashSet<Label>();
        var unlabelled = new List<MatchedFinding>();
        var outside = 0;
        foreach (var finding in findings.Where(f => byRule.ContainsKey(f.Rule)))
        {
            var matched = matcher.Match(finding);
            if (matched.Key is null)
            {
                outside++;
            }

            if (!finding.IsWarning)
            {
                if (matched.Label is { } infoLabel)
                {
                    infoLabels.Add(infoLabel);
                }

                continue;
            }

            var tally = byRule[finding.Rule];
            if (matched.Label is not { } label)
            {
                tally.Warnings++;
                tally.Unlabelled++;
                unlabelled.Add(matched);
            }
            else if (warnedLabels.Add(label))
            {
                // Two findings at one labelled site (the same tool reported twice) count once.
                tally.Warnings++;
                if (label.Verdict == Verdict.Warn)
                {
                    tally.TruePositives++;
                }
                else
                {
                    tally.FalsePositives++;
                }
            }
        }

        foreach (var label in labels.Where(l => l.Sample && byRule.ContainsKey(l.Rule)))
        {
            var tally = byRule[label.Rule];
            if (label.Verdict == Verdict.Warn)
            {
                tally.SampleDue++;
                if (warnedLabels.Contains(label))
                {
                    tally.SampleFound++;
                }
                else if (infoLabels.Contains(label))
                {
                    tally.SampleInfoOnly++;
                }
            }
            else
            {
                tally.SampleClean++;
                if (warnedLabels.Contains(label))
                {
                    tally.SampleCleanWarned++;
                }
            }
        }

        return new RepoScore(repo, byRule, unlabelled, [.. matcher.StaleLabels()], outside);
    }

    public static string Ratio(double? value) => value is { } v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "  -  ";
}
