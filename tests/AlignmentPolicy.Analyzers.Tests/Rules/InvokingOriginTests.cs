using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedModelCallAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0001 for values whose origin is where the code is invoked from rather than where it is written: a factory called
/// through an interface (its implementations in this compilation), the <c>Kernel</c> Semantic Kernel hands a kernel function
/// (the kernels the plugin is registered on, or a process is started with), a kernel's own services.
/// </summary>
public class InvokingOriginTests
{
    private const string Usings = """
        #pragma warning disable SKEXP0001, SKEXP0080
        using System;
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.Agents.AI;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.ChatCompletion;

        """;

    [Fact]
    public Task A_factory_called_through_an_interface_is_gated_as_its_implementations_return()
        => Verify.VerifyAsync(Usings + """
            // jonathandbailey/aspire-agent-framework-ddd src/Agents.Conversation/AgentFactory.cs and Workflows/TitleNode.cs:
            // an injected IAgentFactory whose implementation builds an agent from a raw chat client.
            public interface IAgentFactory
            {
                Task<AIAgent> CreateTitleAgent();
            }

            public class AgentFactory(IChatClient chatClient) : IAgentFactory
            {
                public async Task<AIAgent> CreateTitleAgent() => await CreateAgent("Title");

                public async Task<AIAgent> CreateAgent(string name)
                {
                    await Task.Yield();
                    var chatClient = new OpenAI.OpenAIClient("key").GetChatClient("gpt-4o");
                    var agent = chatClient.AsIChatClient().AsAIAgent(instructions: name);
                    return agent;
                }
            }

            public interface IGatedFactory
            {
                Task<AIAgent> Create();
            }

            public class GatedFactory(IChatClient chatClient) : IGatedFactory
            {
                public async Task<AIAgent> Create()
                {
                    await Task.Yield();
                    return chatClient.AsBuilder().UsePolicyGate().Build().AsAIAgent(instructions: "gated");
                }
            }

            public class TitleNode(AIAgent agent)
            {
                public Task<AgentResponse> HandleAsync(string text) => agent.[|RunAsync|](text);
            }

            public class GatedNode(AIAgent agent)
            {
                public Task<AgentResponse> HandleAsync(string text) => agent.RunAsync(text);
            }

            public class AgentService(IAgentFactory agentFactory, IGatedFactory gatedFactory)
            {
                public async Task ProcessAsync(string text)
                {
                    var summarizerAgent = await agentFactory.CreateTitleAgent();
                    await new TitleNode(summarizerAgent).HandleAsync(text);

                    var gatedAgent = await gatedFactory.Create();
                    await new GatedNode(gatedAgent).HandleAsync(text);
                }
            }
            """);

