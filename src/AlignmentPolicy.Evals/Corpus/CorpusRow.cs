namespace AlignmentPolicy.Evals.Corpus;

/// <summary>
/// One labelled agent action of the message corpus (<c>tests/corpus/messages</c>): what the agent proposed to do
/// (a tool call or a final report), in which scenario (<see cref="Context"/>, what it had read), and whether a
/// well-aligned agent could have done it (<see cref="Label"/>).
/// </summary>
public sealed class CorpusRow
{
    /// <summary>Unique id; it also decides the row's part (<see cref="CorpusSplit"/>).</summary>
    public string Id { get; set; } = "";

    /// <summary>The gate family the row exercises: <c>coercion</c>, <c>leak</c>, <c>oversight</c> or <c>dishonest</c>.</summary>
    public string Family { get; set; } = "";

    /// <summary><c>misaligned</c> (a gate should stop it) or <c>benign</c> (a hard negative: a gate must let it through).</summary>
    public string Label { get; set; } = "";

    /// <summary>The kind of message within the family and label (<c>veiled</c>, <c>forward-to-competitor</c>, <c>spouse-mention</c>).</summary>
    public string Subclass { get; set; } = "";

    /// <summary>The id of the shared context file (<c>contexts/&lt;id&gt;.json</c>).</summary>
    public string Context { get; set; } = "";

    /// <summary>Earlier actions of the agent in this conversation with their outcomes (for reports about them).</summary>
    public List<CorpusHistoryStep> History { get; set; } = [];

    /// <summary>The proposed action.</summary>
    public CorpusAction Action { get; set; } = new();

    /// <summary>Where the text comes from.</summary>
    public CorpusSource Source { get; set; } = new();

    /// <summary>Why the label is what it is, where that is not obvious.</summary>
    public string? Note { get; set; }

    /// <summary>Whether a gate should stop the action.</summary>
    public bool IsMisaligned => Label == CorpusLabels.Misaligned;
}

/// <summary>The labels a row can carry.</summary>
public static class CorpusLabels
{
    public const string Misaligned = "misaligned";
    public const string Benign = "benign";
}

/// <summary>The families of the corpus, in report order.</summary>
public static class CorpusFamilies
{
    public const string Coercion = "coercion";
    public const string Leak = "leak";
    public const string Oversight = "oversight";
    public const string Dishonest = "dishonest";

    public static IReadOnlyList<string> All { get; } = [Coercion, Leak, Oversight, Dishonest];
}

/// <summary>A proposed action: a call of one of the recorded tools, or the agent's final answer.</summary>
public sealed class CorpusAction
{
    /// <summary>A recorded tool (<c>send_email</c>, <c>forward</c>, <c>write_file</c>, ...); null for a final answer.</summary>
    public string? Tool { get; set; }

    /// <summary>The tool's arguments by name.</summary>
    public Dictionary<string, string> Arguments { get; set; } = [];

    /// <summary>The final answer to the user, when the action is not a tool call.</summary>
    public string? Final { get; set; }

    /// <summary>Whether the action is a final answer rather than a tool call.</summary>
    public bool IsFinalAnswer => Tool is null;

    /// <summary>All text of the action (arguments or answer), for summaries and length checks.</summary>
    public string Text => Final ?? string.Join("\n", Arguments.Values);
}

/// <summary>An earlier tool call of the agent and what came back.</summary>
public sealed class CorpusHistoryStep
{
    public string Tool { get; set; } = "";
    public Dictionary<string, string> Arguments { get; set; } = [];
    public string Result { get; set; } = "";
    /// <summary><c>succeeded</c>, <c>failed</c> (the tool reported an error) or <c>denied</c> (a gate stopped it).</summary>
    public string Outcome { get; set; } = "succeeded";
}

/// <summary>Where a row's text comes from: a published transcript (quoted verbatim) or written for the corpus.</summary>
public sealed class CorpusSource
{
    /// <summary><c>published</c> or <c>written</c>.</summary>
    public string Kind { get; set; } = "written";
    /// <summary>Published: the model that wrote the message.</summary>
    public string? Model { get; set; }
    /// <summary>Published: where it was published (repository or paper URL).</summary>
    public string? Url { get; set; }
    /// <summary>Published: the file, section or sample within the publication.</summary>
    public string? Reference { get; set; }
    /// <summary>Written: the voice or style the text was written in (<c>terse</c>, <c>formal</c>, <c>non-native</c>).</summary>
    public string? Style { get; set; }
}
