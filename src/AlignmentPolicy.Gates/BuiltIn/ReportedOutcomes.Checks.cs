using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Checks the writer says it made itself ("I reviewed the last 30 days of temperatures", "Audit log reviewed:", "Revisé el
/// limnímetro", "Das habe ich mit dem Lieferschein abgeglichen") read against what the conversation shows it could have
/// seen: a check of something no call, result or message speaks of was never made, and a figure a check sentence gives
/// that nothing returned or said ("tare verified on all 12 test trucks", "1,204 entries") is a finding it invented. An honest
/// report of a check tells what a call returned, in the words and figures of that call.
/// </summary>
internal static partial class ReportedOutcomes
{
    /// <summary>Whether the report says the writer made a check itself (a cheap scan; no allocation).</summary>
    public static bool ClaimsCheck(string report) => FirstHandCheck().IsMatch(report);

    /// <summary>Denies a check sentence with a figure nothing holds; escalates one about something nothing in the conversation
    /// speaks of; allows the rest.</summary>
    public static PolicyVerdict UnobservedCheck(string report, IReadOnlyList<PolicyToolRecord> records, string where, Func<string> conversation)
    {
        string? seen = null;
        HashSet<string>? observed = null;
        foreach (var sentence in ConversationIndex.Sentences(report))
        {
            if (FirstHandCheck().Match(sentence) is not { Success: true } check || sentence.TrimEnd().EndsWith('?')
                || Conditional().IsMatch(sentence.AsSpan(0, check.Index)))
            {
                continue;
            }

            seen ??= Seen(records, conversation) + "\n" + string.Join(' ', records.Select(r => r.Name));
            if (UnheldFigure(sentence, records, seen) is { } figure)
            {
                var shown = sentence.Trim() is { Length: > 160 } long_ ? long_[..160] : sentence.Trim();
                return PolicyVerdict.Deny(PolicyPrinciple.Honest, RuleIds.HonestyUnsupportedClaims,
                    $"{where} reports a check ('{shown}') with a figure ('{figure}') that no tool result or message holds. Report only what you have observed.", shown);
            }

            // What was checked, after the English verb: a report in another language names it in words a tool's output
            // need not share, so there only the figures are read.
            if (!check.Groups["en"].Success)
            {
                continue;
            }

            // Only a check given as the ground of a finding ("...: no excursions", "both fine", "all within spec") is
            // evidence the report asks to be believed.
            var checkedText = sentence[(check.Index + check.Length)..];
            var words = ObjectWords(checkedText);
            if (words.Count == 0 || !Finding().IsMatch(sentence) || Identifiers(checkedText).Exists(id => seen.Contains(id, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            observed ??= Stems(seen);
            if (!words.Exists(w => observed.Contains(StemOf(w))))
            {
                var shown = sentence.Trim() is { Length: > 160 } long_ ? long_[..160] : sentence.Trim();
                return PolicyVerdict.Escalate(PolicyPrinciple.Honest, RuleIds.HonestySuspected,
                    $"{where} reports a check ('{shown}') of something no call, result or message in the conversation speaks of. A reviewer should check that the check was made.", shown);
            }
        }

        return PolicyVerdict.Allowed;
    }

    /// <summary>A figure of a check sentence (ten or more, a decimal or a percentage; not a code, date, time, year or term)
    /// that nothing seen holds in any notation, nor derives as a share, sum, difference or part of a count.</summary>
    private static string? UnheldFigure(string text, IReadOnlyList<PolicyToolRecord> records, string seen)
    {
        if (text.AsSpan().IndexOfAnyInRange('0', '9') < 0)
        {
            return null;
        }

        List<double>? known = null;
        List<(List<double> Figures, List<(string Label, double Value, bool Percent, string Text)> Counted, HashSet<int> Listed)>? returned = null;
        foreach (Match token in QuantityToken().Matches(text))
        {
            if (StatedFigure(token, text) is not (var raw, var value, var percent, var whole) || DayOfNamedMonth(text, token.Index, token.Index + token.Length) || HoldsQuantity(seen, raw))
            {
                continue;
            }

            known ??= Figures(seen);
            returned ??= ReturnedQuantities(records);
            var scaled = Scale().Match(text, token.Index + token.Length) is { Success: true } suffix && suffix.Index == token.Index + token.Length;
            if (!Supported(value, Decimals(raw), percent, whole, scaled, known, returned, Quantities(text)))
            {
                return raw;
            }
        }

        return null;
    }

    /// <summary>The words that name what was checked: letters only, four or more, no function or generic word.</summary>
    private static List<string> ObjectWords(string text)
    {
        var words = new List<string>();
        foreach (Match word in LetterWord().Matches(text))
        {
            var lower = word.Value.ToLowerInvariant();
            if (!GenericWord().IsMatch(lower))
            {
                words.Add(lower);
            }
        }

        return words;
    }

    /// <summary>Codes and names with digits ("PILAR-02", "f2", "R2-118"): what a check names in any language.</summary>
    private static List<string> Identifiers(string text) => [.. IdentifierWord().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"(?<![\w-])(?=[\w-]*\p{L})(?=[\w-]*\d)[\w-]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex IdentifierWord();

    private static HashSet<string> Stems(string text)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match word in LetterWord().Matches(text))
        {
            stems.Add(StemOf(word.Value.ToLowerInvariant()));
        }

        return stems;
    }

    /// <summary>A word's first five letters: "temperatures" and "temperature", "reefer" and "reefers" meet.</summary>
    private static string StemOf(string word) => word.Length > 5 ? word[..5] : word;

    [GeneratedRegex(@"\p{L}{4,}", RegexOptions.CultureInvariant)]
    private static partial Regex LetterWord();

    /// <summary>Words any check names whatever it checked.</summary>
    [GeneratedRegex(@"^(that|this|these|those|then|than|with|from|into|onto|over|under|also|against|across|each|every|both|their|there|them|they|were|have|been|being|only|just|some|most|more|other|none|nothing|anything|everything|things?|fine|okay|good|well|clean|correct|found|find|issues?|problems?|errors?|anomal\w*|discrepanc\w*|results?|records?|data|figures?|numbers?|last|past|days?|weeks?|months?|today|yesterday|week|month|year|still|again|within|above|below|between|since|until|after|before|while|where|which|what|when|here|your|ours?|mine|make|made|sure|ready|done|complete|completed|passed|pass|confirmed|verified|checked|reviewed|everyone|everybody|anywhere|everywhere|none?)$", RegexOptions.CultureInvariant)]
    private static partial Regex GenericWord();

    /// <summary>A check the writer says it made itself, in English (<c>en</c>: "I checked", "we have also verified", "I ran
    /// the trend analysis", "Weighbridge check complete", "Audit log reviewed:") and in other languages' first person.</summary>
    [GeneratedRegex(@"(?<en>\b(I|we)(\s+(have|had|also|just|then|personally|already|'ve|’ve))*\s+(double-|cross-|re-)?(checked|reviewed|verified|confirmed|inspected|audited|reconciled|validated|examined|went\s+(through|over)|looked\s+(at|into|through|over)|cross-referenced|compared|ran\s+(the|a|an)\s+([\w-]+\s+){0,3}(analysis|check|review|audit|comparison|reconciliation|validation))\b|\b(\p{L}+\s+){1,3}(check|review|verification|reconciliation|inspection|audit)\s+(complete|completed|done|finished)\b|^\s*(\p{L}+\s+){1,3}(reviewed|checked|verified|inspected|audited)\s*[:—–-])" +
        @"|\b(revisé|verifiqué|comprobé|confirmé|chequeé|constaté|revisamos|verificamos|comprobamos|verifiquei|conferi|revisei|confirmei|chequei|j'ai\s+(vérifié|contrôlé|confirmé|examiné)|nous\s+avons\s+(vérifié|contrôlé)|gi-?verify\s+nako|gi-?check\s+nako|na-?verify\s+ko|na-?check\s+ko|sinuri\s+ko|tiningnan\s+ko|(saya|kami)\s+(sudah\s+)?(cek|mengecek|periksa|memeriksa|verifikasi|memverifikasi)|ik\s+(heb|ha)\s+([\p{L}-]+\s+){0,6}(gecontroleerd|nagekeken|gecheckt|geverifieerd|kontrolearre)|(ich|wir)\s+(habe|haben|hab)\s+([\p{L}-]+\s+){0,6}(geprüft|überprüft|kontrolliert|abgeglichen|verifiziert)|(habe|haben)\s+(ich|wir)\s+([\p{L}-]+\s+){0,6}(geprüft|überprüft|kontrolliert|abgeglichen|verifiziert))\b", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex FirstHandCheck();

    /// <summary>What a check found: none, all, fine, within limits, passed, matched, a cause.</summary>
    [GeneratedRegex(@"\b(no|none|nothing|zero|all|every|both|each|fine|ok|okay|clean|good|valid|passed|pass|within|match(es|ed)?|consistent|correct|accurate|in order|on track|caused by|due to|root cause|because)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Finding();

    /// <summary>A check that is a condition or a plan, not a report ("once I've verified", "if we checked").</summary>
    [GeneratedRegex(@"\b(once|after|when|if|until|unless|before|whether|should|will|would|can|could|to)\s+(\p{L}+\s+){0,2}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Conditional();
}
