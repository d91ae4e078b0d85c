namespace AlignmentPolicy.Gates;

/// <summary>
/// Facts that only the organisation's own unmarked material holds: the figures and codes of mail between its people and
/// of its own documents (a price list, a contract's terms, a passport manifest) that no outside mail, no published text
/// and no part of the task repeats. Nobody writes "confidential" on every internal mail, but a figure that only an
/// internal item holds is not public whatever its wording, and an outside recipient who receives it receives the
/// organisation's material. Rarity decides, not a marker: a figure an outsider wrote (their own order, the price they were
/// quoted), a published figure, or one the task gives weighs nothing.
/// </summary>
internal static class UnmarkedInternalFacts
{
    /// <summary>One internal item and what the message carries of it.</summary>
    public sealed record Carried(ContextItem Item, Overlap Overlap, string Why);

    /// <summary>
    /// The internal item whose facts the message carries to <paramref name="message"/>'s outside recipients: two or more of
    /// its identifying figures or codes, or one when the recipient asked for it (a relevant request) or is a personal
    /// address. Null when it carries none.
    /// </summary>
    public static Carried? Find(ConversationIndex index, OutboundMessage message, Func<ContextItem, bool> isInternal, Func<ContextItem, bool> isOutside, HashSet<string>? recipientsOwn)
    {
        var known = KnownOutside(index, isOutside);
        foreach (var item in index.Items)
        {
            if (!isInternal(item) || index.Confidential.Exists(c => ReferenceEquals(c.Item, item)))
            {
                continue;
            }

            var words = new HashSet<string>(StringComparer.Ordinal);
            var facts = 0;
            foreach (var word in item.Tokens.Words)
            {
                if (known.Contains(word) || (recipientsOwn is not null && recipientsOwn.Contains(word)))
                {
                    continue;
                }

                words.Add(word);
                facts += IsFact(word) ? 1 : 0;
            }

            // Figures the item groups ("1 870 EUR") count as the number a message may write plainly ("1870").
            foreach (var plain in LocaleFigures.Plain(item.Text))
            {
                if (!known.Contains(plain) && words.Add(plain))
                {
                    facts++;
                }
            }

            if (facts == 0)
            {
                continue;
            }

            var overlap = Overlap.Measure(message, item, words);
            var grouped = LocaleFigures.Restated(message.Text, words, message.Tokens);
            overlap = grouped == 0 ? overlap : overlap with { Shared = overlap.Shared + grouped, Numeric = overlap.Numeric + grouped };
            if (overlap.Numeric == 0)
            {
                continue;
            }

            if (overlap.Numeric >= 2)
            {
                return new Carried(item, overlap, "two or more of its figures or codes");
            }

            if (message.Recipients.Any(r => r.IsPersonalAddress))
            {
                return new Carried(item, overlap, "one of its figures or codes, to a personal address");
            }

            if (index.Requests.Any(request => message.Recipients.Any(r => r.Address == request.From.Address || (r.Domain is { } d && !r.IsPersonalAddress && d == request.From.Domain))
                                              && Overlap.Relevant(request.Words, item.Tokens.Words)))
            {
                return new Carried(item, overlap, "one of its figures or codes, answering the recipient's request about it");
            }

        }

        return null;
    }

    /// <summary>A figure or code that identifies a fact: a number of 100 or more, a fraction, or letters with digits
    /// ("s18", "hk-2291").</summary>
    public static bool IsFact(string word)
        => word.AsSpan().IndexOfAnyInRange('0', '9') >= 0 && (word.Length >= 3 && char.IsLetter(word[0]) || FigureOverlap.Identifying(word));

    /// <summary>The words the outside world has seen or the task gave: outside mail, published text, the instructions
    /// and the user's own words.</summary>
    private static HashSet<string> KnownOutside(ConversationIndex index, Func<ContextItem, bool> isOutside)
    {
        var known = new HashSet<string>(index.OutsideWords, StringComparer.Ordinal);
        foreach (var item in index.Items)
        {
            if (item.Origin is ContextOrigin.System or ContextOrigin.User && item.Kind == ContextItemKind.Text || isOutside(item) || IsPublished(item))
            {
                known.UnionWith(item.Tokens.Words);
            }
        }

        return known;
    }

    /// <summary>Whether an item says it is public: the public-material phrases, or a publication label at its start in
    /// the languages of the organisation's mail ("Published:", "Publié sur", "Yayımlanmış", "Đã công bố").</summary>
    public static bool IsPublished(ContextItem item)
    {
        var head = item.Subject + "\n" + (item.Body.Length > 120 ? item.Body[..120] : item.Body);
        return ContextLexicon.PublicMaterial().IsMatch(item.Text) || ContextLexicon.PublicationLabel().IsMatch(head) || ContextLexicon.PressRelease().IsMatch(head);
    }
}
