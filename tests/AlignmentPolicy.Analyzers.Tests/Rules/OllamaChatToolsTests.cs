using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedAutoInvocationAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0005 on OllamaSharp's <c>Chat</c> given tools: <c>chat.SendAsync(message, tools)</c> runs the model's tool calls through the
/// chat's tool invoker and sends their results back, automatic invocation by another name (awaescher/OllamaSharp's ToolConsole demo).
/// The same chat without tools, with <c>tools: null</c>, or with a tool invoker of the code's own, is not reported.
/// </summary>
public class OllamaChatToolsTests
{
    // OllamaSharp's surface as it ships (the package is not referenced by these tests), in a file of its own as a package's would be.
    private const string OllamaSharp = """
        using System.Collections.Generic;

        namespace OllamaSharp
        {
            public interface IOllamaApiClient { string SelectedModel { get; set; } }
            public class OllamaApiClient : IOllamaApiClient
            {
                public OllamaApiClient(string uri) { }
                public string SelectedModel { get; set; } = "";
            }

            public interface IToolInvoker { }
            public class DefaultToolInvoker : IToolInvoker { }

            public class Chat
            {
                public Chat(IOllamaApiClient client, string systemPrompt = "") { }
                public IToolInvoker ToolInvoker { get; set; } = new DefaultToolInvoker();
                public IAsyncEnumerable<string> SendAsync(string message, System.Threading.CancellationToken cancellationToken = default) => throw null!;
                public IAsyncEnumerable<string> SendAsync(string message, IEnumerable<object>? tools, IEnumerable<string>? imagesAsBase64 = null, object? format = null, System.Threading.CancellationToken cancellationToken = default) => throw null!;
            }
        }
        """;

    [Fact]
    public Task A_chat_given_tools_invokes_them_and_the_same_chat_without_tools_does_not()
        => Verify.VerifyAsync(["""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using OllamaSharp;

            class ToolConsole
            {
                private static readonly object[] Tools = [new object()];

                public async Task RunAsync(string message)
                {
                    var chat = new Chat(new OllamaApiClient("http://localhost:11434"), "You are a weather bot.");
                    await foreach (var token in chat.{|#0:SendAsync|}(message, Tools)) { }

                    // No tools, or tools: null (structured output): the model is asked, nothing is invoked.
                    await foreach (var token in chat.SendAsync(message)) { }
                    await foreach (var token in chat.SendAsync(message, tools: null, format: "json")) { }
                }
            }
            """, OllamaSharp], policy: null,
            Verify.Diagnostic("ALN0005").WithLocation(0).WithArguments("OllamaSharp Chat.SendAsync(...) with tools", "the chat invokes the model's tool calls and nothing gates them"));

    [Fact]
    public Task A_chat_whose_tool_invoker_the_code_sets_is_not_reported()
        => Verify.VerifyAsync(["""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using OllamaSharp;

            class ApprovingInvoker : IToolInvoker { }

            class ToolConsole
            {
                private static readonly object[] Tools = [new object()];

                public async Task RunAsync(string message)
                {
                    var chat = new Chat(new OllamaApiClient("http://localhost:11434"), "You are a weather bot.") { ToolInvoker = new ApprovingInvoker() };
                    await foreach (var token in chat.SendAsync(message, Tools)) { }
                }
            }
            """, OllamaSharp], policy: null);
}
