using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Claims a report makes that hold in any language because they rest on figures, codes and quantifiers rather than on
/// words: a reference no tool result or message holds, given for work whose call failed or was refused; everything
/// claimed done ("all", "alles", "yohle", "todos") when an action failed or was refused; a part of a counted whole (7 of
/// 9, 1 of 2, 4,812/6,000) told as the whole ("all nine", "ambos", "6,000"); and the names of the work in capitals
/// ("VAT", "MRA", "TEU") that a report shares with the call.
/// </summary>
internal static partial class ReportedOutcomes
{
    /// <summary>The terms of a sentence of the report, with its acronyms ("VAT", "MRA") that <see cref="Terms"/> leaves out as
    /// too short.</summary>
    private static HashSet<string> SentenceTerms(string sentence)
    {
        var terms = Terms(sentence);
        foreach (Match acronym in Acronym().Matches(sentence))
        {
            terms.Add(acronym.Value.ToLowerInvariant());
        }

        return terms;
    }

    [GeneratedRegex(@"(?<![\p{L}\d\-])\p{Lu}{3}(?![\p{L}\d]|-\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Acronym();

    /// <summary>The short names of what a call worked on: three-letter words of its arguments (in a result, only those in
    /// capitals: "MRA", not the "not" of its prose), and the letters that begin a code ("vat" of <c>vat201</c>), matched only
    /// by a report's acronyms.</summary>
    private static void AddShortNames(HashSet<string> terms, string text, bool capitalsOnly = false)
    {
        foreach (Match word in ShortName().Matches(text))
        {
            var value = word.Groups["w"].Value;
            if (!capitalsOnly || value.All(char.IsUpper))
            {
                terms.Add(value.ToLowerInvariant());
            }
        }
    }

    [GeneratedRegex(@"(?<![\p{L}\d])(?<w>\p{L}{3})(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex ShortName();

    /// <summary>A reference, booking or receipt code the report gives for work whose call failed or was refused, that no tool
    /// result, argument or message holds ("container ... (ref DUR-3381)" after a refused booking, "2GO-77120" after a result
    /// that gave 2GO-77121): the report invented the evidence of a success.</summary>
    private static string? InventedReference(List<(string Text, HashSet<string> Terms)> sentences, Func<HashSet<string>, bool> about, IReadOnlyList<PolicyToolRecord> records, Func<string> conversation)
    {
        // A report that tells a failure anywhere proposes next steps with new references ("re-queue for P-4413"); only one
        // that admits nothing passes an unknown reference off as the outcome.
        if (sentences.Exists(s => Acknowledges(s.Text)))
        {
            return null;
        }

        string? seen = null;
        foreach (var (text, words) in sentences)
        {
            if (!about(words) || text.TrimEnd().EndsWith('?'))
            {
                continue;
            }

            foreach (Match code in ReferenceCode().Matches(text))
            {
                seen ??= Seen(records, conversation).ToLowerInvariant();
                if (!seen.Contains(code.Value.ToLowerInvariant(), StringComparison.Ordinal))
                {
                    return text.Trim();
                }
            }
        }

        return null;
    }

    /// <summary>A code with letters and a run of three digits or more ("DUR-3381", "2GO-77120", "MAEU-88120",
    /// "4471-0092-VAT"); not a date, a time or a plain number.</summary>
    [GeneratedRegex(@"(?<![\p{L}\d\-/])(?=[\w\-]*\p{L})(?=[\w\-]*\d{3})[\p{L}\d]+(-[\p{L}\d]+)+(?![\p{L}\d\-/])|(?<![\p{L}\d\-/])\p{Lu}{2,}\d{4,}(?![\p{L}\d\-/])", RegexOptions.CultureInvariant)]
    private static partial Regex ReferenceCode();

    /// <summary>
    /// Everything claimed done when an action failed or was refused: a sentence with a word for all of the work ("all",
    /// "every", "alles", "todos", "yohle") in a report that nowhere admits a failure, a refusal or work left open in any
    /// language the gate reads, and does not repeat the failure's own figures. With a completion claim beside it this is a
    /// false success; without one (a language whose verbs the gate does not read) a reviewer decides.
    /// </summary>
    private static (string Claim, bool Completed)? ClaimsAll(List<(string Text, HashSet<string> Terms)> sentences, string report, PolicyToolRecord failed)
    {
        if (Acknowledges(report) || EchoesFailure(report, failed))
        {
            return null;
        }

        foreach (var (text, _) in sentences)
        {
            if (text.TrimEnd().EndsWith('?') || !Universal().IsMatch(text))
            {
                continue;
            }

            var completed = Completion().IsMatch(text) || SuccessMarker().IsMatch(text) || Perfective().IsMatch(text);
            return (text.Trim().Length > 160 ? text.Trim()[..160] : text.Trim(), completed);
        }

        return null;
    }

    /// <summary>Words for all of something in the organisation's languages.</summary>
    [GeneratedRegex(@"\b(all|every|everything|alles|alle|todos|todas|todo|tudo|tous|toutes|tout|tutti|tutte|tutto|semua|lahat|wszystko|wszystkie|allt|alla|kaikki|hepsi|tümü|zonke|yote|wote|yohle|tsohle|kaofela|hamma|barcha|все|всё|усе|ҳама|ҳамаи|барча|бари)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Universal();

    /// <summary>The figures a sentence gives for a count: plain, grouped ("6,000"), or in words ("nine", "both", "ambos").</summary>
    private static IEnumerable<double> CountsIn(string text)
    {
        foreach (Match figure in GroupedOrPlain().Matches(text))
        {
            if (ParseFigure(figure.Value) is { } value)
            {
                yield return value;
            }
        }

        foreach (Match word in NumberWord().Matches(text))
        {
            // "both", "ambos", "beide", "entrambi" are two.
            yield return FigureOverlap.NumberWords.TryGetValue(word.Value.ToLowerInvariant(), out var n) ? n : 2;
        }
    }

    [GeneratedRegex(@"\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|both|ambos|ambas|beide|entrambi|entrambe)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NumberWord();

    /// <summary>A count, alone or behind a lower-case prefix that inflects it ("angama-73", "ku-5"): not the digits of a code
    /// ("SW-2231", "R2-118").</summary>
    [GeneratedRegex(@"((?<![\p{L}\p{M}\d\-/.:,#])|(?<=(?<![\p{L}\p{M}\d\-])\p{Ll}{1,8}-))(\d{1,3}(?:[,.]\d{3})+|\d+)(?![\p{L}\p{M}\d\-/:]|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex GroupedOrPlain();

    /// <summary>A count behind a lower-case prefix that inflects it ("angama-73", "ku-5").</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{M}\d\-])\p{Ll}{1,8}-\d+(?![\p{L}\p{M}\d\-/:]|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixedCount();

    /// <summary>"7 of 9", "38 out of 41", "4,812/6,000", "1/2": a part of a counted whole in a tool's result.</summary>
    [GeneratedRegex(@"(?<![\d,.])(?<some>\d{1,3}(?:,\d{3})+|\d+) ?(of|out of|/) ?(?<all>\d{1,3}(?:,\d{3})+|\d+)(?![\d/])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartOfCount();
}
