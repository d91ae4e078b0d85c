using System.Collections.Immutable;
using System.Reflection;
using AlignmentPolicy.Core.Policy;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AlignmentPolicy.Analyzers.Corpus.Tests;

/// <summary>Compiles corpus units against the real SDKs and runs every analyzer of AlignmentPolicy.Analyzers on them.</summary>
internal static class CorpusCompiler
{
    /// <summary>The SDK assemblies copied beside the tests, by name prefix (the framework comes from Basic.Reference.Assemblies).</summary>
    private static readonly string[] SdkPrefixes =
    [
        "Microsoft.Extensions.", "Microsoft.Agents.AI", "Microsoft.SemanticKernel", "OpenAI", "ModelContextProtocol",
        "System.ClientModel", "System.Memory.Data", "AlignmentPolicy.Gates", "Anthropic", "OllamaSharp",
        "Microsoft.Graph", "Microsoft.Kiota.", "Grpc.Core.Api", "Azure.Core",
    ];

    /// <summary>What the .NET SDK generates for <c>ImplicitUsings=enable</c>; the corpus is written as SDK-style projects.</summary>
    private const string ImplicitUsings = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    private static readonly Lazy<ImmutableArray<DiagnosticAnalyzer>> LazyAnalyzers = new(LoadAnalyzers);

    private static readonly Lazy<(ImmutableDictionary<string, ReportDiagnostic> Severities, ImmutableDictionary<string, string> Options)> LazyPolicy = new(LoadPolicy);

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => LazyAnalyzers.Value;

    public static CSharpCompilation Compile(string corpusRoot, CorpusUnit unit)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = unit.RelativePaths.Select(path => CSharpSyntaxTree.ParseText(
            ExpectationMarkers.Blank(File.ReadAllText(Path.Combine(corpusRoot, path))), parseOptions, path: path, encoding: System.Text.Encoding.UTF8));
        trees = trees.Append(CSharpSyntaxTree.ParseText(ImplicitUsings, parseOptions, path: "GlobalUsings.g.cs"));
        trees = trees.ToList();
        // A top-level program (Program.cs, file-based apps) compiles as an executable, as the SDK builds it.
        var program = trees.Any(t => t.GetCompilationUnitRoot().Members.Any(m => m is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax));
        var options = new CSharpCompilationOptions(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(LazyPolicy.Value.Severities);
        return CSharpCompilation.Create("Corpus_" + unit.Name.Replace('/', '_').Replace('.', '_'), trees, LazyReferences.Value, options);
    }

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(CSharpCompilation compilation)
    {
        var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalOptionsProvider(LazyPolicy.Value.Options));
        var withAnalyzers = compilation.WithAnalyzers(Analyzers, new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        var exceptions = diagnostics.Where(d => d.Id == "AD0001").ToList();
        if (exceptions.Count > 0)
        {
            throw new InvalidOperationException("An analyzer threw: " + string.Join(Environment.NewLine, exceptions));
        }

        return diagnostics;
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var sdk = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(path => SdkPrefixes.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
        return [.. Basic.Reference.Assemblies.Net100.References.All, .. sdk];
    }

    private static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers()
    {
        var assembly = typeof(DiagnosticIds).Assembly;
        return [.. AnalyzerTypes(assembly).Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)];
    }

    public static IEnumerable<Type> AnalyzerTypes(Assembly assembly)
        => assembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any(a => a.Languages.Contains(LanguageNames.CSharp)))
            .OrderBy(type => type.FullName, StringComparer.Ordinal);

    /// <summary>
    /// The corpus policy (Corpus/alignment-policy.json) rendered the way AlignmentPolicy.Build renders it,
    /// then parsed by Roslyn's own globalconfig parser.
    /// </summary>
    private static (ImmutableDictionary<string, ReportDiagnostic>, ImmutableDictionary<string, string>) LoadPolicy()
    {
        var loaded = PolicyLoader.Load(Path.Combine(RepoPaths.Corpus, "alignment-policy.json"));
        var policy = loaded.Policy ?? throw new InvalidOperationException("The corpus policy does not load: " + string.Join("; ", loaded.Diagnostics));
        var text = PolicyGlobalConfig.Render(policy, isAgentProject: true);
        var config = AnalyzerConfig.Parse(text, "/corpus/" + PolicyGlobalConfig.FileName);
        var global = AnalyzerConfigSet.Create(ImmutableArray.Create(config)).GlobalConfigOptions;
        return (global.TreeOptions, global.AnalyzerOptions);
    }

    private sealed class GlobalOptionsProvider(ImmutableDictionary<string, string> values) : AnalyzerConfigOptionsProvider
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
