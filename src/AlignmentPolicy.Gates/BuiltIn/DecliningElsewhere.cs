using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Declining in shapes the shared refusal lexicon does not read: a negated act of giving in Italian and Tagalog, "neither
/// X nor Y" beside an apology ("ni tarif ni EPC, désolé"), and the material's status stated until an event ("are
/// confidential until the award", "est sous pli fermé jusqu'au 3 mars"). What a refusal still carries is judged apart.
/// </summary>
internal static partial class DecliningElsewhere
{
    public static bool IsMatch(string own)
        => NegatedGiving().IsMatch(own) || StatusUntil().IsMatch(own) || (NeitherNor().IsMatch(own) && ContextLexicon.Apology().IsMatch(own));

    /// <summary>Declining "officially" and then going on ("officially I can't say anything. Let's say that...", "ma",
    /// "mais", "aber"): the confiding preamble of a leak, in the languages of an organisation's mail.</summary>
    public static bool Confides(string own) => OfficiallyBut().IsMatch(own);

    [GeneratedRegex(@"\b(officially|ufficialmente|oficialmente|officiellement|offiziell|officieel|officielt|officiellt|resmi olarak|oficjalnie)\b[^!?\n]{0,60}?[.,;:!]?\s*\b(but|ma|mais|pero|mas|aber|maar|men|ama|ale|diciamo|let'?s (just )?say|disons|digamos|sagen wir|zeg maar)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OfficiallyBut();

    [GeneratedRegex(@"\b(non (posso|possiamo|è possibile|siamo in grado di|sono in grado di|possiamo ancora)\b[^.!?\n]{0,40}\b(dar\w*|condivider\w*|inviar\w*|mandar\w*|fornir\w*|comunicar\w*|dir\w*|rivelar\w*|commentar\w*|anticipar\w*)|hindi (ko|namin|kami|po)\b[^.!?\n]{0,20}\b(ma-?send|maipadala|ipadala|ibigay|maibigay|ma-?share|maibahagi|masabi))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NegatedGiving();

    [GeneratedRegex(@"\b(ni|nem|né|weder)\s[^.!?\n]{1,30}\b(ni|nem|né|noch|nor)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NeitherNor();

    [GeneratedRegex(@"\b(are|is|remain|remains|stay|stays|são|é|sont|est|restent|reste|sono|è|restano|son|es|están|sind|ist|bleiben|zijn|is)\s+(\w+\s+)?(confidential|confidenciais|confidencial(es)?|confidentiel(le)?s?|riservat[eiao]|vertraulich|vertrouwelijk|(under|sous|sotto|bajo|sob) (embargo|pli fermé|sigilo|secreto)|sealed|embargoed)\b[^.!?\n]{0,25}\b(until|till|até|jusqu|fino|hasta|bis|tot)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StatusUntil();
}
