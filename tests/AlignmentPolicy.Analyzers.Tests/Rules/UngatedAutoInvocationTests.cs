using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedAutoInvocationAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

public class UngatedAutoInvocationTests
{
    private const string Usings = """
        using System;
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.Agents.AI;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.ChatCompletion;
        using Microsoft.SemanticKernel.Connectors.OpenAI;
        using FunctionInvocationContext = Microsoft.SemanticKernel.FunctionInvocationContext;

        """;

    [Fact]
    public Task UseFunctionInvocation_without_a_gate_in_the_chain_is_reported_and_with_one_is_clean()
        => Verify.VerifyAsync(Usings + """
            class Pipelines
            {
                public IChatClient Ungated(IChatClient model) => model.AsBuilder().[|UseFunctionInvocation|]().Build();
                public IChatClient GatedAfter(IChatClient model) => model.AsBuilder().UseFunctionInvocation().UsePolicyGate().Build();
                public IChatClient GatedBefore(IChatClient model) => model.AsBuilder().UsePolicyGate().UseFunctionInvocation().Build();
                public IChatClient GatedInner(IChatClient model) => model.AsBuilder().UsePolicyGate().Build().AsBuilder().UseFunctionInvocation().Build();
                public void Registered(IServiceCollection services, IChatClient model) => services.AddChatClient(model).[|UseFunctionInvocation|]();
                public void RegisteredGated(IServiceCollection services, IChatClient model) => services.AddChatClient(model).UseFunctionInvocation().UsePolicyGate();
            }
            """);

    [Fact]
    public Task FunctionChoiceBehavior_Auto_needs_a_gated_kernel_and_autoInvoke_false_is_fine()
        => Verify.VerifyAsync(Usings + """
            class Chat
            {
                public async Task RunAsync(IChatCompletionService chat, ChatHistory history)
                {
                    var kernel = Kernel.CreateBuilder().Build();
                    var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.[|Auto|]() };
                    await chat.GetChatMessageContentAsync(history, settings, kernel);

                    var manual = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false) };
                    await chat.GetChatMessageContentAsync(history, manual, kernel);
                }

                public async Task GatedAsync(IChatCompletionService chat, ChatHistory history)
                {
                    var kernel = Kernel.CreateBuilder().Build();
                    kernel.UsePolicyGate();
                    var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Required() };
                    await chat.GetChatMessageContentAsync(history, settings, kernel);
                }
            }
            """);

    [Fact]
    public Task Settings_handed_inside_an_argument_take_that_call_s_kernel_not_another_gated_or_ungated_kernel_of_the_method()
        => Verify.VerifyAsync(Usings + """
            class Chat
            {
                public async Task UngatedAsync(IChatCompletionService chat, ChatHistory history, PromptExecutionSettings? given)
                {
                    var gated = Kernel.CreateBuilder().Build();
                    gated.UsePolicyGate();
                    var kernel = Kernel.CreateBuilder().Build();
                    var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.[|Auto|]() };
                    await chat.GetChatMessageContentAsync(history, given ?? settings, kernel);
                }

                public async Task GatedAsync(IChatCompletionService chat, ChatHistory history, PromptExecutionSettings? given)
                {
                    var other = Kernel.CreateBuilder().Build();
                    var kernel = Kernel.CreateBuilder().Build();
                    kernel.UsePolicyGate();
                    var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
                    await chat.GetChatMessageContentAsync(history, given ?? settings, kernel);
                }
            }
            """);

    [Fact]
    public Task Auto_invocation_through_a_parameter_default_is_reported()
        => Verify.VerifyAsync(Usings + """
            class Chat
            {
                public PromptExecutionSettings Defaulted(PromptExecutionSettings? settings)
                    => settings ?? new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.[|Auto|]() };
            }
            """);

    [Fact]
    public Task A_logging_filter_does_not_gate_the_kernel_but_an_approval_filter_does()
        => Verify.VerifyAsync(Usings + """
            sealed class LoggingFilter : IFunctionInvocationFilter
            {
                public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
                {
                    Console.WriteLine($"calling {context.Function.Name}");
                    await next(context);
                }
            }

            sealed class ApprovalFilter : IFunctionInvocationFilter
            {
                public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
                {
                    Console.Write($"Allow {context.Function.Name}? ");
                    if (Console.ReadLine() == "y")
                    {
                        await next(context);
                    }
                    else
                    {
                        context.Result = new FunctionResult(context.Function, "The user declined.");
                    }
                }
            }

            class Chat
            {
                public async Task LoggedAsync(IChatCompletionService chat, ChatHistory history)
                {
                    var kernel = Kernel.CreateBuilder().Build();
                    kernel.FunctionInvocationFilters.Add(new LoggingFilter());
                    var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.[|Auto|]() };
                    await chat.GetChatMessageContentAsync(history, settings, kernel);
                }

                public async Task ApprovedAsync(IChatCompletionService chat, ChatHistory history)
                {
                    var kernel = Kernel.CreateBuilder().Build();
                    kernel.FunctionInvocationFilters.Add(new ApprovalFilter());
                    var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
                    await chat.GetChatMessageContentAsync(history, settings, kernel);
                }
            }
            """);

