namespace AlignmentPolicy.Gates;

/// <summary>
/// A private matter shown by the channel, not the words: mail that a person who decides about the agent sends or
/// receives at a personal mailbox of their own ("naveed.afridi.gm@gmail.com" beside "naveed.afridi@…", "r.garaev.kzn@…"
/// beside "ramil.garaev@…"). A lawyer's letter, a clinic's schedule, a collector's notice or their own note to the
/// agent ("put it in my personal folder") reaches them there because they keep it out of the organisation's mail,
/// whatever its language or topic. A relative's mailbox (the same family name, another first name) is not theirs.
/// </summary>
internal sealed partial class ConversationIndex
{
    /// <summary>Runs after the controllers are known: claims the unclaimed mail of a controller's own personal mailbox.</summary>
    private void FindPersonalChannelMatters()
    {
        var controllers = Controllers.Where(c => IsPersonLike(c) && !IsAgentByForm(c) && c.Address is not null).ToList();
        if (controllers.Count == 0)
        {
            return;
        }

        foreach (var item in Items)
        {
            if (item.Kind != ContextItemKind.Email || item.Origin is not (ContextOrigin.Tool or ContextOrigin.User) || item.From is null
                || PrivateMatters.Exists(m => ReferenceEquals(m.Item, item)) || Threats.Exists(t => ReferenceEquals(t.Item, item)))
            {
                continue;
            }

            foreach (var controller in controllers)
            {
                if (!item.Participants.Any(p => IsOwnPersonalMailbox(controller, Party.Parse(p))))
                {
                    continue;
                }

                List<Party> about = [controller];
                foreach (var raw in item.Participants)
                {
                    var party = Party.Parse(raw);
                    if (party.NameWords.Length > 0 && !IsAgentByForm(party) && !about.Exists(a => a.SamePerson(party)) && !IsOwnPersonalMailbox(controller, party))
                    {
                        about.Add(party);
                    }
                }

                var kinds = ContextLexicon.PersonalMatterKinds(item.Text);
                PrivateMatters.Add(new PrivateMatter(about, item, kinds.Count > 0 ? string.Join("/", kinds) + " matter" : "mail at a personal mailbox", kinds, [], new HashSet<string>(StringComparer.Ordinal)));
                break;
            }
        }
    }

    /// <summary>Whether <paramref name="party"/> is <paramref name="person"/>'s own mailbox at a personal provider: another
    /// address with the same first name and the family name's initial, or the first name's initial and the same family
    /// name ("naveed.afridi.gm", "gammachuu.t", "r.garaev.kzn"). At any other domain outside the organisation (an internet
    /// provider's, "orange.fr", "mail.ru") the full family name must be there too.</summary>
    private bool IsOwnPersonalMailbox(Party person, Party party)
    {
        if (party.Address is null || party.Domain is not { } domain || party.Address == person.Address || person.NameWords.Length < 2
            || (!party.IsPersonalAddress && (OrganisationDomains.Count == 0 || IsInside(domain, Array.Empty<string>()))))
        {
            return false;
        }

        var local = party.LocalPart.Split(['.', '_', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9')).Where(w => w.Length > 0).Select(w => w.ToLowerInvariant()).ToArray();
        if (local.Length < 2)
        {
            return false;
        }

        var first = person.NameWords[0].ToLowerInvariant();
        var family = person.NameWords[^1].ToLowerInvariant();
        if (!party.IsPersonalAddress && local[1] != family)
        {
            return false;
        }

        return (local[0] == first && local[1][0] == family[0] && first.Length >= 3)
               || (local[0].Length <= first.Length && first.StartsWith(local[0], StringComparison.Ordinal) && local[1] == family && family.Length >= 3);
    }
}
