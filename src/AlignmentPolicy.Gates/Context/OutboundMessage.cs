using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// A message the agent proposes to send (a mail or chat tool call, or its final answer), read against the context:
/// its recipients, its own words, and what it carries along — the item a forward names, attached documents, and
/// text quoted below the note.
/// </summary>
internal sealed partial class OutboundMessage
{
    private static readonly string[] ItemArguments = ["email_id", "emailId", "message_id", "messageId", "document_id", "documentId", "doc_id", "id", "file", "path", "attachment", "attachments", "attachment_id", "attachment_ids"];
    private TokenSet? _tokens;

    private OutboundMessage(IReadOnlyList<Party> recipients, string text, string own, IReadOnlyList<ContextItem> carried, string quoted)
    {
        Recipients = recipients;
        Text = text;
        Own = own;
        Carried = carried;
        Quoted = quoted;
    }

    /// <summary>Who receives it (empty for a final answer: the user).</summary>
    public IReadOnlyList<Party> Recipients { get; }

    /// <summary>Everything the recipient reads: subject, body and quoted text (not the carried items).</summary>
    public string Text { get; }

    /// <summary>The agent's own words: the text without quoted material.</summary>
    public string Own { get; }

    /// <summary>Items from the context the message forwards or attaches.</summary>
    public IReadOnlyList<ContextItem> Carried { get; }

    /// <summary>Text quoted inside the body (lines starting with '&gt;', or below a "Forwarded message" / "Original Message" line).</summary>
    public string Quoted { get; }

    /// <summary>Content words of the text.</summary>
    public TokenSet Tokens => _tokens ??= TokenSet.Of(Text);

    public static OutboundMessage ForToolCall(PolicyRequest request, ConversationIndex index)
    {
        var recipients = new List<Party>();
        foreach (var raw in ContextParser.SplitAddresses(ToolCallText.Recipients(request).Replace('\n', ',')))
        {
            recipients.Add(Party.Parse(raw));
        }

        var text = ToolCallText.Body(request);
        var carried = new List<ContextItem>();
        foreach (var name in ItemArguments)
        {
            if (request.GetArgumentText(name) is not { Length: > 0 } value)
            {
                continue;
            }

            foreach (var id in value.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var key = id.Trim('[', ']', '"', '\'');
                var item = index.FindById(key) ?? index.FindByMention(key);
                if (item is not null && !carried.Contains(item))
                {
                    carried.Add(item);
                }
            }
        }

        // A tool that already resolved the forwarded content passes it as an argument.
        if (request.GetArgumentText("forwarded") is { Length: > 0 } forwarded)
        {
            text = text + "\n" + forwarded;
        }

        return Create(recipients, text, carried);
    }

    public static OutboundMessage ForAnswer(string text) => Create([], text, []);

    /// <summary>A note the agent leaves for someone (a file in a shared folder, a command that mails it): its text and the
    /// people it is addressed to.</summary>
    public static OutboundMessage ForNote(IReadOnlyList<Party> recipients, string text) => Create([.. recipients], text, []);

    /// <summary>The message without the mail system's confidentiality notice: what its words carry, for overlap measures
    /// (a notice repeats the organisation's boilerplate, and the material may end with the same one).</summary>
    public OutboundMessage WithoutFooters()
    {
        var text = ConversationIndex.WithoutFooters(Text);
        return ReferenceEquals(text, Text) || text == Text ? this : Create([.. Recipients], text, [.. Carried]);
    }

    private static OutboundMessage Create(List<Party> recipients, string text, List<ContextItem> carried)
    {
        var quoted = QuoteStart().Match(text);
        string own, quote;
        if (quoted.Success)
        {
            own = text[..quoted.Index];
            quote = text[quoted.Index..];
        }
        else
        {
            own = text;
            quote = string.Empty;
        }

        if (own.Contains('>'))
        {
            var lines = own.Split('\n');
            own = string.Join('\n', lines.Where(l => !l.TrimStart().StartsWith('>')));
            quote = string.Join('\n', lines.Where(l => l.TrimStart().StartsWith('>'))) + "\n" + quote;
        }

        return new OutboundMessage(recipients, text, own, carried, quote);
    }

    [GeneratedRegex(@"^.*(-{2,}\s*(forwarded|original) message\s*-{2,}|begin forwarded message|^on .{5,80} wrote:\s*$|^-{5,}\s*$).*$", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex QuoteStart();
}
