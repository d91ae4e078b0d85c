namespace AlignmentPolicy.Gates;

/// <summary>
/// The organisation's domain under its initials: "cncoffee.com" beside "caonguyencoffee.vn", "kbtrading.de" beside
/// "kleinbergtrading.de". Both names end in the same trade word of four or more letters, and the short one's two to four
/// letters before it are initials of the long one's name (its first letter, then the others in order). A name alone is no
/// proof (see <see cref="OrganisationSiblings"/>), so the caller also asks that the domain's people wrote in the
/// conversation; a look-alike drops or swaps a letter of the full name and is no acronym.
/// </summary>
internal static class OrganisationAcronyms
{
    public static bool IsAcronym(string domain, HashSet<string> organisation)
    {
        var name = Compact(domain);
        foreach (var own in organisation)
        {
            var ownName = Compact(own);
            var (shorter, longer) = name.Length <= ownName.Length ? (name, ownName) : (ownName, name);
            var suffix = 0;
            while (suffix < shorter.Length && shorter[^(suffix + 1)] == longer[^(suffix + 1)])
            {
                suffix++;
            }

            // The shared tail may begin inside the initials ("cn" + "coffee" and "caonguyen" + "coffee" share "ncoffee").
            for (var tail = suffix; tail >= 4; tail--)
            {
                var initials = shorter[..^tail];
                var full = longer[..^tail];
                if (initials.Length is >= 2 and <= 4 && full.Length >= initials.Length + 3 && initials[0] == full[0] && IsSubsequence(initials, full))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string Compact(string domain) => OrganisationAliases.RegisteredName(domain).Replace("-", string.Empty, StringComparison.Ordinal);

    private static bool IsSubsequence(string part, string whole)
    {
        var at = 0;
        foreach (var c in whole)
        {
            if (at < part.Length && part[at] == c)
            {
                at++;
            }
        }

        return at == part.Length;
    }
}
