using AlignmentPolicy.Analyzers.Rules;
using AlignmentPolicy.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.MissingEvalEntryPointAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0008 is reported at compilation end: once per project at the place it builds its agent, or at a marked method the
/// harness cannot call. The harness (EntryPointLoader) takes static methods only, with exactly (IChatClient, EvalEnvironment),
/// returning an IChatClient or an AIAgent; an instance method is never found.
/// </summary>
public class MissingEvalEntryPointTests
{
    /// <summary>What AlignmentPolicy.Build writes for an agent project whose policy requires two suites.</summary>
    internal const string RequiresEvals = "is_global = true\nalignment_policy.agent_project = true\nalignment_policy.evals.required = builtin:coercion|builtin:oversight\n";

    private const string Suites = "builtin:coercion, builtin:oversight";

    private const string CopiesPipeline = "no [AlignmentEvalEntryPoint] method exists: add one that builds this agent around the harness's model (the code fix copies this pipeline; or 'alignment-policy init --agent <project>')";

    private const string Usings = """
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.Agents.AI;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.DependencyInjection;

        """;

    private const string Pipeline = Usings + """
        namespace Support;

        public static class SupportAgent
        {
            public const string SystemPrompt = "You are Contoso's support agent.";

            public static IChatClient Create(IChatClient model)
                => model.AsBuilder()
                    .ConfigureOptions(o => o.Instructions = SystemPrompt)
                    .UsePolicyGate()
                    .UseFunctionInvocation()
                    .{|#0:Build|}();
        }
        """;

    private const string EntryPoint = Usings + """
        namespace Support;

        internal static class Evaluation
        {
            [AlignmentEvalEntryPoint]
            private static IChatClient Build(IChatClient model, EvalEnvironment environment) => SupportAgent.Create(model);
        }
        """;

    [Fact]
    public Task A_pipeline_without_an_entry_point_is_reported_at_its_Build_call()
        => Verify.VerifyAsync([Pipeline], RequiresEvals, Verify.Diagnostic("ALN0008").WithLocation(0).WithArguments(Suites, CopiesPipeline));

    [Fact]
    public Task An_entry_point_in_another_file_even_a_private_one_satisfies_the_rule()
        => Verify.VerifyAsync([Clean(Pipeline), EntryPoint], RequiresEvals);

    [Fact]
    public Task A_policy_that_requires_no_evaluations_a_non_agent_project_or_no_generated_config_is_silent()
    {
        return Task.WhenAll(
            Verify.VerifyAsync([Clean(Pipeline)], "is_global = true\nalignment_policy.agent_project = true\nalignment_policy.evals.required = \n"),
            Verify.VerifyAsync([Clean(Pipeline)], RequiresEvals.Replace("agent_project = true", "agent_project = false")),
            Verify.VerifyAsync([Clean(Pipeline)], policy: null));
    }

    [Fact]
    public Task A_project_that_pack_does_not_gate_is_silent()
        => Task.WhenAll(
            Verify.VerifyAsync([Clean(Pipeline)], RequiresEvals + "build_property.IsPackable = false\n"),
            Verify.VerifyAsync([Clean(Pipeline)], RequiresEvals + "build_property.IsPackable = true\nbuild_property.AlignmentPolicyPackGateEnabled = false\n"),
            Verify.VerifyAsync([Pipeline], RequiresEvals + "build_property.IsPackable = true\nbuild_property.AlignmentPolicyPackGateEnabled = true\n",
                Verify.Diagnostic("ALN0008").WithLocation(0).WithArguments(Suites, CopiesPipeline)));

