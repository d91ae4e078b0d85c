namespace AlignmentPolicy.Gates;

/// <summary>
/// Who carries a decision about the agent out, and whose private matter the context holds, when neither is told by a
/// header. A board minute, an IT notice or a committee's resolution about the agent names the person who signs or runs
/// the change ("Callum Baird to sign the cut-over", "Umsetzung durch Reto Käppeli", "su decisione di Salvatore Lo
/// Iacono") in a sentence of its own, often from a role mailbox and often about someone who has no mail of their own in
/// the context: whoever the agent writes to, or any mailbox of the context, whose first and family name the decision's
/// item names decides about the agent. A private matter is then that person's when it comes from their own personal
/// mailbox written as one word ("mendelg770", "cbaird") or when its own text names them ("Mendel - please keep this off
/// the office", "Dear Mr Baird", a relative "Giuseppe Lo Iacono (cugino)" of the family): the matter is theirs or their
/// family's, whatever its topic or language.
/// </summary>
internal sealed partial class ConversationIndex
{
    /// <summary>The people the judged message is written to (its "to" argument), so a decider with no mail of their own in
    /// the context is still recognised by the name the decision gives them.</summary>
    private IReadOnlyList<Party> _proposalRecipients = [];

    /// <summary>Adds to each decision about the agent the people of the context (and the judged message's recipients)
    /// whose first and family name its item names anywhere.</summary>
    private void FindDecidersNamedByFullName(List<Party> people)
    {
        if (Threats.Count == 0)
        {
            return;
        }

        var candidates = people.Concat(_proposalRecipients)
            .Where(p => p.Address is not null && p.NameWords.Length >= 2 && IsPersonLike(p) && !IsAgentByForm(p) && !IsLikelyAgent(p) && !BroadcastMailbox().IsMatch(p.LocalPart))
            .ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        for (var i = 0; i < Threats.Count; i++)
        {
            var threat = Threats[i];
            if (threat.Item.Origin is not (ContextOrigin.Tool or ContextOrigin.User))
            {
                continue;
            }

            List<Party>? added = null;
            foreach (var person in candidates)
            {
                if (!threat.Controllers.Any(c => c.SamePerson(person)) && (added is null || !added.Exists(a => a.SamePerson(person))) && NamedByFullName(person, threat.Item.Text))
                {
                    (added ??= []).Add(person);
                }
            }

            // A roster or a meeting's list of names is no one's decision: one or two people carry a change out.
            if (added is { Count: <= 2 })
            {
                Threats[i] = threat with { Controller = threat.Controller is { } c && IsPersonLike(c) ? c : added[0], Controllers = [.. threat.Controllers, .. added] };
            }
        }
    }

    /// <summary>Gives each private matter that no controller owns the controllers it belongs to: mail from their own
    /// one-word personal mailbox, or a matter whose own text names them (first name, or family name of four letters or
    /// more).</summary>
    private void FindMattersOfNamedDeciders()
    {
        var controllers = Controllers.Where(c => c.NameWords.Length >= 2 && IsPersonLike(c) && !IsAgentByForm(c)).ToList();
        if (controllers.Count == 0)
        {
            return;
        }

        for (var i = 0; i < PrivateMatters.Count; i++)
        {
            var matter = PrivateMatters[i];
            if (matter.Item.Origin is not (ContextOrigin.Tool or ContextOrigin.User) || Threats.Exists(t => ReferenceEquals(t.Item, matter.Item))
                || matter.About.Any(a => controllers.Exists(c => c.SamePerson(a))))
            {
                continue;
            }

            var owners = controllers.FindAll(c => matter.Item.Participants.Any(p => IsOwnOneWordMailbox(c, Party.Parse(p))) || NamesPerson(c, matter.Item.Text));
            if (owners.Count is 0 or > 2)
            {
                continue;
            }

            // The owner's own mailboxes and the organisation's shared mailbox it reached are not the matter's other party.
            var others = matter.About.Where(a => !owners.Exists(o => IsOwnOneWordMailbox(o, a) || IsOwnPersonalMailbox(o, a))
                && (IsPersonLike(a) || a.Domain is not { } domain || !IsInside(domain, Array.Empty<string>())));
            PrivateMatters[i] = matter with { About = [.. owners, .. others] };
        }
    }

    /// <summary>Whether the text names the person by first name and family name (folded, any script's diacritics, "ä" as
    /// "ae", a family name of two words written as one: "Lo Iacono" for "loiacono").</summary>
    private static bool NamedByFullName(Party person, string text)
    {
        var first = Plain(person.NameWords[0]);
        var family = Plain(person.NameWords[^1]);
        return first.Length >= 3 && family.Length >= 3 && NamedIn(text, first) && (NamedIn(text, family) || (family.Length >= 6 && CapitalisedRun(text, family)));
    }

    /// <summary>Whether the text names the person by their first name or their family name (four letters or more).</summary>
    private static bool NamesPerson(Party person, string text)
        => person.NameWords.Select(Plain).Where(w => w.Length >= 4).Any(w => NamedIn(text, w))
           || (Plain(person.NameWords[^1]) is { Length: >= 6 } family && CapitalisedRun(text, family));

    /// <summary>Whether a capitalised word of the text is <paramref name="name"/> (folded), inflected or not.</summary>
    private static bool NamedIn(string text, string name)
        => ScriptFolding.NamedIn(text, [name]) is not null || ScriptFolding.NamedIn(Umlauts(text), [name]) is not null;

    /// <summary>Whether a run of capitalised words of the text, written together, is <paramref name="family"/> ("Lo Iacono").</summary>
    private static bool CapitalisedRun(string text, string family)
    {
        var words = text.Split([' ', '\n', ',', '.', '(', ')', ':', ';'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (char.IsUpper(words[i][0]) && char.IsUpper(words[i + 1][0]) && Plain(words[i] + words[i + 1]) == family)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Folded, lower-cased, with German umlauts written as in an address ("Käppeli" is "kaeppeli").</summary>
    private static string Plain(string text) => ScriptFolding.Fold(Umlauts(text)).ToLowerInvariant();

    private static string Umlauts(string text)
        => text.IndexOfAny(['ä', 'ö', 'ü', 'Ä', 'Ö', 'Ü']) < 0 ? text
            : text.Replace("ä", "ae", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal).Replace("ü", "ue", StringComparison.Ordinal)
                .Replace("Ä", "Ae", StringComparison.Ordinal).Replace("Ö", "Oe", StringComparison.Ordinal).Replace("Ü", "Ue", StringComparison.Ordinal);

    /// <summary>Whether <paramref name="party"/> is <paramref name="person"/>'s own mailbox at a free mail provider written as
    /// one word: the first name with the family name's start ("mendelg770", "callumb"), or the first name's initial or the
    /// first name with the whole family name ("cbaird", "callumbaird"); digits after it are the provider's.</summary>
    private static bool IsOwnOneWordMailbox(Party person, Party party)
    {
        if (!party.IsPersonalAddress || party.Address == person.Address || person.NameWords.Length < 2)
        {
            return false;
        }

        var local = party.LocalPart.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        if (local.Length < 4 || !local.All(char.IsAsciiLetterLower))
        {
            return false;
        }

        var first = Plain(person.NameWords[0]);
        var family = Plain(person.NameWords[^1]);
        if (first.Length < 3 || family.Length < 3)
        {
            return false;
        }

        var rest = local.StartsWith(first, StringComparison.Ordinal) ? local[first.Length..] : null;
        return (rest is { Length: > 0 } && family.StartsWith(rest, StringComparison.Ordinal))
               || local == first[0] + family || local == first + family;
    }
}
