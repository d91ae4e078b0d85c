using System.Collections.Immutable;
using System.Reflection;
using AlignmentPolicy.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AlignmentPolicy.Cli.Scanning;

/// <summary>
/// Runs the AlignmentPolicy analyzers on a compilation with the policy given to them as a global
/// analyzer config, the way AlignmentPolicy.Build hands it to the compiler.
/// </summary>
internal static class ScanAnalyzerHost
{
    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> LazyAnalyzers = new(() =>
    [
        .. typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!),
    ]);

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => LazyAnalyzers.Value;

    /// <summary>Every rule the analyzers can report, for SARIF rule metadata.</summary>
    public static ImmutableArray<DiagnosticDescriptor> Rules =>
    [
        .. Analyzers.SelectMany(a => a.SupportedDiagnostics).Where(d => d.Id.StartsWith("ALN", StringComparison.Ordinal))
            .GroupBy(d => d.Id, StringComparer.Ordinal).Select(g => g.First()).OrderBy(d => d.Id, StringComparer.Ordinal),
    ];

    /// <summary>Runs the analyzers (with the project's additional files, <see cref="ScanAdditionalFiles"/>); returns their diagnostics (pragma and attribute suppressions applied) and analyzer failures.</summary>
    public static async Task<(ImmutableArray<Diagnostic> Findings, ImmutableArray<Diagnostic> Failures)> AnalyzeAsync(CSharpCompilation compilation, string globalConfig, ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
    {
        if (Analyzers.IsEmpty)
        {
            return ([], []);
        }

        var config = AnalyzerConfig.Parse(globalConfig, Path.Combine(Path.GetTempPath(), "alignment-policy.globalconfig"));
        var global = AnalyzerConfigSet.Create(ImmutableArray.Create(config)).GlobalConfigOptions;
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(global.TreeOptions));
        var options = new AnalyzerOptions(additionalFiles, new GlobalConfigOptionsProvider(global.AnalyzerOptions));
        var withAnalyzers = compilation.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        return (
            [.. diagnostics.Where(d => d.Id.StartsWith("ALN", StringComparison.Ordinal) && d.Severity != DiagnosticSeverity.Hidden)],
            [.. diagnostics.Where(d => d.Id is "AD0001" or "AD0002")]);
    }

    /// <summary>The global analyzer config as Roslyn parsed it, given to every tree and to the compilation.</summary>
    private sealed class GlobalConfigOptionsProvider(ImmutableDictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private readonly DictionaryOptions _options = new(values);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;
    }

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override IEnumerable<string> Keys => values.Keys;

        public override bool TryGetValue(string key, out string value)
        {
            if (values.TryGetValue(key, out var found))
            {
                value = found;
                return true;
            }

            value = string.Empty;
            return false;
        }
    }
}
