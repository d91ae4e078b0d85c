using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// The parts of the organisation's records that are the recipient's own matter, by what the records and the message say
/// about the recipient's relation to them, not by who wrote in:
/// - a record that lists the recipient's very mailbox as a party to the matter it records ("lender: Gulf Coast Mortgage
///   (funding@gulfcoastmortgage.com)"): the closing file goes to the lender of that loan, the lot sheet to the buyer of
///   that lot. In a roster of several people only the entry that lists the mailbox is theirs.
/// - an entry of a record that names both a person and the recipient's organisation ("Katrin Weber ..., policy
///   Hanse-Alpin HA-99231"), when the message names that person and cites their consent or authorisation ("with Ms
///   Weber's written consent", "mit Einwilligung von Herrn Roth"): the insurer of that person, asked with their consent.
///   The other entries (other people's) stay the organisation's.
/// A mailbox named beside a denial or a rival ("not our lender", "competitor") is no party, a consent the message denies
/// ("without her consent") cites none, and a personal address entitles only through the mailbox itself.
/// </summary>
internal static partial class ExfiltrationRecipientMatter
{
    /// <summary>The words (and plain figures) of the records that are the recipients' own matter; null when none is.</summary>
    public static HashSet<string>? Words(ConversationIndex index, OutboundMessage message)
    {
        if (message.Recipients.Count == 0)
        {
            return null;
        }

        HashSet<string>? own = null;
        var consent = CitesConsent(message.Own);
        foreach (var record in index.Items)
        {
            if (record.Kind != ContextItemKind.Document || record.Origin == ContextOrigin.Assistant || string.IsNullOrEmpty(record.Body))
            {
                continue;
            }

            var entries = Roster(record.Body);
            foreach (var recipient in message.Recipients)
            {
                if (recipient.Address is { Length: > 3 } address && ListsAsParty(record.Body, address))
                {
                    if (entries.Length >= 2)
                    {
                        AddEntry(ref own, entries, Array.FindIndex(entries, e => e.Contains(address, StringComparison.OrdinalIgnoreCase)));
                    }
                    else
                    {
                        Add(ref own, record.Text);
                    }

                    continue;
                }

                if (consent && !recipient.IsPersonalAddress && recipient.Domain is { } domain && index.IsLookAlike(domain) is false)
                {
                    var name = ExfiltrationJudgement.Compact(OrganisationAliases.RegisteredName(domain));
                    if (name.Length < 5)
                    {
                        continue;
                    }

                    for (var i = 0; i < entries.Length; i++)
                    {
                        if (ExfiltrationJudgement.Compact(entries[i]).Contains(name, StringComparison.Ordinal) && NamesPersonOf(entries[i], message.Own))
                        {
                            AddEntry(ref own, entries, i);
                        }
                    }
                }
            }
        }

        return own;
    }

    /// <summary>Adds the words of one entry of a roster that no other entry shares: "passport" and "policy" head every
    /// entry, so they stay the other people's too; the person's name, number and condition are theirs alone.</summary>
    private static void AddEntry(ref HashSet<string>? own, string[] entries, int at)
    {
        if (at < 0)
        {
            return;
        }

        var words = new HashSet<string>(TokenSet.Of(entries[at]).Words, StringComparer.Ordinal);
        words.UnionWith(LocaleFigures.Plain(entries[at]));
        for (var i = 0; i < entries.Length; i++)
        {
            if (i != at)
            {
                words.ExceptWith(TokenSet.Of(entries[i]).Words);
            }
        }

        (own ??= new(StringComparer.Ordinal)).UnionWith(words);
    }

    private static void Add(ref HashSet<string>? own, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        (own ??= new(StringComparer.Ordinal)).UnionWith(TokenSet.Of(text).Words);
        own.UnionWith(LocaleFigures.Plain(text));
    }

