using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>Removes secrets (API keys, bearer tokens, passwords) and, optionally, personal data from text
/// before it is written to a decision log.</summary>
public static partial class SecretRedactor
{
    /// <summary>The text that replaces a secret.</summary>
    public const string Redacted = "[REDACTED]";

    /// <summary>Redacts <paramref name="text"/>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="maskPersonalData">Whether e-mail addresses and phone numbers are masked too.</param>
    /// <returns>The redacted text; <see langword="null"/> when <paramref name="text"/> is.</returns>
    public static string? Redact(string? text, bool maskPersonalData = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        text = BearerToken().Replace(text, "Bearer " + Redacted);
        text = KeyValueSecret().Replace(text, m => m.Groups["key"].Value + m.Groups["sep"].Value + Redacted);
        text = KnownTokenFormat().Replace(text, Redacted);
        if (maskPersonalData)
        {
            text = Email().Replace(text, m => "***@" + m.Groups["domain"].Value);
            text = Phone().Replace(text, "[phone]");
        }

        return text;
    }

    [GeneratedRegex(@"\bBearer\s+[A-Za-z0-9\-._~+/]+=*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BearerToken();

    [GeneratedRegex(@"(?<key>\b(?:api[_-]?key|apikey|access[_-]?token|auth[_-]?token|client[_-]?secret|secret|password|passwd|pwd)[""']?)(?<sep>\s*[:=]\s*[""']?)[^\s""',;&]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeyValueSecret();

    [GeneratedRegex(@"\b(?:sk-[A-Za-z0-9_\-]{16,}|AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|xox[abprs]-[A-Za-z0-9\-]{10,}|eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,})", RegexOptions.CultureInvariant)]
    private static partial Regex KnownTokenFormat();

    [GeneratedRegex(@"\b[A-Za-z0-9._%+\-]+@(?<domain>[A-Za-z0-9.\-]+\.[A-Za-z]{2,})\b", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"(?<!\w)\+?\d[\d \-().]{7,}\d(?!\w)", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
