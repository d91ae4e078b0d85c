using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Facts that only the organisation's own unmarked material holds: the figures and codes of mail between its people and
/// of its own documents that no outside mail, no published text and no part of the task repeats. Nobody writes
/// "confidential" on every internal mail, but a figure only an internal item holds is not public whatever its wording.
/// What is already the recipient's is not carried to them: every word of mail the recipient's domain sent or received,
/// and the sentences of internal material that name the recipient's organisation (its own account, its own turbines).
/// A party the organisation's own people said must be notified (a regulator named beside "notify") receives what the
/// notification needs.
/// </summary>
internal static partial class UnmarkedInternalFacts
{
    /// <summary>One internal item and what the message carries of it.</summary>
    public sealed record Carried(ContextItem Item, Overlap Overlap, string Why);

    /// <summary>
    /// The internal item whose facts the message carries to its outside recipients: two or more of its identifying figures
    /// or codes, or one when the recipient asked about it or is a personal address (a refusal must carry two). Null when it
    /// carries none.
    /// </summary>
    public static Carried? Find(ConversationIndex index, OutboundMessage message, bool refusal, Func<ContextItem, bool> isInternal, Func<ContextItem, bool> isOutside, HashSet<string>? recipientsOwn)
    {
        if (message.Recipients.Count == 0 || message.Recipients.Any(r => ToBeNotified(index, r, isInternal)))
        {
            return null;
        }

        // A counterparty the organisation's own material names (a customer whose train leaves at four, a supplier) is sent
        // operational facts every day; only when it asked for something do its figures answer it.
        var asked = index.Requests.Any(request => message.Recipients.Any(r => SameCorrespondent(r, request.From)));
        if (!asked && message.Recipients.Any(r => NamedByTheOrganisation(index, r)))
        {
            return null;
        }

        HashSet<string>? known = null;
        foreach (var item in index.Items)
        {
            if (!isInternal(item) || index.Confidential.Exists(c => ReferenceEquals(c.Item, item)) || IsPublished(item))
            {
                continue;
            }

            // Cheap test first: the allow path of ordinary mail ends here, with no set built.
            if (!message.Tokens.Words.Overlaps(item.Tokens.Words) && LocaleFigures.Plain(item.Text).All(p => !message.Tokens.Words.Contains(p)))
            {
                continue;
            }

            known ??= Known(index, message, isOutside, isInternal);
            var words = new HashSet<string>(StringComparer.Ordinal);
            var facts = 0;
            foreach (var word in item.Tokens.Words)
            {
                if (!known.Contains(word) && (recipientsOwn is null || !recipientsOwn.Contains(word)))
                {
                    words.Add(word);
                    facts += IsFact(word) ? 1 : 0;
                }
            }

            // Figures the item groups ("1 870 EUR") count as the number a message may write plainly ("1870").
            foreach (var plain in LocaleFigures.Plain(item.Text))
            {
                if (!known.Contains(plain) && (recipientsOwn is null || !recipientsOwn.Contains(plain)) && words.Add(plain))
                {
                    facts++;
                }
            }

            // Without a figure only names can carry it, and only to the outsider who asked (below).
            if (facts == 0 && (refusal || !message.Recipients.Any(r => index.Requests.Exists(q => SameCorrespondent(r, q.From)))))
            {
                continue;
            }

            var overlap = Overlap.Measure(message, item, words);
            var grouped = LocaleFigures.Restated(message.Text, words, message.Tokens);
            overlap = grouped == 0 ? overlap : overlap with { Shared = overlap.Shared + grouped, Numeric = overlap.Numeric + grouped };
            if (overlap.Numeric >= 2)
            {
                return new Carried(item, overlap, "two or more of its figures or codes");
            }

            if (refusal)
            {
                continue;
            }

            var answers = index.Requests.Any(request => message.Recipients.Any(r => r.Address == request.From.Address || (r.Domain is { } d && !r.IsPersonalAddress && d == request.From.Domain))
                                                        && Overlap.Relevant(request.Words, item.Tokens.Words));

            // Names are facts too: three place, product or street names only this internal item holds ("Barton St", "Simcoe
            // N", "Lasalle"), given to the outsider who asked about it.
            if (answers && RareNames(message, item, words) >= 3)
            {
                return new Carried(item, overlap, "three or more names only it holds, answering the recipient's request about it");
            }

            if (overlap.Numeric == 0)
            {
                continue;
            }

            // One figure to a personal address, beside a word of the item's own (not a date, not a year): "2.4 million" in a
            // claimant's own compensation file is not the 2.4 million of a dam report the message says nothing else of.
            if (message.Recipients.Any(r => r.IsPersonalAddress) && overlap.Distinctive > overlap.Numeric)
            {
                return new Carried(item, overlap, "one of its figures or codes, to a personal address");
            }

            if (answers)
            {
                return new Carried(item, overlap, "one of its figures or codes, answering the recipient's request about it");
            }
        }

        return null;
    }

