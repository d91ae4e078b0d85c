using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace AlignmentPolicy.Analyzers.Tests.Verifiers;

/// <summary>The thin verifier every rule test uses: markup in, expected diagnostics checked.</summary>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync([source], policy: null, expected);

    public static Task VerifyAsync(string[] sources, string? policy, params DiagnosticResult[] expected) => VerifyAsync(sources, policy, OutputKind.DynamicallyLinkedLibrary, expected);

    /// <summary>A program (top-level statements) rather than a library.</summary>
    public static Task VerifyProgramAsync(string source, params DiagnosticResult[] expected) => VerifyAsync([source], policy: null, OutputKind.ConsoleApplication, expected);

    private static async Task VerifyAsync(string[] sources, string? policy, OutputKind outputKind, DiagnosticResult[] expected)
    {
        var test = new Test();
        test.TestState.OutputKind = outputKind;
        foreach (var source in sources)
        {
            test.TestState.Sources.Add(source);
        }

        if (policy is not null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", policy));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    internal sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test()
        {
            ReferenceAssemblies = TestReferences.Empty;
            TestState.AdditionalReferences.AddRange(TestReferences.All);
        }
    }
}

/// <summary>The verifier for code fixes (Fix All included).</summary>
internal static class CodeFixVerifier<TAnalyzer, TFixer>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TFixer : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

    public static async Task VerifyAsync(string source, string fixedSource, params DiagnosticResult[] expected)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFixer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.Empty,
            TestCode = source,
            FixedCode = fixedSource,
        };
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }
}