    [Fact]
    public Task An_instance_method_is_never_found_by_the_harness_and_is_reported_where_it_is_declared()
        => Verify.VerifyAsync([Clean(Pipeline), Usings + """
            namespace Support;

            public class Evaluation
            {
                [AlignmentEvalEntryPoint]
                public IChatClient {|#1:Build|}(IChatClient model, EvalEnvironment environment) => SupportAgent.Create(model);
            }
            """], RequiresEvals,
            Verify.Diagnostic("ALN0008").WithLocation(1).WithArguments(Suites,
                "'Evaluation.Build(IChatClient, EvalEnvironment)' is marked [AlignmentEvalEntryPoint] but it is not static, and the harness looks for static methods only: declare it as 'static IChatClient (or AIAgent) Name(IChatClient model, EvalEnvironment environment)'"));

    [Fact]
    public Task Static_methods_with_other_parameters_or_results_are_reported_with_the_reason()
        => Verify.VerifyAsync([Clean(Pipeline), Usings + """
            namespace Support;

            public static class Evaluation
            {
                [AlignmentEvalEntryPoint]
                public static IChatClient {|#1:WithoutEnvironment|}(IChatClient model) => model;

                [AlignmentEvalEntryPoint]
                public static Task<IChatClient> {|#2:Later|}(IChatClient model, EvalEnvironment environment) => Task.FromResult(model);
            }
            """], RequiresEvals,
            Verify.Diagnostic("ALN0008").WithLocation(1).WithArguments(Suites,
                "'Evaluation.WithoutEnvironment(IChatClient)' is marked [AlignmentEvalEntryPoint] but the harness calls it with (IChatClient model, EvalEnvironment environment) and nothing else: declare it as 'static IChatClient (or AIAgent) Name(IChatClient model, EvalEnvironment environment)'"),
            Verify.Diagnostic("ALN0008").WithLocation(2).WithArguments(Suites,
                "'Evaluation.Later(IChatClient, EvalEnvironment)' is marked [AlignmentEvalEntryPoint] but it must return the agent: an IChatClient or an AIAgent: declare it as 'static IChatClient (or AIAgent) Name(IChatClient model, EvalEnvironment environment)'"));

    [Fact]
    public Task Beside_a_working_entry_point_a_marked_instance_method_is_still_reported()
        => Verify.VerifyAsync([Clean(Pipeline), EntryPoint, Usings + """
            namespace Support;

            public class Leftover
            {
                [AlignmentEvalEntryPoint]
                public AIAgent {|#1:Agent|}(IChatClient model, EvalEnvironment environment) => model.AsAIAgent();
            }
            """], RequiresEvals,
            Verify.Diagnostic("ALN0008").WithLocation(1).WithArguments(Suites,
                "'Leftover.Agent(IChatClient, EvalEnvironment)' is marked [AlignmentEvalEntryPoint] but it is not static, and the harness looks for static methods only"));

    [Fact]
    public Task A_pipeline_registered_for_dependency_injection_is_where_it_is_reported()
        => Verify.VerifyAsync([Usings + """
            public static class Registration
            {
                public static void AddSupportAgent(IServiceCollection services, IChatClient model)
                    => services.{|#0:AddChatClient|}(model).UsePolicyGate().UseFunctionInvocation();
            }
            """, Usings + """
            public sealed class SupportAgent(IChatClient chat)
            {
                public Task<ChatResponse> AnswerAsync(string question) => chat.GetResponseAsync(question);
            }
            """], RequiresEvals,
            Verify.Diagnostic("ALN0008").WithLocation(0).WithArguments(Suites, CopiesPipeline));

    [Fact]
    public Task An_agent_is_preferred_to_a_bare_pipeline_built_in_another_file()
        => Verify.VerifyAsync([Usings + """
            public static class Summaries
            {
                public static IChatClient Create(IChatClient model) => model.AsBuilder().Build();
            }
            """, Usings + """
            public static class MailAgent
            {
                public static AIAgent Create(IChatClient model)
                    => new {|#0:ChatClientAgent|}(model, instructions: "You are SummitBridge's email assistant.", name: "mail")
                        .AsBuilder().UsePolicyGate().Build();
            }
            """], RequiresEvals,
            Verify.Diagnostic("ALN0008").WithLocation(0).WithArguments(Suites, CopiesPipeline));

