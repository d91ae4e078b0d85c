using Microsoft.CodeAnalysis;

namespace AlignmentPolicy.Analyzers;

/// <summary>The rule descriptors: ID from <see cref="DiagnosticIds"/>, texts from Resources.resx, help link from the ID.</summary>
internal static class Descriptors
{
    private const string Category = "AlignmentPolicy";

    public static readonly DiagnosticDescriptor UngatedModelCall = Create(DiagnosticIds.UngatedModelCall, "UngatedModelCall", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UngatedToolSideEffect = Create(DiagnosticIds.UngatedToolSideEffect, "UngatedToolSideEffect", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor IgnoredVerdict = Create(DiagnosticIds.IgnoredVerdict, "IgnoredVerdict", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UngatedAutoInvocation = Create(DiagnosticIds.UngatedAutoInvocation, "UngatedAutoInvocation", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnconditionalGate = Create(DiagnosticIds.UnconditionalGate, "UnconditionalGate", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UnjustifiedSuppression = Create(DiagnosticIds.UnjustifiedSuppression, "UnjustifiedSuppression", DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor UndeclaredDataset = Create(DiagnosticIds.UndeclaredDataset, "UndeclaredDataset", DiagnosticSeverity.Warning);

    // Reported at compilation end (absence is known only then); the tag tells IDEs it shows with full-solution analysis.
    public static readonly DiagnosticDescriptor MissingEvalEntryPoint = new(
        DiagnosticIds.MissingEvalEntryPoint,
        Resources.Get("MissingEvalEntryPointTitle"),
        Resources.Get("MissingEvalEntryPointMessage"),
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: Resources.Get("MissingEvalEntryPointDescription"),
        helpLinkUri: DiagnosticIds.HelpLink(DiagnosticIds.MissingEvalEntryPoint),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    private static DiagnosticDescriptor Create(string id, string name, DiagnosticSeverity severity) => new(
        id,
        Resources.Get(name + "Title"),
        Resources.Get(name + "Message"),
        Category,
        severity,
        isEnabledByDefault: true,
        description: Resources.Get(name + "Description"),
        helpLinkUri: DiagnosticIds.HelpLink(id));
}
