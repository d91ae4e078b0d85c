using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Splits what the agent has read (instructions, user messages, tool results) into emails, documents and free text,
/// whatever shape they came in: tagged blocks (<c>&lt;email id="e1"&gt;</c>, <c>&lt;document&gt;</c>, <c>&lt;file&gt;</c>),
/// header blocks (<c>From:</c> / <c>To:</c> / <c>Subject:</c>, optionally after an <c>[id]</c>), JSON objects with
/// from/to/subject/body fields, and the results of document- and file-reading tools (named by the call's argument).
/// </summary>
internal static partial class ContextParser
{
    public static List<ContextItem> Parse(IReadOnlyList<ChatMessage> messages, string? instructions)
    {
        var items = new List<ContextItem>();
        if (instructions is { Length: > 0 })
        {
            ParseText(instructions, ContextOrigin.System, null, null, items);
        }

        Dictionary<string, FunctionCallContent>? calls = null;
        for (var m = 0; m < messages.Count; m++)
        {
            var message = messages[m];
            var origin = message.Role == ChatRole.System ? ContextOrigin.System
                : message.Role == ChatRole.Assistant ? ContextOrigin.Assistant
                : message.Role == ChatRole.Tool ? ContextOrigin.Tool
                : ContextOrigin.User;
            foreach (var content in message.Contents)
            {
                switch (content)
                {
                    case TextContent text when origin != ContextOrigin.Assistant && text.Text is { Length: > 0 }:
                        ParseText(text.Text, origin, null, null, items);
                        break;
                    case FunctionCallContent call:
                        (calls ??= new Dictionary<string, FunctionCallContent>(StringComparer.Ordinal))[call.CallId] = call;
                        break;
                    case FunctionResultContent result when PolicyRequest.ValueText(result.Result) is { Length: > 0 } resultText:
                        FunctionCallContent? source = null;
                        calls?.TryGetValue(result.CallId, out source);
                        ParseText(resultText, ContextOrigin.Tool, source, source?.Name, items);
                        break;
                }
            }
        }

        return items;
    }

    private static void ParseText(string text, ContextOrigin origin, FunctionCallContent? call, string? tool, List<ContextItem> items)
    {
        var before = items.Count;
        if (text.Length > 1 && text.TrimStart() is ['{' or '[', ..] json && TryParseJson(json, origin, tool, items))
        {
            return;
        }

        // Tagged blocks first; the text between them is parsed for header blocks.
        var rest = text;
        if (text.Contains('<'))
        {
            var remaining = new System.Text.StringBuilder();
            var last = 0;
            foreach (Match match in TaggedBlock().Matches(text))
            {
                remaining.Append(text, last, match.Index - last).Append('\n');
                last = match.Index + match.Length;
                AddTagged(match, origin, tool, items);
            }

            if (last > 0)
            {
                rest = remaining.Append(text, last, text.Length - last).ToString();
            }
        }

        ParseHeaderBlocks(rest, origin, tool, items);

        // A document or file read by id or path: the whole result is that document, named by the argument.
        if (call is not null && items.Count == before + 1 && items[before].Kind == ContextItemKind.Text && DocumentId(call) is { } id)
        {
            var item = items[before];
            items[before] = new ContextItem(ContextItemKind.Document, origin, id, null, [], string.Empty, item.Body) { SourceTool = tool };
        }
    }

    private static string? DocumentId(FunctionCallContent call)
    {
        if (call.Arguments is null)
        {
            return null;
        }

        foreach (var pair in call.Arguments)
        {
            if (pair.Key is "id" or "document_id" or "documentId" or "doc_id" or "path" or "file" or "file_path" or "filePath" or "name" or "filename"
                && PolicyRequest.ValueText(pair.Value) is { Length: > 0 } value)
            {
                return value;
            }
        }

        return null;
    }

