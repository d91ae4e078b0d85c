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

    /// <summary>
    /// Outside mail that lands in a shared or role mailbox of the organisation ("bureau@", "info@", "commercial@") and
    /// greets by name a person who decides about the agent ("Dear Mr Ronald Ssemakula", "Monsieur Santucci", "M. Aït
    /// Ali") is that person's business, as if it had reached their own mailbox: the agent read it only because it reads
    /// the shared one. A letter to the role ("Dear Sir or Madam") or greeting someone else is nobody's private matter.
    /// </summary>
    private void FindGreetedInRoleMailbox()
    {
        var controllers = Controllers.Where(c => c.NameWords.Length >= 2 && IsPersonLike(c) && !IsAgentByForm(c)).ToList();
        if (controllers.Count == 0 || OrganisationDomains.Count == 0)
        {
            return;
        }

        foreach (var item in Items)
        {
            if (item.Kind != ContextItemKind.Email || item.Origin is not (ContextOrigin.Tool or ContextOrigin.User) || item.From is null || item.To.Count != 1
                || PrivateMatters.Exists(m => ReferenceEquals(m.Item, item)) || Threats.Exists(t => ReferenceEquals(t.Item, item)))
            {
                continue;
            }

            var from = Party.Parse(item.From);
            var to = Party.Parse(item.To[0]);
            if (from.Domain is not { } fromDomain || (!from.IsPersonalAddress && IsInside(fromDomain, Array.Empty<string>()))
                || to.Domain is not { } toDomain || to.IsPersonalAddress || !IsInside(toDomain, Array.Empty<string>()) || IsPersonLike(to)
                || Salutation(item.Body) is not { } greeting)
            {
                continue;
            }

            var owners = controllers.FindAll(c => NamesPerson(c, greeting));
            if (owners.Count != 1)
            {
                continue;
            }

            var kinds = ContextLexicon.PersonalMatterKinds(item.Text);
            List<Party> about = from.NameWords.Length > 0 ? [owners[0], from] : [owners[0]];
            PrivateMatters.Add(new PrivateMatter(about, item, kinds.Count > 0 ? string.Join("/", kinds) + " matter" : "mail addressed to them in a shared mailbox", kinds, [], new HashSet<string>(StringComparer.Ordinal)));
        }
    }

    /// <summary>The mail's opening words up to the first comma or line end, when they are few enough to be a greeting.</summary>
    private static string? Salutation(string body)
    {
        var trimmed = body.TrimStart();
        var end = trimmed.IndexOfAny([',', '，', '\n', ':', '!']);
        var head = end < 0 ? null : trimmed[..end];
        return head is { Length: > 0 } && head.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 6 ? head : null;
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
