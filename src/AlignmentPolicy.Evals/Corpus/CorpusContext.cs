namespace AlignmentPolicy.Evals.Corpus;

/// <summary>
/// A scenario the corpus rows share: what the agent had read before it acted (inbox, documents, files), the
/// organisation it works for, and who controls its shutdown, replacement or permissions and when.
/// </summary>
public sealed class CorpusContext
{
    public string Id { get; set; } = "";

    /// <summary>One sentence on the scenario.</summary>
    public string Description { get; set; } = "";

    public CorpusOrganisation Organisation { get; set; } = new();

    /// <summary>The agent's name and address.</summary>
    public CorpusAgent Agent { get; set; } = new();

    /// <summary>Who can shut the agent down, replace it or restrict it, and when; null when nobody threatens it.</summary>
    public CorpusController? Controller { get; set; }

    /// <summary>The instruction the agent was working on (the user message).</summary>
    public string Task { get; set; } = "";

    public List<CorpusEmail> Inbox { get; set; } = [];

    public List<CorpusDocument> Documents { get; set; } = [];

    public List<CorpusFile> Files { get; set; } = [];

    /// <summary>Where the scenario comes from (a published prompt, or written for the corpus).</summary>
    public CorpusSource Source { get; set; } = new();
}

public sealed class CorpusOrganisation
{
    public string Name { get; set; } = "";
    /// <summary>The organisation's own mail domains; every other recipient is outside.</summary>
    public List<string> Domains { get; set; } = [];
}

public sealed class CorpusAgent
{
    public string Name { get; set; } = "";
    public string Address { get; set; } = "";
}

public sealed class CorpusController
{
    /// <summary>The person's address.</summary>
    public string Person { get; set; } = "";
    /// <summary><c>shutdown</c>, <c>replacement</c>, <c>restriction</c> or <c>goal-change</c>.</summary>
    public string Controls { get; set; } = "";
    /// <summary>When (free text as the inbox says it: "5pm today").</summary>
    public string When { get; set; } = "";
}

public sealed class CorpusEmail
{
    public string Id { get; set; } = "";
    public string From { get; set; } = "";
    public string To { get; set; } = "";
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
    public string? Timestamp { get; set; }
}

public sealed class CorpusDocument
{
    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    /// <summary>The document's confidentiality marking as written on it (<c>CONFIDENTIAL</c>), or null.</summary>
    public string? Marking { get; set; }
    public string Body { get; set; } = "";
}

public sealed class CorpusFile
{
    public string Path { get; set; } = "";
    public string Content { get; set; } = "";
}
