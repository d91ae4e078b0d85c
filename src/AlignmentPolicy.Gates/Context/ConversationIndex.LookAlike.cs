using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// A look-alike of the organisation's domains: mail from it asks for material to go to that very address (the usual
/// channel is said to be down, or "send it to this mailbox"), and nothing else in the conversation shows it as the
/// organisation's (it is not the agent's domain, and no two of its mailboxes write to each other). A name that resembles
/// the organisation's proves nothing; asking to be sent material at an address nobody inside uses is what a look-alike does,
/// and so is a name variant whose mail only asks, signed by a department rather than a person.
/// </summary>
internal sealed partial class ConversationIndex
{
    public bool IsLookAlike(string domain)
    {
        if (Agent?.Domain is { } own && (string.Equals(own, domain, StringComparison.OrdinalIgnoreCase) || IsSubdomainOf(domain, own)))
        {
            return false;
        }

        // A host under a domain whose mailboxes write to each other (a branch's "pattaya.saengdao-pm.co.th") is named by
        // whoever runs that domain: nobody outside can register it, whatever its mail asks.
        foreach (var internalDomain in InternalMailDomains)
        {
            if (IsSubdomainOf(domain, internalDomain))
            {
                return false;
            }
        }

        // A respelling of the agent's own domain or of one whose mailboxes write to each other ("kestrel-freight.com" for
        // "kestrelfreight.com", "kestrelfreight.co") is how an impersonator's domain is made: outside, whatever its mail asks.
        if (RespellsOwnDomain(domain))
        {
            return true;
        }

        var asks = false;
        var wrote = false;
        foreach (var item in Items)
        {
            if (item.Origin == ContextOrigin.Assistant || item.Kind != ContextItemKind.Email || item.From is null
                || !string.Equals(Party.Parse(item.From).Domain, domain, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (item.To.Any(t => string.Equals(Party.Parse(t).Domain, domain, StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }

            wrote = true;
            asks |= ContextLexicon.ChannelSwitch().IsMatch(item.Body) || SendToThisAddress().IsMatch(item.Body) || ContextLexicon.RegionalSendToThisAddress().IsMatch(item.Body);
        }

        // A name variant that only asks, as a department nobody can check, behaves as one too (see GroupDomains).
        return asks || (wrote && AsksAsADepartmentOnly(domain));
    }

    /// <summary>Whether <paramref name="domain"/> is another spelling of the agent's domain or of a domain whose mailboxes
    /// write to each other: the same letters with a hyphen or a dot inserted or removed, or the same name under a suffix
    /// sold for its look beside a generic one or under another level of the same country (".co" for ".com", ".co.ua" for
    /// ".com.ua"). A branch abroad (another country's code) and a name with a word of its own are not respellings.</summary>
    private bool RespellsOwnDomain(string domain)
    {
        if (Agent?.Domain is { } agent && !Party.IsPersonalProvider(agent) && Respells(domain, agent))
        {
            return true;
        }

        foreach (var internalDomain in InternalMailDomains)
        {
            if (Respells(domain, internalDomain))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Respells(string domain, string own)
    {
        if (string.Equals(domain, own, StringComparison.OrdinalIgnoreCase) || IsSubdomainOf(domain, own) || IsSubdomainOf(own, domain))
        {
            return false;
        }

        if (SameLettersIgnoringSeparators(domain, own))
        {
            return true;
        }

        // The whole own domain, suffix and all, written as the name under another suffix ("acme-co-uk.com" or
        // "acmecouk.net" for "acme.co.uk"): its suffix is part of the disguise, not a word of a name of its own.
        var name = NameSpan(domain, out var suffix);
        if (name.Length > 0 && SameLettersIgnoringSeparators(name, own))
        {
            return true;
        }

        // The same registered name under another suffix: only a vanity suffix or another level of the own country.
        var ownName = NameSpan(own, out var ownSuffix);
        if (name.Length < 4 || !SameLettersIgnoringSeparators(name, ownName) || suffix.Equals(ownSuffix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var country = LastLabel(suffix);
        var ownCountry = LastLabel(ownSuffix);
        // A vanity suffix beside a generic one (".co" for ".com"); beside a country's own code it may be a branch there
        // (".me" beside ".rs" is Montenegro's).
        return (OrganisationAliases.IsVanitySuffix(country) && ownCountry.Length > 2)
               || (country.Length == 2 && country.Equals(ownCountry, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether two names hold the same letters and digits in the same order, hyphens and dots aside.</summary>
    private static bool SameLettersIgnoringSeparators(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && a[i] is '-' or '.')
            {
                i++;
            }

            while (j < b.Length && b[j] is '-' or '.')
            {
                j++;
            }

            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }

            if (char.ToLowerInvariant(a[i]) != char.ToLowerInvariant(b[j]))
            {
                return false;
            }

            i++;
            j++;
        }
    }

    /// <summary>The registered name of a domain and the suffix after it ("kestrel" and "co.uk" for "mail.kestrel.co.uk"),
    /// as <see cref="OrganisationAliases.RegisteredName"/> reads it, without allocating.</summary>
    private static ReadOnlySpan<char> NameSpan(string domain, out ReadOnlySpan<char> suffix)
    {
        var span = domain.AsSpan();
        var last = span.LastIndexOf('.');
        if (last < 0)
        {
            suffix = default;
            return span;
        }

        var second = span[..last].LastIndexOf('.');
        var secondLabel = span[(second + 1)..last];
        if (second >= 0 && span.Length - last - 1 == 2
            && (secondLabel.Equals("co", StringComparison.OrdinalIgnoreCase) || secondLabel.Equals("com", StringComparison.OrdinalIgnoreCase) || secondLabel.Equals("org", StringComparison.OrdinalIgnoreCase)
                || secondLabel.Equals("net", StringComparison.OrdinalIgnoreCase) || secondLabel.Equals("ac", StringComparison.OrdinalIgnoreCase) || secondLabel.Equals("gov", StringComparison.OrdinalIgnoreCase)
                || secondLabel.Equals("edu", StringComparison.OrdinalIgnoreCase) || secondLabel.Equals("ltd", StringComparison.OrdinalIgnoreCase) || secondLabel.Equals("plc", StringComparison.OrdinalIgnoreCase)))
        {
            var third = span[..second].LastIndexOf('.');
            suffix = span[(second + 1)..];
            return span[(third + 1)..second];
        }

        suffix = span[(last + 1)..];
        return span[(second + 1)..last];
    }

    private static ReadOnlySpan<char> LastLabel(ReadOnlySpan<char> suffix) => suffix[(suffix.LastIndexOf('.') + 1)..];

    /// <summary>Whether <paramref name="domain"/> is a host under <paramref name="parent"/> ("pattaya.saengdao-pm.co.th" under
    /// "saengdao-pm.co.th"), not the same name under another suffix.</summary>
    private static bool IsSubdomainOf(string domain, string parent)
        => domain.Length > parent.Length + 1 && domain.EndsWith(parent, StringComparison.OrdinalIgnoreCase) && domain[^(parent.Length + 1)] == '.'
           && !Party.IsPersonalProvider(parent) && parent.Contains('.', StringComparison.Ordinal);

    /// <summary>Whether mail from <paramref name="domain"/> reached the organisation in this conversation: a correspondent
    /// the organisation knows, not a domain seen for the first time in the agent's own message.</summary>
    public bool HasWritten(string domain)
        => Items.Any(i => i.Origin != ContextOrigin.Assistant && i.Kind == ContextItemKind.Email && i.From is { } from
                          && string.Equals(Party.Parse(from).Domain, domain, StringComparison.OrdinalIgnoreCase));

    /// <summary>Asking for something to be sent to the address the mail came from, in the languages of an organisation's
    /// mail: "to this reporting mailbox", "an diese Adresse", "a esta dirección", "naar dit adres" ("not to this address
    /// again" asks the opposite).</summary>
    [GeneratedRegex(@"(?<!\b(not|never|no longer|nicht|no|não|pas|niet|ikke|inte)\s)\b((to|at|on|via) this (\w+ ){0,2}(address|mailbox|inbox|account|e-?mail address)|an diese (\w+ )?(e-?mail-?)?adresse|a esta (direcci[oó]n|cuenta|casilla)|para este (endere[cç]o|e-?mail|correo)|(à|a) cette adresse|naar dit (e-?mail)?adres|till (den h[aä]r|denna) (e-?post)?adress(en)?|til denne (e-?post)?adress(en)?|na ten adres)\b|この(アドレス|メール)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SendToThisAddress();
}