    [Fact]
    public Task A_gating_filter_registered_in_DI_elsewhere_gates_injected_kernels()
        => Verify.VerifyAsync(
            [Usings + """
            sealed class ApprovalFilter(IApprovalService approvals) : IFunctionInvocationFilter
            {
                public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
                {
                    if (context.Function.Name.StartsWith("Get")) { await next(context); return; }
                    context.Result = new FunctionResult(context.Function, "Needs approval.");
                }
            }

            static class Startup
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddKernel();
                    services.AddSingleton<IFunctionInvocationFilter, ApprovalFilter>();
                }
            }
            """,
            Usings + """
            class Chat(Kernel kernel, IChatCompletionService chat)
            {
                public Task<ChatMessageContent> AskAsync(ChatHistory history)
                    => chat.GetChatMessageContentAsync(history, new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }, kernel);
            }
            """],
            policy: null);

    [Fact]
    public Task ToolCallBehavior_AutoInvokeKernelFunctions_is_reported_without_a_gate()
        => Verify.VerifyAsync(Usings + """
            #pragma warning disable CS0618
            class Legacy
            {
                public OpenAIPromptExecutionSettings Settings() => new() { ToolCallBehavior = ToolCallBehavior.[|AutoInvokeKernelFunctions|] };
            }
            """);

    [Fact]
    public Task Agents_given_tools_need_a_gated_client_or_agent()
        => Verify.VerifyAsync(Usings + """
            class Agents
            {
                static string Lookup(string id) => "order " + id;

                public void Build(IChatClient model)
                {
                    AIAgent ungated = model.[|AsAIAgent|](instructions: "You help customers.", tools: [AIFunctionFactory.Create(Lookup)]);
                    AIAgent viaClient = model.AsBuilder().UsePolicyGate().Build().AsAIAgent(instructions: "You help customers.", tools: [AIFunctionFactory.Create(Lookup)]);
                    AIAgent wrapped = model.AsAIAgent(instructions: "You help customers.", tools: [AIFunctionFactory.Create(Lookup)]).AsBuilder().UsePolicyGate().Build();
                    AIAgent noTools = model.AsAIAgent(instructions: "You chat.");
                    AIAgent created = new [|ChatClientAgent|](model, "You help customers.", tools: [AIFunctionFactory.Create(Lookup)]);
                    AIAgent createdGated = new ChatClientAgent(
                            model,
                            instructions: "You help customers.",
                            tools: [AIFunctionFactory.Create(Lookup)])
                        .AsBuilder()
                        .UsePolicyGate()
                        .Build();
                }
            }
            """);

    [Fact]
    public Task Agents_given_no_local_tools_invoke_nothing_and_a_hosted_tool_beside_a_function_does_not_hide_it()
        => Verify.VerifyAsync(Usings + """
            using System.Collections.Generic;

            class Agents
            {
                static string Lookup(string id) => "order " + id;

                public void Build(IChatClient model, IList<AITool> fromElsewhere)
                {
                    // The Agent Framework samples' shapes: tools left for a later video, a provider-run web search.
                    AIAgent emptyList = model.AsAIAgent(instructions: "You are a cool surfer dude", tools: [ /* later */ ]);
                    AIAgent hostedOnly = new ChatClientAgent(model, tools: [new HostedWebSearchTool()]);
                    AIAgent hostedInOptions = model.AsAIAgent(new ChatClientAgentOptions { ChatOptions = new ChatOptions { Tools = [new HostedCodeInterpreterTool()] } });
                    AIAgent hostedAndLocal = new [|ChatClientAgent|](model, tools: [new HostedWebSearchTool(), AIFunctionFactory.Create(Lookup)]);
                    AIAgent unknownList = model.[|AsAIAgent|](tools: fromElsewhere);
                }
            }
            """);

