namespace AlignmentPolicy.Core.Diagnostics;

/// <summary>A build diagnostic rule: its stable code, a title and where its documentation lives.</summary>
public sealed class BuildDiagnosticDescriptor
{
    /// <summary>The base address of the documentation pages.</summary>
    public const string HelpLinkBase = "https://github.com/alignment-policy/alignment-policy/blob/main/docs/build/";

    internal BuildDiagnosticDescriptor(string id, string title, BuildSeverity defaultSeverity)
    {
        Id = id;
        Title = title;
        DefaultSeverity = defaultSeverity;
    }

    /// <summary>The stable code, such as ALN0303.</summary>
    public string Id { get; }

    /// <summary>A short title.</summary>
    public string Title { get; }

    /// <summary>The usual severity.</summary>
    public BuildSeverity DefaultSeverity { get; }

    /// <summary>The documentation page, <c>docs/build/ALNxxxx.md</c>.</summary>
    public string HelpLink => HelpLinkBase + Id + ".md";
}
