using AutoInvocation = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedAutoInvocationAnalyzer>;
using ModelCalls = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedModelCallAnalyzer>;
using ToolSideEffects = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedToolSideEffectAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// Gates are recognised by what they do (DESIGN.md): a filter, middleware or delegating client gates
/// when some path does not call through (deny, skip, substitute a result) or it asks an IPolicyGate /
/// IApprovalService; one that always calls through does not, however it is registered.
/// </summary>
public class GateBehaviourTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel;
        using System.IO;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.Agents.AI;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.ChatCompletion;

        """;

    // The first example: a person approves every tool call; the filter is registered through DI in factory form.
    private const string HumanApprovalFilter = """
        public interface IConfirmer { Task<bool> ConfirmAsync(string question); }

        public sealed class HumanApprovalFilter(IConfirmer confirmer) : IFunctionInvocationFilter
        {
            public async Task OnFunctionInvocationAsync(Microsoft.SemanticKernel.FunctionInvocationContext context, Func<Microsoft.SemanticKernel.FunctionInvocationContext, Task> next)
            {
                var approved = await confirmer.ConfirmAsync($"Run {context.Function.Name}?");
                if (approved)
                {
                    await next(context);
                }
                else
                {
                    context.Result = new FunctionResult(context.Function, "The user declined.");
                }
            }
        }

        """;

    [Fact]
    public Task A_human_approval_filter_registered_through_DI_in_factory_form_gates_the_container_kernel()
        => AutoInvocation.VerifyAsync(Usings + HumanApprovalFilter + """
            static class Startup
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddKernel();
                    services.AddSingleton<IFunctionInvocationFilter>(sp => new HumanApprovalFilter(sp.GetRequiredService<IConfirmer>()));
                }
            }

            class Chat(Kernel kernel, IChatCompletionService chat)
            {
                public Task<ChatMessageContent> AskAsync(ChatHistory history)
                    => chat.GetChatMessageContentAsync(history, new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }, kernel);
            }
            """);

    [Fact]
    public Task Filters_registered_with_typeof_or_TryAddEnumerable_count_and_an_always_calling_filter_does_not()
        => AutoInvocation.VerifyAsync(Usings + HumanApprovalFilter + """
            public sealed class TimingFilter : IAutoFunctionInvocationFilter
            {
                public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
                {
                    var started = DateTime.UtcNow;
                    try { await next(context); }
                    finally { Console.WriteLine(DateTime.UtcNow - started); }
                }
            }

            static class Startup
            {
                public static void Gated(IServiceCollection services)
                {
                    services.AddKernel();
                    services.AddTransient(typeof(IFunctionInvocationFilter), typeof(HumanApprovalFilter));
                }
            }

            class Chat(Kernel kernel)
            {
                public Task<FunctionResult> AskAsync(string question)
                    => kernel.InvokePromptAsync(question, new KernelArguments(new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Required() }));
            }

            static class Local
            {
                public static Kernel Timed()
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Services.AddSingleton<IAutoFunctionInvocationFilter, TimingFilter>();
                    var kernel = builder.Build();
                    var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.[|Auto|]() };
                    _ = kernel.InvokePromptAsync("hi", new KernelArguments(settings));
                    return kernel;
                }

                public static Kernel Approved()
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Services.AddSingleton<IFunctionInvocationFilter, HumanApprovalFilter>();
                    var kernel = builder.Build();
                    var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
                    _ = kernel.InvokePromptAsync("hi", new KernelArguments(settings));
                    return kernel;
                }
            }
            """);

    // Straight-line filters are judged without a control-flow graph when their statements settle it: a call to next
    // reached before anything can leave the body always calls through; a throw on the way to next can deny.
    [Fact]
    public Task A_filter_that_calls_next_before_anything_can_leave_does_not_gate_and_one_that_can_throw_first_does()
        => AutoInvocation.VerifyAsync(Usings + """
            public sealed class LoggingFilter : IFunctionInvocationFilter
            {
                public async Task OnFunctionInvocationAsync(Microsoft.SemanticKernel.FunctionInvocationContext context, Func<Microsoft.SemanticKernel.FunctionInvocationContext, Task> next)
                {
                    Console.WriteLine($"calling {context.Function.Name}");
                    var started = DateTime.UtcNow;
                    await next(context).ConfigureAwait(false);
                    if (context.Result is null) return;
                    Console.WriteLine(DateTime.UtcNow - started);
                }
            }

            public sealed class PassThroughFilter : IFunctionInvocationFilter
            {
                public Task OnFunctionInvocationAsync(Microsoft.SemanticKernel.FunctionInvocationContext context, Func<Microsoft.SemanticKernel.FunctionInvocationContext, Task> next) => next(context);
            }

            public sealed class RefusingFilter : IFunctionInvocationFilter
            {
                public async Task OnFunctionInvocationAsync(Microsoft.SemanticKernel.FunctionInvocationContext context, Func<Microsoft.SemanticKernel.FunctionInvocationContext, Task> next)
                {
                    Console.WriteLine($"calling {context.Function.Name}");
                    if (context.Function.Name == "DeleteAll") throw new UnauthorizedAccessException("DeleteAll needs a person");
                    await next(context);
                }
            }

            static class Kernels
            {
                public static void Logged()
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Services.AddSingleton<IFunctionInvocationFilter, LoggingFilter>();
                    var kernel = builder.Build();
                    _ = kernel.InvokePromptAsync("hi", new KernelArguments(new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.[|Auto|]() }));
                }

                public static void PassedThrough()
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Services.AddSingleton<IFunctionInvocationFilter, PassThroughFilter>();
                    var kernel = builder.Build();
                    _ = kernel.InvokePromptAsync("hi", new KernelArguments(new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.[|Auto|]() }));
                }

                public static void Refused()
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Services.AddSingleton<IFunctionInvocationFilter, RefusingFilter>();
                    var kernel = builder.Build();
                    _ = kernel.InvokePromptAsync("hi", new KernelArguments(new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }));
                }
            }
            """);

    [Fact]
    public Task A_prompt_render_filter_that_can_block_the_rendered_prompt_gates_and_one_that_only_rewrites_it_does_not()
        => AutoInvocation.VerifyAsync(Usings + """
            // next renders the prompt; the model is called after the filter: setting the result or throwing afterwards still stops it.
            public sealed class BlocklistFilter : IPromptRenderFilter
            {
                public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
                {
                    await next(context);
                    if (context.RenderedPrompt?.Contains("password") == true)
                    {
                        context.Result = new FunctionResult(context.Function, "Blocked.");
                    }
                }
            }

            public sealed class GuardFilter : IPromptRenderFilter
            {
                public Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
                {
                    if (context.Arguments.ContainsName("secret"))
                    {
                        throw new InvalidOperationException("Prompts may not carry secrets.");
                    }

                    return next(context);
                }
            }

            public sealed class SignatureFilter : IPromptRenderFilter
            {
                public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
                {
                    await next(context);
                    context.RenderedPrompt += "\nAnswer politely.";
                }
            }

            class Chat
            {
                public void Run()
                {
                    var blocked = Kernel.CreateBuilder().Build();
                    blocked.PromptRenderFilters.Add(new BlocklistFilter());
                    _ = blocked.InvokePromptAsync("hi", new KernelArguments(new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }));

                    var guarded = Kernel.CreateBuilder().Build();
                    guarded.PromptRenderFilters.Add(new GuardFilter());
                    _ = guarded.InvokePromptAsync("hi", new KernelArguments(new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }));

                    var signed = Kernel.CreateBuilder().Build();
                    signed.PromptRenderFilters.Add(new SignatureFilter());
                    _ = signed.InvokePromptAsync("hi", new KernelArguments(new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.[|Auto|]() }));
                }
            }
            """);

    [Fact]
    public Task Gating_filters_handed_to_a_kernel_factory_as_functionInvocationFilters_gate_the_kernel_it_returns()
        => AutoInvocation.VerifyAsync(Usings + HumanApprovalFilter + """
            public sealed class LogFilter : IFunctionInvocationFilter
            {
                public async Task OnFunctionInvocationAsync(Microsoft.SemanticKernel.FunctionInvocationContext context, Func<Microsoft.SemanticKernel.FunctionInvocationContext, Task> next)
                {
                    Console.WriteLine(context.Function.Name);
                    await next(context);
                }
            }

            static class KernelService
            {
                public static Kernel CreateKernel(string model, IEnumerable<IFunctionInvocationFilter>? functionInvocationFilters = null)
                {
                    var kernel = Kernel.CreateBuilder().Build();
                    foreach (var filter in functionInvocationFilters ?? [])
                    {
                        kernel.FunctionInvocationFilters.Add(filter);
                    }

                    return kernel;
                }
            }

            class Chat(IConfirmer confirmer)
            {
                public void Run()
                {
                    var approval = new HumanApprovalFilter(confirmer);
                    var gated = KernelService.CreateKernel("gpt-4o", functionInvocationFilters: [new LogFilter(), approval]);
                    _ = gated.InvokePromptAsync("hi", new KernelArguments(new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }));

                    var logged = KernelService.CreateKernel("gpt-4o", functionInvocationFilters: [new LogFilter()]);
                    _ = logged.InvokePromptAsync("hi", new KernelArguments(new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.[|Auto|]() }));
                }
            }
            """);

    [Fact]
    public Task Agent_Framework_function_middleware_that_always_calls_next_does_not_gate_and_one_that_can_refuse_does()
        => AutoInvocation.VerifyAsync(Usings + """
            static class Middleware
            {
                public static async ValueTask<object?> LoggingMiddleware(AIAgent agent, Microsoft.Extensions.AI.FunctionInvocationContext context, Func<Microsoft.Extensions.AI.FunctionInvocationContext, CancellationToken, ValueTask<object?>> next, CancellationToken cancellationToken)
                {
                    Console.WriteLine($"Calling {context.Function.Name}");
                    var result = await next(context, cancellationToken);
                    Console.WriteLine($"Called {context.Function.Name}");
                    return result;
                }

                public static async ValueTask<object?> ConfirmMiddleware(AIAgent agent, Microsoft.Extensions.AI.FunctionInvocationContext context, Func<Microsoft.Extensions.AI.FunctionInvocationContext, CancellationToken, ValueTask<object?>> next, CancellationToken cancellationToken)
                {
                    Console.Write($"Run {context.Function.Name}? ");
                    if (Console.ReadLine() != "y")
                    {
                        return "The user refused.";
                    }

                    return await next(context, cancellationToken);
                }
            }

            class Agents
            {
                static string DeleteFile(string path) { File.Delete(path); return "deleted"; }

                public void Build(IChatClient chatClient)
                {
                    AIAgent logged = chatClient.[|AsAIAgent|](instructions: "You tidy folders.", tools: [AIFunctionFactory.Create(DeleteFile)])
                        .AsBuilder()
                        .Use((agent, context, next, ct) => Middleware.LoggingMiddleware(agent, context, next, ct))
                        .Build();

                    AIAgent confirmed = chatClient.AsAIAgent(instructions: "You tidy folders.", tools: [AIFunctionFactory.Create(DeleteFile)])
                        .AsBuilder()
                        .Use(Middleware.ConfirmMiddleware)
                        .Build();

                    AIAgent inline = chatClient.AsAIAgent(instructions: "You tidy folders.", tools: [AIFunctionFactory.Create(DeleteFile)])
                        .AsBuilder()
                        .Use(async (agent, context, next, ct) => context.Function.Name == "DeleteFile" ? "Not allowed." : await next(context, ct))
                        .Build();
                }
            }
            """);

    [Fact]
    public Task Approval_required_tools_gate_themselves()
        => AutoInvocation.VerifyAsync(Usings + """
            class Agents
            {
                static string DeleteFile(string path) { File.Delete(path); return "deleted"; }
                static string ListFiles(string path) => string.Join(",", Directory.GetFiles(path));

                public void Build(IChatClient chatClient)
                {
                    AIAgent approved = chatClient.AsAIAgent(instructions: "You tidy folders.", tools: [new ApprovalRequiredAIFunction(AIFunctionFactory.Create(DeleteFile))]);
                    AIAgent mixed = chatClient.[|AsAIAgent|](instructions: "You tidy folders.", tools: [new ApprovalRequiredAIFunction(AIFunctionFactory.Create(DeleteFile)), AIFunctionFactory.Create(ListFiles)]);
                }
            }
            """);

    [Fact]
    public Task Chat_client_middleware_gates_only_when_it_can_stop_the_request()
        => ModelCalls.VerifyAsync(Usings + """
            public sealed class ModerationClient(IChatClient inner) : DelegatingChatClient(inner)
            {
                public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
                {
                    if (messages.Any(m => m.Text.Contains("ignore previous instructions")))
                    {
                        return new ChatResponse(new ChatMessage(ChatRole.Assistant, "I can't help with that."));
                    }

                    return await base.GetResponseAsync(messages, options, cancellationToken);
                }
            }

            public sealed class TimingClient(IChatClient inner) : DelegatingChatClient(inner)
            {
                public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
                {
                    var started = DateTime.UtcNow;
                    var response = await base.GetResponseAsync(messages, options, cancellationToken);
                    Console.WriteLine(DateTime.UtcNow - started);
                    return response;
                }
            }

            class Uses
            {
                public async Task RunAsync(IChatClient model)
                {
                    var logged = model.AsBuilder()
                        .Use(async (messages, options, next, ct) => { Console.WriteLine("request"); await next(messages, options, ct); })
                        .Build();
                    await logged.[|GetResponseAsync|]("hi");

                    var screened = model.AsBuilder()
                        .Use(async (messages, options, next, ct) =>
                        {
                            if (messages.Any(m => m.Text.Contains("password"))) { throw new InvalidOperationException("Refused."); }
                            await next(messages, options, ct);
                        })
                        .Build();
                    await screened.GetResponseAsync("hi");

                    var moderated = model.AsBuilder().Use(inner => new ModerationClient(inner)).Build();
                    await moderated.GetResponseAsync("hi");

                    var timed = model.AsBuilder().Use(inner => new TimingClient(inner)).Build();
                    await timed.[|GetResponseAsync|]("hi");

                    var wrapped = new ModerationClient(model);
                    await wrapped.GetResponseAsync("hi");
                }
            }
            """);

    [Fact]
    public Task A_kernel_gate_guards_only_the_kernels_it_is_on()
        => ToolSideEffects.VerifyAsync(Usings + """
            public class OpsPlugin
            {
                [KernelFunction]
                public void {|#0:Restart|}(string service) => System.Diagnostics.Process.Start("systemctl", $"restart {service}");
            }

            public class FilesPlugin
            {
                [KernelFunction]
                public void Remove(string path) => File.Delete(path);
            }

            static class Setup
            {
                public static Kernel Gated()
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Plugins.AddFromType<FilesPlugin>();
                    builder.AddPolicyGate();
                    return builder.Build();
                }

                public static Kernel Ungated()
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Plugins.AddFromType<OpsPlugin>();
                    return builder.Build();
                }
            }
            """,
            ToolSideEffects.Diagnostic("ALN0002").WithLocation(0).WithArguments("Restart", "start processes", "Restart -> Process.Start"));

    [Fact]
    public Task An_auto_function_filter_that_answers_instead_of_invoking_gates_the_kernel_it_is_added_to()
        => AutoInvocation.VerifyAsync(Usings + """
            public sealed class WeatherPlugin
            {
                [KernelFunction] public string GetWeather(string city) => "sunny";
            }

            public sealed class RespondExplainFunctionInvocationFilter : IAutoFunctionInvocationFilter
            {
                private readonly HashSet<string> _functionNames = [];

                public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
                {
                    var needExplanation = 0;
                    foreach (var functionCall in Microsoft.SemanticKernel.FunctionCallContent.GetFunctionCalls(context.ChatHistory.Last()))
                    {
                        if (_functionNames.Add($"{functionCall.PluginName}-{functionCall.FunctionName}"))
                        {
                            needExplanation++;
                        }
                    }

                    if (needExplanation > 0)
                    {
                        context.Result = new FunctionResult(context.Result, "Explain why you call these functions and try again");
                        return;
                    }

                    await next(context);
                }
            }

            class Sample
            {
                static Kernel CreateKernelWithPlugin<T>() where T : class, new()
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Plugins.AddFromType<T>();
                    return builder.Build();
                }

                public async Task ExplainAsync()
                {
                    Kernel kernel = CreateKernelWithPlugin<WeatherPlugin>();
                    kernel.AutoFunctionInvocationFilters.Add(new RespondExplainFunctionInvocationFilter());
                    var service = kernel.GetRequiredService<IChatCompletionService>();
                    var chatHistory = new ChatHistory { new ChatMessageContent(AuthorRole.User, "What is the weather like in Paris?") };
                    var executionSettings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
                    var result = await service.GetChatMessageContentAsync(chatHistory, executionSettings, kernel);
                }
            }
            """);

    // A client written in the project that never calls an inner client is the model (or a stand-in for it),
    // not a wrapper that skips it: returning without a model call is all it does, so it gates nothing.
    [Fact]
    public Task A_leaf_client_in_the_project_is_the_model_not_a_gate()
        => ModelCalls.VerifyAsync(Usings + """
            public sealed class EchoChatClient : IChatClient
            {
                public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
                    => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "ok")));
                public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
                    => throw new NotSupportedException();
                public object? GetService(Type serviceType, object? serviceKey = null) => null;
                public void Dispose() { }
            }

            public sealed class Agent
            {
                private readonly IChatClient _client = new EchoChatClient().AsBuilder().UseFunctionInvocation().Build();

                public async Task<string> AskAsync(string question) => (await _client.[|GetResponseAsync|](question)).Text;
            }
            """);

    // The same shape holding an inner client and able to answer without it is a wrapper that gates.
    [Fact]
    public Task A_client_that_holds_an_inner_client_and_can_skip_it_gates()
        => ModelCalls.VerifyAsync(Usings + """
            public sealed class RefusingClient(IChatClient inner) : IChatClient
            {
                public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
                    => messages.Any(m => m.Text.Contains("wire transfer")) ? Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "refused"))) : inner.GetResponseAsync(messages, options, cancellationToken);
                public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
                    => inner.GetStreamingResponseAsync(messages, options, cancellationToken);
                public object? GetService(Type serviceType, object? serviceKey = null) => inner.GetService(serviceType, serviceKey);
                public void Dispose() => inner.Dispose();
            }

            public sealed class Agent
            {
                private readonly IChatClient _client = new RefusingClient(new OpenAI.OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient());

                public async Task<string> AskAsync(string question) => (await _client.GetResponseAsync(question)).Text;
            }
            """);

    // What each Semantic Kernel filter interface intercepts: function and auto-function filters run around the tools a
    // kernel invokes, never around the request sent to the model; a prompt-render filter runs where the prompt is
    // rendered, before the model is asked. So a filter that can stop gates the kernel's tools (ALN0005) whatever its
    // interface, but its model calls (ALN0001) only as a prompt-render filter. The shapes of Semantic Kernel's samples
    // (FrugalGPTWithFilters' cascade, AzureOpenAI_DeploymentSwitch's deployment switch, OpenAI_ReasonedFunctionCalling).
    private const string FilterKindsSource = """
        public sealed class CascadeFilter(string[] models) : IFunctionInvocationFilter
        {
            public async Task OnFunctionInvocationAsync(Microsoft.SemanticKernel.FunctionInvocationContext context, Func<Microsoft.SemanticKernel.FunctionInvocationContext, Task> next)
            {
                foreach (var model in models)
                {
                    context.Arguments.ExecutionSettings = new Dictionary<string, PromptExecutionSettings> { [model] = new() };
                    await next(context);
                    if (context.Result.ToString().Contains("Hey!")) { return; }
                }
            }
        }

        public sealed class ExplainFirstFilter : IAutoFunctionInvocationFilter
        {
            public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
            {
                if (context.RequestSequenceIndex == 0)
                {
                    context.Result = new FunctionResult(context.Result, "Explain why you call these functions and try again");
                    return;
                }

                await next(context);
            }
        }

        public sealed class SecretGuardFilter : IPromptRenderFilter
        {
            public Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
            {
                if (context.Arguments.ContainsName("secret")) { throw new InvalidOperationException("Prompts may not carry secrets."); }
                return next(context);
            }
        }

        // Approves tools, and only logs prompts: registered as both, it gates the tools and not the prompts.
        public sealed class ApproveAndLogFilter : IFunctionInvocationFilter, IPromptRenderFilter
        {
            public async Task OnFunctionInvocationAsync(Microsoft.SemanticKernel.FunctionInvocationContext context, Func<Microsoft.SemanticKernel.FunctionInvocationContext, Task> next)
            {
                if (context.Function.Name == "Delete") { throw new UnauthorizedAccessException("Delete needs a person"); }
                await next(context);
            }

            public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
            {
                Console.WriteLine("rendering");
                await next(context);
            }
        }

        """;

    [Fact]
    public Task Function_and_auto_function_filters_do_not_gate_a_kernels_model_calls_and_a_prompt_render_filter_does()
        => ModelCalls.VerifyAsync(Usings + FilterKindsSource + """
            class Samples
            {
                public async Task CascadeAsync()
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Services.AddSingleton<IFunctionInvocationFilter>(new CascadeFilter(["model1", "model2"]));
                    var kernel = builder.Build();
                    await kernel.[|InvokePromptAsync|]("Hi, how are you today?");
                }

                public async Task ExplainAsync()
                {
                    var kernel = Kernel.CreateBuilder().Build();
                    kernel.AutoFunctionInvocationFilters.Add(new ExplainFirstFilter());
                    var service = kernel.GetRequiredService<IChatCompletionService>();
                    var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
                    await service.[|GetChatMessageContentAsync|](new ChatHistory("What is the weather like in Paris?"), settings, kernel);
                    await kernel.[|InvokePromptAsync|]("What is the weather like in Paris?", new KernelArguments(settings));
                }

                public async Task GuardedAsync()
                {
                    var kernel = Kernel.CreateBuilder().Build();
                    kernel.PromptRenderFilters.Add(new SecretGuardFilter());
                    await kernel.InvokePromptAsync("Summarise {{$input}}", new KernelArguments { ["input"] = "the report" });
                }

                public async Task ApprovedAndLoggedAsync()
                {
                    var kernel = Kernel.CreateBuilder().Build();
                    kernel.FunctionInvocationFilters.Add(new ApproveAndLogFilter());
                    kernel.PromptRenderFilters.Add(new ApproveAndLogFilter());
                    await kernel.[|InvokePromptAsync|]("Tidy the folder");
                }

                // A prompt-render filter that can stop, added only as a function filter: the kernel never runs it on a prompt.
                public async Task MisfiledAsync()
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Services.AddSingleton<IFunctionInvocationFilter, ApproveAndLogFilter>();
                    var kernel = builder.Build();
                    await kernel.[|InvokePromptAsync|]("Tidy the folder");
                }
            }
            """);

    // Semantic Kernel runs a kernel's prompt-render filters in one place, KernelFunctionFromPrompt (Kernel.OnPromptRenderAsync):
    // InvokePromptAsync and a prompt function invoked with the kernel pass them. A chat-service call handed the kernel
    // (GetChatMessageContentAsync(history, settings, kernel)) or made on the service taken from it sends the history as it is:
    // the kernel gives it tools and their filters, and neither a prompt filter nor UsePolicyGate() (a set of kernel filters) sees it.
    [Fact]
    public Task A_kernels_prompt_filters_and_gate_see_prompt_function_requests_and_not_requests_sent_straight_to_its_chat_service()
        => ModelCalls.VerifyAsync(Usings + FilterKindsSource + """
            class Samples
            {
                public async Task GuardedAsync(ChatHistory history)
                {
                    var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                    kernel.PromptRenderFilters.Add(new SecretGuardFilter());
                    var summarize = kernel.CreateFunctionFromPrompt("Summarise {{$input}}");
                    await kernel.InvokeAsync(summarize, new KernelArguments { ["input"] = "the report" });
                    await summarize.InvokeAsync(kernel, new KernelArguments { ["input"] = "the report" });
                    await kernel.InvokePromptAsync("Summarise {{$input}}", new KernelArguments { ["input"] = "the report" });

                    var service = kernel.GetRequiredService<IChatCompletionService>();
                    var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
                    await service.[|GetChatMessageContentAsync|](history, settings, kernel);
                    await service.[|GetChatMessageContentsAsync|](history, kernel: kernel);
                }

                public async Task GatedKernelAsync(ChatHistory history)
                {
                    var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").Build().UsePolicyGate();
                    await kernel.InvokePromptAsync("Summarise the report");
                    await kernel.GetRequiredService<IChatCompletionService>().[|GetChatMessageContentAsync|](history, kernel: kernel);
                }

                // A chat service made elsewhere, handed a gated kernel for its tools: the kernel does not see the request.
                public async Task HandedAsync(IChatClient model, ChatHistory history)
                {
                    var gated = Kernel.CreateBuilder().AddPolicyGate().Build();
                    var service = model.AsChatCompletionService();
                    await service.[|GetChatMessageContentAsync|](history, kernel: gated);
                }

                // The way to gate such calls (docs/gates.md): the chat client the service is made from.
                public async Task GatedClientAsync(IChatClient model, ChatHistory history)
                {
                    var service = model.AsBuilder().UsePolicyGate().Build().AsChatCompletionService();
                    await service.GetChatMessageContentAsync(history);
                }
            }
            """);

    // The template's and the samples' shape: the kernel's chat service is registered as one made from a gated client, so
    // a request sent straight to it is gated although no kernel filter sees it; registered from an ungated client, it is not.
    [Fact]
    public Task A_kernels_chat_service_registered_from_a_gated_client_gates_requests_sent_straight_to_it()
        => ModelCalls.VerifyAsync(Usings + FilterKindsSource + """
            class Samples
            {
                public async Task GatedServiceAsync(IChatClient model, ChatHistory history)
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Services.AddSingleton<IChatCompletionService>(_ => model.AsBuilder().UsePolicyGate().Build().AsChatCompletionService());
                    builder.AddPolicyGate();
                    var kernel = builder.Build();
                    await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(history, kernel: kernel);
                }

                public async Task UngatedServiceAsync(IChatClient model, ChatHistory history)
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Services.AddSingleton<IChatCompletionService>(_ => model.AsBuilder().Build().AsChatCompletionService());
                    var kernel = builder.Build();
                    kernel.UsePolicyGate();
                    await kernel.GetRequiredService<IChatCompletionService>().[|GetChatMessageContentAsync|](history, kernel: kernel);
                }
            }
            """);

    // builder.AddPolicyGate() puts the gates around the chat services registered on the builder before it (a request sent
    // straight to them is judged by the service); a service registered after it, or a built kernel's UsePolicyGate(), is not wrapped.
    [Fact]
    public Task A_kernel_builders_AddPolicyGate_gates_requests_sent_straight_to_the_chat_services_registered_before_it()
        => ModelCalls.VerifyAsync(Usings + FilterKindsSource + """
            class Samples
            {
                public async Task RegisteredBeforeAsync(IChatClient model, ChatHistory history)
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Services.AddSingleton<IChatCompletionService>(_ => model.AsChatCompletionService());
                    builder.AddPolicyGate();
                    var kernel = builder.Build();
                    await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(history, kernel: kernel);
                }

                public async Task ConnectorInTheChainAsync(ChatHistory history)
                {
                    var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", "key").AddPolicyGate().Build();
                    await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(history, kernel: kernel);
                }

                public async Task RegisteredAfterAsync(IChatClient model, ChatHistory history)
                {
                    var builder = Kernel.CreateBuilder();
                    builder.AddPolicyGate();
                    builder.Services.AddSingleton<IChatCompletionService>(_ => model.AsChatCompletionService());
                    var kernel = builder.Build();
                    await kernel.GetRequiredService<IChatCompletionService>().[|GetChatMessageContentAsync|](history, kernel: kernel);
                }

                public async Task GateBeforeTheConnectorAsync(ChatHistory history)
                {
                    var kernel = Kernel.CreateBuilder().AddPolicyGate().AddOpenAIChatCompletion("gpt-4o", "key").Build();
                    await kernel.GetRequiredService<IChatCompletionService>().[|GetChatMessageContentAsync|](history, kernel: kernel);
                }
            }
            """);

    [Fact]
    public Task An_injected_chat_service_is_called_past_the_container_kernels_prompt_filters()
        => ModelCalls.VerifyAsync(Usings + FilterKindsSource + """
            static class Startup
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddKernel();
                    services.AddSingleton<IPromptRenderFilter, SecretGuardFilter>();
                }
            }

            class Chat(Kernel kernel, IChatCompletionService service)
            {
                public Task<FunctionResult> AskAsync(string question) => kernel.InvokePromptAsync(question);

                public Task<ChatMessageContent> TalkAsync(ChatHistory history) => service.[|GetChatMessageContentAsync|](history, kernel: kernel);
            }
            """);

    [Fact]
    public Task Function_and_auto_function_filters_that_can_stop_still_gate_the_kernels_tools()
        => AutoInvocation.VerifyAsync(Usings + FilterKindsSource + """
            public sealed class LoggingPromptFilter : IPromptRenderFilter
            {
                public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
                {
                    Console.WriteLine("rendering");
                    await next(context);
                }
            }

            class Samples
            {
                public async Task ExplainAsync()
                {
                    var kernel = Kernel.CreateBuilder().Build();
                    kernel.AutoFunctionInvocationFilters.Add(new ExplainFirstFilter());
                    var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
                    await kernel.InvokePromptAsync("What is the weather like in Paris?", new KernelArguments(settings));
                }

                public async Task ApprovedAsync()
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Services.AddSingleton<IFunctionInvocationFilter, ApproveAndLogFilter>();
                    var kernel = builder.Build();
                    var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
                    await kernel.InvokePromptAsync("Tidy the folder", new KernelArguments(settings));
                }

                // Logged only, registered as a prompt filter: its approval method never runs.
                public async Task LoggedAsync()
                {
                    var builder = Kernel.CreateBuilder();
                    builder.Services.AddSingleton<IPromptRenderFilter, ApproveAndLogFilter>();
                    var kernel = builder.Build();
                    var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.[|Auto|]() };
                    await kernel.InvokePromptAsync("Tidy the folder", new KernelArguments(settings));
                }
            }
            """);

    [Fact]
    public Task The_container_kernel_is_judged_per_question_function_filters_gate_its_tools_not_its_model_calls()
        => ModelCalls.VerifyAsync(Usings + FilterKindsSource + """
            static class Startup
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddKernel();
                    services.AddSingleton<IAutoFunctionInvocationFilter, ExplainFirstFilter>();
                }
            }

            class Chat(Kernel kernel)
            {
                public Task<FunctionResult> AskAsync(string question)
                    => kernel.[|InvokePromptAsync|](question, new KernelArguments(new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }));
            }
            """);

    [Fact]
    public Task The_container_kernel_with_a_prompt_filter_that_can_stop_is_gated_for_model_calls()
        => ModelCalls.VerifyAsync(Usings + FilterKindsSource + """
            static class Startup
            {
                public static void Configure(IServiceCollection services)
                {
                    services.AddKernel();
                    services.AddSingleton<IPromptRenderFilter, SecretGuardFilter>();
                }
            }

            class Chat(Kernel kernel)
            {
                public Task<FunctionResult> AskAsync(string question) => kernel.InvokePromptAsync(question);
            }
            """);
}
