using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedToolSideEffectAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0002 for a tool type declared in one project and made a tool in another (the host registers it in DI and wraps its methods with
/// <c>AIFunctionFactory.Create</c>). The analyzer sees one compilation at a time: in the host, the tool type's methods are metadata, so
/// no body can be walked; what the metadata declares is all that is known there: <c>[SideEffect("category")]</c> on the method (a
/// catalogued API made a tool directly, too). An undeclared method of another assembly is not judged in the host.
/// </summary>
public class CrossProjectToolTests
{
    private const string Library = """
        using System.ComponentModel;
        using System.IO;
        using AlignmentPolicy.Gates;

        namespace Contoso.Tools
        {
            public sealed class RecordTools
            {
                [Description("Deletes a customer record")]
                [SideEffect(SideEffectCategories.Database)]
                public string Purge(string id) => "purged";

                [Description("Archives a record to a file")]
                public string Archive(string id) { File.WriteAllText(id + ".json", "{}"); return "archived"; }

                [Description("Looks a record up")]
                public string Find(string id) => id;
            }
        }
        """;

    [Fact]
    public async Task A_tool_method_of_a_referenced_assembly_is_judged_by_the_side_effect_its_metadata_declares()
    {
        var test = new Verify.Test();
        test.TestState.AdditionalReferences.Add(CompileLibrary());
        test.TestState.Sources.Add("""
            using System;
            using AlignmentPolicy.Gates;
            using Contoso.Tools;
            using Microsoft.Agents.AI;
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.DependencyInjection;

            static class Host
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddSingleton<RecordTools>();
                    services.AddSingleton<AIAgent>(sp =>
                    {
                        var tools = sp.GetRequiredService<RecordTools>();
                        IChatClient client = new OpenAI.OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient();
                        return client.AsAIAgent(tools:
                        [
                            AIFunctionFactory.{|#0:Create|}(tools.Purge),
                            AIFunctionFactory.Create(tools.Archive),
                            AIFunctionFactory.Create(tools.Find),
                            AIFunctionFactory.Create(tools.Purge).WithPolicyGate(),
                        ]);
                    });
                }
            }
            """);
        // Archive writes a file in its body, which is metadata here: it is judged where the body is, not in the host.
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("Purge", "write to a database", "RecordTools.Purge"));
        await test.RunAsync();
    }

    private static MetadataReference CompileLibrary()
    {
        var compilation = CSharpCompilation.Create(
            "Contoso.Tools",
            [CSharpSyntaxTree.ParseText(Library)],
            Verifiers.TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