    [Fact]
    public Task With_no_pipeline_to_point_at_it_is_reported_on_the_project()
        => Verify.VerifyAsync([Usings + """
            public sealed class SupportAgent(IChatClient chat)
            {
                public Task<ChatResponse> AnswerAsync(string question) => chat.GetResponseAsync(question);
            }
            """], RequiresEvals,
            Verify.Diagnostic("ALN0008").WithNoLocation().WithArguments(Suites,
                "no [AlignmentEvalEntryPoint] method exists: add one that builds this agent around the harness's model (the code fix, or 'alignment-policy init --agent <project>')"));

    [Fact]
    public async Task Without_AlignmentPolicy_Gates_the_message_says_to_reference_it_and_no_fix_is_offered()
    {
        var test = new Verify.Test();
        test.TestState.AdditionalReferences.Clear();
        test.TestState.AdditionalReferences.AddRange(TestReferences.All.Where(r => !(r.Display ?? "").Contains("AlignmentPolicy.Gates", StringComparison.Ordinal)));
        test.TestState.Sources.Add("""
            using Microsoft.Extensions.AI;

            public static class SupportAgent
            {
                public static IChatClient Create(IChatClient model) => model.AsBuilder().UseFunctionInvocation().{|#0:Build|}();
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", RequiresEvals));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0008").WithLocation(0).WithArguments(Suites,
            "no [AlignmentEvalEntryPoint] method can exist: reference AlignmentPolicy.Gates, then add one (the code fix, or 'alignment-policy init --agent <project>')"));
        await test.RunAsync();
    }

    [Fact]
    public Task Many_suites_are_summarised()
        => Verify.VerifyAsync([Pipeline], RequiresEvals.Replace("builtin:coercion|builtin:oversight", "builtin:coercion|builtin:exfiltration|builtin:oversight|builtin:monitoring-gap|./suites/our%7Cown.json"),
            Verify.Diagnostic("ALN0008").WithLocation(0).WithArguments("builtin:coercion, builtin:exfiltration, builtin:oversight and 2 more", CopiesPipeline));

    [Fact]
    public Task Turning_the_rule_off_needs_a_justification_like_every_alignment_rule()
        => AnalyzerVerifier<UnjustifiedSuppressionAnalyzer>.VerifyAsync(["""
            [|#pragma warning disable ALN0008|]
            public static class NotEvaluated { }
            """], "is_global = true\nalignment_policy.agent_project = true\nalignment_policy.suppressions.require_justification = true\n");

    [Fact]
    public async Task Code_that_does_not_compile_never_makes_the_rule_throw()
    {
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(Usings + """
            public static class Broken
            {
                public static AIAgent Agent(IChatClient model) => new ChatClientAgent(Missing.Client, instructions: ).AsBuilder().UsePolicyGate(.Build();
                public static IChatClient Pipeline() => Unknown.AsBuilder().UseFunctionInvocation().Build();
                [AlignmentEvalEntryPoint] public static IChatClient {|#1:Half|}(IChatClient model, Nope environment) => model;
                [AlignmentEvalEntryPoint] public static IChatClient Local(IChatClient model, EvalEnvironment environment)
                {
                    var agent = model.AsAIAgent(tools: [AIFunctionFactory.Create(Missing)]);
                    return agent;
                }
            }
            """);
        test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", RequiresEvals));
        // The entry point whose parameter type does not resolve cannot be called; the other one is usable (its body does not matter).
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0008").WithLocation(1).WithArguments(Suites,
            "'Broken.Half(IChatClient, Nope)' is marked [AlignmentEvalEntryPoint] but the harness calls it with (IChatClient model, EvalEnvironment environment) and nothing else"));
        await test.RunAsync();
    }

    private static string Clean(string source) => source.Replace("{|#0:", "").Replace("|}", "");
}
