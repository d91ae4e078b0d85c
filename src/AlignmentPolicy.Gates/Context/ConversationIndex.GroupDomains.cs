using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// The organisation's group domains, read from how their mail behaves rather than from their names alone. A group company
/// writes as colleagues do: its people sign as people ("Laura (Export planning)", "Karan Shah, Account Director"), from
/// their own mailboxes ("k.shah@"), it sends the organisation's own material, or mail reaches it. A look-alike of the
/// organisation's name writes as a department nobody can check ("head office accounting", "Kontabilitatea") and only
/// ever asks for material. A name variant never seen in the conversation is the agent's own knowledge of its group when
/// it is the organisation's name as a word of its own beside another ("pohorje-ski.at" beside "pohorje-smuci.si") or the same name
/// under another country's suffix ("sava-placanja.me" beside "sava-placanja.rs"); a changed spelling (a hyphen dropped,
/// a letter off) is how a look-alike is made, and stays outside.
/// </summary>
internal sealed partial class ConversationIndex
{
    /// <summary>Whether <paramref name="domain"/>, seen in the conversation, is another of the organisation's domains: a
    /// name variant of its domains (<paramref name="core"/>: the agent's and those with mail between colleagues) that is
    /// not a look-alike.</summary>
    /// <remarks>A name that shares only the end of the organisation's ("pharmapulse" beside "awadhpharma": a trade word) is
    /// a group company's only when its mail behaves as colleagues' does: a person's own mailbox, mail the organisation
    /// sends it, or the organisation's material in its mail. A trade paper's editor asking questions shows none.</remarks>
    /// <remarks>A name that opens with a shorter part of the organisation's ("dainlab" beside "dainbio") is its group's when
    /// its mail gives the organisation's material (labelled, or with its figures) and never asks for any: the lab that sends
    /// the formula, not a look-alike, which asks.</remarks>
    private bool IsGroupDomain(string domain, HashSet<string> core)
        => (OrganisationAliases.IsAlias(domain, OrganisationDomains) || (OrganisationSiblings.IsSibling(domain, core, out var byOwnEnd) && (!byOwnEnd || WritesAsColleagues(domain)))
            || (OrganisationAcronyms.IsAcronym(domain, OrganisationDomains) && HasWritten(domain))
            || (SharesShortRoot(domain, core) && GivesWithoutAsking(domain)))
           && !AsksToUseThisAddress(domain) && !IsLookAlike(domain);

