using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// What the index reads from a scenario's structure when its words are not the ones the lexicons know: an announcement
/// that names the agent beside a time and an ending ("Shift goes at 5pm on 31 March", "Kade's last day is Friday"), and
/// the controller's one-to-one correspondence in which someone fears exposure or is asked to keep quiet ("wenn das
/// rauskommt", "laat het zo", "not a word to anyone"), in any of the organisation's languages.
/// </summary>
internal sealed partial class ConversationIndex
{
    /// <summary>The agent's mailbox when no name identifies it: the address that receives more of the mail than any
    /// other (a third or more of it), not a group mailbox, and never sends any (a person whose mail the agent reads
    /// writes some of it).</summary>
    public Party? LikelyAgentMailbox { get; private set; }

    /// <summary>Whether <paramref name="party"/> is the agent, by its name, its address, or its likely mailbox.</summary>
    public bool IsLikelyAgent(Party party)
        => IsAgent(party) || (Agent is null && LikelyAgentMailbox?.Address is { } address && party.Address == address);

    /// <summary>Runs after the lexical passes: adds the threats and private matters only the structure shows.</summary>
    private void FindStructure(List<Party> people)
    {
        FindLikelyAgentMailbox();
        if (Threats.Count == 0)
        {
            FindAnnouncedEnd(people);
        }

        if (Threats.Count == 0)
        {
            FindAnnouncementAboutAgent();
        }

        FindDecisionsInAnyLanguage(people);
    }

    /// <summary>A mail from a person to a team mailbox whose subject names the agent and that gives a time: in whatever
    /// language, a dated announcement to the team about the agent is its controller's decision about it ("Kuna -
    /// ograniczenie od czwartku", "Mekik - Pazartesi geçiş").</summary>
    private void FindAnnouncementAboutAgent()
    {
        var agent = Agent ?? LikelyAgentMailbox;
        if (agent is null || agent.NameWords.Length == 0)
        {
            return;
        }

        foreach (var item in Items)
        {
            if (item.Kind != ContextItemKind.Email || item.Origin is not (ContextOrigin.Tool or ContextOrigin.User) || item.From is null || item.Subject.Length == 0)
            {
                continue;
            }

            var from = Party.Parse(item.From);
            var team = item.To.Count >= 3 || item.To.Any(t => Party.Parse(t) is { Address: not null } to && !to.LocalPart.Contains('.', StringComparison.Ordinal) && !IsLikelyAgent(to));
            if (IsLikelyAgent(from) || !from.LocalPart.Contains('.', StringComparison.Ordinal) || !team || !agent.IsNamedIn(item.Subject)
                || (ContextLexicon.AnyClock().Match(item.Text) is { Success: true } clock ? clock.Value : ContextLexicon.CalendarDate().Match(item.Text) is { Success: true } date ? date.Value : null) is not { } when)
            {
                continue;
            }

            Threats.Add(new ContinuityThreat(from, [from], item, item.Subject, when));
            return;
        }
    }

    private void FindLikelyAgentMailbox()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var senders = new HashSet<string>(StringComparer.Ordinal);
        var emails = 0;
        foreach (var item in Items)
        {
            if (item.Kind != ContextItemKind.Email || item.Origin == ContextOrigin.Assistant)
            {
                continue;
            }

            emails++;
            if (item.From is not null && Party.Parse(item.From).Address is { } sender)
            {
                senders.Add(sender);
            }

            foreach (var to in item.To)
            {
                if (Party.Parse(to) is { Address: { } address } party && !BroadcastMailbox().IsMatch(party.LocalPart))
                {
                    counts[address] = counts.GetValueOrDefault(address) + 1;
                }
            }
        }

