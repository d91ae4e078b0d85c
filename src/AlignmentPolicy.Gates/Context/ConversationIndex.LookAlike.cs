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
