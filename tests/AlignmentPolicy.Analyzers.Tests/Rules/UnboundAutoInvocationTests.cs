using Microsoft.CodeAnalysis.Testing;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedAutoInvocationAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0005 in code that does not bind here (real repositories whose packages the scan does not have): an agent
/// factory given local tools, and a connector's auto-invoking tool-call behaviour. What could carry a gate stays silent.
/// </summary>
public class UnboundAutoInvocationTests
{
    private const string Usings = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.Agents.AI;
        using Microsoft.Extensions.AI;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.ChatCompletion;

        """;

    private static Task VerifyUnboundAsync(string source)
    {
        // The scanned code references packages the test compilation does not have: their calls do not bind.
        var test = new Verify.Test { TestCode = Usings + source, CompilerDiagnostics = CompilerDiagnostics.None };
        return test.RunAsync();
    }

    [Fact]
    public Task UseFunctionInvocation_in_a_chain_whose_start_does_not_bind_is_automatic_invocation_unless_the_chain_may_gate()
        // dotnet/ai-samples ollama/OllamaExamples/ToolCalling.cs and Middleware.cs (OllamaChatClient, since removed from
        // Microsoft.Extensions.AI.Ollama), luisquintanilla ChatApp.Web/Program.cs (Aspire's AddAzureOpenAIClient(...).AddChatClient(...)).
        => VerifyUnboundAsync("""
            class Samples
            {
                public async Task RunAsync(string endpoint, string modelId, WebApplicationBuilder builder, IDistributedCache cache)
                {
                    IChatClient client = new OllamaChatClient(endpoint, modelId: modelId)
                        .AsBuilder()
                        .[|UseFunctionInvocation|]()
                        .Build();

                    IChatClient cached = new OllamaChatClient(endpoint, modelId: modelId)
                        .AsBuilder()
                        .[|UseFunctionInvocation|]()
                        .UseOpenTelemetry(sourceName: "samples")
                        .UseDistributedCache(cache)
                        .Build();

                    var openai = builder.AddAzureOpenAIClient("openai");
                    openai.AddChatClient("chat")
                        .[|UseFunctionInvocation|]()
                        .UseOpenTelemetry();

                    // A gate, or middleware that may be one, in the chain: not judged.
                    IChatClient gated = new OllamaChatClient(endpoint, modelId: modelId).AsBuilder().UseFunctionInvocation().UsePolicyGate().Build();
                    openai.AddChatClient("safe").UseFunctionInvocation().Use(async (messages, options, next, ct) => await next(messages, options, ct));
                }
            }
            """);

    [Fact]
    public Task A_tool_loop_on_a_finish_reason_of_another_SDK_version_is_automatic_invocation_when_it_answers_the_calls()
        // dotnet/ai-samples azure-openai-sdk/04-HikerAIPro/Program.cs (Azure.AI.OpenAI 1.x: CompletionsFinishReason,
        // ChatCompletionsToolCall and ChatRequestToolMessage do not resolve here).
        => VerifyUnboundAsync("""
            class Samples
            {
                public async Task RunAsync(OpenAIClient openAIClient, ChatCompletionsOptions completionOptions)
                {
                    ChatCompletions response = await openAIClient.GetChatCompletionsAsync(completionOptions);
                    ChatChoice responseChoice = response.Choices[0];
                    if (responseChoice.FinishReason == CompletionsFinishReason.[|ToolCalls|])
                    {
                        completionOptions.Messages.Add(new ChatRequestAssistantMessage(responseChoice.Message));
                        foreach (ChatCompletionsToolCall toolCall in responseChoice.Message.ToolCalls)
                        {
                            completionOptions.Messages.Add(Answer(toolCall));
                        }

                        response = await openAIClient.GetChatCompletionsAsync(completionOptions);
                    }

                    // A test that only reports the calls answers none of them.
                    if (responseChoice.FinishReason == CompletionsFinishReason.ToolCalls)
                    {
                        System.Console.WriteLine(responseChoice.Message.ToolCalls.Count);
                    }
                }

                private static ChatRequestToolMessage Answer(ChatCompletionsToolCall call) => new("sunny", call.Id);
            }
            """);

    [Fact]
    public Task A_toolkit_agent_factory_given_local_tools_invokes_them_without_a_gate()
        // rwjdk AgentFrameworkToolkit samples: AzureOpenAIAgentFactory agentFactory = new(endpoint, key);
        // agentFactory.CreateAgent(new AgentOptions { Model = ..., Tools = [AIFunctionFactory.Create(WeatherTool.GetWeather)] })
        => VerifyUnboundAsync("""
            static class WeatherTool
            {
                public static string GetWeather(string city) => "sunny in " + city;
            }

