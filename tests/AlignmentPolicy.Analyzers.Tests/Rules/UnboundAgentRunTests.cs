using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedModelCallAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>ALN0001: RunAsync of an agent whose type or call the scan does not have (a provider's or a toolkit's agent, another Agent Framework version).</summary>
public class UnboundAgentRunTests
{
    [Fact]
    public async Task Running_an_agent_of_a_missing_package_is_a_model_call_gated_as_its_factory_is()
    {
        // rwjdk ReasoningEffort: AzureOpenAIAgentFactory agentFactory = new(endpoint, apiKey); AzureOpenAIAgent agent = agentFactory.CreateAgent(...);
        // await agent.RunAsync(question). MicrosofFoundry.Agents.Basic: FoundryAgent agentByName = client.AsAIAgent(name, tools: [...]).
        var test = new Verify.Test { CompilerDiagnostics = CompilerDiagnostics.None };
        test.TestState.Sources.Add("""
            using System.Threading.Tasks;
            using Microsoft.Agents.AI;

            class Samples
            {
                public async Task RunAsync(string endpoint, string apiKey, object host)
                {
                    AzureOpenAIAgentFactory agentFactory = new(endpoint, apiKey);
                    AzureOpenAIAgent agent = agentFactory.CreateAgent(new AgentOptions { Model = "gpt-5-mini" });
                    await agent.{|#0:RunAsync|}("What is the capital of France?");

                    AIProjectClient client = new(endpoint, apiKey);
                    FoundryAgent agentByName = client.AsAIAgent("support");
                    await agentByName.{|#1:RunStreamingAsync|}("Hi there");

                    WebHost app = new WebHostBuilder(endpoint).Build();
                    await app.RunAsync();

                    FoundryAgent injected = (FoundryAgent)host;
                    await injected.{|#2:RunAsync|}("Hi");
                }
            }
            """);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(0).WithSeverity(DiagnosticSeverity.Warning));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(1).WithSeverity(DiagnosticSeverity.Warning));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic("ALN0001").WithLocation(2).WithSeverity(DiagnosticSeverity.Info)); // origin not followed: information
        await test.RunAsync();
    }
}
