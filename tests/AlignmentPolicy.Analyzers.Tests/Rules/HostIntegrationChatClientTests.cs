using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedModelCallAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0001 for a chat client injected from the container when a hosting integration of a package the scan does not have
/// registered it on the application's host builder (Aspire's <c>builder.AddOllamaApiClient("chat").AddChatClient()</c>,
/// <c>builder.AddAzureOpenAIClient("openai").AddChatClient("chat")</c>, CommunityToolkit's <c>builder.AddOllamaSharpChatClient("chat")</c>):
/// the container's client is the bare one unless the chain after it, or the local its builder is kept in, puts a gate in.
/// </summary>
public class HostIntegrationChatClientTests
{
    private const string Usings = """
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.Hosting;

        """;

    private static async Task VerifyUnboundAsync(string source, params DiagnosticResult[] expected)
    {
        // The integrations' packages are not in the test compilation: their calls do not bind, as in a scan.
        var test = new Verify.Test { TestCode = Usings + source, CompilerDiagnostics = CompilerDiagnostics.None };
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync();
    }

    [Fact]
    public Task A_chat_client_an_integration_registers_on_the_host_builder_is_ungated_also_through_the_local_its_builder_is_kept_in()
        => VerifyUnboundAsync("""
            static class AIServices
            {
                public static void AddAIServices(this IHostApplicationBuilder builder, bool ollama)
                {
                    ChatClientBuilder? chatClientBuilder = null;
                    if (ollama)
                    {
                        chatClientBuilder = builder.AddOllamaApiClient("chat").AddChatClient();
                    }
                    else
                    {
                        var openai = builder.AddAzureOpenAIClient("openai");
                        chatClientBuilder = openai.AddChatClient("chat");
                    }

                    chatClientBuilder?.UseFunctionInvocation();
                }
            }

            class ChatState(IChatClient chatClient)
            {
                public async Task<string> AskAsync(string question) => (await chatClient.[|GetResponseAsync|](question)).Text;
            }
            """);

    [Fact]
    public Task An_integration_registration_whose_chain_has_a_gate_is_gated()
        => VerifyUnboundAsync("""
            static class AIServices
            {
                public static void AddAIServices(this IHostApplicationBuilder builder)
                    => builder.AddOllamaApiClient("chat").AddChatClient().UseFunctionInvocation().UsePolicyGate();
            }

            class ChatState(IChatClient chatClient)
            {
                public async Task<string> AskAsync(string question) => (await chatClient.GetResponseAsync(question)).Text;
            }
            """);

    [Fact]
    public Task A_registration_on_something_other_than_the_host_builder_is_not_an_integration()
        => VerifyUnboundAsync("""
            static class AIServices
            {
                // Not the host builder: what this registers, and where, is not known.
                public static void AddAIServices(Catalog catalog) => catalog.AddOllamaApiClient("chat").AddChatClient();
            }

            class Catalog;

            class ChatState(IChatClient chatClient)
            {
                public async Task<string> AskAsync(string question) => (await chatClient.{|#0:GetResponseAsync|}(question)).Text;
            }
            """,
            Verify.Diagnostic("ALN0001").WithLocation(0).WithSeverity(DiagnosticSeverity.Info)
                .WithArguments("GetResponseAsync", "it is injected, and no AddChatClient(...) registration is in this compilation"));
}