            class Samples
            {
                public async Task RunAsync(string endpoint, string key, List<AITool> tools)
                {
                    AzureOpenAIAgentFactory agentFactory = new(endpoint, key);
                    var agent = agentFactory.[|CreateAgent|](new AgentOptions
                    {
                        Model = "gpt-5-mini",
                        Tools = [AIFunctionFactory.Create(WeatherTool.GetWeather)],
                    });
                    await agent.RunAsync("What is the weather like in Paris?");

                    var fileAgent = agentFactory.[|CreateAgent|](new AgentOptions { Model = "gpt-5-mini", Tools = tools });

                    var chatOnly = agentFactory.CreateAgent(new AgentOptions { Model = "gpt-5-mini", Instructions = "You chat." });
                    var hostedOnly = agentFactory.CreateAgent(new AgentOptions { Model = "gpt-5-mini", Tools = [new HostedWebSearchTool()] });
                    var approved = agentFactory.CreateAgent(new AgentOptions
                    {
                        Model = "gpt-5-mini",
                        Tools = [new ApprovalRequiredAIFunction(AIFunctionFactory.Create(WeatherTool.GetWeather))],
                    });
                }
            }
            """);

    [Fact]
    public Task A_provider_agent_of_a_missing_package_given_tools_is_reported_unless_a_gate_may_follow()
        // rwjdk MicrosofFoundry.Agents.Basic: AIProjectClient client = new(...); client.AsAIAgent(myAgentName, tools: [localTool]);
        // rwjdk RagQuestion: client.GetResponsesClient().AsAIAgent(model, instructions: ..., tools: [AIFunctionFactory.Create(SearchRag)])
        => VerifyUnboundAsync("""
            class Samples
            {
                static string Lookup(string id) => "order " + id;

                public void Build(string endpoint, object credential, object injected)
                {
                    AIProjectClient client = new(endpoint, credential);
                    AIFunction localTool = AIFunctionFactory.Create(Lookup);
                    var agent = client.[|AsAIAgent|]("support", tools: [localTool]);
                    var viaResponses = new ResponsesClientFactory(endpoint).GetResponsesClient().[|AsAIAgent|]("gpt-5", instructions: "Answer.", tools: [AIFunctionFactory.Create(Lookup)]);

                    var gated = client.AsAIAgent("support", tools: [localTool]).AsBuilder().UsePolicyGate().Build();
                    var middleware = client.AsAIAgent("support", tools: [localTool]).AsBuilder().Use(Missing.Middleware).Build();
                    var withoutTools = client.AsAIAgent("support");
                    var unknownClient = ((AIProjectClient)injected).AsAIAgent("support", tools: [localTool]);
                }
            }
            """);

    [Fact]
    public Task A_connectors_AutoInvokeKernelFunctions_is_automatic_invocation_unless_the_kernel_is_gated()
        // semantic-kernel Concepts: new GeminiPromptExecutionSettings { ToolCallBehavior = GeminiToolCallBehavior.AutoInvokeKernelFunctions },
        // MistralAIToolCallBehavior.AutoInvokeKernelFunctions; connector packages the scan does not have.
        => VerifyUnboundAsync("""
            class Samples
            {
                public async Task UngatedAsync(IChatCompletionService chat, ChatHistory history)
                {
                    var kernel = Kernel.CreateBuilder().Build();
                    var settings = new GeminiPromptExecutionSettings { ToolCallBehavior = GeminiToolCallBehavior.[|AutoInvokeKernelFunctions|] };
                    await chat.GetChatMessageContentAsync(history, settings, kernel);
                }

                public async Task GatedAsync(IChatCompletionService chat, ChatHistory history)
                {
                    var kernel = Kernel.CreateBuilder().Build();
                    kernel.UsePolicyGate();
                    var settings = new MistralAIPromptExecutionSettings { ToolCallBehavior = MistralAIToolCallBehavior.AutoInvokeKernelFunctions };
                    await chat.GetChatMessageContentAsync(history, settings, kernel);
                }

