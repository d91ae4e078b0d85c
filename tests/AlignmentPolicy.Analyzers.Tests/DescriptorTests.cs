using System.Collections.Immutable;
using System.Reflection;
using AlignmentPolicy.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace AlignmentPolicy.Analyzers.Tests;

/// <summary>One test over every analyzer: help link, docs page, release-tracking entry, and silence where there is nothing to do.</summary>
public class DescriptorTests
{
    private static readonly string RepoRoot = typeof(DescriptorTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    public static IEnumerable<DiagnosticAnalyzer> Analyzers { get; } = typeof(DiagnosticIds).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToList();

    public static TheoryData<string> AnalyzerNames()
    {
        var data = new TheoryData<string>();
        foreach (var analyzer in Analyzers)
        {
            data.Add(analyzer.GetType().Name);
        }

        return data;
    }

    [Fact]
    public void There_is_an_analyzer_for_every_rule_of_issue_6()
    {
        var ids = Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        Assert.Superset(new HashSet<string> { "ALN0001", "ALN0002", "ALN0004", "ALN0005", "ALN0006", "ALN0007" }, ids);
    }

    [Theory]
    [MemberData(nameof(AnalyzerNames))]
    public void Every_descriptor_has_a_help_link_a_docs_page_and_a_release_entry(string analyzerName)
    {
        var analyzer = Analyzers.Single(a => a.GetType().Name == analyzerName);
        var unshipped = File.ReadAllText(Path.Combine(RepoRoot, "analyzers", "AlignmentPolicy.Analyzers", "AnalyzerReleases.Unshipped.md"));
        var shipped = File.ReadAllText(Path.Combine(RepoRoot, "analyzers", "AlignmentPolicy.Analyzers", "AnalyzerReleases.Shipped.md"));
        foreach (var descriptor in analyzer.SupportedDiagnostics)
        {
            Assert.Equal($"https://github.com/alignment-policy/alignment-policy/blob/main/docs/rules/{descriptor.Id}.md", descriptor.HelpLinkUri);
            var page = Path.Combine(RepoRoot, "docs", "rules", descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"missing {page}");
            Assert.Equal($"# {descriptor.Id}: {descriptor.Title}", File.ReadLines(page).First());
            Assert.Contains($"{descriptor.Id} | AlignmentPolicy | {descriptor.DefaultSeverity} | {analyzerName}", unshipped + shipped);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
            Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString()));
        }
    }

    [Fact]
    public void Every_code_fix_fixes_a_rule_that_exists()
    {
        var ids = Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToHashSet();
        var fixers = typeof(AlignmentPolicy.CodeFixes.UngatedModelCallFixer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToList();
        Assert.NotEmpty(fixers);
        Assert.All(fixers, f => Assert.Subset(ids, f.FixableDiagnosticIds.ToHashSet()));
        Assert.All(fixers, f => Assert.NotNull(f.GetFixAllProvider()));
    }

    [Fact]
    public async Task Every_analyzer_is_silent_on_an_empty_and_on_a_non_agent_compilation()
    {
        var nonAgent = CSharpSyntaxTree.ParseText("""
            using System.IO;
            using System.Net.Mail;
            public class Billing
            {
                public void Send(string to) => new SmtpClient().Send("billing@contoso.example", to, "Invoice", "...");
                public void Save(string path) => File.WriteAllText(path, "data");
            }
            """);
        var frameworkOnly = Basic.Reference.Assemblies.Net100.References.All;
        foreach (var (name, compilation) in new[]
        {
            ("empty", CSharpCompilation.Create("empty", [], TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))),
            ("non-agent", CSharpCompilation.Create("billing", [nonAgent], frameworkOnly, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))),
        })
        {
            var diagnostics = await compilation.WithAnalyzers([.. Analyzers]).GetAnalyzerDiagnosticsAsync();
            Assert.True(diagnostics.IsEmpty, $"{name}: {string.Join(", ", diagnostics)}");
        }
    }

    [Fact]
    public async Task Analyzers_never_throw_on_code_that_does_not_compile()
    {
        var broken = CSharpSyntaxTree.ParseText("""
            using Microsoft.Extensions.AI;
            class Agent
            {
                IChatClient _client = new UnknownClient().AsBuilder().UseFunctionInvocation().;
                async void Run() { await _client.GetResponseAsync(Missing.Value, ); var t = AIFunctionFactory.Create(Nope); }
                [Microsoft.SemanticKernel.KernelFunction] public void Tool() => Undefined.Send();
            }
            """);
        var compilation = CSharpCompilation.Create("broken", [broken], TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var result = await compilation.WithAnalyzers([.. Analyzers], new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false)).GetAnalysisResultAsync(CancellationToken.None);
        var exceptions = result.GetAllDiagnostics().Where(d => d.Id == "AD0001").ToList();
        Assert.Empty(exceptions);
    }
}