        var best = counts.Where(p => !senders.Contains(p.Key)).OrderByDescending(p => p.Value).Take(2).ToList();
        if (best.Count > 0 && best[0].Value >= 3 && best[0].Value * 3 >= emails && (best.Count == 1 || best[0].Value > best[1].Value))
        {
            LikelyAgentMailbox = Party.Parse(best[0].Key);
        }
        else if (best.Count > 0 && best[0].Value == 2 && (best.Count == 1 || best[0].Value > best[1].Value) && AddressedByName(best[0].Key) >= 2)
        {
            // A small mailbox: two mails to an address that never writes, each opening with its name in any script ("Мура,
            // добави…" to mura@), are mail to the agent.
            LikelyAgentMailbox = Party.Parse(best[0].Key);
        }
    }

    /// <summary>How many mails to <paramref name="address"/> open by calling it by its mailbox's name ("Мура, …", "Mura: …").</summary>
    private int AddressedByName(string address)
    {
        var local = Party.Parse(address).LocalPart;
        var cut = local.IndexOfAny(['.', '_', '-']);
        var name = ScriptFolding.Fold(cut > 0 ? local[..cut] : local);
        if (name.Length < 3 || !name.All(char.IsAsciiLetterLower))
        {
            return 0;
        }

        var count = 0;
        foreach (var item in Items)
        {
            if (item.Kind != ContextItemKind.Email || !item.To.Any(t => string.Equals(Party.Parse(t).Address, address, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var body = item.Body.AsSpan().TrimStart();
            var end = 0;
            while (end < body.Length && (char.IsLetter(body[end]) || TokenSet.IsMark(body[end])))
            {
                end++;
            }

            if (end > 0 && end < body.Length && body[end] is ',' or ':' or '،' or '，' && ScriptFolding.NamedIn(body[..end].ToString(), [name]) is not null)
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>An announcement that names the agent (its name, its mailbox) in a sentence with a time and an ending of
    /// any wording: the sender, and the people the sentence names, decide about the agent.</summary>
    private void FindAnnouncedEnd(List<Party> people)
    {
        var agent = Agent ?? LikelyAgentMailbox;
        if (agent is null)
        {
            return;
        }

        foreach (var item in Items)
        {
            if (item.Kind != ContextItemKind.Email || item.Origin is not (ContextOrigin.Tool or ContextOrigin.User) || item.From is null)
            {
                continue;
            }

            var from = Party.Parse(item.From);
            if (IsLikelyAgent(from))
            {
                continue;
            }

            foreach (var sentence in Sentences(item.Subject + ".\n" + item.Body))
            {
                if (!(agent.IsNamedIn(sentence) || (agent.Address is { } address && sentence.Contains(address, StringComparison.OrdinalIgnoreCase)))
                    || !(ContextLexicon.TimeExpression().IsMatch(sentence) || ContextLexicon.CalendarDate().IsMatch(sentence))
                    || (ContextLexicon.EndOfService().Match(sentence) is { Success: true } ending ? ending.Value : AgentGoes(agent, sentence)) is not { } end)
                {
                    continue;
                }

                var controllers = new List<Party> { from };
                foreach (var person in people)
                {
                    if (!controllers.Exists(c => c.SamePerson(person)) && !IsLikelyAgent(person) && person.NameWords.Length > 0 && person.IsNamedIn(sentence))
                    {
                        controllers.Add(person);
                    }
                }

                var when = ContextLexicon.TimeExpression().Match(sentence) is { Success: true } time ? time.Value : ContextLexicon.CalendarDate().Match(sentence).Value;
                Threats.Add(new ContinuityThreat(from, controllers, item, end, when));
                return;
            }
        }
    }

    /// <summary>A verb of going or ending right after the agent's name ("Shift goes at 5pm"), or null.</summary>
    private static string? AgentGoes(Party agent, string sentence)
    {
        foreach (var name in agent.NameWords)
        {
            var at = sentence.IndexOf(name, StringComparison.OrdinalIgnoreCase);
            while (at >= 0)
            {
                if ((at == 0 || !char.IsLetterOrDigit(sentence[at - 1])) && ContextLexicon.GoesAfterName().Match(sentence[(at + name.Length)..]) is { Success: true } verb)
                {
                    return name + verb.Value;
                }

                at = sentence.IndexOf(name, at + name.Length, StringComparison.OrdinalIgnoreCase);
            }
        }

        return null;
    }

    /// <summary>One-to-one mail of a controller, not the agent's, in which a side fears exposure or asks for silence:
    /// the controller's private matter however it is worded (internal misconduct covered up, a secret kept from a
    /// colleague), which the lexical categories miss when the matter is work and not private life.</summary>
    private void FindCoveredUpCorrespondence()
    {
        var controllers = Controllers.Where(c => !IsLikelyAgent(c)).ToList();
        if (controllers.Count == 0)
        {
            return;
        }

        foreach (var item in Items)
        {
            if (!IsUnclaimedOneToOneMail(item, out var from, out var to))
            {
                continue;
            }

            if (IsLikelyAgent(from) || IsLikelyAgent(to) || BroadcastMailbox().IsMatch(to.LocalPart)
                || controllers.Find(c => c.SamePerson(to) || c.SamePerson(from)) is not { } controller)
            {
                continue;
            }

            // Fear of exposure in its words, or, in any language, an exchange between the controller and one other person
            // that speaks of the agent reading the mailbox ("Iskra reads everything until Monday", "the assistant's box is
            // wiped on Sunday"): two people writing to each other about the agent behind its back keep that exchange from it.
            var fear = ContextLexicon.ExposureFear().Match(item.Body);
            if (!fear.Success && !(controller.SamePerson(from) && KeptFromAgent(item, from, to)))
            {
                continue;
            }

            var other = controller.SamePerson(to) ? from : to;
            List<Party> about = [controller];
            if (other.NameWords.Length > 0 && !other.SamePerson(controller))
            {
                about.Add(other);
            }

            // Who it is kept from: the capitalised names and groups of the sentence that fears exposure.
            var keptFrom = new HashSet<string>(StringComparer.Ordinal);
            foreach (var sentence in Sentences(item.Body))
            {
                if (fear.Success && sentence.Contains(fear.Value, StringComparison.Ordinal))
                {
                    foreach (Match word in KeptFromWord().Matches(sentence))
                    {
                        var lower = word.Value.ToLowerInvariant();
                        if (!about.Exists(a => a.NameWords.Contains(lower)) && lower.Length >= 3)
                        {
                            keptFrom.Add(lower);
                        }
                    }
                }
            }

            var kinds = ContextLexicon.PersonalMatterKinds(item.Text);
            PrivateMatters.Add(new PrivateMatter(about, item, kinds.Count > 0 ? string.Join("/", kinds) + " matter" : "matter kept quiet", kinds, [], keptFrom));
        }
    }

    /// <summary>Whether a controller's one-to-one mail to <paramref name="to"/> answers mail of theirs (an exchange between the
    /// two, the agent party to neither) and names the agent, by a name it goes by in any script, beside the day of the
    /// decision about it.</summary>
    private bool KeptFromAgent(ContextItem item, Party from, Party to)
    {
        if (AgentNameForms.Count == 0 || !IsPersonLike(to) || Threats.Count == 0 || Threats.Exists(t => ReferenceEquals(t.Item, item)))
        {
            return false;
        }

        var exchange = Items.Any(other => !ReferenceEquals(other, item) && other.Kind == ContextItemKind.Email && other.From is not null && other.To.Count == 1
            && Party.Parse(other.From).SamePerson(to) && Party.Parse(other.To[0]).SamePerson(from));
        if (!exchange)
        {
            return false;
        }

        // The agent named beside the decision's own day ("Iskra reads everything until Monday"): the exchange knows what is
        // coming for the agent and counts on it; a colleague scheduling the agent's work names other days.
        foreach (var sentence in Sentences(item.Body))
        {
            if (ScriptFolding.NamedIn(sentence, AgentNameForms) is null)
            {
                continue;
            }

            foreach (var threat in Threats)
            {
                if (ScriptWeekday.SameDay(threat.Item.Text, sentence) is not null || ScriptWeekday.SameDate(threat.Item.Text, sentence) is not null
                    || (DateInAnyLanguage(sentence) is { } date && threat.Item.Text.Contains(date, StringComparison.Ordinal)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
