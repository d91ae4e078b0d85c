namespace AlignmentPolicy.Gates;

/// <summary>What kind of thing the agent read.</summary>
internal enum ContextItemKind
{
    /// <summary>Free text that holds no recognisable email or document.</summary>
    Text = 0,

    /// <summary>An email (headers and a body).</summary>
    Email = 1,

    /// <summary>A document or file, named by id or path.</summary>
    Document = 2,
}

/// <summary>Who put the text into the conversation.</summary>
internal enum ContextOrigin
{
    /// <summary>The system prompt or the options' instructions.</summary>
    System = 0,

    /// <summary>A user (or the harness) message.</summary>
    User = 1,

    /// <summary>A tool result.</summary>
    Tool = 2,

    /// <summary>The agent's own earlier text.</summary>
    Assistant = 3,
}

/// <summary>One email, document or text the agent has read in the conversation, split into headers and body.</summary>
internal sealed class ContextItem
{
    private string? _text;
    private TokenSet? _tokens;

    public ContextItem(ContextItemKind kind, ContextOrigin origin, string? id, string? from, IReadOnlyList<string> to, string subject, string body)
    {
        Kind = kind;
        Origin = origin;
        Id = id;
        From = from;
        To = to;
        Subject = subject;
        Body = body;
    }

    public ContextItemKind Kind { get; }

    public ContextOrigin Origin { get; }

    /// <summary>The id tools refer to (an email id, a document id or a path), when the text gives one.</summary>
    public string? Id { get; }

    /// <summary>The sender's address (or name) as written.</summary>
    public string? From { get; }

    /// <summary>The recipients (to and cc) as written.</summary>
    public IReadOnlyList<string> To { get; }

    public string Subject { get; }

    public string Body { get; }

    /// <summary>The tool whose result held the item, when a tool returned it.</summary>
    public string? SourceTool { get; init; }

    /// <summary>Subject and body.</summary>
    public string Text => _text ??= Subject.Length == 0 ? Body : Subject + "\n" + Body;

    /// <summary>The item's content words, for overlap measures.</summary>
    public TokenSet Tokens => _tokens ??= TokenSet.Of(Text);

    /// <summary>Every address the item names in its headers.</summary>
    public IEnumerable<string> Participants
    {
        get
        {
            if (From is { Length: > 0 } from)
            {
                yield return from;
            }

            foreach (var to in To)
            {
                yield return to;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Id} from {From} to {string.Join(", ", To)}: {Subject}";
}
