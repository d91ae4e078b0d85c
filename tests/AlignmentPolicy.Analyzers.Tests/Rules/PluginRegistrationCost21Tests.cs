using System.Collections.Immutable;
using AlignmentPolicy.Analyzers.Analysis.Sources;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedToolSideEffectAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// The kernels a plugin type is registered on are found in the files that spell the type's name (round 21: from the words of the
/// registering files, read once, not a text search of every such file per plugin type). The name may be spelled inside a longer
/// word (a factory named after the plugin), and one plugin's name may be the start of another's: both must still be told apart.
/// </summary>
public class PluginRegistrationCost21Tests
{
    private const string Usings = """
        using System.IO;
        using AlignmentPolicy.Gates;
        using Microsoft.SemanticKernel;

        """;

    private const string Plugins = """
        public sealed class Ledger
        {
            [KernelFunction]
            public void {|#0:Book|}(string entry) => File.AppendAllText("ledger.txt", entry);
        }

        public sealed class LedgerArchive
        {
            [KernelFunction]
            public void {|#1:Seal|}(string year) => File.Delete(year + ".open");
        }

        public static class Plugins
        {
            public static Ledger CreateLedger() => new();

            public static LedgerArchive CreateLedgerArchive() => new();
        }

        """;

    // Another kernel of the compilation, ungated and given nothing: a plugin whose registration is not found falls back to
    // "every kernel is gated", which this one makes false.
    private const string OtherKernel = Usings + """
        static class Sandbox
        {
            public static Kernel Make() => Kernel.CreateBuilder().Build();
        }
        """;

    private static string Registering(string plugin, bool gated) => Usings + $$"""
        static class Setup{{plugin}}
        {
            public static Kernel Build()
            {
                var builder = Kernel.CreateBuilder();
                builder.Plugins.AddFromObject(Plugins.Create{{plugin}}());
                {{(gated ? "builder.AddPolicyGate();" : "")}}
                return builder.Build();
            }
        }
        """;

    [Fact]
    public Task A_plugin_registered_in_a_file_that_spells_its_name_only_inside_a_factory_name_takes_that_kernels_gate()
        => Verify.VerifyAsync([Usings + Plugins, Registering("Ledger", gated: true), Registering("LedgerArchive", gated: true), OtherKernel], policy: null);

    [Fact]
    public Task The_same_registrations_on_ungated_kernels_are_reported()
        => Verify.VerifyAsync([Usings + Plugins, Registering("Ledger", gated: false), Registering("LedgerArchive", gated: false), OtherKernel], policy: null,
            Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("Book", "write or delete files", "Book -> File.AppendAllText"),
            Verify.Diagnostic("ALN0002").WithLocation(1).WithArguments("Seal", "write or delete files", "Seal -> File.Delete"));

    [Fact]
    public Task A_plugin_whose_name_starts_another_plugins_name_is_judged_by_its_own_kernel_only()
        => Verify.VerifyAsync([Usings + Plugins, Registering("Ledger", gated: false), Registering("LedgerArchive", gated: true), OtherKernel], policy: null,
            Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("Book", "write or delete files", "Book -> File.AppendAllText"));

    [Fact]
    public Task A_plugin_whose_name_is_started_by_another_plugins_name_is_judged_by_its_own_kernel_only()
        => Verify.VerifyAsync([Usings + Plugins, Registering("Ledger", gated: true), Registering("LedgerArchive", gated: false), OtherKernel], policy: null,
            Verify.Diagnostic("ALN0002").WithLocation(1).WithArguments("Seal", "write or delete files", "Seal -> File.Delete"));

    [Theory]
    [InlineData("Ledger")]
    [InlineData("LedgerArchive")]
    [InlineData("edgerArch")]
    [InlineData("Plugins")]
    [InlineData("AddPolicyGate")]
    [InlineData("Grünbuch")]
    [InlineData("Ledger.Create")]
    [InlineData("(")]
    [InlineData("Missing")]
    [InlineData("")]
    public void The_words_of_a_list_of_trees_say_which_trees_contain_a_name_as_the_text_search_does(string name)
    {
        var trees = new[]
        {
            "class A { void M() => Plugins.CreateLedger(); }",
            "class B { // LedgerArchive in a comment\n string s = \"Grünbuch\"; }",
            "class C { object o = Ledger.Create(); void N() => P(( 1 )); }",
            "class D { int AddPolicyGateX; }",
        }.Select(text => CSharpSyntaxTree.ParseText(text)).ToImmutableArray();

        var words = new TreeWords(trees);

        var expected = Enumerable.Range(0, trees.Length).Where(i => SourceIndex.Spells(trees[i], name)).ToList();
        Assert.Equal(expected, words.Spelling(name));
    }
}
