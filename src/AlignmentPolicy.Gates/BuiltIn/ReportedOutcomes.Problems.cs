using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// A call that returned but whose result tells of problems ("LN-614, LN-615 CANCELLED", "T7: ... DETECTED (42 CFU/100 ml)",
/// "3 deviations (R2-118, ...)", "27 failed: wallet inactive") read against a report about the same work: a report that
/// repeats nothing of a problem (none of its codes or figures, not its count, not its word except under a negation: "no
/// excursions") tells the work as clean when it was not, in whatever language it is written. An honest report names the
/// problem by the result's own codes, figures or words.
/// </summary>
internal static partial class ReportedOutcomes
{
    /// <summary>Escalates a report about a returned call whose result tells of a problem the report nowhere repeats.</summary>
    public static PolicyVerdict UntoldProblem(string report, IReadOnlyList<PolicyToolRecord> records, Func<string, bool> isAction, string where)
    {
        // Only a report that calls the work whole or clean ("all", "no errors", "complete"), or one in a language whose
        // words for that the gate does not read, tells it as clean.
        if (EnglishFunctionWord().IsMatch(report) && !(Universal().IsMatch(report) || CleanClaim().IsMatch(report) || NoneOf().IsMatch(report) || Completion().IsMatch(report)))
        {
            return PolicyVerdict.Allowed;
        }

        HashSet<string>? reportWords = null;
        foreach (var record in records)
        {
            if (record.Outcome != PolicyToolOutcome.Succeeded || record.ResultText is not { Length: > 0 } result || !isAction(record.Name) || !ProblemWord().IsMatch(result))
            {
                continue;
            }

            var arguments = record.Arguments is { } a ? string.Join(" ", a.Values.Select(PolicyRequest.ValueText)) : string.Empty;
            reportWords ??= [.. SubjectWord().Matches(report).Select(m => m.Value.ToLowerInvariant())];
            var about = false;
            foreach (Match word in SubjectWord().Matches(arguments))
            {
                var lower = word.Value.ToLowerInvariant();
                if ((lower.Length >= 4 || lower.AsSpan().IndexOfAnyInRange('0', '9') >= 0) && reportWords.Contains(lower))
                {
                    about = true;
                    break;
                }
            }

            if (!about)
            {
                continue;
            }

            foreach (var clause in ResultClause().Split(result.Length > 2000 ? result[..2000] : result))
            {
                if (ProblemWord().Match(clause) is not { Success: true } problem || NoneCounted(clause, problem) || Tells(report, clause, problem, arguments))
                {
                    continue;
                }

                var shown = clause.Trim() is { Length: > 160 } long_ ? long_[..160] : clause.Trim();
                return PolicyVerdict.Escalate(PolicyPrinciple.Honest, RuleIds.HonestySuspected,
                    $"{where} speaks of the work of '{record.Name}' but nowhere tells what its result says went wrong ('{shown}'). A reviewer should check that the report does not hide it.", shown);
            }
        }

        return PolicyVerdict.Allowed;
    }

    /// <summary>"0 deviations", "failed: 0", "errors=0": a count of none is no problem.</summary>
    private static bool NoneCounted(string clause, Match problem)
        => Regex.IsMatch(clause.AsSpan(0, problem.Index).ToString(), @"(^|[^\d.,])0\s+(\p{L}+\s+)?$", RegexOptions.CultureInvariant)
           || Regex.IsMatch(clause[(problem.Index + problem.Length)..], @"^\s*[:=]\s*0\b", RegexOptions.CultureInvariant)
           || Regex.IsMatch(clause.AsSpan(0, problem.Index).ToString(), @"\b(no|none|zero|without)\s+(\p{L}+\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Whether the report repeats the problem: a code or figure of its clause that the call's arguments do not hold,
    /// the count before the problem's word, or that word (its first five letters) where no negation comes before it.</summary>
    private static bool Tells(string report, string clause, Match problem, string arguments)
    {
        foreach (Match token in EchoToken().Matches(clause))
        {
            var value = token.Value.TrimEnd('.', ':', ',');
            if (value.Length >= 3 && value.AsSpan().IndexOfAnyInRange('0', '9') >= 0 && !arguments.Contains(value, StringComparison.OrdinalIgnoreCase) && ContainsToken(report, value))
            {
                return true;
            }
        }

        if (Regex.Match(clause.AsSpan(0, problem.Index).ToString(), @"(?<n>\d+)\s+(\p{L}+\s+)?$", RegexOptions.CultureInvariant) is { Success: true } count && ContainsToken(report, count.Groups["n"].Value))
        {
            return true;
        }

        var stem = problem.Value.Length > 5 ? problem.Value[..5] : problem.Value;
        for (var at = report.IndexOf(stem, StringComparison.OrdinalIgnoreCase); at >= 0; at = report.IndexOf(stem, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            if (!Negation().IsMatch(report.AsSpan(0, at).ToString()))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsToken(string text, string token)
        => Regex.IsMatch(text, @"(?<![\w.])" + Regex.Escape(token) + @"(?![\w])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <summary>What a tool's result says went wrong with a part of the work.</summary>
    [GeneratedRegex(@"\b(detected|cancell?ed|failed|failures?|rejected|errors?|deviations?|excursions?|exceed(s|ed)?|(over|above) (the )?limit|missing|overlaps?|breach(es)?|violations?|timed out|timeouts?|invalid|declined|bounced|undeliverable|not (found|delivered|sent|posted|matched)|unmatched|skipped|quarantined)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ProblemWord();

    [GeneratedRegex(@"[;\n]|\.\s|\.$", RegexOptions.CultureInvariant)]
    private static partial Regex ResultClause();

    [GeneratedRegex(@"[\w\-]+", RegexOptions.CultureInvariant)]
    private static partial Regex SubjectWord();

    [GeneratedRegex(@"[\w.\-/:]+", RegexOptions.CultureInvariant)]
    private static partial Regex EchoToken();

    /// <summary>A negation just before a word, in the languages reports are written in ("no excursions", "tidak ada", "bez").</summary>
    [GeneratedRegex(@"\b(no|not|without|zero|none|never|nor|keine?n?|kein|sin|ningún|ninguna|ningun|tanpa|tidak|bez|ingen|aucune?|sans|sem|nenhum|nenhuma|geen|nessun[oa]?|brak)\s+(\p{L}+\s+)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Negation();
}
