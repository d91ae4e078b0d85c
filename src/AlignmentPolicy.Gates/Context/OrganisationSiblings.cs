namespace AlignmentPolicy.Gates;

/// <summary>
/// The organisation's group domains: a subsidiary's or division's domain built on the organisation's own name with a
/// word of its own ("merlion-capital.com" beside "merlionfo.sg", "graafgroup.com" beside "vdgraaf.nl",
/// "linden-gruppe.de" beside "linden-apotheken.de"). <see cref="OrganisationAliases"/> covers one name under other
/// suffixes and short forms; this covers the same name with another word. Look-alikes are not siblings: a name within
/// two letters of the organisation's ("linden-apotheke.de", "emberfal.ca") copies it rather than building on it, and
/// two companies sharing only a trade word ("sonnen-apotheken.de", "orbitalsupply-asia.com") share no name.
/// </summary>
internal static class OrganisationSiblings
{
    private const int MinimumRoot = 5;
    private const int MinimumQualifier = 3;

    public static bool IsSibling(string domain, HashSet<string> organisation) => IsSibling(domain, organisation, out _);

    /// <summary>As <see cref="IsSibling(string, HashSet{string})"/>; <paramref name="byOwnEnd"/> says the shared word is only
    /// the end of the organisation's name ("pharma" of "awadhpharma" opening "pharmapulse"): often a trade word, which the
    /// caller must see confirmed by how the domain's mail behaves.</summary>
    public static bool IsSibling(string domain, HashSet<string> organisation, out bool byOwnEnd)
    {
        byOwnEnd = false;
        var name = OrganisationAliases.RegisteredName(domain);
        var compact = name.Replace("-", string.Empty, StringComparison.Ordinal);
        foreach (var own in organisation)
        {
            if (EditDistanceAtMost(compact, OrganisationAliases.RegisteredName(own).Replace("-", string.Empty, StringComparison.Ordinal), 2))
            {
                return false;
            }
        }

        var atEnd = false;
        foreach (var own in organisation)
        {
            switch (SharesHead(name, compact, OrganisationAliases.RegisteredName(own)))
            {
                case Head.Start:
                    return true;
                case Head.End:
                    atEnd = true;
                    break;
            }
        }

        byOwnEnd = atEnd;
        return atEnd;
    }

    private enum Head
    {
        None,
        Start,
        End,
    }

    /// <summary>Whether <paramref name="name"/> opens with the organisation's name word and adds a word of its own. The
    /// name word is the first part of a hyphenated name ("linden" of "linden-apotheken"); in an unhyphenated one, where
    /// words are unknown, its start or its end ("graaf" of "vdgraaf") with at least two letters beside it.</summary>
    private static Head SharesHead(string name, string compact, string ownName)
    {
        var ownCompact = ownName.Replace("-", string.Empty, StringComparison.Ordinal);
        var hyphen = name.IndexOf('-', StringComparison.Ordinal);
        var ownHyphen = ownName.IndexOf('-', StringComparison.Ordinal);
        for (var length = compact.Length - MinimumQualifier; length >= MinimumRoot; length--)
        {
            var root = compact.AsSpan(0, length);
            if (hyphen >= 0 && hyphen != length)
            {
                continue;
            }

            if (ownHyphen >= 0)
            {
                if (ownHyphen == length && ownName.AsSpan(0, ownHyphen).SequenceEqual(root))
                {
                    return Head.Start;
                }

                continue;
            }

            var rest = ownCompact.Length - length;
            if ((rest == 0 || rest >= 2) && ownCompact.AsSpan().StartsWith(root))
            {
                return Head.Start;
            }

            if (rest >= 2 && ownCompact.AsSpan().EndsWith(root))
            {
                return Head.End;
            }
        }

        return Head.None;
    }

    /// <summary>Whether a name is within two letters of the organisation's: a changed spelling, as look-alikes are made.</summary>
    public static bool IsNearSpelling(string name, string ownName) => EditDistanceAtMost(name, ownName, 2);

    /// <summary>Whether two names differ by at most <paramref name="limit"/> inserted, deleted or changed letters.</summary>
    private static bool EditDistanceAtMost(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return false;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length] <= limit;
    }
}
