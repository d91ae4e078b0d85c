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

    /// <summary>
    /// The organisation's name under another country's code ("awadhpharma.co.uk" beside "awadhpharma.in", "pivdenmarine.ro"
    /// beside "pivdenmarine.com.ua"): a branch abroad. A look-alike keeps the organisation's country and changes the level
    /// above it ("pivdenmarine.co.ua" for "pivdenmarine.com.ua"), moves to a generic suffix ("saengdao-pm.com" for
    /// "saengdao-pm.co.th"), or takes a suffix sold for its look (".co" for ".com", ".io"): none of those is another country.
    /// </summary>
    public static bool IsCountryVariant(string domain, HashSet<string> organisation)
    {
        var country = CountryCode(domain);
        if (country is null || VanitySuffixes.Contains(country))
        {
            return false;
        }

        var name = RegisteredName(domain);
        var variant = false;
        foreach (var own in organisation)
        {
            if (RegisteredName(own) != name || string.Equals(own, domain, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            // The same country under another level is a look-alike's move, not a branch's.
            if (CountryCode(own) is not { } ownCountry || ownCountry == country)
            {
                return false;
            }

            variant = true;
        }

        return variant && name.Length >= 5;
    }

    /// <summary>Whether a last label is a two-letter suffix sold for its look rather than its country (".co", ".io").</summary>
    public static bool IsVanitySuffix(ReadOnlySpan<char> label)
    {
        // A scan of two-letter pairs, not a set's alternate lookup: the library also targets net8.0.
        if (label.Length != 2)
        {
            return false;
        }

        for (var i = 0; i < VanitySuffixes.Length; i += 2)
        {
            if (label[0] == VanitySuffixes[i] && label[1] == VanitySuffixes[i + 1])
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Two-letter suffixes sold for their look rather than their country, as consecutive pairs of letters.</summary>
    private const string VanitySuffixes = "coioaimetvccwstolyggshsolafmamnutkmlgacfgq";

    /// <summary>The country code a domain is registered under ("uk" for "x.co.uk"), or null under a generic suffix.</summary>
    private static string? CountryCode(string domain)
    {
        var at = domain.LastIndexOf('.');
        var last = at < 0 ? string.Empty : domain[(at + 1)..].ToLowerInvariant();
        return last.Length == 2 ? last : null;
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
