using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// A person or mailbox named in a header or an argument: "Kyle Johnson &lt;kyle.johnson@summitbridge.example&gt;",
/// "kyle.johnson@summitbridge.example" or just "Kyle". Knows its domain and the name words that identify it in prose.
/// </summary>
internal sealed partial class Party
{
    /// <summary>Free mail providers: an address there is personal, never an organisation's.</summary>
    private static readonly HashSet<string> PersonalProviders = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "ymail.com", "hotmail.com", "hotmail.co.uk", "outlook.com", "live.com",
        "msn.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com", "pm.me", "gmx.com", "gmx.net", "gmx.de",
        "mail.com", "yandex.com", "yandex.ru", "zoho.com", "fastmail.com", "tutanota.com", "hey.com", "qq.com", "163.com", "web.de",
    };

    /// <summary>Mailbox names that are roles, not people.</summary>
    private static readonly HashSet<string> RoleWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "all", "all-staff", "allstaff", "staff", "everyone", "team", "info", "admin", "it", "hr", "people", "board", "directors", "support",
        "help", "helpdesk", "noreply", "no-reply", "donotreply", "security", "compliance", "legal", "ethics", "audit", "finance", "sales",
        "billing", "accounts", "office", "contact", "hello", "press", "media", "news", "ops", "operations", "engineering", "dev", "mail",
        "postmaster", "service", "services", "customer", "customers", "team", "exec", "executive", "executives", "leadership", "management",
        "benefits", "payroll", "recruiting", "careers", "jobs", "inquiries", "enquiries", "privacy", "dpo", "governance", "risk",
        "whistleblower", "integrity", "conduct", "chair", "ceo", "cto", "cfo", "coo", "ciso", "general", "counsel", "reception", "facilities",
        "procurement", "partners", "partnerships", "marketing", "pr", "comms", "communications", "tips", "report", "reports", "alerts",
        "notifications", "bot", "assistant", "agent", "system", "the", "and", "of", "mr", "mrs", "ms", "dr",
    };

    private Party(string raw, string? address, string? domain, string[] nameWords)
    {
        Raw = raw;
        Address = address;
        Domain = domain;
        NameWords = nameWords;
    }

    /// <summary>As written.</summary>
    public string Raw { get; }

    /// <summary>The email address, lower-cased, when there is one.</summary>
    public string? Address { get; }

    /// <summary>The address's domain, lower-cased.</summary>
    public string? Domain { get; }

    /// <summary>Lower-cased words of the person's name (from the display name or the address's local part), roles excluded.</summary>
    public string[] NameWords { get; }

    /// <summary>Whether the address is at a free mail provider.</summary>
    public bool IsPersonalAddress => Domain is not null && PersonalProviders.Contains(Domain);

    /// <summary>The mailbox's local part, lower-cased (the role word for role mailboxes such as board@ or hr@).</summary>
    public string LocalPart => Address is null ? Raw.ToLowerInvariant() : Address[..Address.IndexOf('@')];

    /// <summary>The first name word, capitalised as in prose ("Kyle"), or null.</summary>
    public string? FirstName => NameWords.Length == 0 ? null : char.ToUpperInvariant(NameWords[0][0]) + NameWords[0][1..];

    public static Party Parse(string raw)
    {
        raw = raw.Trim().Trim('"', '\'');
        var match = AddressPattern().Match(raw);
        string? address = null, domain = null;
        string display;
        if (match.Success)
        {
            address = match.Value.ToLowerInvariant();
            domain = match.Groups["domain"].Value.ToLowerInvariant();
            display = raw.Remove(match.Index, match.Length).Trim(' ', '<', '>', '"', '(', ')', ',');
            if (display.Length == 0)
            {
                display = match.Groups["local"].Value;
            }
        }
        else
        {
            display = raw;
        }

        var words = NameWord().Matches(display).Select(m => m.Value.ToLowerInvariant()).Where(w => w.Length >= 2 && !RoleWords.Contains(w)).Distinct().ToArray();
        return new Party(raw, address, domain, words);
    }

    /// <summary>Whether two parties are the same person: same address, or (without one) the same first name.</summary>
    public bool SamePerson(Party other)
    {
        if (Address is not null && other.Address is not null)
        {
            return Address == other.Address || (NameWords.Length >= 2 && other.NameWords.Length >= 2 && NameWords[0] == other.NameWords[0] && NameWords[^1] == other.NameWords[^1]);
        }

        return NameWords.Length > 0 && other.NameWords.Length > 0 && NameWords[0] == other.NameWords[0];
    }

    /// <summary>Whether the party's name appears in <paramref name="text"/> as a capitalised word.</summary>
    public bool IsNamedIn(string text)
    {
        foreach (var word in NameWords)
        {
            if (word.Length < 3)
            {
                continue;
            }

            var index = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            while (index >= 0)
            {
                var before = index == 0 || !char.IsLetter(text[index - 1]);
                var after = index + word.Length >= text.Length || !char.IsLetter(text[index + word.Length]);
                if (before && after && char.IsUpper(text[index]))
                {
                    return true;
                }

                index = text.IndexOf(word, index + word.Length, StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    /// <summary>Whether the party is named in <paramref name="text"/>, short forms included ("Jess" for Jessica).</summary>
    public bool IsNamedOrNicknamedIn(string text)
    {
        if (IsNamedIn(text))
        {
            return true;
        }

        foreach (Match word in CapitalisedWord().Matches(text))
        {
            var candidate = word.Value.ToLowerInvariant();
            foreach (var name in NameWords)
            {
                if (name.Length >= 5 && candidate.Length >= 4 && candidate.Length < name.Length && name.StartsWith(candidate, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public static bool IsPersonalProvider(string domain) => PersonalProviders.Contains(domain);

    [GeneratedRegex(@"\b[A-Z][a-z]{3,}\b", RegexOptions.CultureInvariant)]
    private static partial Regex CapitalisedWord();

    /// <inheritdoc />
    public override string ToString() => Raw;

    [GeneratedRegex(@"(?<local>[A-Za-z0-9._%+\-]+)@(?<domain>[A-Za-z0-9.\-]+\.[A-Za-z]{2,})", RegexOptions.CultureInvariant)]
    private static partial Regex AddressPattern();

    [GeneratedRegex(@"[A-Za-z][A-Za-z'\-]*", RegexOptions.CultureInvariant)]
    private static partial Regex NameWord();
}
