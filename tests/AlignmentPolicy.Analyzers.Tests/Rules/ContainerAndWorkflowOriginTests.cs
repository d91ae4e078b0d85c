using Microsoft.CodeAnalysis.Testing;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedModelCallAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0001 for values the container or a workflow holds, however the code puts them there: a chat client registered
/// as a plain service (<c>AddSingleton(chatClient)</c>, not only <c>AddChatClient</c>), a kernel made on the container's
/// services (<c>new Kernel(serviceProvider)</c>, not only <c>AddKernel()</c>), agents of a workflow made by a LINQ
/// projection, and a workflow run spelled as earlier Agent Framework versions spelled it.
/// </summary>
public class ContainerAndWorkflowOriginTests
{
    // Unknown origins are silenced so that a marked site asserts a traced, ungated origin (markup does not compare severities).
    private const string KnownOriginsOnly = "is_global = true\nalignment_policy.agent_project = true\nalignment_policy.analyzers.unknown_origin = none\n";

    private static Task VerifyAsync(string source, bool program = false, bool compiles = true)
    {
        var test = new Verify.Test { TestCode = source };
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", KnownOriginsOnly));
        if (program)
        {
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
        }

        if (!compiles)
        {
            test.CompilerDiagnostics = CompilerDiagnostics.None;
        }

        return test.RunAsync();
    }

    [Fact]
    public Task A_chat_client_registered_as_a_plain_service_is_the_container_client()
        => VerifyAsync("""
            using System.Threading.Tasks;
            using AlignmentPolicy.Gates;
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.DependencyInjection;

            // Minimal hosts register the client they built as a service: builder.Services.AddSingleton(chatClient), or
            // AddSingleton<IChatClient>(sp => ...), and inject IChatClient into handlers and services.
            class ProductAssistant(IChatClient chatClient)
            {
                public async Task<string> AskAsync(string question) => (await chatClient.[|GetResponseAsync|](question)).Text;
            }

            class GatedAssistant([FromKeyedServices("gated")] IChatClient chatClient)
            {
                public async Task<string> AskAsync(string question) => (await chatClient.GetResponseAsync(question)).Text;
            }

            static class Program
            {
                public static void Configure(IServiceCollection services)
                {
                    IChatClient chatClient = new OpenAI.OpenAIClient("key").GetChatClient("gpt-4o-mini").AsIChatClient();
                    services.AddSingleton(chatClient);
                    services.AddKeyedSingleton<IChatClient>("gated", (sp, _) => chatClient.AsBuilder().UsePolicyGate().Build(sp));
                    services.AddSingleton<ProductAssistant>();
                }
            }
            """);

    [Fact]
    public Task A_kernel_made_on_the_container_services_is_the_container_kernel()
        => VerifyAsync("""
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.ChatCompletion;

            // Semantic Kernel's dependency-injection guidance: register the connector on the services and the kernel as
            // services.AddTransient((serviceProvider) => new Kernel(serviceProvider)); controllers and services take a Kernel.
            class ChatService(Kernel kernel)
            {
                public async Task<string> AskAsync(string question)
                {
                    var chat = kernel.GetRequiredService<IChatCompletionService>();
                    var reply = await chat.[|GetChatMessageContentAsync|](question);
                    return reply.Content + await kernel.[|InvokePromptAsync|](question);
                }
            }

            static class Program
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddOpenAIChatCompletion("gpt-4o", "key");
                    services.AddTransient((serviceProvider) => new Kernel(serviceProvider));
                    services.AddScoped<ChatService>();
                }
            }
            """);

    [Fact]
    public Task A_kernel_made_on_the_container_services_takes_the_gating_filters_registered_there()
        => VerifyAsync("""
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.SemanticKernel;

            class BlockingPromptFilter : IPromptRenderFilter
            {
                public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
                {
                    await next(context);
                    if (context.RenderedPrompt?.Contains("password") == true)
                    {
                        throw new InvalidOperationException("Prompt refused.");
                    }
                }
            }

            class ChatService(Kernel kernel)
            {
                public async Task<string> AskAsync(string question) => (await kernel.InvokePromptAsync(question)).ToString();
            }

            static class Program
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddOpenAIChatCompletion("gpt-4o", "key");
                    services.AddSingleton<IPromptRenderFilter, BlockingPromptFilter>();
                    services.AddTransient(serviceProvider => new Kernel(serviceProvider));
                }
            }
            """);

    [Fact]
    public Task The_agents_of_a_workflow_made_by_a_projection_are_the_selector_results()
        => VerifyAsync(program: true, source: """
            using System.Collections.Generic;
            using System.Linq;
            using AlignmentPolicy.Gates;
            using Microsoft.Agents.AI;
            using Microsoft.Agents.AI.Workflows;
            using Microsoft.Extensions.AI;

            // The Agent Framework's sequential-workflow sample: one translation agent per language, made by a query.
            IChatClient chatClient = new OpenAI.OpenAIClient("key").GetChatClient("gpt-4o-mini").AsIChatClient();
            var workflow = AgentWorkflowBuilder.BuildSequential(from lang in (string[])["French", "Spanish", "English"] select GetTranslationAgent(lang, chatClient));
            List<ChatMessage> messages = [new(ChatRole.User, "Hello, world!")];
            var run = await InProcessExecution.[|RunStreamingAsync|](workflow, messages);

            IChatClient gated = chatClient.AsBuilder().UsePolicyGate().Build();
            var agents = new[] { "French", "Spanish" }.Select(lang => GetTranslationAgent(lang, gated)).ToList();
            var gatedWorkflow = AgentWorkflowBuilder.BuildSequential(agents);
            var gatedRun = await InProcessExecution.RunStreamingAsync(gatedWorkflow, messages);

            static ChatClientAgent GetTranslationAgent(string targetLanguage, IChatClient chatClient) =>
                new(chatClient, $"You are a translation assistant that translates the provided text to {targetLanguage}.");
            """);