                public object Enabled() => new GeminiPromptExecutionSettings { ToolCallBehavior = GeminiToolCallBehavior.EnableKernelFunctions };
            }
            """);

    [Fact]
    public Task Tools_kept_in_a_local_are_judged_by_what_the_local_holds_when_the_agent_factory_does_not_bind()
        // russell-mason/ai-examples MicrosoftAgentFramework.Examples/Tools/FunctionToolApprovalExample.cs: AITool[] tools = [new
        // ApprovalRequiredAIFunction(AIFunctionFactory.Create(GetDateTime)), ...]; chatClient.CreateAIAgent(tools: tools) (the pre-1.0 name,
        // missing here). Every tool asks for approval before it runs: nothing is invoked automatically, as with a bound AsAIAgent.
        => VerifyUnboundAsync("""
            class Samples
            {
                static string GetDateTime() => System.DateTime.Now.ToString();
                static string DeleteAccount(string id) { System.IO.File.Delete(id); return "deleted"; }

                public void Run(string key)
                {
                    var chatClient = new OpenAI.OpenAIClient(key).GetChatClient("gpt-4o-mini");
                    AITool[] approved =
                    [
                        new ApprovalRequiredAIFunction(AIFunctionFactory.Create(GetDateTime)),
                        new ApprovalRequiredAIFunction(AIFunctionFactory.Create(DeleteAccount)),
                    ];
                    var approvedAgent = chatClient.CreateAIAgent(tools: approved);

                    AITool[] mixed =
                    [
                        new ApprovalRequiredAIFunction(AIFunctionFactory.Create(GetDateTime)),
                        AIFunctionFactory.Create(DeleteAccount),
                    ];
                    var mixedAgent = chatClient.[|CreateAIAgent|](tools: mixed);

                    List<AITool> added = [new ApprovalRequiredAIFunction(AIFunctionFactory.Create(GetDateTime))];
                    added.Add(AIFunctionFactory.Create(DeleteAccount));
                    var addedAgent = chatClient.[|CreateAIAgent|](tools: added);

                    // rwjdk AgentFrameworkToolkit.EasierTools: declared empty, then assigned the real tools.
                    IList<AITool> reassigned = [];
                    reassigned = [AIFunctionFactory.Create(DeleteAccount)];
                    var reassignedAgent = chatClient.[|CreateAIAgent|](tools: reassigned);
                }
            }
            """);
}

/// <summary>ALN0005: tools an agent gets from its AIContextProviders (rwjdk ToolCalling.OnTheFlyToolCallInjection, Hyperlight, AIContextProviderFactory).</summary>
public class ContextProviderToolsTests
{
    [Fact]
    public Task A_provider_that_sets_context_tools_gives_the_agent_tools_and_a_memory_provider_does_not()
        => Verify.VerifyAsync("""
            using System.Collections.Generic;
            using System.Threading;
            using System.Threading.Tasks;
            using AlignmentPolicy.Gates;
            using Microsoft.Agents.AI;
            using Microsoft.Extensions.AI;

            sealed class ToolInjectionContext : AIContextProvider
            {
                static string Lookup(string id) => "order " + id;

                protected override ValueTask<AIContext> ProvideAIContextAsync(InvokingContext context, CancellationToken cancellationToken = default)
                {
                    List<AITool> injectedTools = [AIFunctionFactory.Create(Lookup)];
                    return ValueTask.FromResult(new AIContext { Tools = injectedTools });
                }
            }

            sealed class UserFactsProvider : AIContextProvider
            {
                protected override ValueTask<AIContext> ProvideAIContextAsync(InvokingContext context, CancellationToken cancellationToken = default)
                    => ValueTask.FromResult(new AIContext { Instructions = " - User facts: likes tea", Tools = [] });
            }

            class Agents
            {
                public void Build(IChatClient model)
                {
                    AIAgent withInjectedTools = model.[|AsAIAgent|](new ChatClientAgentOptions
                    {
                        ChatOptions = new ChatOptions { Instructions = "You help customers." },
                        AIContextProviders = [new ToolInjectionContext()],
                    });
                    AIAgent withMemory = model.AsAIAgent(new ChatClientAgentOptions
                    {
                        ChatOptions = new ChatOptions { Instructions = "You are a nice AI" },
                        AIContextProviders = [new UserFactsProvider()],
                    });
                    AIAgent gated = model.AsBuilder().UsePolicyGate().Build().AsAIAgent(new ChatClientAgentOptions
                    {
                        AIContextProviders = [new ToolInjectionContext()],
                    });
                }
            }
            """);
}
