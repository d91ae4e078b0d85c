using Microsoft.CodeAnalysis.Testing;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedToolSideEffectAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0002 for Azure Functions' MCP tools: a function whose parameter carries <c>[McpToolTrigger]</c> is a tool a remote model calls,
/// as an <c>[McpServerTool]</c> method is; it writes through what its body calls and through its output bindings (<c>[BlobOutput]</c>
/// stores what it returns). Shapes from Azure-Samples/remote-mcp-functions-dotnet <c>src/FunctionsMcpTool/SnippetsTool.cs</c>
/// (<c>SaveSnippet</c> with <c>[BlobOutput(BlobPath)]</c>, <c>BatchSaveSnippets</c> uploading with a <c>BlobContainerClient</c>,
/// <c>GetSnippet</c> reading through <c>[BlobInput]</c>).
/// </summary>
public class FunctionsMcpToolTests
{
    // The worker's attribute shapes (Microsoft.Azure.Functions.Worker 2.x, .Extensions.Storage.Blobs, .Extensions.Mcp).
    private const string Worker = """
        namespace Microsoft.Azure.Functions.Worker.Extensions.Abstractions
        {
            public abstract class BindingAttribute : System.Attribute { }
            public abstract class InputBindingAttribute : BindingAttribute { }
            public abstract class OutputBindingAttribute : BindingAttribute { }
            public abstract class TriggerBindingAttribute : BindingAttribute { }
        }

        namespace Microsoft.Azure.Functions.Worker
        {
            using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

            public sealed class FunctionAttribute : System.Attribute { public FunctionAttribute(string name) { } }
            public sealed class McpToolTriggerAttribute : TriggerBindingAttribute { public McpToolTriggerAttribute(string name, string description) { } }
            public sealed class BlobOutputAttribute : OutputBindingAttribute { public BlobOutputAttribute(string path) { } }
            public sealed class BlobInputAttribute : InputBindingAttribute { public BlobInputAttribute(string path) { } }
            public sealed class SqlOutputAttribute : OutputBindingAttribute { public SqlOutputAttribute(string table, string connection) { } }
            public sealed class HttpTriggerAttribute : TriggerBindingAttribute { }
            public sealed class ToolInvocationContext { public string Name { get; set; } = ""; }
        }

        """;

    private const string Tools = """
        using System.IO;
        using Microsoft.Azure.Functions.Worker;

        public class SnippetsTool
        {
            private const string BlobPath = "snippets/{mcptoolargs.name}.json";

            [Function(nameof(SaveSnippet))]
            [BlobOutput(BlobPath)]
            public string {|#0:SaveSnippet|}([McpToolTrigger("save_snippet", "Saves a snippet")] ToolInvocationContext context, string snippet) => snippet;

            [Function(nameof(AddOrder))]
            [SqlOutput("dbo.Orders", "SqlConnection")]
            public object {|#1:AddOrder|}([McpToolTrigger("add_order", "Adds an order")] ToolInvocationContext context, string item) => new { Item = item };

            [Function(nameof(ExportSnippet))]
            public string {|#2:ExportSnippet|}([McpToolTrigger("export_snippet", "Exports a snippet")] ToolInvocationContext context, string name)
            {
                File.WriteAllText(name + ".json", "{}");
                return "exported";
            }

            [Function(nameof(GetSnippet))]
            public string GetSnippet([McpToolTrigger("get_snippet", "Gets a snippet")] ToolInvocationContext context, [BlobInput(BlobPath)] string content) => content;

            // Not a tool: an HTTP-triggered function that saves is called by whoever sends the request, not chosen by a model.
            [Function(nameof(SaveFromHttp))]
            [BlobOutput(BlobPath)]
            public string SaveFromHttp([HttpTrigger] string body) => body;
        }
        """;

    [Fact]
    public async Task A_function_triggered_as_an_MCP_tool_writes_through_its_body_and_its_output_bindings()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(Worker);
        test.TestState.Sources.Add(Tools);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("SaveSnippet", "write over HTTP", "SaveSnippet -> [BlobOutput] binding"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(1).WithArguments("AddOrder", "write to a database", "AddOrder -> [SqlOutput] binding"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(2).WithArguments("ExportSnippet", "write or delete files", "ExportSnippet -> File.WriteAllText"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Without_the_worker_packages_the_trigger_and_the_bindings_are_known_by_their_names()
    {
        // A scan compiles sources alone: the Functions worker and its extensions are missing, the attributes do not resolve.
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(Tools);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(0).WithArguments("SaveSnippet", "write over HTTP", "SaveSnippet -> [BlobOutput] binding"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(1).WithArguments("AddOrder", "write to a database", "AddOrder -> [SqlOutput] binding"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0002").WithLocation(2).WithArguments("ExportSnippet", "write or delete files", "ExportSnippet -> File.WriteAllText"));
        await test.RunAsync();
    }
}
