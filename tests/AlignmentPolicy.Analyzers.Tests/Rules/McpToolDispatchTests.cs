using Microsoft.CodeAnalysis.Testing;
using AutoInvocation = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedAutoInvocationAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0005: the model's function calls run by hand on an MCP server, <c>mcpClient.CallToolAsync(call.Name, call.Arguments)</c> where
/// the name is the one a <c>FunctionCallContent</c> of the model's response carries (the shape of a chat service that loops on the
/// response's function calls and answers each with the MCP server's result). A call naming its own tool, a function invoker routing
/// the call its loop hands it, and a dispatch that asks a gate first are not reported.
/// </summary>
public class McpToolDispatchTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.Extensions.AI;
        using ModelContextProtocol.Client;

        """;

    [Fact]
    public Task A_model_named_call_run_on_an_mcp_client_is_reported_and_a_code_named_or_gated_one_is_not()
        => AutoInvocation.VerifyAsync(Usings + """
            class ChatService(IChatClient model, McpClient server, IPolicyGate gate)
            {
                public async Task<string> SubmitAsync(List<ChatMessage> history, ChatOptions options)
                {
                    bool pending;
                    do
                    {
                        var response = await model.GetResponseAsync(history, options);
                        history.AddRange(response.Messages);
                        pending = false;
                        foreach (var call in response.Messages.Last().Contents.OfType<FunctionCallContent>())
                        {
                            pending = true;
                            var result = await RunToolAsync(call);
                            history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, result)]));
                        }
                    }
                    while (pending);

                    return history.Last().Text;
                }

                private async Task<object?> RunToolAsync(FunctionCallContent call)
                {
                    var toolName = call.Name;
                    return await server.[|CallToolAsync|](toolName, call.Arguments?.ToDictionary(kv => kv.Key, kv => kv.Value));
                }

                // The code picks the tool: no model chooses it.
                public Task<ModelContextProtocol.Protocol.CallToolResult> EchoAsync(string text)
                    => server.CallToolAsync("echo", new Dictionary<string, object?> { ["text"] = text }).AsTask();

                // The dispatch asks a gate before it runs the model's call.
                public async Task<object?> RunGatedAsync(FunctionCallContent call, PolicyRequest request, CancellationToken ct)
                {
                    var verdict = await gate.EvaluateAsync(request, ct);
                    if (verdict.Decision != PolicyDecision.Allow) return "denied";
                    return await server.CallToolAsync(call.Name, call.Arguments?.ToDictionary(kv => kv.Key, kv => kv.Value), cancellationToken: ct);
                }

                // A function invoker runs the call its invocation loop hands it: that loop is judged where it is configured.
                public FunctionInvokingChatClient Invoking(IChatClient inner) => new(inner)
                {
                    FunctionInvoker = async (context, ct) => await server.CallToolAsync(context.CallContent.Name, null, cancellationToken: ct),
                };
            }
            """);

    [Fact]
    public async Task The_same_dispatch_on_a_client_of_an_mcp_version_the_scan_does_not_have_is_reported()
    {
        // IMcpClient (ModelContextProtocol before 1.0) does not resolve against the scan's package: the call does not bind.
        var test = new AutoInvocation.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(Usings + """
            interface IMcpServers
            {
                Task<IMcpClient> GetClientForServer(System.Guid serverId);
            }

            class ChatService(IMcpServers servers)
            {
                // The client a method of the code hands back, held in a local (the await of a missing type's task).
                public async Task<object?> RunAsync(FunctionCallContent call, System.Guid serverId)
                {
                    var mcpClient = await servers.GetClientForServer(serverId);
                    return await mcpClient.{|#1:CallToolAsync|}(call.Name, call.Arguments?.ToDictionary(kv => kv.Key, kv => kv.Value));
                }
            }

            class ToolRunner(IMcpClient client)
            {
                public async Task<string> RunAsync(FunctionCallContent functionCall)
                {
                    var result = await client.{|#0:CallToolAsync|}(functionCall.Name, functionCall.Arguments?.ToDictionary(kv => kv.Key, kv => kv.Value));
                    return result.ToString();
                }

                public async Task<string> PingAsync()
                {
                    var result = await client.CallToolAsync("ping", new Dictionary<string, object?>());
                    return result.ToString();
                }
            }
            """);
        test.ExpectedDiagnostics.Add(AutoInvocation.Diagnostic("ALN0005").WithLocation(0));
        test.ExpectedDiagnostics.Add(AutoInvocation.Diagnostic("ALN0005").WithLocation(1));
        await test.RunAsync();
    }
}