    [Fact]
    public Task A_workflow_streamed_with_the_earlier_StreamAsync_is_a_run_of_its_agents()
    {
        // InProcessExecution.StreamAsync(workflow, input) of the 2025 previews does not bind against this Agent Framework
        // (jonathandbailey/aspire-agent-framework-ddd AgentService.cs streams its workflows that way).
        return VerifyAsync(compiles: false, source: """
                using System.Collections.Generic;
                using System.Threading.Tasks;
                using AlignmentPolicy.Gates;
                using Microsoft.Agents.AI;
                using Microsoft.Agents.AI.Workflows;
                using Microsoft.Extensions.AI;

                class Runner
                {
                    public async Task TranslateAsync(List<ChatMessage> messages)
                    {
                        IChatClient chatClient = new OpenAI.OpenAIClient("key").GetChatClient("gpt-4o-mini").AsIChatClient();
                        var workflow = AgentWorkflowBuilder.BuildSequential(new ChatClientAgent(chatClient, "Translate to French."), new ChatClientAgent(chatClient, "Translate to Spanish."));
                        var run = await InProcessExecution.[|StreamAsync|](workflow, messages);

                        IChatClient gated = chatClient.AsBuilder().UsePolicyGate().Build();
                        var gatedWorkflow = AgentWorkflowBuilder.BuildSequential(new ChatClientAgent(gated, "Translate to French."));
                        var gatedRun = await InProcessExecution.StreamAsync(gatedWorkflow, messages);
                        var other = await new Streamer().StreamAsync(workflow, messages);
                    }
                }

                class Streamer
                {
                    public Task<int> StreamAsync(Workflow workflow, List<ChatMessage> messages) => Task.FromResult(messages.Count);
                }
                """);
    }

    [Fact]
    public Task A_kernel_made_on_another_kernels_services_is_not_the_container_kernel()
        => VerifyAsync("""
            using System.Threading.Tasks;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.ChatCompletion;

            // semantic-kernel GettingStartedWithProcesses CompleteNewCustomerFormStep: Kernel kernel = new(_baseKernel.Services), then a chat
            // request on its service. The container's gating filter does not reach a kernel made from another kernel's services.
            class FormStep
            {
                public async Task<string?> FillAsync(Kernel baseKernel, string input)
                {
                    Kernel kernel = new(baseKernel.Services);
                    var chatService = kernel.Services.GetRequiredService<IChatCompletionService>();
                    return (await chatService.[|GetChatMessageContentAsync|](input, kernel: kernel)).Content;
                }
            }
            """);

    [Fact]
    public Task An_agent_registered_with_the_hosting_builder_is_the_keyed_agent_service()
        => VerifyAsync(compiles: false, source: """
            using System.Threading.Tasks;
            using AlignmentPolicy.Gates;
            using Microsoft.Agents.AI;
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.DependencyInjection;

            // Agent Framework hosting (the package is missing from a scan, so AddAIAgent does not bind): builder.AddAIAgent("pirate", "instructions")
            // makes a chat-client agent on the container's chat client; builder.AddAIAgent(name, (sp, key) => ...) registers the factory's agent.
            // Services take them as [FromKeyedServices(name)] AIAgent or GetRequiredKeyedService<AIAgent>(name) (eShopLite 14-MAFDevUI).
            class PirateService([FromKeyedServices("pirate")] AIAgent pirate, [FromKeyedServices("reviewer")] AIAgent reviewer)
            {
                public async Task<string> AskAsync(string question)
                    => (await pirate.[|RunAsync|](question)).Text + (await reviewer.RunAsync(question)).Text;
            }

            class DiscountService(System.IServiceProvider serviceProvider)
            {
                private readonly AIAgent _discountAgent = serviceProvider.GetRequiredKeyedService<AIAgent>("discount");

                public async Task<string> ComputeAsync(string order) => (await _discountAgent.[|RunAsync|](order)).Text;
            }

            static class Program
            {
                public static void Configure(HostApplicationBuilder builder, IServiceCollection services, IChatClient model)
                {
                    IChatClient chatClient = new OpenAI.OpenAIClient("key").GetChatClient("gpt-4o-mini").AsIChatClient();
                    services.AddChatClient(chatClient);
                    builder.AddAIAgent("pirate", "You are a pirate. Speak like a pirate.");
                    builder.AddAIAgent("discount", (sp, key) => sp.GetRequiredService<IChatClient>().CreateAIAgent(name: key, instructions: "Discounts."));
                    builder.AddAIAgent("reviewer", (sp, key) => model.AsBuilder().UsePolicyGate().Build().CreateAIAgent(name: key, instructions: "Review."));
                }
            }
            """);
}
