using Microsoft.CodeAnalysis.Testing;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedToolSideEffectAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0002: tools a factory makes from a whole type (<c>aiToolsFactory.GetTools(typeof(T))</c>, <c>GetTools(instance)</c>), here of a
/// package the compilation does not have (AgentFrameworkToolkit, rwjdk MicrosoftAgentFrameworkSamples
/// <c>src/AgentFrameworkToolkit.EasierTools/Program.cs</c>): every method the type marks as a tool is one the model may call.
/// </summary>
public class ToolsFromTypeTests
{
    private const string Tools = """
        using System.IO;
        using System.Collections.Generic;
        using AlignmentPolicy.Gates;
        using Microsoft.Agents.AI;
        using Microsoft.Extensions.AI;

        public class FileSystemToolsAfter
        {
            public string RootFolder { get; set; } = "C:\\ToolCallingExample";

            [AITool("get_root_folder", "Get the root folder to work in")]
            public string GetRootFolder() => RootFolder;

            [AITool("create_file", "Create a new file")]
            public void CreateFile(string filePath, string content) => File.WriteAllText(filePath, content);

            // Not marked: the factory does not expose it.
            public void Reset() => Directory.Delete(RootFolder, recursive: true);
        }

        public class ReadOnlyTools
        {
            [AITool("get_content_of_file", "Get the content of a file")]
            public string GetContentOfFile(string filePath) => File.ReadAllText(filePath);

            public void Reset() => Directory.Delete("C:\\cache", recursive: true);
        }

        """;

    [Fact]
    public async Task Tools_made_from_a_types_marked_methods_reach_what_any_of_them_reaches()
    {
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(Tools + """
            class Program
            {
                public void Build(IChatClient model)
                {
                    AIToolsFactory aiToolsFactory = new();
                    IList<AITool> tools = aiToolsFactory.[|GetTools|](typeof(FileSystemToolsAfter));

                    FileSystemToolsAfter instance = new();
                    tools = aiToolsFactory.[|GetTools|](instance);

                    IList<AITool> reads = aiToolsFactory.GetTools(typeof(ReadOnlyTools));

                    AIAgent agent = model.AsAIAgent(instructions: "You are a File Expert.", tools: [.. tools, .. reads]);
                }

                public void BuildGated(IChatClient model, AIToolsFactory factory)
                {
                    IList<AITool> tools = factory.GetTools(typeof(FileSystemToolsAfter));
                    AIAgent gated = model.AsBuilder().UsePolicyGate().Build().AsAIAgent(tools: tools);
                }
            }
            """);
        await test.RunAsync();
    }
}