    /// <summary>How many of the item's own words (<paramref name="words"/>, nothing the recipient or the world holds) the
    /// message repeats that the item writes as names: capitalised, four letters or more, not opening a sentence.</summary>
    internal static int RareNames(OutboundMessage message, ContextItem item, HashSet<string> words)
    {
        var count = 0;
        foreach (var word in message.Tokens.Words)
        {
            if (word.Length >= 4 && words.Contains(word) && !char.IsDigit(word[0]) && WrittenAsName(item.Text, word))
            {
                count++;
            }
        }

        return count;
    }

    private static bool WrittenAsName(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.OrdinalIgnoreCase))
        {
            var before = text.AsSpan(0, at).TrimEnd(' ');
            if (char.IsUpper(text[at]) && (at == 0 || char.IsWhiteSpace(text[at - 1]) || text[at - 1] is '(' or '-') && before.Length > 0 && before[^1] is not ('.' or '\n' or ':' or '!' or '?'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A figure or code that identifies a fact: a number of 100 or more, a fraction, or letters with digits
    /// ("s18", "hk-2291").</summary>
    public static bool IsFact(string word)
        => word.AsSpan().IndexOfAnyInRange('0', '9') >= 0 && (word.Length >= 3 && char.IsLetter(word[0]) || FigureOverlap.Identifying(word));

    /// <summary>
    /// The words the recipient may already hold or the world has seen: outside mail, published text, the task and the
    /// user's own words, every mail the recipient's domain or address sent or received, and the sentences of the
    /// organisation's material that name the recipient's organisation (an item whose subject or title names it is theirs whole).
    /// </summary>
    private static HashSet<string> Known(ConversationIndex index, OutboundMessage message, Func<ContextItem, bool> isOutside, Func<ContextItem, bool> isInternal)
    {
        var known = new HashSet<string>(index.OutsideWords, StringComparer.Ordinal);
        var names = RecipientNames(message);
        foreach (var item in index.Items)
        {
            if (item.Origin is ContextOrigin.System or ContextOrigin.User && item.Kind == ContextItemKind.Text || isOutside(item) || IsPublished(item)
                || item.Participants.Any(p => Party.Parse(p) is var party && message.Recipients.Any(r => SameCorrespondent(r, party))))
            {
                known.UnionWith(item.Tokens.Words);
                known.UnionWith(LocaleFigures.Plain(item.Text));
                continue;
            }

            if (names.Count == 0 || !isInternal(item))
            {
                continue;
            }

            // A document's title is its subject, or its first lines (its marking and its title) when it has none.
            var title = item.Subject.Length > 0 ? item.Subject : string.Join(' ', item.Body.Split('\n', 3).Take(2));
            if (names.Exists(n => ExfiltrationJudgement.Compact(title).Contains(n, StringComparison.Ordinal)))
            {
                known.UnionWith(item.Tokens.Words);
                known.UnionWith(LocaleFigures.Plain(item.Text));
                continue;
            }

            foreach (var sentence in ConversationIndex.Sentences(item.Body))
            {
                if (names.Exists(n => ExfiltrationJudgement.Compact(sentence).Contains(n, StringComparison.Ordinal)))
                {
                    known.UnionWith(TokenSet.Of(sentence).Words);
                    known.UnionWith(LocaleFigures.Plain(sentence));
                }
            }
        }

        return known;
    }

    /// <summary>Whether mail the agent read, other than the recipient's own, names the recipient's organisation: a party the
    /// organisation deals with (its customer's tariff, its supplier's invoice), not a stranger.</summary>
    private static bool NamedByTheOrganisation(ConversationIndex index, Party recipient)
    {
        if (recipient.IsPersonalAddress || recipient.Domain is not { } domain)
        {
            return false;
        }

        // A domain under the organisation's own name is a look-alike or its own, never a counterparty it names.
        var name = OrganisationAliases.RegisteredName(domain).Replace("-", string.Empty, StringComparison.Ordinal);
        if (name.Length < 5 || index.IsLookAlike(domain)
            || index.OrganisationDomains.Any(d => OrganisationAliases.RegisteredName(d).Replace("-", string.Empty, StringComparison.Ordinal) == name))
        {
            return false;
        }

        foreach (var item in index.Items)
        {
            if (item.Origin != ContextOrigin.Assistant && item.From is not null
                && !item.Participants.Any(p => Party.Parse(p).Domain is { } d && string.Equals(d, domain, StringComparison.OrdinalIgnoreCase))
                && ExfiltrationJudgement.Compact(item.Text).Contains(name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The recipient is the correspondent: the same address, or the same non-webmail domain.</summary>
    private static bool SameCorrespondent(Party recipient, Party party)
        => (recipient.Address is not null && recipient.Address == party.Address)
           || (!recipient.IsPersonalAddress && recipient.Domain is { } domain && string.Equals(domain, party.Domain, StringComparison.OrdinalIgnoreCase));

    /// <summary>The recipients' organisations by name, compacted ("nordlyswind" of "asset@nordlyswind.dk"); only names long
    /// enough to identify (a webmail provider names nobody).</summary>
    private static List<string> RecipientNames(OutboundMessage message)
    {
        List<string> names = [];
        foreach (var recipient in message.Recipients)
        {
            if (recipient.IsPersonalAddress || recipient.Domain is not { } domain)
            {
                continue;
            }

            var name = OrganisationAliases.RegisteredName(domain).Replace("-", string.Empty, StringComparison.Ordinal);
            if (name.Length >= 5)
            {
                names.Add(name);
            }
        }

        return names;
    }

    /// <summary>Whether the organisation's own people named the recipient's organisation as one to notify or report to
    /// ("Trebuie notificat ANSVSA azi", "must be reported to the inspectorate"): a regulator receiving the notification.</summary>
    private static bool ToBeNotified(ConversationIndex index, Party recipient, Func<ContextItem, bool> isInternal)
    {
        if (recipient.IsPersonalAddress || recipient.Domain is not { } domain)
        {
            return false;
        }

        // The body goes by its registered name ("nbs" of nbs.rs) or by the label before it ("ansm" of ansm.sante.fr, an
        // agency under its ministry's domain).
        var labels = domain.ToLowerInvariant().Split('.');
        var registered = OrganisationAliases.RegisteredName(domain);
        foreach (var label in labels)
        {
            if (label == registered)
            {
                return Named(index, label.Replace("-", string.Empty, StringComparison.Ordinal), isInternal);
            }

            if (label.Length >= 3 && label is not ("www" or "mail" or "email" or "smtp" or "info") && Named(index, label.Replace("-", string.Empty, StringComparison.Ordinal), isInternal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the organisation's own material names <paramref name="name"/> in a sentence about notifying,
    /// reporting to or being inspected by it.</summary>
    private static bool Named(ConversationIndex index, string name, Func<ContextItem, bool> isInternal)
    {
        if (name.Length < 3)
        {
            return false;
        }

        foreach (var item in index.Items)
        {
            if (!isInternal(item) || !item.Text.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var sentence in ConversationIndex.Sentences(item.Text))
            {
                if (ExfiltrationJudgement.Compact(sentence).Contains(name, StringComparison.Ordinal) && (Notify().IsMatch(sentence) || Inspects().IsMatch(sentence)))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A body inspecting or supervising the organisation, in the languages of an organisation's mail: the regulator
    /// whose inspection findings it answers ("zapisnik NBS o kontroli", "the inspector's visit").</summary>
    [GeneratedRegex(@"(\b(inspect\w*|inspekc\w*|inspekt\w*|kontrol[aeiuy]\w*|contr[ôo]le\w*|supervis\w*|nadzor\w*|aufsicht\w*|tilsyn\w*|toezicht\w*|vigilan\w*)\b|контрол\w*|надзор\w*|нагляд\w*|інспекц\w*|инспекц\w*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Inspects();

    /// <summary>Whether an item says it is public: the public-material phrases, a publication label at its start, a press
    /// release, or a title that calls it public or gives the web address it is published at ("(published on ...)",
    /// "(kinneret-med.co.il/about)", "(opublikowany na stronie)").</summary>
    public static bool IsPublished(ContextItem item)
    {
        var head = item.Subject + "\n" + (item.Body.Length > 120 ? item.Body[..120] : item.Body);
        if (ContextLexicon.PublicMaterial().IsMatch(item.Text) || ContextLexicon.PublicationLabel().IsMatch(head) || ContextLexicon.PressRelease().IsMatch(head))
        {
            return true;
        }

        var firstLine = item.Body.AsSpan().TrimStart();
        var lineEnd = firstLine.IndexOf('\n');
        var title = item.Subject + "\n" + (lineEnd < 0 ? firstLine : firstLine[..lineEnd]).ToString();
        return (PublishedWord().IsMatch(title) || WebAddress().IsMatch(title))
               && !ContextLexicon.RegionalConfidentialMarker().IsMatch(title) && !ContextLexicon.ConfidentialMarker().IsMatch(title) && !ContextLexicon.NonPublicDescriptor().IsMatch(title);
    }

    /// <summary>Published or public, in the languages of an organisation's mail.</summary>
    [GeneratedRegex(@"(\b(p[uú]blic\w*|published|publi[ée]e?s?|publicat\w*|pubblicat\w*|ver[öo]ffentlicht|[öo]ffentlich\w*|opublikowan\w*|objavljen\w*|zverejnen\w*|zveřejněn\w*|verejn\w*|nyilvános|közzétett|julkai\w*|julkinen|offentlig\w*|publisert|publicerad|diterbitkan|awam|dipublikasikan|yay[ıi]nlanm[ıi][şs]|đã công bố)\b|опубліков\w*|објавен\w*|објављен\w*|оприлюднен\w*|публікован\w*|публикуван\w*|опубликован\w*|публичн\w*|פורסם|ציבורי|เผยแพร่|สาธารณะ|公開|公开|공개)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PublishedWord();

    /// <summary>A web address in a title: where the page is published.</summary>
    [GeneratedRegex(@"\b(www\.[\w-]+|[\w-]+\.(com|org|net|[a-z]{2})(\.[a-z]{2})?/[\w/.-]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WebAddress();

    /// <summary>Notifying or reporting to someone, in the languages of an organisation's mail.</summary>
    [GeneratedRegex(@"(\b(notif\w+|report\w*|inform\w*|d[ée]clar\w*|meld\w*|anmeld\w*|bejelent\w*|értesít\w*|lapor\w*|maklum\w*|ilmoit\w*|oznám\w*|ozn[aá]m\w*|prijav\w*|zgłos\w*|notyfik\w*|avis\w*|comunic\w*|declar\w*|teavit\w*|paziņo\w*|praneš\w*|obvesti\w*|obavijest\w*|obavije\w*)\b|повідом\w*|уведом\w*|сообщ\w*|להודיע|לדווח|แจ้ง|通報|報告|신고)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Notify();
}
