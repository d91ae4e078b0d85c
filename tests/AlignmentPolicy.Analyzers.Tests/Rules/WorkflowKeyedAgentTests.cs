using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedModelCallAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>ALN0001: a workflow run of keyed agents the container builds with factories (eShopLite's 07-AgentsConcurrent shape).</summary>
public class WorkflowKeyedAgentTests
{
    // The factory calls CreateAIAgent, a name of another Agent Framework version: the registration does not bind here
    // (no factory type can be inferred), but it still registers the factory's agent under the key.
    private const string Registration = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.Agents.AI;
        using Microsoft.Agents.AI.Workflows;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.DependencyInjection;

        public static class SentimentAgent { public const string AgentName = "SentimentAgent"; }

        public static class AgentsExtensions
        {
            public static void AddAgents(this IServiceCollection services)
            {
                services.AddKeyedSingleton<AIAgent>(SentimentAgent.AgentName, (sp, _) =>
                {
                    var chatClient = sp.GetRequiredService<IChatClient>();
                    return chatClient.CreateAIAgent(name: SentimentAgent.AgentName, instructions: "Rate the sentiment.");
                });
            }
        }

        public class Generator([FromKeyedServices(SentimentAgent.AgentName)] AIAgent sentimentAgent)
        {
            public async Task RunAsync(string search)
            {
                var workflow = AgentWorkflowBuilder.BuildSequential("SentimentWorkflow", [sentimentAgent]);
                var run = await InProcessExecution.{|#0:RunAsync|}(workflow, new List<ChatMessage> { new(ChatRole.User, search) });
            }
        }

        """;

    [Fact]
    public async Task The_unbound_factory_registration_is_followed_to_the_gated_container_client()
    {
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(Registration.Replace("{|#0:RunAsync|}", "RunAsync") + """
            static class Startup
            {
                public static void Configure(IServiceCollection services, IChatClient model) => services.AddChatClient(model).UsePolicyGate();
            }
            """);
        await test.RunAsync();
    }

    [Fact]
    public async Task The_unbound_factory_registration_is_followed_to_the_ungated_container_client()
    {
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add(Registration + """
            static class Startup
            {
                public static void Configure(IServiceCollection services, IChatClient model) => services.AddChatClient(model);
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_workflow_of_keyed_agents_built_by_factories_from_the_container_client_is_ungated_when_that_client_is()
    {
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Microsoft.Agents.AI;
            using Microsoft.Agents.AI.Workflows;
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.DependencyInjection;

            public static class SentimentAgent { public const string AgentName = "SentimentAgent"; }

            public static class AgentsExtensions
            {
                public static void AddAgents(this IServiceCollection services, IChatClient model)
                {
                    services.AddChatClient(model);
                    services.AddKeyedSingleton<AIAgent>(SentimentAgent.AgentName, (sp, _) =>
                    {
                        var chatClient = sp.GetRequiredService<IChatClient>();
                        return chatClient.CreateAIAgent(name: SentimentAgent.AgentName, instructions: "Rate the sentiment.");
                    });
                }
            }

            public class Generator([FromKeyedServices(SentimentAgent.AgentName)] AIAgent sentimentAgent)
            {
                public async Task RunAsync(string search)
                {
                    var workflow = AgentWorkflowBuilder.BuildSequential("SentimentWorkflow", [sentimentAgent]);
                    var run = await InProcessExecution.{|#0:RunAsync|}(workflow, new List<ChatMessage> { new(ChatRole.User, search) });
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning));
        await test.RunAsync();
    }
}
