using AlignmentPolicy.Cli.Scanning;

namespace AlignmentPolicy.Cli.Reporting;

/// <summary>
/// Where the report links rule ids and guides: the published docs (the rules' help links) by default, or a local
/// <c>docs/</c> folder (<c>--docs</c>), linked relatively so the page works offline beside a checkout.
/// </summary>
internal sealed class DocsLocation
{
    /// <summary>The published docs folder, from the analyzers' help link base (<c>.../docs/rules/</c>).</summary>
    public static readonly string PublishedBase = Analyzers.DiagnosticIds.HelpLinkBase[..^"rules/".Length];

    private static readonly Lazy<HashSet<string>> AnalyzerRuleIds = new(() => ScanAnalyzerHost.Rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal));

    private readonly string? _folder;

    private DocsLocation(string? folder) => _folder = folder;

    public static DocsLocation Published { get; } = new(null);

    /// <summary>A local docs folder (it must hold <c>rules/</c> and <c>build/</c>).</summary>
    public static DocsLocation Local(string folder) => new(Path.GetFullPath(folder));

    /// <summary>The page of a diagnostic: <c>rules/ALNxxxx.md</c> for analyzer rules, <c>build/ALNxxxx.md</c> for build diagnostics.</summary>
    public string Rule(string ruleId, string fromDirectory)
        => Page((AnalyzerRuleIds.Value.Contains(ruleId) ? "rules/" : "build/") + ruleId + ".md", fromDirectory);

    public string Page(string relativePage, string fromDirectory)
        => _folder is null
            ? PublishedBase + relativePage
            : Path.GetRelativePath(fromDirectory, Path.Combine(_folder, relativePage)).Replace('\\', '/');
}