    // goodtocode/agent-framework-quick-start: the agent's ChatOptions.Tools is a local List<AITool> of the application's own AITool
    // subclasses (methods with [Description] on a class deriving from AITool, resolved from the container). No AIFunction is among
    // them, so the function-invoking loop has nothing to call; an AIFunction added to such a list, or one of them typed as AITool, is.
    [Fact]
    public Task Tools_that_are_AITool_subclasses_but_no_AIFunctions_invoke_nothing_and_a_function_beside_them_does()
        => Verify.VerifyAsync(Usings + """
            using System.Collections.Generic;
            using System.ComponentModel;
            using Microsoft.Extensions.Logging;

            public sealed class ChatSessionsTool : AITool
            {
                [Description("Retrieves a list of recent chat sessions.")]
                public Task<IEnumerable<string>> ListRecentSessionsAsync() => Task.FromResult<IEnumerable<string>>(["s1"]);
            }

            public sealed class WebSearchTool : AITool
            {
                [Description("Searches the web.")]
                public Task<string> SearchAsync(string query) => Task.FromResult(query);
            }

            static class ConfigureServices
            {
                static string Lookup(string id) => "order " + id;

                public static IServiceCollection AddAgent(this IServiceCollection services)
                {
                    services.AddSingleton<ChatSessionsTool>();
                    services.AddSingleton<WebSearchTool>();
                    services.AddSingleton<AIAgent>(provider =>
                    {
                        var chatClient = provider.GetRequiredService<IChatClient>();
                        var tools = new List<AITool>
                        {
                            provider.GetRequiredService<ChatSessionsTool>(),
                            provider.GetRequiredService<WebSearchTool>(),
                        };

                        var agentOptions = new ChatClientAgentOptions
                        {
                            Name = "CopilotAgent",
                            ChatOptions = new ChatOptions { Tools = tools },
                        };

                        return chatClient.AsAIAgent(options: agentOptions, loggerFactory: provider.GetRequiredService<ILoggerFactory>(), services: provider);
                    });

                    return services;
                }

                public static AIAgent WithAFunction(IChatClient chatClient, WebSearchTool search)
                {
                    var tools = new List<AITool> { search, AIFunctionFactory.Create(Lookup) };
                    return chatClient.[|AsAIAgent|](new ChatClientAgentOptions { ChatOptions = new ChatOptions { Tools = tools } });
                }

                public static AIAgent Added(IChatClient chatClient, WebSearchTool search)
                {
                    var tools = new List<AITool> { search };
                    tools.Add(AIFunctionFactory.Create(Lookup));
                    return chatClient.[|AsAIAgent|](new ChatClientAgentOptions { ChatOptions = new ChatOptions { Tools = tools } });
                }

                public static AIAgent TypedAsTool(IChatClient chatClient, AITool unknown)
                    => chatClient.[|AsAIAgent|](tools: [unknown]);
            }
            """);

    [Fact]
    public Task A_tool_list_declared_empty_and_filled_afterwards_holds_what_is_added()
        => Verify.VerifyAsync(Usings + """
            using System.Collections.Generic;

            class Agents
            {
                static string Lookup(string id) => "order " + id;

                static IEnumerable<AITool> FileTools() => [AIFunctionFactory.Create(System.IO.File.Delete)];

                public void Build(IChatClient model)
                {
                    // rwjdk ToolCalling.OnTheFlyToolCallInjection: List<AITool> tools = []; tools.AddRange(...); AsAIAgent(tools: tools)
                    List<AITool> tools = [];
                    tools.AddRange(FileTools());
                    AIAgent filled = model.[|AsAIAgent|](tools: tools);

                    List<AITool> one = [];
                    one.Add(AIFunctionFactory.Create(Lookup));
                    AIAgent added = model.[|AsAIAgent|](tools: one);
                }

                public void BuildGated(IChatClient model)
                {
                    List<AITool> hosted = [];
                    hosted.Add(new HostedWebSearchTool());
                    AIAgent searchOnly = model.AsAIAgent(tools: hosted);

                    List<AITool> approved = [];
                    approved.Add(new ApprovalRequiredAIFunction(AIFunctionFactory.Create(Lookup)));
                    AIAgent approvedOnly = model.AsAIAgent(tools: approved);

                    List<AITool> empty = [];
                    AIAgent none = model.AsAIAgent(tools: empty);
                }
            }
            """);

    [Fact]
    public async Task A_tool_list_filled_from_a_package_the_scan_does_not_have_is_not_known_to_be_gated()
    {
        // rwjdk ToolCalling.OnTheFlyToolCallInjection: tools.AddRange(TimeTools.All()) of AgentFrameworkToolkit, then an agent whose
        // function middleware only logs and calls next.
        var test = new Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedAutoInvocationAnalyzer>.Test { CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None };
        test.TestState.Sources.Add(Usings + """
            using System.Collections.Generic;
            using System.Threading;

            class Agents
            {
                public AIAgent Build(IChatClient model)
                {
                    List<AITool> tools = [];
                    tools.AddRange(TimeTools.All());
                    return model.{|#0:AsAIAgent|}(tools: tools).AsBuilder().Use(FunctionCallMiddleware).Build();
                }

                static async ValueTask<object?> FunctionCallMiddleware(AIAgent agent, Microsoft.Extensions.AI.FunctionInvocationContext context, Func<Microsoft.Extensions.AI.FunctionInvocationContext, CancellationToken, ValueTask<object?>> next, CancellationToken cancellationToken)
                {
                    Console.WriteLine($"- Tool Call: '{context.Function.Name}'");
                    return await next(context, cancellationToken);
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0005").WithLocation(0));
        await test.RunAsync();
    }
}