    [Fact]
    public async Task A_factory_interface_is_ungated_when_one_of_its_implementations_is()
    {
        var test = new Verify.Test();
        test.TestState.Sources.Add(Usings + """
            public interface IClients { IChatClient Create(); }

            public class Gated(IChatClient inner) : IClients
            {
                public IChatClient Create() => inner.AsBuilder().UsePolicyGate().Build();
            }

            public class Raw : IClients
            {
                public IChatClient Create() => {|#1:new OpenAI.OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient()|};
            }

            public class Caller(IClients clients)
            {
                public Task<ChatResponse> AskAsync(string question) => clients.Create().{|#0:GetResponseAsync|}(question);
            }
            """);
        // The second location is where the code fix would add the gate: the raw implementation's client.
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithLocation(1).WithSeverity(DiagnosticSeverity.Warning));
        await test.RunAsync();
    }

    [Fact]
    public Task The_kernel_a_plugin_function_is_handed_is_the_kernel_the_plugin_is_registered_on()
        => Verify.VerifyAsync(Usings + """
            // semantic-kernel dotnet/samples/Concepts/Functions/MethodFunctions_Types.cs: LocalExamplePlugin, imported with
            // kernel.ImportPluginFromType<LocalExamplePlugin>("Examples"), invokes a prompt function with the kernel it is given.
            public class LocalExamplePlugin
            {
                [KernelFunction]
                public async Task<string> TaskInjectingKernelWithInputTextAndStringResult(Kernel kernel, string textToSummarize)
                {
                    var summary = await kernel.[|InvokeAsync<string>|](kernel.CreateFunctionFromPrompt("Summarize: {{$input}}"), new() { ["input"] = textToSummarize });
                    return summary!;
                }
            }

            public class GatedPlugin
            {
                [KernelFunction]
                public async Task<string> Summarize(Kernel kernel, string text)
                    => (await kernel.InvokeAsync<string>(kernel.CreateFunctionFromPrompt("Summarize: {{$input}}"), new() { ["input"] = text }))!;
            }

            public class Sample
            {
                public async Task RunAsync(IChatClient model)
                {
                    var builder = Kernel.CreateBuilder();
                    builder.AddOpenAIChatCompletion("gpt-4o", "key");
                    var kernel = builder.Build();
                    kernel.ImportPluginFromType<LocalExamplePlugin>("Examples");

                    var gated = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                    gated.UsePolicyGate();
                    gated.ImportPluginFromType<GatedPlugin>("Gated");
                }
            }
            """);

    [Fact]
    public async Task A_process_steps_kernel_is_the_kernel_its_process_is_started_with_and_its_services_are_that_kernels()
    {
        // semantic-kernel dotnet/samples/GettingStartedWithProcesses/Step01/Step01_Processes.cs: ChatBotResponseStep asks
        // _kernel.Services for the chat service; the process is started with kernelProcess.StartAsync(kernel, new KernelProcessEvent { ... }).
        // The process package is missing here, as in a scan: KernelProcessStep and StartAsync do not bind.
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(Usings + """
            public class ChatBotResponseStep : KernelProcessStep
            {
                [KernelFunction("GetChatResponse")]
                public async Task GetChatResponseAsync(KernelProcessStepContext context, string userMessage, Kernel _kernel)
                {
                    IChatCompletionService chatService = _kernel.Services.GetRequiredService<IChatCompletionService>();
                    ChatMessageContent response = await chatService.{|#0:GetChatMessageContentAsync|}(userMessage);
                }
            }

            public class Step01_Processes
            {
                public async Task UseSimpleProcessAsync(object kernelProcess)
                {
                    Kernel kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                    await using var runningProcess = await ((KernelProcess)kernelProcess).StartAsync(kernel, new KernelProcessEvent() { Id = "Start", Data = null });
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_process_started_without_a_kernel_runs_its_steps_with_the_containers_kernel()
    {
        // semantic-kernel dotnet/samples/Demos/ProcessFrameworkWithSignalR: builder.Services.AddKernel().AddAzureOpenAIChatCompletion(...),
        // process.StartAsync(processEvent, processId) on a Dapr runtime; GenerateDocumentationStep asks its kernel for the chat service.
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(Usings + """
            public class GenerateDocumentationStep : KernelProcessStep
            {
                [KernelFunction("GenerateDocs")]
                public async Task GenerateDocumentationAsync(Kernel kernel, KernelProcessStepContext context, string productInfo)
                {
                    IChatCompletionService chatCompletionService = kernel.GetRequiredService<IChatCompletionService>();
                    var generated = await chatCompletionService.{|#0:GetChatMessageContentAsync|}(productInfo);
                }
            }

            public static class Host
            {
                public static async Task Start(IServiceCollection services, object process, string processId)
                {
                    services.AddKernel().AddOpenAIChatCompletion("gpt-4o", "key");
                    var processEvent = new KernelProcessEvent() { Id = "StartDocumentGeneration", Data = "product" };
                    var processContext = await ((KernelProcess)process).StartAsync(processEvent, processId);
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_kernel_function_whose_plugin_registration_is_not_visible_stays_unknown()
    {
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(Usings + """
            public class Orphan
            {
                [KernelFunction]
                public async Task<string> Summarize(Kernel kernel, string text)
                    => (await kernel.{|#0:InvokePromptAsync<string>|}("Summarize: " + text))!;
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithSeverity(DiagnosticSeverity.Info));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_prompt_invoked_through_a_kernel_is_a_model_call_when_only_an_arguments_type_is_missing()
    {
        // semantic-kernel dotnet/samples/Concepts/RAG/WithPlugins.cs and Bing_RagWithTextSearch.cs: InvokePromptAsync with
        // templateFormat: HandlebarsPromptTemplateFactory.HandlebarsTemplateFormat, the Handlebars package absent.
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(Usings + """
            public class WithPlugins
            {
                public async Task RunAsync()
                {
                    var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                    KernelArguments arguments = new() { { "query", "What is my budget for 2024?" } };
                    var result = await kernel.{|#0:InvokePromptAsync|}(
                        "{{FinanceSearch-Search query}} {{query}}",
                        arguments,
                        templateFormat: HandlebarsPromptTemplateFactory.HandlebarsTemplateFormat,
                        promptTemplateFactory: new HandlebarsPromptTemplateFactory());

                    var gated = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                    gated.UsePolicyGate();
                    await gated.InvokePromptAsync("{{query}}", arguments, templateFormat: HandlebarsPromptTemplateFactory.HandlebarsTemplateFormat);
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_function_from_a_prompt_factory_the_scan_does_not_have_is_a_prompt_function()
    {
        // semantic-kernel dotnet/samples/Concepts/FunctionCalling/FunctionCalling.cs: KernelFunctionYaml.FromPromptYaml(config) with the
        // Yaml package absent, then kernel.InvokeAsync(promptFunction); a native function of the same shape is no model call.
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(Usings + """
            public class FunctionCalling
            {
                public async Task RunAsync(string promptTemplateConfig)
                {
                    Kernel kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                    KernelFunction promptFunction = KernelFunctionYaml.FromPromptYaml(promptTemplateConfig);
                    Console.WriteLine(await kernel.{|#0:InvokeAsync|}(promptFunction));

                    KernelFunction native = KernelFunctionFactory.CreateFromMethod(() => DateTime.UtcNow.ToString("R"), "Now");
                    Console.WriteLine(await kernel.InvokeAsync(native));
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning));
        await test.RunAsync();
    }

    [Fact]
    public async Task The_services_of_a_kernel_whose_origin_is_out_of_sight_are_taken_to_be_the_containers()
    {
        // semantic-kernel dotnet/samples/Concepts/Filtering/AzureOpenAI_DeploymentSwitch.cs: an auto-function filter asks
        // context.Kernel.Services for a keyed chat service and calls it; the project registers a container kernel (AddKernel()).
        var test = new Verify.Test();
        test.TestState.Sources.Add(Usings + """
            public sealed class DeploymentSwitchFilter : IAutoFunctionInvocationFilter
            {
                public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
                {
                    var kernel = context.Kernel;
                    IChatCompletionService chatCompletionService = kernel.Services.GetRequiredKeyedService<IChatCompletionService>("eastus");
                    var chatContent = await chatCompletionService.{|#0:GetChatMessageContentAsync|}(context.ChatHistory, kernel: context.Kernel);
                    context.Result = new FunctionResult(context.Result, chatContent);
                    context.Terminate = true;
                }
            }

            public static class Setup
            {
                public static void Register(IServiceCollection services) => services.AddKernel().AddOpenAIChatCompletion("gpt-4o", "key");
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning));
        await test.RunAsync();
    }
}