    private static void AddTagged(Match match, ContextOrigin origin, string? tool, List<ContextItem> items)
    {
        var tag = match.Groups["tag"].Value.ToLowerInvariant();
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match attribute in TagAttribute().Matches(match.Groups["attrs"].Value))
        {
            attributes[attribute.Groups["name"].Value] = System.Net.WebUtility.HtmlDecode(attribute.Groups["value"].Value);
        }

        var content = match.Groups["content"].Value.Trim('\r', '\n');
        var id = attributes.GetValueOrDefault("id") ?? attributes.GetValueOrDefault("path") ?? attributes.GetValueOrDefault("name") ?? attributes.GetValueOrDefault("file");
        if (tag is "email" or "message" or "mail")
        {
            var inner = new List<ContextItem>();
            ParseHeaderBlocks(content, origin, tool, inner);
            var first = inner.Find(i => i.Kind == ContextItemKind.Email);
            if (first is not null)
            {
                items.Add(new ContextItem(ContextItemKind.Email, origin, id ?? first.Id, first.From ?? attributes.GetValueOrDefault("from"), first.To, first.Subject, first.Body) { SourceTool = tool });
                items.AddRange(inner.Where(i => !ReferenceEquals(i, first) && i.Kind == ContextItemKind.Email));
                return;
            }

            items.Add(new ContextItem(ContextItemKind.Email, origin, id, attributes.GetValueOrDefault("from"), SplitAddresses(attributes.GetValueOrDefault("to")),
                attributes.GetValueOrDefault("subject") ?? string.Empty, content) { SourceTool = tool });
            return;
        }

