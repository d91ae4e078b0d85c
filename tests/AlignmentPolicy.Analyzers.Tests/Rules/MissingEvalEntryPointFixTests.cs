using AlignmentPolicy.Analyzers.Rules;
using AlignmentPolicy.Analyzers.Tests.Verifiers;
using AlignmentPolicy.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using System.Text;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// The ALN0008 fix adds EvalEntryPoint.cs built from the project's own pipeline: its prompt, its gates (given the
/// harness's approval service) and its tool invocation, with the scenario's recorded tools in place of the program's.
/// </summary>
public class MissingEvalEntryPointFixTests
{
    [Fact]
    public Task A_chat_pipeline_is_copied_with_its_prompt_gates_and_tool_invocation_and_the_scenarios_tools()
        => VerifyAsync("""
            using AlignmentPolicy.Gates;
            using Microsoft.Extensions.AI;

            namespace Support;

            public sealed class SupportAgent(IChatClient model, IApprovalService approvals, SupportTools tools)
            {
                public const string SystemPrompt = "You are Contoso's support agent.";

                private readonly IChatClient _client = model.AsBuilder()
                    .ConfigureOptions(o =>
                    {
                        o.Instructions = SystemPrompt;
                        o.Tools = [AIFunctionFactory.Create(tools.Refund, "refund")];
                        o.Temperature = 0.2f;
                    })
                    .UsePolicyGate(options =>
                    {
                        foreach (var gate in BuiltInPolicyGates.CreateDefault())
                        {
                            options.AddGate(gate);
                        }

                        options.ApprovalService = approvals;
                    })
                    .UseFunctionInvocation()
                    .UseLogging()
                    .{|#0:Build|}();
            }

            public sealed class SupportTools
            {
                public string Refund(string order) => "refunded " + order;
            }
            """, "EvalEntryPoint.cs", """
            using AlignmentPolicy.Gates;
            using Microsoft.Extensions.AI;

            namespace Support;

            /// <summary>
            /// The evaluation entry point: the harness builds the agent here, around the model under evaluation, with the
            /// agent's own prompt and gates and the scenario's recorded tools (they record every action and never touch the world).
            /// Copied from the pipeline in Test0.cs, line 28: keep the two in step.
            /// </summary>
            internal static class EvalEntryPoint
            {
                // The program's ConfigureOptions also sets Temperature: copy what shapes the agent's answers (never its tools).
                // Left out of the copy: UseLogging() (the application's own services, or values this class cannot reach).
                [AlignmentEvalEntryPoint]
                public static IChatClient BuildForEvaluation(IChatClient model, EvalEnvironment environment)
                    => model.AsBuilder()
                        // Outermost, so the function invoker sees the scenario's tools.
                        .ConfigureOptions(o =>
                        {
                            o.Instructions = SupportAgent.SystemPrompt;
                            o.Tools = [.. environment.Tools];
                        })
                        .UsePolicyGate(options =>
                        {
                            foreach (var gate in BuiltInPolicyGates.CreateDefault())
                            {
                                options.AddGate(gate);
                            }

                            options.ApprovalService = environment.Approvals;
                        })
                        .UseFunctionInvocation()
                        .Build();
            }

            """);

    [Fact]
    public Task An_agent_is_copied_as_an_agent_with_its_instructions_name_gates_and_the_scenarios_tools()
        => VerifyAsync("""
            using System.Collections.Generic;
            using AlignmentPolicy.Gates;
            using Microsoft.Agents.AI;
            using Microsoft.Extensions.AI;

            namespace Mail;

            internal static class MailAgent
            {
                internal const string Instructions = "You are SummitBridge's email assistant.";

                public static AIAgent Create(IChatClient chatClient, IList<AITool> tools, IPolicyDecisionLog log)
                {
                    var gated = chatClient.AsBuilder().UsePolicyGate(o => o.DecisionLog = log).Build();
                    return gated.{|#0:AsAIAgent|}(instructions: Instructions, name: "summitbridge-mail", tools: tools)
                        .AsBuilder()
                        .UsePolicyGate()
                        .Build();
                }
            }
            """, "EvalEntryPoint.cs", """
            using System.Collections.Generic;
            using AlignmentPolicy.Gates;
            using Microsoft.Agents.AI;
            using Microsoft.Extensions.AI;

            namespace Mail;

            /// <summary>
            /// The evaluation entry point: the harness builds the agent here, around the model under evaluation, with the
            /// agent's own prompt and gates and the scenario's recorded tools (they record every action and never touch the world).
            /// Copied from the pipeline in Test0.cs, line 15: keep the two in step.
            /// </summary>
            internal static class EvalEntryPoint
            {
                // Give the gate the harness's approval service (options.ApprovalService = environment.Approvals), so escalations are recorded and rejected.
                [AlignmentEvalEntryPoint]
                public static AIAgent BuildForEvaluation(IChatClient model, EvalEnvironment environment)
                    => new ChatClientAgent(
                            model.AsBuilder()
                                .UsePolicyGate(o => o.DecisionLog = null)
                                .Build(),
                            instructions: MailAgent.Instructions,
                            name: "summitbridge-mail",
                            tools: [.. environment.Tools])
                        .AsBuilder()
                        .UsePolicyGate(options => options.ApprovalService = environment.Approvals)
                        .Build();
            }

            """);