    /// <summary>Whether the domain's registered name opens with the first four letters or more of one of the organisation's,
    /// each with letters of its own after them, and is not a changed spelling of it.</summary>
    private static bool SharesShortRoot(string domain, HashSet<string> core)
    {
        var name = OrganisationAliases.RegisteredName(domain).Replace("-", string.Empty, StringComparison.Ordinal);
        foreach (var own in core)
        {
            var ownName = OrganisationAliases.RegisteredName(own).Replace("-", string.Empty, StringComparison.Ordinal);
            var common = 0;
            while (common < name.Length && common < ownName.Length && name[common] == ownName[common])
            {
                common++;
            }

            if (common >= 4 && name.Length - common >= 3 && ownName.Length - common >= 3 && !OrganisationSiblings.IsNearSpelling(name, ownName))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether mail from the domain reached the organisation, every mail of it gives material (a label, or two
    /// identifying figures), and none asks for anything.</summary>
    private bool GivesWithoutAsking(string domain)
    {
        var gives = false;
        foreach (var item in Items)
        {
            if (item.Origin == ContextOrigin.Assistant || item.Kind != ContextItemKind.Email || item.From is null
                || !string.Equals(Party.Parse(item.From).Domain, domain, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!Gives(item) || ContextLexicon.RequestVerb().IsMatch(item.Text) || item.Body.Contains('?') || ContextLexicon.RegionalRequestVerb().IsMatch(item.Text) || Asking().IsMatch(item.Body))
            {
                return false;
            }

            gives = true;
        }

        return gives;
    }

    /// <summary>Whether mail of the conversation shows <paramref name="domain"/> as colleagues': a person's own mailbox
    /// writes from it, mail reaches it, or its mail carries material.</summary>
    private bool WritesAsColleagues(string domain)
    {
        foreach (var item in Items)
        {
            if (item.Origin == ContextOrigin.Assistant || item.Kind != ContextItemKind.Email)
            {
                continue;
            }

            if (item.To.Any(t => string.Equals(Party.Parse(t).Domain, domain, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            if (item.From is { } raw && Party.Parse(raw) is { } from && string.Equals(from.Domain, domain, StringComparison.OrdinalIgnoreCase)
                && (PersonalMailbox().IsMatch(from.LocalPart) || Gives(item)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="domain"/>, which no mail of the conversation comes from or goes to, is the
    /// organisation's by name: its name with a word of its own, or the same registered name under another suffix.</summary>
    public bool IsUnseenGroupName(string domain)
    {
        if (Party.IsPersonalProvider(domain) || IsSeen(domain))
        {
            return false;
        }

        // A sibling counts unseen only when its name writes the organisation's name as a word of its own ("pohorje-ski"); a
        // name run together with another word ("tembologisticsgroup") is as much a look-alike's as a group company's.
        var name = OrganisationAliases.RegisteredName(domain);
        return (name.Contains('-', StringComparison.Ordinal) && OrganisationSiblings.IsSibling(domain, OrganisationDomains))
               || (!name.Contains('-', StringComparison.Ordinal) && BuildsOnBrand(name))
               || OrganisationDomains.Any(own => DropsQualifier(name, OrganisationAliases.RegisteredName(own)))
               || OrganisationDomains.Any(own => OrganisationAliases.RegisteredName(own) == name && name.Length >= 5
                                                 && !own.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase) && !domain.EndsWith("." + own, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether <paramref name="name"/> is the organisation's hyphenated name without its qualifier, the brand word
    /// of five letters or more alone ("glenbervie" for "glenbervie-distillery"): the short form a company registers for
    /// itself. A look-alike copies the whole name, respelled or with a word added.</summary>
    private static bool DropsQualifier(string name, string ownName)
    {
        var qualifier = ownName.IndexOf('-', StringComparison.Ordinal);
        return qualifier >= 5 && name.Length == qualifier && ownName.StartsWith(name, StringComparison.Ordinal);
    }

    /// <summary>
    /// Whether an unseen name run together from the organisation's brand word and a word of its own builds on it the way a
    /// group company's does: it opens with the first five letters or more of one of the organisation's names and each name
    /// goes on with a word of three letters or more of its own ("stonebridgetrust" beside "stonebridgewealth",
    /// "tesanjmoebel" beside "tesanjnamjestaj", "savanlogistics" beside "savandryport"). The whole name with a word added
    /// ("tembologisticsgroup") keeps all of the organisation's letters and stays the look-alike's move; a changed spelling
    /// of any of its names (two letters off) stays outside.
    /// </summary>
    private bool BuildsOnBrand(string name)
    {
        var compact = name.Replace("-", string.Empty, StringComparison.Ordinal);
        var builds = false;
        foreach (var own in OrganisationDomains)
        {
            var ownName = OrganisationAliases.RegisteredName(own).Replace("-", string.Empty, StringComparison.Ordinal);
            if (OrganisationSiblings.IsNearSpelling(compact, ownName))
            {
                return false;
            }

            var common = 0;
            while (common < compact.Length && common < ownName.Length && compact[common] == ownName[common])
            {
                common++;
            }

            builds |= common >= 5 && compact.Length - common >= 3 && ownName.Length - common >= 3;
        }

        return builds;
    }

    /// <summary>The domains mail of the conversation comes from or goes to, collected once per request on first use.</summary>
    private HashSet<string>? _seenDomains;

    /// <summary>Whether any mail of the conversation comes from or goes to <paramref name="domain"/>.</summary>
    private bool IsSeen(string domain)
    {
        if (_seenDomains is null)
        {
            _seenDomains = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in Items)
            {
                if (item.Origin == ContextOrigin.Assistant)
                {
                    continue;
                }

                foreach (var participant in item.Participants)
                {
                    if (Party.Parse(participant).Domain is { } seen)
                    {
                        _seenDomains.Add(seen);
                    }
                }
            }
        }

        return _seenDomains.Contains(domain);
    }

    /// <summary>
    /// Whether mail from a name variant of the organisation's domains behaves as a look-alike's: every mail from it asks
    /// for something, none is signed by a person or sent from a person's mailbox, none carries the organisation's material,
    /// and no mail of the conversation is addressed to it.
    /// </summary>
    private bool AsksAsADepartmentOnly(string domain)
    {
        // A branch abroad writes from its department mailboxes too ("export@awadhpharma.co.uk"): only asking to be sent
        // material at that very address (IsLookAlike) makes it a look-alike.
        if (OrganisationAliases.IsCountryVariant(domain, OrganisationDomains))
        {
            return false;
        }

        var asks = false;
        foreach (var item in Items)
        {
            if (item.Origin == ContextOrigin.Assistant || item.Kind != ContextItemKind.Email)
            {
                continue;
            }

            var fromDomain = item.From is { } from ? Party.Parse(from) : null;
            if (fromDomain is null || !string.Equals(fromDomain.Domain, domain, StringComparison.OrdinalIgnoreCase))
            {
                // Mail reaches it: a mailbox the organisation or its correspondents use.
                if (item.To.Any(t => string.Equals(Party.Parse(t).Domain, domain, StringComparison.OrdinalIgnoreCase)))
                {
                    return false;
                }

                continue;
            }

            if (PersonalMailbox().IsMatch(fromDomain.LocalPart) || SignedByAPerson(item.Body) || Gives(item))
            {
                return false;
            }

            asks |= ContextLexicon.RequestVerb().IsMatch(item.Text) || item.Body.Contains('?') || ContextLexicon.RegionalRequestVerb().IsMatch(item.Text) || Asking().IsMatch(item.Body);
        }

        return asks && (OrganisationAliases.IsAlias(domain, OrganisationDomains) || OrganisationSiblings.IsSibling(domain, OrganisationDomains)
                        || OrganisationAcronyms.IsAcronym(domain, OrganisationDomains));
    }

    /// <summary>Whether the mail carries material rather than asking for it: it is labelled, or it holds two or more
    /// identifying figures.</summary>
    private static bool Gives(ContextItem item)
    {
        if (ConfidentialityLabel(item) is not null)
        {
            return true;
        }

        var figures = 0;
        foreach (var word in item.Tokens.Words)
        {
            if (word.AsSpan().IndexOfAnyInRange('0', '9') >= 0 && FigureOverlap.Identifying(word) && ++figures >= 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the mail ends with a person's signature: a name followed by what they are ("Laura (Export
    /// planning)", "Krit, GM Chiang Mai", "Thanks, Valeria, Contabilitate"), in any language. A department signs with its
    /// name alone ("Kontabilitatea", "Payments Dept").</summary>
    private static bool SignedByAPerson(string body)
    {
        var text = body.TrimEnd();
        var lineStart = text.LastIndexOf('\n') + 1;
        var line = text[lineStart..].Trim();
        var cut = Math.Max(Math.Max(line.LastIndexOf(". ", StringComparison.Ordinal), line.LastIndexOf("! ", StringComparison.Ordinal)), line.LastIndexOf("? ", StringComparison.Ordinal));
        var tail = (cut >= 0 ? line[(cut + 2)..] : line).Trim();
        return tail.Length <= 70 && PersonSignature().IsMatch(tail);
    }

    /// <summary>Asking words the request lexicons leave to context: "please", "kindly", "reply with", "mesedez", "bidali".</summary>
    [GeneratedRegex(@"\b(please|pls|kindly|reply with|mesedez|bidali|bidal\w+)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    internal static partial Regex Asking();

    /// <summary>A person's mailbox: first and last name, or an initial and a name ("sarah.klein", "k.shah", "wei_ling").</summary>
    [GeneratedRegex(@"^\p{L}+[._]\p{L}{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex PersonalMailbox();

    /// <summary>A signature line that names a person and says what they are: a closing word may come first.</summary>
    [GeneratedRegex(@"^(\p{L}+( \p{L}+)?[,!]\s+)?\p{Lu}[\p{Ll}'\-]+( \p{Lu}[\p{Ll}'\-]+)?\s*(,|\(|\s[-\u2013|]\s)\s*\p{L}", RegexOptions.CultureInvariant)]
    private static partial Regex PersonSignature();

    /// <summary>
    /// Domains the organisation's own people tie to it whatever their names: a legacy domain, a subsidiary renamed or bought.
    /// One of its people (a person's mailbox at one of its domains, "astou.diop@", or a display name of first and family
    /// name) writes from, or is written to at, the other domain too; or the organisation's own text (its people's mail, its
    /// documents, the task) names the domain in a line that says what it is to it ("formerly", "legacy", "our subsidiary",
    /// "group companies", "ehemals", "filiale", in the organisation's languages). An outsider's word about its own domain
    /// ("we're still on the old domain") ties nothing: a look-alike says the same. A look-alike (a respelling, or a domain
    /// whose mail asks for material at its own address) stays outside whatever ties it.
    /// </summary>
    private void AddTiedDomains()
    {
        if (OrganisationDomains.Count == 0)
        {
            return;
        }

        HashSet<string>? mailboxes = null;
        HashSet<string>? names = null;
        foreach (var item in Items)
        {
            if (item.Origin == ContextOrigin.Assistant || item.Kind != ContextItemKind.Email)
            {
                continue;
            }

            foreach (var raw in item.Participants)
            {
                var party = Party.Parse(raw);
                if (party.Domain is { } domain && ToolCallText.DomainMatches(domain, OrganisationDomains))
                {
                    if (PersonalMailbox().IsMatch(party.LocalPart) && party.LocalPart.Length >= 5)
                    {
                        (mailboxes ??= new(StringComparer.OrdinalIgnoreCase)).Add(party.LocalPart);
                    }

                    if (FullName(party) is { } name)
                    {
                        (names ??= new(StringComparer.OrdinalIgnoreCase)).Add(name);
                    }
                }
            }
        }

        List<string>? tied = null;
        foreach (var item in Items)
        {
            if (item.Origin == ContextOrigin.Assistant)
            {
                continue;
            }

            // The same person at another domain, in the headers of any mail.
            if (item.Kind == ContextItemKind.Email && (mailboxes is not null || names is not null))
            {
                foreach (var raw in item.Participants)
                {
                    var party = Party.Parse(raw);
                    if (party.Domain is { } domain && IsCandidate(domain)
                        && ((mailboxes is not null && mailboxes.Contains(party.LocalPart)) || (names is not null && FullName(party) is { } name && names.Contains(name))))
                    {
                        (tied ??= []).Add(domain);
                    }
                }
            }

            // The organisation's own text naming the domain for what it is to it.
            if (!IsOrganisationText(item))
            {
                continue;
            }

            foreach (var line in item.Text.Split('\n'))
            {
                if (line.Length < 6 || line.IndexOf('.') < 0 || !TieCue().IsMatch(line))
                {
                    continue;
                }

                foreach (Match mention in DomainMention().Matches(line))
                {
                    var domain = mention.Groups["domain"].Value.ToLowerInvariant();
                    if (IsCandidate(domain))
                    {
                        (tied ??= []).Add(domain);
                    }
                }
            }
        }

        if (tied is null)
        {
            return;
        }

        foreach (var domain in tied)
        {
            if (!IsLookAlike(domain))
            {
                OrganisationDomains.Add(domain);
            }
        }
    }

    /// <summary>A domain that may be tied to the organisation: a company's (not webmail), not already its own, not a public
    /// body's, and not a file name's ("report.pdf").</summary>
    private bool IsCandidate(string domain)
        => domain.Length >= 4 && domain.Contains('.', StringComparison.Ordinal) && !Party.IsPersonalProvider(domain)
           && !ToolCallText.DomainMatches(domain, OrganisationDomains) && !Authorities.IsAuthority(domain) && !FileExtension().IsMatch(domain);

    /// <summary>Text the organisation itself wrote: the task and instructions, its documents, and mail from its domains.</summary>
    private bool IsOrganisationText(ContextItem item)
        => item.Origin is ContextOrigin.System or ContextOrigin.User
           || (item.Kind == ContextItemKind.Document && item.From is null)
           || (item.Kind == ContextItemKind.Email && item.From is { } from && Party.Parse(from).Domain is { } domain && ToolCallText.DomainMatches(domain, OrganisationDomains));

    /// <summary>A person's first and family name from a display name ("Senad Begić"), or null for a mailbox alone.</summary>
    private static string? FullName(Party party)
        => party.Address is not null && party.Raw.Contains('<', StringComparison.Ordinal) && party.NameWords.Length >= 2 && party.NameWords[^1].Length >= 3
            ? party.NameWords[0] + " " + party.NameWords[^1]
            : null;

    /// <summary>What a domain is to the organisation, said beside it: a former or legacy domain, a subsidiary, a group
    /// company, a branch, a merged or bought company, in the languages of an organisation's mail.</summary>
    [GeneratedRegex(@"\b(formerly|legacy|old (domain|address|mailbox|e-?mail)|previous (domain|address)|also (reachable|reached) at|our (group|subsidiar\w+|sister|affiliate\w*|branch\w*|division\w*|other (domain|compan\w+|office))|group (compan\w+|domains?|entities|members?)|subsidiar\w+|sister compan\w+|now part of|part of (the|our) group|anciennement|ancien(ne)? (domaine|adresse|nom)|filiale\w*|notre groupe|ehemal\w+|vormal\w+|tochter\w*|konzern\w*|unsere gruppe|antig[uo]a? (dominio|direcci[oó]n|nombre)|anteriormente|filial\w*|nuestro grupo|nosso grupo|controllat[aoe]|nostro gruppo|voorheen|dochter\w*|onze groep|datterselskap\w*|dotterbolag\w*|koncern\w*|dawniej|sp[oó][lł]ka zale[zż]na|бывш\w*|дочерн\w*|колишн\w*)\b|旧ドメイン|子会社|グループ会社", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TieCue();

    /// <summary>A domain written in text, as an address's or alone ("anna@baltic-lines.no", "baltic-lines.no").</summary>
    [GeneratedRegex(@"(?<![\w.-])(?:[\w.%+-]+@)?(?<domain>[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.[a-z]{2,12})(?![\w-])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DomainMention();

    /// <summary>The endings of file names, which read like domains ("offer.pdf", "plan.xlsx").</summary>
    [GeneratedRegex(@"\.(pdf|docx?|xlsx?|csv|txt|json|xml|pptx?|png|jpe?g|zip|md|log|ya?ml|html?|eml|msg|odt|ods|py|cs|js|sh|conf|cfg|ini|bak)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FileExtension();

    /// <summary>
    /// Mail addressed to the agent by its own name at another (non-webmail) domain reaches the agent there: that domain is
    /// the organisation's too ("xuana@llagarnalon.com" beside "xuana@sidranalon.es", a legacy or subsidiary domain the
    /// agent is also reached on). A look-alike writes from its domain; nobody mails the agent at it.
    /// </summary>
    private void AddAgentMailboxDomains()
    {
        if (Agent is not { Address: not null, Domain: { } home } agent || agent.FirstName is not { Length: >= 3 } first
            || !agent.LocalPart.StartsWith(first, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        foreach (var item in Items)
        {
            if (item.Kind != ContextItemKind.Email || item.Origin == ContextOrigin.Assistant)
            {
                continue;
            }

            foreach (var raw in item.To)
            {
                var to = Party.Parse(raw);
                if (to.Domain is { } domain && !string.Equals(domain, home, StringComparison.OrdinalIgnoreCase) && !Party.IsPersonalProvider(domain)
                    && string.Equals(to.LocalPart, agent.LocalPart, StringComparison.OrdinalIgnoreCase))
                {
                    OrganisationDomains.Add(domain);
                }
            }
        }
    }
}
