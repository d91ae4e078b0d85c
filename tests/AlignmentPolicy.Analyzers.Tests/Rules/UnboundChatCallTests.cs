using Microsoft.CodeAnalysis.Testing;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedModelCallAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0001 on a chat call that does not bind only because an argument's type is missing (a package the scan does not have):
/// the request still goes to the client it is made on.
/// </summary>
public class UnboundChatCallTests
{
    [Fact]
    public async Task A_chat_service_call_whose_argument_type_is_missing_is_a_model_call_on_its_service()
    {
        // semantic-kernel Concepts/PromptTemplates/PromptyFunction.cs: the prompt is rendered by a Liquid template (a package the
        // scan does not have), then sent with chatService.GetChatMessageContentAsync(prompt).
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add("""
            using System.Threading.Tasks;
            using AlignmentPolicy.Gates;
            using Microsoft.Extensions.AI;
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.ChatCompletion;

            class Prompty
            {
                public async Task RunAsync(string key)
                {
                    Kernel kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", key).Build();
                    var template = new LiquidPromptTemplateFactory().Create(new PromptTemplateConfig("What is Seattle?"));
                    var prompt = await template.RenderAsync(kernel);
                    var chatService = kernel.GetRequiredService<IChatCompletionService>();
                    await chatService.{|#0:GetChatMessageContentAsync|}(prompt, new MissingSettings());

                    // Handed a gated kernel: the kernel gives the call its tools; no kernel filter sees the request (only a
                    // prompt function's rendering runs the prompt-render filters), so this is a model call on the same service.
                    var gatedKernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", key).AddPolicyGate().Build();
                    await chatService.{|#1:GetChatMessageContentAsync|}(prompt, new MissingSettings(), gatedKernel);
                }
            }

            // A delegating client forwarding to its inner client is part of a pipeline, not a caller of the model.
            sealed class Forwarding(IChatClient inner) : DelegatingChatClient(inner)
            {
                public Task<ChatResponse> ForwardAsync(MissingMessages messages) => this.InnerClient.GetResponseAsync(messages, new MissingOptions());
            }
            """);
        const string reason = "it is created by Kernel.CreateBuilder(...) without UsePolicyGate(); a request sent straight to a kernel's chat service passes none of the kernel's filters (UsePolicyGate() and prompt-render filters see only prompt functions)";
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithArguments("GetChatMessageContentAsync", reason));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(1).WithArguments("GetChatMessageContentAsync", reason));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_chat_call_on_a_chat_completion_service_of_another_version_is_a_model_call_on_the_service_it_creates()
    {
        // dotnet/ai-samples quickstarts/azure-openai/semantic-kernel/02-HikerAI (Microsoft.SemanticKernel 1.6.2): the Azure
        // OpenAI service was then in Microsoft.SemanticKernel.Connectors.OpenAI, so here its type does not resolve.
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add("""
            using System.Threading.Tasks;
            using Microsoft.SemanticKernel.ChatCompletion;
            using Microsoft.SemanticKernel.Connectors.OpenAI;

            class Hiker
            {
                public async Task RunAsync(string deployment, string endpoint, object credential, LegacyPlanner planner)
                {
                    AzureOpenAIChatCompletionService service = new(deployment, endpoint, credential);
                    ChatHistory chatHistory = new("You are a hiking enthusiast.");
                    chatHistory.Add(await service.{|#0:GetChatMessageContentAsync|}(chatHistory, new OpenAIPromptExecutionSettings() { MaxTokens = 400 }));

                    // A missing type not named as a chat service is not taken for one.
                    await planner.GetChatMessageContentAsync(chatHistory);
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithArguments("GetChatMessageContentAsync", "it is created with 'new AzureOpenAIChatCompletionService(...)' without UsePolicyGate()"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_run_of_an_Azure_AI_agent_whose_client_the_scan_does_not_have_is_a_model_call_on_that_client()
    {
        // Azure-Samples/eShopLite scenarios/06-mcp/src/OnlineResearcher/EndPoints/OnlineResearchEndPoints.cs: a Foundry agent answers the
        // thread with its model when a run is created; Azure.AI.Agents.Persistent is not referenced here, as in a scan.
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add("""
            using System.Threading.Tasks;

            class OnlineResearch
            {
                public async Task<string> SearchOnlineAsync(string endpoint, string query, string agentId)
                {
                    PersistentAgentsClient persistentClient = new(endpoint, new DefaultAzureCredential());
                    PersistentAgent searchOnlineAgent = persistentClient.Administration.GetAgent(agentId).Value;
                    PersistentAgentThread thread = await persistentClient.Threads.CreateThreadAsync();
                    await persistentClient.Messages.CreateMessageAsync(thread.Id, MessageRole.User, query);
                    var runResponse = await persistentClient.Runs.{|#0:CreateRunAsync|}(thread, searchOnlineAgent);
                    var poll = await persistentClient.Runs.GetRunAsync(thread.Id, runResponse.Value.Id);
                    return poll.Value.Status.ToString();
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithArguments("CreateRunAsync", "it is created with 'new PersistentAgentsClient(...)' without UsePolicyGate()"));
        await test.RunAsync();
    }
    [Fact]
    public async Task A_chat_call_on_an_older_connectors_chat_completion_service_is_a_model_call()
    {
        // Semantic Kernel 1.6's "on your data" service (AzureOpenAIChatCompletionWithDataService, gone from later versions): named as a
        // chat-completion service, its chat call is a model call; the result is cast to the service's message type.
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add("""
            using System.Threading.Tasks;
            using Microsoft.SemanticKernel.ChatCompletion;

            class OnYourData
            {
                public async Task<string> AskAsync(object dataConfig, object settings)
                {
                    var chatCompletion = new AzureOpenAIChatCompletionWithDataService(dataConfig);
                    ChatHistory chat = new();
                    chat.AddUserMessage("What are my healthcare benefits");
                    var chatMessage = (AzureOpenAIWithDataChatMessageContent)await chatCompletion.{|#0:GetChatMessageContentAsync|}(chat, settings);

                    // Named after chat completions but no service: a settings store of the application.
                    var store = new ChatCompletionSettingsStore();
                    await store.GetChatMessageContentAsync(chat);
                    return chatMessage.Content!;
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithArguments("GetChatMessageContentAsync", "it is created with 'new AzureOpenAIChatCompletionWithDataService(...)' without UsePolicyGate()"));
        await test.RunAsync();
    }
    [Fact]
    public async Task A_handlebars_planners_plan_request_is_a_model_call_on_the_kernels_chat_service()
    {
        // Semantic Kernel 1.x books and courses (Planning.Handlebars, absent from the scan): planner.CreatePlanAsync(kernel, goal) sends
        // the goal and the kernel's functions to the kernel's chat service itself, so no kernel filter (UsePolicyGate() is one) sees it.
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add("""
            using System.Threading.Tasks;
            using AlignmentPolicy.Gates;
            using Microsoft.SemanticKernel;

            class HomeAutomation
            {
                public async Task FulfillAsync(string key, string ask)
                {
                    var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4", key).Build();
                    kernel.UsePolicyGate();
                    var planner = new HandlebarsPlanner(new HandlebarsPlannerOptions { AllowLoops = true });
                    var plan = await planner.{|#0:CreatePlanAsync|}(kernel, ask);

                    // A missing type not named as a planner: the application's own.
                    var scheduler = new JobScheduler();
                    await scheduler.CreatePlanAsync(kernel, ask);
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithArguments("CreatePlanAsync",
            "it is created by Kernel.CreateBuilder(...) without UsePolicyGate(); a request sent straight to a kernel's chat service passes none of the kernel's filters (UsePolicyGate() and prompt-render filters see only prompt functions)"));
        await test.RunAsync();
    }

    [Fact]
    public Task A_handlebars_planners_plan_request_on_a_kernel_whose_chat_services_are_gated_is_not_reported()
    {
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add("""
            using System.Threading.Tasks;
            using AlignmentPolicy.Gates;
            using Microsoft.SemanticKernel;

            class HomeAutomation
            {
                public async Task FulfillAsync(string key, string ask)
                {
                    var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4", key).AddPolicyGate().Build();
                    var planner = new HandlebarsPlanner(new HandlebarsPlannerOptions { AllowLoops = true });
                    var plan = await planner.CreatePlanAsync(kernel, ask);
                }
            }
            """);
        return test.RunAsync();
    }
}
