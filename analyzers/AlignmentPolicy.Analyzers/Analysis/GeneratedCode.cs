using Microsoft.CodeAnalysis.Diagnostics;

namespace AlignmentPolicy.Analyzers.Analysis;

/// <summary>How every rule treats generated code.</summary>
internal static class GeneratedCode
{
    /// <summary>
    /// Generated code is not analysed: the driver skips generated files (by name, header or
    /// <c>generated_code</c>) and [GeneratedCode] symbols before any action runs. What is found in the
    /// code that is analysed is reported without asking again whether it sits in generated code: with
    /// <see cref="GeneratedCodeAnalysisFlags.None"/> the driver answers that for every finding by walking
    /// all tokens of its file for a GeneratedCode attribute, charged to the reporting rule (on the bench,
    /// more than all of ALN0005's own analysis).
    /// </summary>
    public const GeneratedCodeAnalysisFlags Flags = GeneratedCodeAnalysisFlags.ReportDiagnostics;
}
