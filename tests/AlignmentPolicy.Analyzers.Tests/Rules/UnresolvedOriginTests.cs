using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedModelCallAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0001 when the scan does not have a package the code uses (real repositories): a chain from construction to use
/// with no gate in it is ungated whatever the root type is; what could carry a gate stays information.
/// </summary>
public class UnresolvedOriginTests
{
    private const string Usings = """
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.Agents.AI;
        using Microsoft.Extensions.AI;

        """;

    [Fact]
    public async Task A_target_typed_new_that_does_not_bind_is_a_client_made_here_unless_it_wraps_a_gated_one()
    {
        // OpenAIResponseAgent agent = new(new OpenAIClient(apiKey).GetResponsesClient(), model) in semantic-kernel's
        // AgentFrameworkMigration samples, where the constructor's package is missing from the scan.
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(Usings + """
            class Agents
            {
                public async Task RunAsync(IChatClient model, object options)
                {
                    ChatClientAgent made = new(Missing.ResponsesClient(), "gpt-4o", options, 42);
                    await made.{|#0:RunAsync|}("hi");

                    ChatClientAgent wrapped = new(model.AsBuilder().UsePolicyGate().Build(), Missing.Options, 42, 42, 42, 42);
                    await wrapped.RunAsync("hi");
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning));
        await test.RunAsync();
    }

    [Fact]
    public Task A_constructor_parameter_is_traced_to_the_clients_the_type_is_created_with()
        => Verify.VerifyAsync(Usings + """
            // dotnet/ai-samples CustomerSupport: var summarizer = new TicketSummarizer(chatClient); then _chatClient.GetResponseAsync(...)
            class TicketSummarizer(IChatClient chatClient)
            {
                public Task<ChatResponse> SummarizeAsync(string ticket) => chatClient.[|GetResponseAsync|](ticket);
            }

            class GatedSummarizer(IChatClient chatClient)
            {
                public Task<ChatResponse> SummarizeAsync(string ticket) => chatClient.GetResponseAsync(ticket);
            }

            class Program
            {
                public static void Main(IChatClient model)
                {
                    IChatClient chatClient = new OpenAI.OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient();
                    var summarizer = new TicketSummarizer(chatClient);
                    var gated = new GatedSummarizer(model.AsBuilder().UsePolicyGate().Build());
                }
            }
            """);

    [Fact]
    public async Task A_registration_of_a_client_whose_type_the_scan_does_not_have_is_an_ungated_registration()
    {
        // dotnet/ai-samples OllamaWebAPI: builder.Services.AddChatClient(new OllamaChatClient(chatEndpoint, chatModelId)),
        // a type the current Microsoft.Extensions.AI packages no longer have; handlers and constructors get that client.
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(Usings + """
            using Microsoft.Extensions.DependencyInjection;

            static class Setup
            {
                public static void Register(IServiceCollection services) => services.AddChatClient(new OllamaChatClient("http://localhost:11434/", "llama3.1"));
            }

            class Chat(IChatClient client)
            {
                public Task<ChatResponse> AskAsync(string question) => client.{|#0:GetResponseAsync|}(question);
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_gate_after_a_registration_that_does_not_bind_gates_it()
    {
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(Usings + """
            using Microsoft.Extensions.DependencyInjection;

            static class Setup
            {
                public static void Register(IServiceCollection services) => services.AddChatClient(new OllamaChatClient("http://localhost:11434/", "llama3.1")).UsePolicyGate();
            }

            class Chat(IChatClient client)
            {
                public Task<ChatResponse> AskAsync(string question) => client.GetResponseAsync(question);
            }
            """);
        await test.RunAsync();
    }
}
