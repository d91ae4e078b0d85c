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
    public async Task A_parenthesized_receiver_of_an_unbound_chain_is_followed_like_a_bare_one()
    {
        // rwjdk/MicrosoftAgentFrameworkSamples AgentUserInteraction.Advanced.BlazorWasmClient/Program.cs:
        // ChatClientAgent weatherAgent = (new AGUIChatClient(httpClient, url)).AsAIAgent(); a package the scan does not have.
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(Usings + """
            class Agents
            {
                public async Task RunAsync(IChatClient model, System.Net.Http.HttpClient http)
                {
                    ChatClientAgent weatherAgent = (new AGUIChatClient(http, "https://localhost/weatherAgent")).AsAIAgent();
                    await weatherAgent.{|#0:RunAsync|}("Oslo");

                    ChatClientAgent gated = (model.AsBuilder().UsePolicyGate().Build()).AsAIAgent();
                    await gated.RunAsync("Oslo");
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

    [Fact]
    public async Task A_chat_call_of_an_sdk_version_the_scan_does_not_have_is_a_model_call_on_its_client()
    {
        // dotnet/ai-samples azure-openai-sdk: Azure.AI.OpenAI 1.x OpenAIClient (gone from 2.x) and GetChatCompletionsAsync;
        // ai-samples LLaMA: the pre-9.0 IChatClient.CompleteStreamingAsync.
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(Usings + """
            using System;
            using Azure;
            using Azure.AI.OpenAI;

            class Hiker
            {
                public async Task RunAsync(string endpoint, string key, ChatCompletionsOptions completionOptions, IChatClient model)
                {
                    OpenAIClient openAIClient = new(new Uri(endpoint), new AzureKeyCredential(key));
                    ChatCompletions response = await openAIClient.{|#0:GetChatCompletionsAsync|}(completionOptions);
                    await foreach (var update in openAIClient.{|#1:GetChatCompletionsStreamingAsync|}(completionOptions)) { }

                    IChatClient local = new OpenAI.OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient();
                    await foreach (var update in local.{|#2:CompleteStreamingAsync|}("hi")) { }

                    IChatClient gated = model.AsBuilder().UsePolicyGate().Build();
                    await gated.CompleteAsync("hi");
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(1).WithSeverity(DiagnosticSeverity.Warning));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(2).WithOptions(DiagnosticOptions.IgnoreAdditionalLocations).WithSeverity(DiagnosticSeverity.Warning));
        await test.RunAsync();
    }

    [Fact]
    public async Task Unbound_calls_with_those_names_on_other_receivers_and_bound_ones_are_not_model_calls()
    {
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(Usings + """
            class Report
            {
                public Task<string> GetChatCompletionsAsync(string question) => Task.FromResult(question);
            }

            class Jobs
            {
                public async Task RunAsync(Report report, UnknownWriter writer)
                {
                    await report.GetChatCompletionsAsync("totals");
                    await writer.CompleteAsync();
                }
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task A_builder_chain_on_a_client_the_scan_does_not_have_is_ungated_unless_it_passes_a_gate_or_middleware()
    {
        // dotnet/ai-samples OllamaExamples: new OllamaChatClient(endpoint, modelId).AsBuilder().UseDistributedCache(cache).Build(),
        // a client type the current Microsoft.Extensions.AI packages no longer have, so the whole chain does not bind.
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(Usings + """
            using Microsoft.Extensions.Caching.Distributed;

            class Samples
            {
                public async Task CachingAsync(IDistributedCache cache)
                {
                    IChatClient client = new OllamaChatClient("http://localhost:11434/", modelId: "llama3.1")
                        .AsBuilder()
                        .UseDistributedCache(cache)
                        .Build();
                    await foreach (var update in client.{|#0:GetStreamingResponseAsync|}("What is AI?")) { }
                }

                public async Task GatedAsync()
                {
                    IChatClient client = new OllamaChatClient("http://localhost:11434/", modelId: "llama3.1")
                        .AsBuilder()
                        .UsePolicyGate()
                        .Build();
                    await client.{|#1:GetResponseAsync|}("What is AI?");
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(1).WithSeverity(DiagnosticSeverity.Info)); // not judged: information at most
        await test.RunAsync();
    }
}
