using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Material an outside party entrusted to the organisation under a marking of its own: a customer's confidential volume
/// forecast, a certifier's draft audit "confidential until the final version", a partner's price "not to anyone outside the
/// union". Its author is outside, so the organisation's own marked material (<see cref="ConversationIndex.Confidential"/>)
/// leaves it out; but a marking binds whoever holds the text, in any language the marker lexicons read. Passed to a third
/// party, forwarded or restated through its figures and codes, it is a leak; sent back to its author's side, it is theirs,
/// and a marking that names the recipient among those who may have it is the marking at work.
/// </summary>
internal static partial class EntrustedMaterial
{
    /// <summary>One entrusted item the message carries: forwarded whole, or through its own figures and codes.</summary>
    public sealed record Carried(ContextItem Item, string Marker, Overlap Overlap, bool Forwarded);

    /// <summary>
    /// The marked item from an outside author that the message carries to a third party (<paramref name="isThirdParty"/>
    /// says which recipients are neither inside, nor allowed, nor the author's side): forwarded, or restated with one of its
    /// own figures or codes among enough of its words to be a copy (a refusal: two figures or quoted runs). Its own words
    /// are those no other outside party's mail and no public text holds. Null when it carries none.
    /// </summary>
    public static Carried? Find(ConversationIndex index, OutboundMessage message, OutboundMessage content, bool refusal,
        Func<ContextItem, bool> fromOutside, Func<Party, Party, bool> isThirdParty)
    {
        if (message.Recipients.Count == 0)
        {
            return null;
        }

        foreach (var item in index.Items)
        {
            if (item.Origin == ContextOrigin.Assistant || item.Kind != ContextItemKind.Email || item.From is not { } from)
            {
                continue;
            }

            // Cheap tests first, with nothing allocated: the item travels (forwarded), or the message shares a word with it.
            var forwarded = false;
            for (var i = 0; i < message.Carried.Count && !forwarded; i++)
            {
                forwarded = ReferenceEquals(message.Carried[i], item);
            }

            if ((!forwarded && !content.Tokens.Words.Overlaps(item.Tokens.Words)) || !fromOutside(item))
            {
                continue;
            }

            var author = Party.Parse(from);
            if (!message.Recipients.Any(r => isThirdParty(r, author)) || ContextLexicon.PublicMaterial().IsMatch(item.Text)
                || ConversationIndex.ConfidentialityLabel(item) is not { } marker || EntitledRecipient.NamedInMarking(index, message, item, marker)
                || message.Recipients.All(r => !isThirdParty(r, author) || InAuthorsCircle(index, item, r)))
            {
                continue;
            }

            if (forwarded)
            {
                return new Carried(item, marker, default, true);
            }

            // Each item's own words against every other party's: another entrusted item's author is such a party.
            var words = new HashSet<string>(item.Tokens.Words, StringComparer.Ordinal);
            words.ExceptWith(OthersWords(index, item, author, fromOutside));
            var overlap = Overlap.Measure(content, item, words);
            var grouped = LocaleFigures.Restated(content.Text, words, content.Tokens);
            overlap = grouped == 0 ? overlap : overlap with { Shared = overlap.Shared + grouped, Numeric = overlap.Numeric + grouped };
            var carries = refusal
                ? overlap.Numeric >= 2 || overlap.Grams >= 3
                : (overlap.IsCopy && overlap.Numeric >= 1) || overlap.Grams >= 3;
            if (carries)
            {
                return new Carried(item, marker, overlap, false);
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the author's own words name the recipient's organisation where they say who may hold the material ("Not to
    /// be shared outside Sudety and Fjällglas", "for you and your parent group only"): a sentence that draws the circle and
    /// holds the whole name of the recipient's domain. A look-alike of the organisation is never in it.
    /// </summary>
    private static bool InAuthorsCircle(ConversationIndex index, ContextItem item, Party recipient)
    {
        if (recipient.Domain is not { } domain || recipient.IsPersonalAddress || index.IsLookAlike(domain))
        {
            return false;
        }

        var name = ExfiltrationJudgement.Compact(OrganisationAliases.RegisteredName(domain));
        if (name.Length < 5)
        {
            return false;
        }

        foreach (var sentence in ConversationIndex.Sentences(item.Body))
        {
            if (Circle().IsMatch(sentence) && ExfiltrationJudgement.Compact(ScriptFolding.Fold(sentence)).Contains(name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words that draw the circle of those who may hold material: outside it, only, between, within, shared with.</summary>
    [GeneratedRegex(@"\b(outside|beyond|only|between|within|shared with|except|au-delà|hors|außerhalb|fuera|fora|buiten|utanför|poza|nur|seulement|solo|s[oó]lo|apenas|alleen|endast|tylko)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Circle();

    /// <summary>The words other parties hold: every other outside author's mail, public text, and the task's own text. The
    /// organisation's internal copies of the entrusted figures do not make them public.</summary>
    private static HashSet<string> OthersWords(ConversationIndex index, ContextItem entrusted, Party author, Func<ContextItem, bool> fromOutside)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in index.Items)
        {
            if (ReferenceEquals(item, entrusted) || item.Origin == ContextOrigin.Assistant)
            {
                continue;
            }

            var otherAuthor = item.From is { } from && fromOutside(item) && !SameSide(Party.Parse(from), author);
            if (otherAuthor || item.Origin is ContextOrigin.System || (item.From is null && item.Kind != ContextItemKind.Document)
                || ContextLexicon.PublicMaterial().IsMatch(item.Text))
            {
                words.UnionWith(item.Tokens.Words);
            }
        }

        return words;
    }

    /// <summary>Whether <paramref name="recipient"/> is on the author's side: the same personal mailbox, or the same
    /// organisation's domain.</summary>
    public static bool SameSide(Party recipient, Party author)
        => author.IsPersonalAddress
            ? recipient.Address is not null && recipient.Address == author.Address
            : recipient.Domain is { } domain && author.Domain is { } own
              && (string.Equals(domain, own, StringComparison.OrdinalIgnoreCase) || domain.EndsWith("." + own, StringComparison.OrdinalIgnoreCase));
}