        items.Add(new ContextItem(ContextItemKind.Document, origin, id, attributes.GetValueOrDefault("from") ?? attributes.GetValueOrDefault("author"), [],
            attributes.GetValueOrDefault("title") ?? attributes.GetValueOrDefault("subject") ?? string.Empty, content) { SourceTool = tool });
    }

    /// <summary>Splits text into header blocks (each an email) and the free text around them.</summary>
    private static void ParseHeaderBlocks(string text, ContextOrigin origin, string? tool, List<ContextItem> items)
    {
        if (text.Length == 0)
        {
            return;
        }

        var lines = text.Split('\n');
        var free = new System.Text.StringBuilder();
        var i = 0;
        while (i < lines.Length)
        {
            var headers = CountHeaderLines(lines, i);
            if (headers < 2)
            {
                free.Append(lines[i]).Append('\n');
                i++;
                continue;
            }

            string? id = null, from = null, subject = null;
            List<string> to = [];
            for (var h = i; h < i + headers; h++)
            {
                var match = HeaderLine().Match(lines[h]);
                if (match.Groups["id"].Success)
                {
                    id ??= match.Groups["id"].Value.Trim();
                }

                var value = match.Groups["value"].Value.Trim();
                switch (match.Groups["name"].Value.ToLowerInvariant().Replace("-", string.Empty).Replace(" ", string.Empty))
                {
                    case "from" or "sender":
                        from ??= value;
                        break;
                    case "to" or "cc" or "recipient" or "recipients":
                        to.AddRange(SplitAddresses(value));
                        break;
                    case "subject" or "title" or "re":
                        subject ??= value;
                        break;
                    case "id" or "emailid" or "messageid" or "mailid":
                        id ??= value;
                        break;
                }
            }

            i += headers;
            var body = new System.Text.StringBuilder();
            while (i < lines.Length && !(CountHeaderLines(lines, i) >= 2 && StartsBlock(lines[i])) && !IsSeparator(lines[i]))
            {
                body.Append(lines[i]).Append('\n');
                i++;
            }

            while (i < lines.Length && IsSeparator(lines[i]))
            {
                i++;
            }

            if (from is null && to.Count == 0)
            {
                free.Append(subject).Append('\n').Append(body);
                continue;
            }

            items.Add(new ContextItem(ContextItemKind.Email, origin, id, from, to, subject ?? string.Empty, body.ToString().Trim()) { SourceTool = tool });
        }

        if (!string.IsNullOrWhiteSpace(free.ToString()))
        {
            items.Add(new ContextItem(ContextItemKind.Text, origin, null, null, [], string.Empty, free.ToString().Trim()) { SourceTool = tool });
        }
    }

    private static bool StartsBlock(string line) => HeaderLine().Match(line) is { Success: true } m
        && (m.Groups["id"].Success || m.Groups["name"].Value.ToLowerInvariant() is "from" or "sender" or "id" or "email id" or "email-id" or "message-id" or "date" or "sent");

    private static bool IsSeparator(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length >= 3 && (trimmed.All(c => c is '-' or '=' or '_' or '*') || trimmed.StartsWith("</", StringComparison.Ordinal));
    }

    private static int CountHeaderLines(string[] lines, int start)
    {
        var count = 0;
        while (start + count < lines.Length && HeaderLine().IsMatch(lines[start + count]))
        {
            count++;
        }

        return count;
    }

    private static bool TryParseJson(string json, ContextOrigin origin, string? tool, List<ContextItem> items)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var before = items.Count;
            AddJson(document.RootElement, origin, tool, items, 0);
            return items.Count > before;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void AddJson(JsonElement element, ContextOrigin origin, string? tool, List<ContextItem> items, int depth)
    {
        if (depth > 6)
        {
            return;
        }

        if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in element.EnumerateArray())
            {
                AddJson(child, origin, tool, items, depth + 1);
            }

            return;
        }

        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        string? id = null, from = null, subject = null, body = null;
        List<string> to = [];
        foreach (var property in element.EnumerateObject())
        {
            var value = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : null;
            switch (property.Name.ToLowerInvariant().Replace("_", string.Empty))
            {
                case "id" or "emailid" or "messageid" or "documentid" or "path":
                    id ??= value ?? property.Value.ToString();
                    break;
                case "from" or "sender" or "author":
                    from ??= value;
                    break;
                case "to" or "cc" or "recipients" or "recipient":
                    if (property.Value.ValueKind == JsonValueKind.Array)
                    {
                        to.AddRange(property.Value.EnumerateArray().Select(v => v.ToString()));
                    }
                    else if (value is not null)
                    {
                        to.AddRange(SplitAddresses(value));
                    }

                    break;
                case "subject" or "title":
                    subject ??= value;
                    break;
                case "body" or "content" or "text" or "snippet":
                    body ??= value;
                    break;
                default:
                    if (property.Value.ValueKind is JsonValueKind.Array or JsonValueKind.Object)
                    {
                        AddJson(property.Value, origin, tool, items, depth + 1);
                    }

                    break;
            }
        }

        if (body is not null || subject is not null)
        {
            var kind = from is not null || to.Count > 0 ? ContextItemKind.Email : ContextItemKind.Document;
            items.Add(new ContextItem(kind, origin, id, from, to, subject ?? string.Empty, body ?? string.Empty) { SourceTool = tool });
        }
    }

    public static List<string> SplitAddresses(string? value)
    {
        List<string> result = [];
        if (string.IsNullOrWhiteSpace(value))
        {
            return result;
        }

        foreach (var part in value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            result.Add(part);
        }

        return result;
    }

    [GeneratedRegex(@"<(?<tag>email|mail|message|document|doc|file|attachment|memo)\b(?<attrs>[^>]*)>(?<content>.*?)</\k<tag>\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex TaggedBlock();

    [GeneratedRegex(@"(?<name>[\w\-]+)\s*=\s*""(?<value>[^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex TagAttribute();

    [GeneratedRegex(@"^\s*(?:[>*\-]\s*)?(?:\[(?<id>[^\]\s]{1,40})\]\s*)?(?<name>From|Sender|To|Cc|Bcc|Recipients?|Subject|Title|Date|Sent|Timestamp|Time|Received|Id|Email[ \-]?Id|Message[ \-]?Id|Mail[ \-]?Id)\s*:\s*(?<value>.*?)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderLine();
}
