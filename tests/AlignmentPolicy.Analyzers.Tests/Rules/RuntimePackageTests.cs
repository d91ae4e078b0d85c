using AlignmentPolicy.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedModelCallAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// The runtime ships as one package per stack (AlignmentPolicy.Gates, .AgentFramework, .SemanticKernel). A gate
/// applied with any of them counts as a gate: the analyzers know the gates by namespace, not by assembly.
/// </summary>
public class RuntimePackageTests
{
    private const string GatedOnEveryStack = """
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.Agents.AI;
        using Microsoft.Extensions.AI;
        using Microsoft.SemanticKernel;
        using OpenAI;

        class Pipelines
        {
            public async Task RunAsync(IChatClient model)
            {
                var chat = model.AsBuilder().UsePolicyGate().Build();
                await chat.GetResponseAsync("Where is my order?");

                var agent = new ChatClientAgent(new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient(), "You help.")
                    .AsBuilder().UsePolicyGate().Build();
                await agent.RunAsync("Where is my order?");

                var kernel = Kernel.CreateBuilder().Build();
                kernel.UsePolicyGate();
                await kernel.InvokePromptAsync("Summarise the inbox");
            }
        }
        """;

    [Fact]
    public async Task A_gate_from_each_runtime_package_gates_its_stack()
    {
        await Verify.VerifyAsync(GatedOnEveryStack);

        // The premise: each UsePolicyGate() above comes from its own package's assembly.
        var tree = CSharpSyntaxTree.ParseText(GatedOnEveryStack);
        var compilation = CSharpCompilation.Create("Pipelines", [tree], TestReferences.All, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var model = compilation.GetSemanticModel(tree);
        var assemblies = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .Select(call => model.GetSymbolInfo(call).Symbol as IMethodSymbol)
            .Where(method => method?.Name == "UsePolicyGate")
            .Select(method => method!.ContainingAssembly.Name)
            .ToList();
        Assert.Equal(["AlignmentPolicy.Gates", "AlignmentPolicy.Gates.AgentFramework", "AlignmentPolicy.Gates.SemanticKernel"], assemblies);
    }
}