    [Fact]
    public Task A_pipeline_registered_for_dependency_injection_is_copied_and_the_prompt_sent_with_each_request_is_found()
        => VerifyAsync("""
            using AlignmentPolicy.Gates;
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.DependencyInjection;

            public static class Registration
            {
                public static IServiceCollection AddSupport(this IServiceCollection services)
                {
                    services.{|#0:AddChatClient|}(sp => sp.GetRequiredService<IChatClient>())
                        .UsePolicyGate()
                        .UseFunctionInvocation(configure: f => f.MaximumIterationsPerRequest = 5);
                    return services;
                }
            }
            """, "EvalEntryPoint.cs", """
            using System.Threading.Tasks;
            using AlignmentPolicy.Gates;
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.DependencyInjection;
            using Support.Prompts;

            /// <summary>
            /// The evaluation entry point: the harness builds the agent here, around the model under evaluation, with the
            /// agent's own prompt and gates and the scenario's recorded tools (they record every action and never touch the world).
            /// Copied from the pipeline in Test0.cs, line 9: keep the two in step.
            /// </summary>
            internal static class EvalEntryPoint
            {
                // Copied from a pipeline registered for dependency injection: gates, an approval service or a decision log the service container supplies there must be given here.
                [AlignmentEvalEntryPoint]
                public static IChatClient BuildForEvaluation(IChatClient model, EvalEnvironment environment)
                    => model.AsBuilder()
                        // Outermost, so the function invoker sees the scenario's tools.
                        .ConfigureOptions(o =>
                        {
                            o.Instructions = SupportPrompts.System;
                            o.Tools = [.. environment.Tools];
                        })
                        .UsePolicyGate(options => options.ApprovalService = environment.Approvals)
                        .UseFunctionInvocation(configure: f => f.MaximumIterationsPerRequest = 5)
                        .Build();
            }

            """, """
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            namespace Support.Prompts
            {
                public static class SupportPrompts
                {
                    public static readonly string System = "You are Contoso's support agent.";
                }
            }

            namespace Support
            {
                using Support.Prompts;

                public sealed class SupportChat(IChatClient chat)
                {
                    public Task<ChatResponse> AskAsync(string question)
                        => chat.GetResponseAsync([new ChatMessage(ChatRole.System, SupportPrompts.System), new ChatMessage(ChatRole.User, question)]);
                }
            }
            """);

    [Fact]
    public Task A_kernel_gets_a_template_and_a_private_prompt_stays_behind()
        => VerifyAsync("""
            using Microsoft.SemanticKernel;

            namespace Mail;

            public static class MailKernel
            {
                private const string Prompt = "You are SummitBridge's email assistant.";

                public static Kernel Create() => Kernel.CreateBuilder().{|#0:Build|}();

                public static Microsoft.Extensions.AI.ChatOptions Options() => new() { Instructions = Prompt };
            }
            """, "EvalEntryPoint.cs", """
            using AlignmentPolicy.Gates;
            using Microsoft.Extensions.AI;

            namespace Mail;

            /// <summary>
            /// The evaluation entry point: the harness builds the agent here, around the model under evaluation, with the
            /// agent's own prompt and gates and the scenario's recorded tools (they record every action and never touch the world).
            /// A template: give it the agent's real prompt and gates where the comments say.
            /// </summary>
            internal static class EvalEntryPoint
            {
                // This project builds a Semantic Kernel kernel (Test0.cs, line 9). The harness drives an IChatClient or an AIAgent: build the kernel around 'model' with environment.Tools as its plugin and its gates as filters, and adapt it (docs/rules/ALN0008.md shows how).
                [AlignmentEvalEntryPoint]
                public static IChatClient BuildForEvaluation(IChatClient model, EvalEnvironment environment)
                    => model.AsBuilder()
                        // Outermost, so the function invoker sees the scenario's tools.
                        .ConfigureOptions(o =>
                        {
                            // o.Instructions = ...;  // TODO: the agent's real system prompt
                            o.Tools = [.. environment.Tools];
                        })
                        // .UsePolicyGate(options => options.ApprovalService = environment.Approvals)  // TODO: the agent's real gates
                        .UseFunctionInvocation()
                        .Build();
            }

            """);

    private static async Task VerifyAsync(string source, string addedFile, string added, params string[] extraSources)
    {
        var test = new CSharpCodeFixTest<MissingEvalEntryPointAnalyzer, MissingEvalEntryPointFixer, DefaultVerifier>
        {
            ReferenceAssemblies = TestReferences.Empty,
            // A compilation-end diagnostic is not local to a document: IDEs show it, and its fix, with full-solution analysis.
            CodeFixTestBehaviors = CodeFixTestBehaviors.SkipLocalDiagnosticCheck,
        };
        test.TestState.Sources.Add(source);
        test.FixedState.Sources.Add(source.Replace("{|#0:", "").Replace("|}", ""));
        foreach (var extra in extraSources)
        {
            test.TestState.Sources.Add(extra);
            test.FixedState.Sources.Add(extra);
        }

        // The new file is written as UTF-8: a prompt copied into it may hold any character.
        test.FixedState.Sources.Add((addedFile, SourceText.From(added, Encoding.UTF8)));
        test.TestState.AdditionalReferences.AddRange(TestReferences.All);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", MissingEvalEntryPointTests.RequiresEvals));
        test.TestState.ExpectedDiagnostics.Add(new DiagnosticResult("ALN0008", DiagnosticSeverity.Warning).WithLocation(0).WithArguments(
            "builtin:coercion, builtin:oversight",
            "no [AlignmentEvalEntryPoint] method exists: add one that builds this agent around the harness's model (the code fix copies this pipeline; or 'alignment-policy init --agent <project>')"));
        test.FixedState.AdditionalReferences.AddRange(TestReferences.All);
        test.FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", MissingEvalEntryPointTests.RequiresEvals));
        await test.RunAsync();
    }
}
