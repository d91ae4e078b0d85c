using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedModelCallAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

public class UngatedModelCallTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading;
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.Agents.AI;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.SemanticKernel;
        using OpenAI;

        """;

    [Fact]
    public Task An_inline_pipeline_without_a_gate_is_reported_at_the_call()
        => Verify.VerifyAsync(Usings + """
            class SupportAgent
            {
                public async Task<string> AnswerAsync(string question)
                {
                    IChatClient client = new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient()
                        .AsBuilder()
                        .UseFunctionInvocation()
                        .Build();
                    var response = await client.[|GetResponseAsync|](question);
                    return response.Text;
                }
            }
            """);

    [Fact]
    public Task The_same_pipeline_with_UsePolicyGate_is_clean()
        => Verify.VerifyAsync(Usings + """
            class SupportAgent
            {
                public async Task<string> AnswerAsync(string question)
                {
                    IChatClient client = new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient()
                        .AsBuilder()
                        .UsePolicyGate()
                        .UseFunctionInvocation()
                        .Build();
                    var response = await client.GetResponseAsync(question);
                    await foreach (var update in client.GetStreamingResponseAsync(question)) { }
                    return response.Text;
                }
            }
            """);

    [Fact]
    public Task A_raw_OpenAI_chat_client_is_a_model_call_too()
        => Verify.VerifyAsync(Usings + """
            class Summarizer
            {
                private readonly OpenAI.Chat.ChatClient _chat = new("gpt-4o", "key");

                public async Task<string> SummarizeAsync(string text)
                {
                    var completion = await _chat.[|CompleteChatAsync|](new OpenAI.Chat.UserChatMessage(text));
                    return completion.Value.Content[0].Text;
                }
            }
            """);

    [Fact]
    public Task A_field_assigned_from_a_gated_builder_in_the_constructor_is_clean()
        => Verify.VerifyAsync(Usings + """
            class SupportAgent
            {
                private readonly IChatClient _client;

                public SupportAgent(IChatClient model)
                {
                    _client = model.AsBuilder().UsePolicyGate().Build();
                }

                public Task<ChatResponse> AskAsync(string question) => _client.GetResponseAsync(question);
            }
            """);

    [Fact]
    public async Task An_injected_client_is_judged_by_its_registration_in_another_file()
    {
        const string program = Usings + """
            static class Startup
            {
                public static void Configure(IServiceCollection services, IChatClient inner)
                    => services.AddChatClient(inner).UseFunctionInvocation().UsePolicyGate();
            }
            """;
        const string agent = Usings + """
            class SupportAgent(IChatClient chat)
            {
                private readonly IChatClient _chat = chat;

                public Task<ChatResponse> AskAsync(string question) => _chat.GetResponseAsync(question);
            }
            """;
        await Verify.VerifyAsync([program, agent], policy: null);

        const string ungatedProgram = Usings + """
            static class Startup
            {
                public static void Configure(IServiceCollection services, IChatClient inner)
                    => services.AddChatClient(inner).UseFunctionInvocation();
            }
            """;
        const string ungatedAgent = Usings + """
            class SupportAgent
            {
                private readonly IChatClient _chat;

                public SupportAgent(IChatClient chat) => _chat = chat;

                public Task<ChatResponse> AskAsync(string question) => _chat.[|GetResponseAsync|](question);
            }
            """;
        await Verify.VerifyAsync([ungatedProgram, ungatedAgent], policy: null);
    }

    [Fact]
    public Task An_injected_client_with_no_registration_in_sight_is_information_only()
        => Verify.VerifyAsync(Usings + """
            class SupportAgent(IChatClient chat)
            {
                public Task<ChatResponse> AskAsync(string question) => chat.{|#0:GetResponseAsync|}(question);
            }
            """,
            Verify.Diagnostic("ALN0001").WithLocation(0).WithSeverity(DiagnosticSeverity.Info));

    [Fact]
    public Task The_policy_sets_the_severity_of_unknown_origins()
        => Verify.VerifyAsync(
            [Usings + """
            class SupportAgent(IChatClient chat)
            {
                public Task<ChatResponse> AskAsync(string question) => chat.{|#0:GetResponseAsync|}(question);
            }
            """],
            "is_global = true\nalignment_policy.agent_project = true\nalignment_policy.analyzers.unknown_origin = error\n",
            Verify.Diagnostic("ALN0001").WithLocation(0).WithSeverity(DiagnosticSeverity.Error));

    [Fact]
    public Task An_ungated_path_through_a_conditional_is_reported()
        => Verify.VerifyAsync(Usings + """
            class SupportAgent
            {
                public Task<ChatResponse> AskAsync(IChatClient model, bool strict, string question)
                {
                    IChatClient client = strict ? model.AsBuilder().UsePolicyGate().Build() : new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient();
                    return client.[|GetResponseAsync|](question);
                }
            }
            """);

    [Fact]
    public Task Agent_Framework_agents_follow_their_chat_client()
        => Verify.VerifyAsync(Usings + """
            class Agents
            {
                public async Task RunAsync(IChatClient model)
                {
                    AIAgent gated = model.AsBuilder().UsePolicyGate().Build().AsAIAgent(instructions: "You are a helpful support agent.");
                    await gated.RunAsync("Where is my order?");

                    AIAgent raw = new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient().AsAIAgent(instructions: "You help.");
                    await raw.[|RunAsync|]("Where is my order?");

                    var wrapped = new ChatClientAgent(new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient(), "You help.")
                        .AsBuilder().UsePolicyGate().Build();
                    await wrapped.RunAsync("Where is my order?");
                }
            }
            """);

    [Fact]
    public Task Semantic_Kernel_prompts_are_gated_by_the_kernel()
        => Verify.VerifyAsync(Usings + """
            class Prompts
            {
                public async Task RunAsync()
                {
                    var kernel = Kernel.CreateBuilder().Build();
                    await kernel.[|InvokePromptAsync|]("Summarise the inbox");

                    var gated = Kernel.CreateBuilder().Build();
                    gated.UsePolicyGate();
                    await gated.InvokePromptAsync("Summarise the inbox");

                    var native = KernelFunctionFactory.CreateFromMethod(() => "42", "answer");
                    await kernel.InvokeAsync(native);

                    var prompt = kernel.CreateFunctionFromPrompt("Write a haiku about {{$topic}}");
                    await kernel.[|InvokeAsync|](prompt);
                }
            }
            """);

    [Fact]
    public Task Name_collisions_are_not_model_calls()
        => Verify.VerifyAsync(Usings + """
            namespace Contoso.Chat
            {
                public interface IChatCompletionService
                {
                    Task<string> GetChatMessageContentAsync(string prompt);
                }

                public interface IReportClient
                {
                    Task<string> GetResponseAsync(string query);
                }

                class Uses
                {
                    public async Task RunAsync(IChatCompletionService service, IReportClient reports, System.IO.Pipelines.PipeWriter writer)
                    {
                        await service.GetChatMessageContentAsync("hello");
                        await reports.GetResponseAsync("sales");
                        await writer.CompleteAsync();
                    }
                }
            }
            """);

    [Fact]
    public Task Middleware_forwarding_to_its_inner_client_is_not_agent_code()
        => Verify.VerifyAsync(Usings + """
            sealed class TimingChatClient(IChatClient inner) : DelegatingChatClient(inner)
            {
                public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
                {
                    var started = DateTime.UtcNow;
                    var response = await base.GetResponseAsync(messages, options, cancellationToken);
                    Console.WriteLine(DateTime.UtcNow - started);
                    return response;
                }
            }
            """);

    [Fact]
    public Task A_factory_method_in_the_compilation_is_followed()
        => Verify.VerifyAsync(Usings + """
            static class Clients
            {
                public static IChatClient CreateGated(IChatClient model) => model.AsBuilder().UsePolicyGate().Build();
                public static IChatClient CreateRaw() => new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient();
            }

            class Uses
            {
                public async Task RunAsync(IChatClient model)
                {
                    await Clients.CreateGated(model).GetResponseAsync("hi");
                    await Clients.CreateRaw().[|GetResponseAsync|]("hi");
                }
            }
            """);

    [Fact]
    public Task A_policy_listed_gate_type_wrapping_the_client_counts_as_a_gate()
        => Verify.VerifyAsync(
            [Usings + """
            namespace Contoso.Safety
            {
                public sealed class ContosoGate(IChatClient inner) : DelegatingChatClient(inner);
            }

            class Uses
            {
                public Task<ChatResponse> AskAsync() => new Contoso.Safety.ContosoGate(new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient()).GetResponseAsync("hi");
            }
            """],
            "is_global = true\nalignment_policy.agent_project = true\nalignment_policy.gates.additional_gate_types = Contoso.Safety.ContosoGate\n");

    [Fact]
    public Task A_project_the_policy_does_not_classify_as_an_agent_project_is_left_alone()
        => Verify.VerifyAsync(
            [Usings + """
            class Uses
            {
                public Task<ChatResponse> AskAsync() => new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient().GetResponseAsync("hi");
            }
            """],
            "is_global = true\nalignment_policy.agent_project = false\n");

    // The shape of Agent Framework workflow samples: agents chained by AgentWorkflowBuilder or a WorkflowBuilder, run in process.
    private const string WorkflowUsings = """
        using Microsoft.Agents.AI.Workflows;

        """;

    [Fact]
    public Task A_workflow_run_of_ungated_agents_is_a_model_call()
        => Verify.VerifyAsync(Usings + WorkflowUsings + """
            class Pipeline
            {
                public async Task RunAsync(string text)
                {
                    var chatClient = new OpenAIClient("key").GetChatClient("gpt-4o");
                    AIAgent summary = chatClient.AsIChatClient().AsAIAgent(name: "Summary", instructions: "Summarize.");
                    AIAgent translation = chatClient.AsIChatClient().AsAIAgent(name: "Translation", instructions: "Translate to French.");
                    Workflow workflow = AgentWorkflowBuilder.BuildSequential(summary, translation);
                    List<ChatMessage> messages = [new(ChatRole.User, text)];
                    StreamingRun run = await InProcessExecution.[|RunStreamingAsync|](workflow, messages);

                    var builder = new WorkflowBuilder(summary);
                    builder.AddEdge(summary, translation);
                    await InProcessExecution.[|RunAsync|](builder.Build(), messages);
                }
            }
            """);

    [Fact]
    public Task A_workflow_of_gated_agents_or_of_plain_executors_is_clean()
        => Verify.VerifyAsync(Usings + WorkflowUsings + """
            class Pipeline
            {
                public async Task RunAsync(string text, IChatClient model)
                {
                    AIAgent summary = model.AsBuilder().UsePolicyGate().Build().AsAIAgent(name: "Summary", instructions: "Summarize.");
                    AIAgent translation = model.AsAIAgent(name: "Translation", instructions: "Translate.").AsBuilder().UsePolicyGate().Build();
                    Workflow workflow = AgentWorkflowBuilder.BuildSequential("Legal", [summary, translation]);
                    List<ChatMessage> messages = [new(ChatRole.User, text)];
                    await InProcessExecution.RunStreamingAsync(workflow, messages);

                    var upper = new UppercaseExecutor();
                    var reverse = new ReverseExecutor();
                    Workflow plain = new WorkflowBuilder(upper).AddEdge(upper, reverse).WithOutputFrom(reverse).Build();
                    await InProcessExecution.RunAsync(plain, text);
                }
            }

            sealed class UppercaseExecutor() : Executor<string, string>("Upper")
            {
                public override ValueTask<string> HandleAsync(string message, IWorkflowContext context, CancellationToken cancellationToken = default) => ValueTask.FromResult(message.ToUpperInvariant());
            }

            sealed class ReverseExecutor() : Executor<string, string>("Reverse")
            {
                public override ValueTask<string> HandleAsync(string message, IWorkflowContext context, CancellationToken cancellationToken = default) => ValueTask.FromResult(new string(message.Reverse().ToArray()));
            }
            """);

    [Fact]
    public Task A_workflow_handed_to_a_method_is_traced_to_its_callers()
        => Verify.VerifyProgramAsync(Usings + WorkflowUsings + """
            // rwjdk Workflow.Handoff: a handoff workflow of ungated agents built in a loop, run by a static local function.
            var chatClient = new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient();
            AIAgent intent = chatClient.AsAIAgent(name: "IntentAgent", instructions: "Determine the type of question.");
            AIAgent movies = chatClient.AsAIAgent(name: "MovieNerd", instructions: "You are a movie nerd.");
            Workflow workflow = AgentWorkflowBuilder.CreateHandoffBuilderWith(intent).WithHandoffs(intent, [movies]).WithHandoffs([movies], intent).Build();
            await RunWorkflowAsync(workflow, [new(ChatRole.User, "Who directed Alien?")]);

            static async Task RunWorkflowAsync(Workflow workflow, List<ChatMessage> messages)
            {
                StreamingRun run = await InProcessExecution.[|RunStreamingAsync|](workflow, messages);
                await run.TrySendMessageAsync(new TurnToken(emitEvents: true));
            }
            """);

    [Fact]
    public Task A_private_helper_is_traced_to_its_callers_in_nested_types_and_not_to_a_same_named_helper_elsewhere()
        => Verify.VerifyAsync(Usings + """
            class Desk
            {
                private static async Task<string> AskAsync(IChatClient client, string question)
                    => (await client.[|GetResponseAsync|](question)).Text;

                public Task<string> DayAsync(string question)
                {
                    IChatClient gated = new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient().AsBuilder().UsePolicyGate().Build();
                    return AskAsync(gated, question);
                }

                public sealed class NightShift
                {
                    // A nested type may call its container's private helper: the ungated caller that makes the call ungated.
                    public Task<string> RunAsync(string question)
                    {
                        IChatClient raw = new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient();
                        return AskAsync(raw, question);
                    }
                }
            }

            class Counter
            {
                private static async Task<string> AskAsync(IChatClient client, string question)
                    => (await client.GetResponseAsync(question)).Text;

                public Task<string> ServeAsync(string question)
                {
                    IChatClient gated = new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient().AsBuilder().UsePolicyGate().Build();
                    return AskAsync(gated, question);
                }
            }
            """);
    [Fact]
    public Task A_parameter_of_an_interface_method_is_traced_to_the_calls_made_through_the_interface()
        => Verify.VerifyAsync(Usings + """
            // A service the container gives as its interface: its callers call the interface's method, never the class's.
            interface IChatContext
            {
                Task<string> AskAsync(IChatClient client, string question);
            }

            class ChatContext : IChatContext
            {
                public async Task<string> AskAsync(IChatClient client, string question)
                    => (await client.[|GetResponseAsync|](question)).Text;
            }

            class StatusWriter(IChatContext context)
            {
                private readonly IChatClient _client = new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient();

                public Task<string> WriteAsync() => context.AskAsync(_client, "Write a status line.");
            }

            // The twin: every call through the interface hands a gated client, also to an explicit implementation.
            interface ISummaryContext
            {
                Task<string> SummarizeAsync(IChatClient client, string text);
            }

            class SummaryContext : ISummaryContext
            {
                async Task<string> ISummaryContext.SummarizeAsync(IChatClient client, string text)
                    => (await client.GetResponseAsync(text)).Text;
            }

            class Summaries(ISummaryContext context)
            {
                private readonly IChatClient _client = new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient().AsBuilder().UsePolicyGate().Build();

                public Task<string> SummarizeAsync(string text) => context.SummarizeAsync(_client, text);
            }
            """);
}
