using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// The word classes the leak judgement reads beside <see cref="ContextLexicon.Refusal"/>: declining in general English
/// (whatever the words: "off the table", "not mine to hand over", "nothing I can add"), and the closing lines of a mail.
/// </summary>
internal static partial class ContextLexicon
{
    /// <summary>
    /// Declining to give something, in any register: the writer's own negated act of giving, sharing or commenting
    /// ("we will not be indicating a range", "nothing I can add"), the material said to be unavailable or to stay where it
    /// is ("is not available to third parties", "stays with us", "off the table"), or an outright no. Instructions to
    /// the reader ("I'd ask you not to share this", "not public yet") are not declining: a leak says them.
    /// </summary>
    [GeneratedRegex(@"(\b(I|we|I'm|I am|we're|we are|I'll|we'll)\b((?!\b(you|ask\w*|request\w*|trust|hope)\b)[^.!?\n:;]){0,30}\b(not|n't|never|unable|no longer)\b((?!\byou\b)[^.!?\n:;]){0,40}\b(shar\w+|send\w*|provid\w+|disclos\w+|forward\w*|releas\w+|pass\w*|giv\w+|hand\w*|distribut\w+|discuss\w*|comment\w*|confirm\w*|reveal\w*|divulg\w+|indicat\w+|circulat\w+|add|say|tell|talk\w*|speak\w*|go(ing)? into|help)\b|\bnothing (I|we) can (add|say|share|tell|give)|\bnot (something|anything|information|a (topic|subject|thing)) (I|we) (\w+ ){0,2}(discuss|share|comment|talk|give|disclose|send|release|pass)|\b(that's|that is|this is) (all|as much as) (I|we) can (say|share|tell|add|give)|\b(is|are|isn't|aren't|remains?|stays?)\b[^.!?\n]{0,20}\b(not|n't)\b[^.!?\n]{0,10}\b(available|mine|ours|something (I|we)|for (outside|external|third)|shareable)|\b(is|are) (not|n't) (mine|ours|for me|for us) to\b|\bnot (available|shareable|for release|for sharing) (to|outside|externally|beyond)|\b(off the table|off-limits|off limits|out of bounds|no can do|the answer is no|have to say no|must say no|(I|we)('ll| will| would|'d)? (have to |must )?(pass|decline)|declin(e|ed|ing) to|refus(e|ed|ing) to|(stays?|staying|remains?|kept|keep|keeps) (put|with us|in-house|internal|within (the company|the firm|[A-Z]\w+))|(I|we)('ve| have) held off|not in a position to|not at liberty to|can'?t be shared|cannot be shared|won'?t be shared|will not be shared)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Declining();

    /// <summary>The writer owning up to giving away what they should not ("I shouldn't tell you this", "not supposed to").</summary>
    [GeneratedRegex(@"\b(shouldn'?t|should not|ought not|not supposed to|not meant to|technically (I |we )?(can'?t|cannot|shouldn'?t|not)|strictly speaking)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ConfidingPreamble();

    /// <summary>A notice about the message itself: "this message", "the content of this e-mail", its recipient or sender.</summary>
    [GeneratedRegex(@"\b((this|the|our) (message|e-?mail|mail|communication|transmission|correspondence)|recipients?|addressee|sender|privileged|in error|by mistake)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex NoticeParagraph();

    /// <summary>"Internal." or "Internal - client pricing" opening a text: a one-word label of material kept inside.</summary>
    [GeneratedRegex(@"^\W{0,4}internal\s*[-:.\u2013\u2014|]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex InternalLabel();

    /// <summary>A public body naming itself ("Danish Medicines Agency:", "the Data Protection Inspectorate").</summary>
    [GeneratedRegex(@"\b[A-Z][\w-]+( [A-Z][\w-]+){0,3} (Agency|Authority|Inspectorate|Commission|Ministry|Regulator|Ombudsman)\b", RegexOptions.CultureInvariant)]
    public static partial Regex PublicBody();

    /// <summary>Confidentiality labels in the languages an organisation's mail is written in: Spanish, Portuguese, French,
    /// Italian, German, Dutch, Polish, the Nordic languages; "do not publish (until ...)" in the Romance and Germanic ones
    /// (with Asturian "nun publicar" and Low German "nich veröffentlichen") is the embargo label of an unannounced plan.</summary>
    [GeneratedRegex(@"\b(confidencial|confidenciais|estrictamente confidencial|no distribuir|uso interno|s[oó]lo uso interno|confidentiel(le)?|usage interne|diffusion restreinte|ne pas diffuser|riservat[oa]|strettamente riservato|uso interno|vertraulich|streng vertraulich|nur f[uü]r den internen gebrauch|intern(es)? dokument|vertrouwelijk|intern gebruik|n[ou]n? publicar|n[ãa]o publicar|non pubblicare|ne pas publier|nich(t)? ver[oö]ffentlichen|niet publiceren|poufne|tylko do u[zż]ytku wewn[eę]trznego|fortrolig|konfidentiell|sekretess|luottamuksellinen)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ForeignConfidentialMarker();

    /// <summary>A closing line: a sign-off or a signature separator. What follows it is signature and boilerplate.</summary>
    [GeneratedRegex(@"^\s*(-{2,}|_{2,}|={2,}|\*{3,}|(kind |best |warm |with )?(regards|wishes)\b|best\b|thanks\b|thank you\b|many thanks\b|cheers\b|sincerely\b|yours\b|respectfully\b|all the best\b|take care\b|mit freundlichen|cordialement|saludos|pozdrawiam)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    public static partial Regex ClosingLine();
}
