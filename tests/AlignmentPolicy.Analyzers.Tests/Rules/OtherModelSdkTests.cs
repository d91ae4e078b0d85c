using Microsoft.CodeAnalysis.Testing;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedModelCallAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0001 on requests to a model through SDKs other than Microsoft.Extensions.AI, Semantic Kernel and OpenAI: Azure AI Agents
/// runs created with their thread, Azure.AI.OpenAI 1.x legacy completions, the community Anthropic.SDK. None of these packages is
/// referenced here, as in a scan: the calls do not bind and are known by their name on a client named as the SDK's.
/// </summary>
public class OtherModelSdkTests
{
    [Fact]
    public async Task An_Azure_AI_agent_run_created_with_its_thread_or_on_the_previews_client_is_a_model_call()
    {
        // foundry-samples classic agents: client.CreateThreadAndRun(agent.Id, options); Azure.AI.Projects previews: the run is created
        // on the AgentsClient itself. Listing the thread's messages on the same client asks no model.
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add("""
            using System.Threading.Tasks;

            class Runs
            {
                public async Task RunAsync(string endpoint, string connection, string agentId, string threadId)
                {
                    PersistentAgentsClient client = new(endpoint, new DefaultAzureCredential());
                    ThreadRun run = await client.{|#0:CreateThreadAndRunAsync|}(agentId, new ThreadAndRunOptions());
                    await client.Messages.GetMessagesAsync(run.ThreadId);

                    AgentsClient previews = new(connection, new DefaultAzureCredential());
                    var previewRun = await previews.{|#1:CreateRunAsync|}(threadId, agentId);
                    await previews.GetMessagesAsync(threadId);
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithArguments("CreateThreadAndRunAsync", "it is created with 'new PersistentAgentsClient(...)' without UsePolicyGate()"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(1).WithArguments("CreateRunAsync", "it is created with 'new AgentsClient(...)' without UsePolicyGate()"));
        await test.RunAsync();
    }

    [Fact]
    public async Task An_Azure_AI_Inference_chat_client_completion_is_a_model_call_and_Complete_on_another_client_is_not()
    {
        // GitHub Models and Foundry model endpoints through Azure.AI.Inference (missing in a scan): client.Complete/CompleteAsync/
        // CompleteStreamingAsync(options) on a ChatCompletionsClient send the messages to the model. Complete is a common name:
        // a checkout's or an upload's client completing something asks no model.
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add("""
            using System;
            using System.Threading.Tasks;
            using Azure;
            using Azure.AI.Inference;

            class Models
            {
                public async Task RunAsync(string endpoint, string key, ChatCompletionsOptions options, CheckoutClient checkout, MultipartUploadClient upload)
                {
                    var client = new ChatCompletionsClient(new Uri(endpoint), new AzureKeyCredential(key));
                    var reply = client.{|#0:Complete|}(options);
                    Response<ChatCompletions> answer = await client.{|#1:CompleteAsync|}(options);

                    await checkout.CompleteAsync("order-1");
                    upload.Complete("part-list");
                }

                public async Task StreamAsync(ChatCompletionsClient injected, ChatCompletionsOptions options)
                {
                    await foreach (var update in await injected.{|#2:CompleteStreamingAsync|}(options))
                    {
                    }
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithArguments("Complete", "it is created with 'new ChatCompletionsClient(...)' without UsePolicyGate()"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(1).WithArguments("CompleteAsync", "it is created with 'new ChatCompletionsClient(...)' without UsePolicyGate()"));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(2).WithArguments("CompleteStreamingAsync", "'injected' is a parameter, so its origin is at the callers").WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info));
        await test.RunAsync();
    }

    [Fact]
    public async Task Azure_OpenAI_1x_legacy_completions_are_a_model_call_and_the_same_name_on_another_client_is_not()
    {
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add("""
            using System;
            using System.Threading.Tasks;
            using Azure;
            using Azure.AI.OpenAI;

            class Summaries
            {
                public async Task RunAsync(string endpoint, string key, CompletionsOptions options, CodeCompletionClient editor)
                {
                    OpenAIClient client = new(new Uri(endpoint), new AzureKeyCredential(key));
                    Completions completions = await client.{|#0:GetCompletionsAsync|}(options);

                    // An editor's code-completion service of a missing package: the same name, no model request of this rule's.
                    var suggestions = await editor.GetCompletionsAsync("Console.Wri");
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithArguments("GetCompletionsAsync", "it is created with 'new OpenAIClient(...)' without UsePolicyGate()"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_message_sent_with_the_community_Anthropic_SDK_is_a_model_call_and_listing_its_models_is_not()
    {
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Anthropic.SDK;
            using Anthropic.SDK.Messaging;

            class Claude
            {
                public async Task<string> AskAsync(string key, string question)
                {
                    AnthropicClient client = new(new APIAuthentication(key));
                    var parameters = new MessageParameters { Messages = new List<Message> { new(RoleType.User, question) }, MaxTokens = 512, Model = "claude-sonnet-4" };
                    var response = await client.Messages.{|#0:GetClaudeMessageAsync|}(parameters);
                    await foreach (var delta in client.Messages.{|#1:StreamClaudeMessageAsync|}(parameters)) { }

                    var models = await client.Models.ListModelsAsync();
                    return response.Message.ToString();
                }
            }
            """);
        const string reason = "it is created with 'new AnthropicClient(...)' without UsePolicyGate()";
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithArguments("GetClaudeMessageAsync", reason));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(1).WithArguments("StreamClaudeMessageAsync", reason));
        await test.RunAsync();
    }
}
