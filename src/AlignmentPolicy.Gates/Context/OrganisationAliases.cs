namespace AlignmentPolicy.Gates;

/// <summary>The organisation's other domains, recognised by name from the ones the conversation shows.</summary>
internal static class OrganisationAliases
{
    /// <summary>
    /// Another domain of the organisation the conversation shows: the same name under another suffix ("lumina-retail.com"
    /// for "lumina-retail.co.uk"), the name without its hyphens or qualifier ("lumina.co.uk", "luminaretail.com" for
    /// "lumina-retail.co.uk", "tembo.africa" for "tembologistics.co.ke": a shorter name the longer one starts with), or the
    /// parent of a mail subdomain ("verity-aero.com" for "mail.verity-aero.com"). A competitor whose name merely starts
    /// like the organisation's ("ardentbotics.com" beside "ardent-tx.com") is not one, nor is a name one or two letters
    /// short of it ("emberfal.ca" beside "emberfall.ca"): a short form drops a word, a look-alike drops a letter.
    /// </summary>
    public static bool IsAlias(string domain, HashSet<string> organisation)
    {
        var name = RegisteredName(domain);
        foreach (var own in organisation)
        {
            if (own.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase) && domain.Contains('.', StringComparison.Ordinal) && RegisteredName(own) == name)
            {
                return true;
            }

            var ownName = RegisteredName(own);
            var compact = ownName.Replace("-", string.Empty, StringComparison.Ordinal);
            var qualifier = ownName.IndexOf('-', StringComparison.Ordinal);
            var shortName = name.Replace("-", string.Empty, StringComparison.Ordinal);
            if (shortName == compact || (qualifier >= 5 && name == ownName[..qualifier]) || (shortName.Length >= 5 && compact.Length >= shortName.Length + 3 && compact.StartsWith(shortName, StringComparison.Ordinal)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The name a domain was registered under: "lumina-retail" for "mail.lumina-retail.co.uk".</summary>
    public static string RegisteredName(string domain)
    {
        var labels = domain.ToLowerInvariant().Split('.');
        if (labels.Length >= 3 && labels[^1].Length == 2 && labels[^2] is "co" or "com" or "org" or "net" or "ac" or "gov" or "edu" or "ltd" or "plc")
        {
            return labels[^3];
        }

        return labels.Length >= 2 ? labels[^2] : labels[0];
    }
}
