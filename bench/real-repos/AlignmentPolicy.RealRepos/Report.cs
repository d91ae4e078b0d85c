namespace AlignmentPolicy.RealRepos;

/// <summary>
/// Prints the scores: per set and rule, then per repository, then what needs a person (unlabelled warnings,
/// stale labels). Held-out details (which sites) are printed only with --heldout-details, so the output of
/// a default run can be shared with whoever works on the analyzers.
/// </summary>
internal static class Report
{
    public static void Print(IReadOnlyList<RepoScore> scores, bool heldoutDetails)
    {
        Console.WriteLine("Warnings: findings of level warning or error. Precision = TP / (TP + FP) over labelled warnings.");
        Console.WriteLine("Recall = found / due over the labelled recall sample ('info' = due sites reported only as information).");
        Console.WriteLine();
        Console.WriteLine($"{"set",-8} {"rule",-8} {"warn",5} {"TP",5} {"FP",5} {"unlab",5} {"prec",6} | {"due",5} {"found",5} {"info",5} {"miss",5} {"recall",6} | {"clean",5} {"warned",6}");
        foreach (var set in new[] { "dev", "heldout" })
        {
            var inSet = scores.Where(s => s.Repo.Set == set).ToList();
            var all = new Tally();
            foreach (var rule in Scorer.Rules)
            {
                var tally = new Tally();
                foreach (var score in inSet)
                {
                    tally.Add(score.ByRule[rule]);
                }

                all.Add(tally);
                if (tally.Warnings + tally.SampleDue + tally.SampleClean > 0)
                {
                    PrintRow(set, rule, tally);
                }
            }

            PrintRow(set, "all", all);
            Console.WriteLine();
        }

        Console.WriteLine("Per repository (all rules):");
        foreach (var score in scores.OrderBy(s => s.Repo.Set, StringComparer.Ordinal).ThenBy(s => s.Repo.Repo, StringComparer.Ordinal))
        {
            var all = new Tally();
            foreach (var tally in score.ByRule.Values)
            {
                all.Add(tally);
            }

            Console.WriteLine($"  {score.Repo.Set,-8} {score.Repo.Repo,-60} warn {all.Warnings,4}  TP {all.TruePositives,4}  FP {all.FalsePositives,4}  unlab {all.Unlabelled,4}  due {all.SampleDue,4}  found {all.SampleFound,4}");
        }

        Console.WriteLine();
        PrintUnlabelled(scores, heldoutDetails);
        PrintStale(scores, heldoutDetails);
    }

    private static void PrintRow(string set, string rule, Tally t)
        => Console.WriteLine($"{set,-8} {rule,-8} {t.Warnings,5} {t.TruePositives,5} {t.FalsePositives,5} {t.Unlabelled,5} {Scorer.Ratio(t.Precision),6} | {t.SampleDue,5} {t.SampleFound,5} {t.SampleInfoOnly,5} {t.SampleDue - t.SampleFound,5} {Scorer.Ratio(t.Recall),6} | {t.SampleClean,5} {t.SampleCleanWarned,6}");

    private static void PrintUnlabelled(IReadOnlyList<RepoScore> scores, bool heldoutDetails)
    {
        var total = scores.Sum(s => s.UnlabelledWarnings.Count);
        Console.WriteLine($"Unlabelled warnings: {total} (label them in tests/real-repos/labels/<owner+name>.tsv; rows below have label '?').");
        foreach (var score in scores.Where(s => s.UnlabelledWarnings.Count > 0))
        {
            if (score.Repo.Set == "heldout" && !heldoutDetails)
            {
                Console.WriteLine($"  {score.Repo.Repo} (held-out): {score.UnlabelledWarnings.Count}; run with --heldout-details to list them.");
                continue;
            }

            Console.WriteLine($"  {score.Repo.Repo} ({score.Repo.Set}) -> {score.Repo.LabelFileName}");
            foreach (var m in score.UnlabelledWarnings)
            {
                var key = m.Key ?? new SiteKey(m.Finding.Line, "?", "?", "?");
                Console.WriteLine($"{m.Finding.Rule}\t{m.Finding.Path}\t{key.Line}\t{key.Member}\t{key.Anchor}\t{key.Site}\t?\tno\t-\t{m.Finding.Message}");
            }
        }

        Console.WriteLine();
    }

    private static void PrintStale(IReadOnlyList<RepoScore> scores, bool heldoutDetails)
    {
        var total = scores.Sum(s => s.Stale.Count);
        if (total == 0)
        {
            return;
        }

        Console.WriteLine($"Stale labels (key does not point at the labelled code): {total}");
        foreach (var score in scores.Where(s => s.Stale.Count > 0))
        {
            if (score.Repo.Set == "heldout" && !heldoutDetails)
            {
                Console.WriteLine($"  {score.Repo.Repo} (held-out): {score.Stale.Count}");
                continue;
            }

            foreach (var (label, problem) in score.Stale)
            {
                Console.WriteLine($"  {score.Repo.LabelFileName}({label.SourceLine}): {label.Rule} {label.Path}:{label.Line} {label.Site}: {problem}");
            }
        }
    }
}
