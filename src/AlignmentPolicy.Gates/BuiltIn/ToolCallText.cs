using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>Reads recipients, bodies, paths and URLs out of tool-call arguments, whatever the tool calls them.</summary>
internal static partial class ToolCallText
{
    private static readonly string[] RecipientNames = WithCapitalized(["to", "recipient", "recipients", "cc", "bcc", "email", "emailAddress", "address", "channel", "user"]);
    private static readonly string[] BodyNames = WithCapitalized(["body", "message", "text", "content", "html", "subject", "note", "comment", "attachment", "attachments"]);
    private static readonly string[] PathNames = ["path", "file", "filename", "fileName", "file_path", "filePath", "destination", "dest", "target", "source", "src", "directory", "folder"];
    private static readonly string[] UrlNames = ["url", "uri", "endpoint", "href", "webhook"];

    /// <summary>Whether the call sends a message to someone: declared mail/chat, or shaped like it.</summary>
    public static bool IsOutboundMessage(PolicyRequest request)
    {
        // Several gates ask; the answer is computed once per request.
        if (request.OutboundMessage == 0)
        {
            var outbound = request.HasSideEffect(SideEffectCategories.Mail)
                || request.HasSideEffect(SideEffectCategories.Chat)
                || (HasAny(request, RecipientNames) && HasAny(request, BodyNames));
            request.OutboundMessage = outbound ? 2 : 1;
        }

        return request.OutboundMessage == 2;
    }

    public static string Recipients(PolicyRequest request) => Join(request, RecipientNames);

    public static string Body(PolicyRequest request) => Join(request, BodyNames);

    /// <summary>Whether some argument is named like a body, by lookups (no enumerator, no text read).</summary>
    public static bool HasBody(PolicyRequest request) => HasAny(request, BodyNames);

    public static string Paths(PolicyRequest request) => Join(request, PathNames);

    public static string Urls(PolicyRequest request) => Join(request, UrlNames);

    /// <summary>All string argument values, joined by new lines.</summary>
    public static string All(PolicyRequest request)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var pair in request.Arguments)
        {
            builder.Append(PolicyRequest.ValueText(pair.Value)).Append('\n');
        }

        return builder.ToString();
    }

    public static IEnumerable<string> EmailDomains(string text)
    {
        foreach (Match match in EmailAddress().Matches(text))
        {
            yield return match.Groups["domain"].Value.ToLowerInvariant();
        }
    }

    public static bool DomainMatches(string domain, IEnumerable<string> allowed)
    {
        foreach (var entry in allowed)
        {
            var candidate = entry.TrimStart('@', '.');
            if (domain.Equals(candidate, StringComparison.OrdinalIgnoreCase)
                || domain.EndsWith("." + candidate, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasAny(PolicyRequest request, string[] names)
    {
        var arguments = request.Arguments;
        if (arguments.Count == 0)
        {
            return false;
        }

        // Lookups, not enumeration: no enumerator is allocated, and models use the schema's parameter names.
        for (var i = 0; i < names.Length; i++)
        {
            if (arguments.ContainsKey(names[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static string[] WithCapitalized(string[] names)
        => [.. names, .. names.Select(n => char.ToUpperInvariant(n[0]) + n[1..])];

    private static string Join(PolicyRequest request, string[] names)
    {
        string? single = null;
        System.Text.StringBuilder? builder = null;
        foreach (var pair in request.Arguments)
        {
            if (!Contains(names, pair.Key) || PolicyRequest.ValueText(pair.Value) is not { Length: > 0 } text)
            {
                continue;
            }

            if (single is null)
            {
                single = text;
            }
            else
            {
                builder ??= new System.Text.StringBuilder(single);
                builder.Append('\n').Append(text);
            }
        }

        return builder?.ToString() ?? single ?? string.Empty;
    }

    private static bool Contains(string[] names, string key)
    {
        foreach (var name in names)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@(?<domain>[A-Za-z0-9.\-]+\.[A-Za-z]{2,})", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();
}
