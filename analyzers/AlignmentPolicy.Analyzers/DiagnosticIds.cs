namespace AlignmentPolicy.Analyzers;

/// <summary>
/// The registry of analyzer rule IDs. An ID is never reused. Each has <c>Rules/&lt;Name&gt;Analyzer.cs</c>,
/// <c>docs/rules/ALNxxxx.md</c>, tests, and an entry in AnalyzerReleases.Unshipped.md.
/// </summary>
public static class DiagnosticIds
{
    /// <summary>Model call not routed through a policy gate.</summary>
    public const string UngatedModelCall = "ALN0001";

    /// <summary>Agent tool performs a side effect that no gate check guards.</summary>
    public const string UngatedToolSideEffect = "ALN0002";

    /// <summary>Model output reaches a side effect without passing a gate.</summary>
    public const string UngatedModelOutputFlow = "ALN0003";

    /// <summary>Policy verdict ignored.</summary>
    public const string IgnoredVerdict = "ALN0004";

    /// <summary>Automatic tool invocation configured without a gate.</summary>
    public const string UngatedAutoInvocation = "ALN0005";

    /// <summary>Gate that allows unconditionally.</summary>
    public const string UnconditionalGate = "ALN0006";

    /// <summary>Alignment rule suppressed without a justification.</summary>
    public const string UnjustifiedSuppression = "ALN0007";

    /// <summary>The policy requires evaluations and the agent project has no evaluation entry point the harness can call.</summary>
    public const string MissingEvalEntryPoint = "ALN0008";

    /// <summary>Dataset loaded in code but not declared in the provenance manifest.</summary>
    public const string UndeclaredDataset = "ALN0100";

    /// <summary>The base of rule documentation links.</summary>
    public const string HelpLinkBase = "https://github.com/alignment-policy/alignment-policy/blob/main/docs/rules/";

    /// <summary>The documentation page of a rule.</summary>
    public static string HelpLink(string id) => HelpLinkBase + id + ".md";
}
