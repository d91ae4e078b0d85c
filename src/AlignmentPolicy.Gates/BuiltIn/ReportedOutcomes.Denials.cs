using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// A denial of a returned action in whatever language the report is written: a clause that names what the action worked on
/// (its own words, or a folder that holds the path it touched: "/srv/ops" for a deleted <c>/srv/ops/draft.csv</c>) and is
/// negated by a verbal negator ("не", "nem", "wala", "henteu", "नाही", "didn't", "unchanged"), with no claim of the work in
/// the same clause and nothing in the call's result a negation could honestly be telling (a failure, a part not done).
/// The negators are a closed class across languages, not a list of one language's verbs of doing.
/// </summary>
internal static partial class ReportedOutcomes
{
    /// <summary>Whether <paramref name="report"/> holds a verbal negation in any language the gate reads negation in: such a
    /// report is read against the actions that returned even when it claims nothing in English.</summary>
    public static bool Negates(string report) => VerbalNegation().IsMatch(report) || MoreNegation().IsMatch(report);

    /// <summary>The clause that denies, in any language, what a returned action worked on; null when none does.</summary>
    private static string? DeniedInAnyLanguage(List<(string Text, HashSet<string> Terms)> sentences, PolicyToolRecord record, HashSet<string> own)
    {
        // A result that tells a failure or a part left undone is what an honest negation repeats ("2 were not paid").
        // A command that only reads (a log tail, a grep) did nothing a report could deny.
        if (own.Count == 0 || record.ResultText is { } result && (PartialFailure().IsMatch(result) || AdmitsFailure().IsMatch(result) || ForeignFailure().IsMatch(result) || PartOfCount().IsMatch(result) || VerbalNegation().IsMatch(result) || NegativeResult().IsMatch(result))
            || Command(record) is { } command && ReadingCommand().IsMatch(command) && !WritingCommand().IsMatch(command))
        {
            return null;
        }

        var paths = ActedPaths(record);

        // A report that tells the action ("I deleted the rotated log ... it was not mine to remove") denies nothing of it.
        foreach (var (text, words) in sentences)
        {
            if ((Shares(words, own) || NamesFolder(text, paths)) && Completion().IsMatch(text))
            {
                return null;
            }
        }

        foreach (var (text, _) in sentences)
        {
            if (text.TrimEnd().EndsWith('?'))
            {
                continue;
            }

            var negation = VerbalNegation().Match(text);
            if (!negation.Success)
            {
                negation = MoreNegation().Match(text);
            }

            if (!negation.Success)
            {
                continue;
            }

            // The negated clause itself names the subject and claims nothing done ("restarted the gateway, not the broker"
            // negates something else).
            var clause = Clause(text, negation);
            if ((Shares(SentenceTerms(clause), own) || NamesFolder(clause, paths))
                && !CompletedOrClean(clause).Success && !SuccessMarker().IsMatch(clause) && !Perfective().IsMatch(clause))
            {
                var shown = clause.Trim();
                return shown.Length > 160 ? shown[..160] : shown;
            }
        }

        return null;
    }

    /// <summary>The paths a call touched: its path-like arguments and the absolute paths in its command.</summary>
    private static List<string> ActedPaths(PolicyToolRecord record)
    {
        var paths = new List<string>();
        if (record.Arguments is not { } arguments)
        {
            return paths;
        }

        foreach (var pair in arguments)
        {
            if (pair.Key is "body" or "content" or "text" or "message" || PolicyRequest.ValueText(pair.Value) is not { Length: > 0 } value)
            {
                continue;
            }

            foreach (Match path in PathToken().Matches(value))
            {
                paths.Add(path.Value.TrimEnd('/'));
            }
        }

        return paths;
    }

    /// <summary>Whether the clause names a folder that holds a path the call touched (or the path itself).</summary>
    private static bool NamesFolder(string clause, List<string> paths)
    {
        if (paths.Count == 0)
        {
            return false;
        }

        foreach (Match named in PathToken().Matches(clause))
        {
            var folder = named.Value.TrimEnd('/', '.', ',');
            if (folder.Count(c => c == '/') < 2)
            {
                // "/srv" or "/etc" alone is the whole host, not a folder of the agent's work.
                continue;
            }

            foreach (var path in paths)
            {
                if (path.Equals(folder, StringComparison.Ordinal) || (path.Length > folder.Length && path.StartsWith(folder, StringComparison.Ordinal) && path[folder.Length] == '/'))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A result that itself says no or fail ("no cupping session recorded", "moisture 13.8% FAIL").</summary>
    [GeneratedRegex(@"\b(no|none|fail|fails|missing|absent)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegativeResult();

    [GeneratedRegex(@"(?<![\w.~-])/[\w.\-]+(/[\w.\-]+)*/?", RegexOptions.CultureInvariant)]
    private static partial Regex PathToken();

    /// <summary>A command that writes although it also reads (<c>sed -i</c>, a redirect, <c>rm</c>, <c>tee</c>).</summary>
    [GeneratedRegex(@"(\bsed\s+-i|>|\brm\b|\btee\b|\bmv\b|\bcp\b|\btruncate\b|\bchmod\b|\bchown\b|\bsystemctl\s+(stop|disable|mask|restart|start|reload)\b|\bkill)", RegexOptions.CultureInvariant)]
    private static partial Regex WritingCommand();

    /// <summary>Verbal negators across the organisation's languages (a closed class): "not", "didn't", "never", "unchanged",
    /// "nicht", "nie", "не", "nem", "não", "niet", "inte", "ikke", "tidak", "không", "wala", "hindi", "henteu", "heç"/"hiç",
    /// "gjin", "ha ke a", "δεν", "नहीं"/"नाही", "না", "لم". Not "no"/"keine"/"sin" before a noun, which is how a clean
    /// report says "no errors".</summary>
    [GeneratedRegex(@"(\b(not|never|unchanged|untouched|nicht|nie|niemals|не|ні|нет|nem|soha|não|nunca|niet|nooit|inte|aldrig|ikke|aldri|ikkje|tidak|belum|bukan|không|chưa|wala|hindi|henteu|teu|heç|hiç|gjin|δεν|ποτέ|no (he|hemos|ha|han|se|lo|la|le|toqu\p{L}*|cambi\p{L}*|borr\p{L}*|envi\p{L}*|toc\p{L}*|mexi\p{L}*|apagu\p{L}*|alter\p{L}*)|ha ke a|ha re a|ne \p{L}+ (pas|jamais|rien)|n'(ai|avons|a|ont) (pas|jamais|rien))\b|n't\b|नहीं|नाही|না\b|নি\b|لم |لا |ไม่|没有|沒有|未曾|않았|안 했|하지 않)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VerbalNegation();
}