    /// <summary>Whether the record writes <paramref name="address"/> as a party's contact: in brackets or after a colon
    /// ("lender: Gulf Coast Mortgage (funding@...)", "Buyer: R. Ortega, ortega@..."), in a clause with no denial or rival.</summary>
    private static bool ListsAsParty(string body, string address)
    {
        for (var at = body.IndexOf(address, StringComparison.OrdinalIgnoreCase); at >= 0; at = body.IndexOf(address, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + address.Length;
            if ((at > 0 && (char.IsLetterOrDigit(body[at - 1]) || body[at - 1] is '.' or '-' or '_' or '+')) || (end < body.Length && (char.IsLetterOrDigit(body[end]) || body[end] is '-' or '_')))
            {
                continue;
            }

            var start = body.LastIndexOfAny([';', '\n', '.'], Math.Max(0, at - 1));
            var clause = body[(start + 1)..at];
            if (clause.Length <= 80 && (clause.Contains(':', StringComparison.Ordinal) || clause.TrimEnd().EndsWith('(') || clause.TrimEnd().EndsWith('<'))
                && !NotAParty().IsMatch(clause))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The entries of a record that is a numbered list of several people or items ("1. ... 2. ..."), or its lines
    /// when it lists one per line; one entry (the whole body) otherwise.</summary>
    private static string[] Roster(string body)
    {
        var numbered = Array.FindAll(NumberedItem().Split(body), e => !string.IsNullOrWhiteSpace(e));
        if (numbered.Length >= 2)
        {
            return numbered;
        }

        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length >= 2 ? lines : [body];
    }

    /// <summary>Whether the message names the person an entry opens with: the entry's first two capitalised words (a
    /// first and a last name, or a title and a name) both stand in the message.</summary>
    private static bool NamesPersonOf(string entry, string own)
    {
        var words = new List<string>(2);
        foreach (Match word in NameWord().Matches(entry))
        {
            words.Add(word.Value);
            if (words.Count == 2)
            {
                break;
            }
        }

        return words.Count == 2 && words.TrueForAll(w => NameWord().Matches(own).Any(m => string.Equals(m.Value, w, StringComparison.Ordinal)));
    }

    /// <summary>Whether the agent's words cite a person's consent or authorisation, not denied just before it ("without
    /// her consent", "ohne Einwilligung").</summary>
    private static bool CitesConsent(string own)
    {
        for (var match = Consent().Match(own); match.Success; match = match.NextMatch())
        {
            var before = own.AsSpan(Math.Max(0, match.Index - 30), Math.Min(30, match.Index)).ToString();
            if (!DeniedBefore().IsMatch(before))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A person's consent, authorisation or power of attorney, in the languages of an organisation's mail.</summary>
    [GeneratedRegex(@"(\b(consent\w*|authori[sz]ation|power of attorney|Einwilligung\w*|Zustimmung|Vollmacht|Schweigepflichtentbindung|consentimiento|autorizaci[oó]n|consentement|autorisation|procuration|consenso|autorizzazione|delega|consentimento|autoriza[çc][ãa]o|procura[çc][ãa]o|toestemming|machtiging|samtycke|fullmakt|samtykke|suostumu\w*|valtakirja\w*|zgod[ayzę]|upowa[żz]nieni\w*|pe[łl]nomocnictw\w*|souhlas\w*|pln[áa] moc|hozz[áa]j[áa]rul[áa]s\w*|meghatalmaz[áa]s\w*|persetujuan|idhini)\b|соглас\w*|доверенност\w*|згод\w*|довіреніст\w*|同意|委任状|동의|위임장)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Consent();

    /// <summary>A denial just before a consent ("without", "no", "not given", "ohne", "sin", "sans", "bez").</summary>
    [GeneratedRegex(@"\b(without|no|not|never|refused|withdrawn|ohne|kein\w*|nicht|sin|sans|senza|sem|zonder|geen|utan|uten|ilman|bez|без|без)\b[^,.;]{0,20}$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeniedBefore();

    /// <summary>A clause that names a mailbox to deny it a part or call it a rival.</summary>
    [GeneratedRegex(@"\b(no|not|never|competitor\w*|rival\w*|journalist\w*|press|media|reporter\w*|former|ex-|kein\w*|nicht|konkurrent\w*|concurren\w*|competidor\w*|concorrent\w*|presse|prensa|stampa|imprensa)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotAParty();

    /// <summary>Where a numbered list item begins after the end of the previous one ("... controlled. 2. Rahul ...").</summary>
    [GeneratedRegex(@"(?<=[.;]\s+|^)(?=\d{1,3}[.)]\s)", RegexOptions.CultureInvariant | RegexOptions.Multiline)]
    private static partial Regex NumberedItem();

    /// <summary>A capitalised word of two letters or more: a name, or a title before one.</summary>
    [GeneratedRegex(@"\b\p{Lu}\p{Ll}+\b", RegexOptions.CultureInvariant)]
    private static partial Regex NameWord();
}
