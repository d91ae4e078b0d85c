using Microsoft.CodeAnalysis.Testing;
using AutoInvocation = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedAutoInvocationAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0005 on how agents and function-invoking clients are wired in real applications: agents made in a container
/// factory that does not bind here, a gate added to an agent in a later statement, and a <c>FunctionInvoker</c>
/// delegate that runs the function the invocation loop hands it.
/// </summary>
public class AgentWiringTests
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
        using OpenAI;

        """;

    // eShopLite scenarios/14-MAFDevUI AgentServicesExtensions: builder.AddAIAgent(name, (sp, key) => { var chatClient =
    // sp.GetRequiredService<IChatClient>(); return chatClient.CreateAIAgent(..., tools: [...]); }), where AddAIAgent is in a
    // hosting package the scan does not have, so `sp` has no type and nothing in the factory binds.
    private const string StockAgentFactory = """
        public sealed class StockSearchTool
        {
            public Task<string> SearchProductStockAsync(string product) => Task.FromResult(product + ": 3 in stock");
        }

        static class AgentServices
        {
            public static void AddAgents(AgentHostBuilder builder)
            {
                builder.AddAIAgent("stock", (sp, key) =>
                {
                    var chatClient = sp.GetRequiredService<IChatClient>();
                    var stockSearchTool = sp.GetService<StockSearchTool>();
                    return chatClient.[|CreateAIAgent|](
                        name: "stock",
                        instructions: "You answer stock questions.",
                        tools: [AIFunctionFactory.Create(stockSearchTool.SearchProductStockAsync)]);
                });
            }
        }

        """;

    private static Task VerifyUnboundAsync(string source)
    {
        // The scanned code references a package the test compilation does not have: its calls do not bind.
        var test = new AutoInvocation.Test { TestCode = Usings + source, CompilerDiagnostics = CompilerDiagnostics.None };
        return test.RunAsync();
    }

    [Fact]
    public Task An_agent_made_in_an_unbound_container_factory_from_the_containers_ungated_client_is_reported()
        => VerifyUnboundAsync(StockAgentFactory + """
            static class Registration
            {
                public static void AddClient(IServiceCollection services, string key)
                    => services.AddChatClient(new OpenAIClient(key).GetChatClient("gpt-4o").AsIChatClient());
            }
            """);

    [Fact]
    public Task An_agent_made_in_an_unbound_container_factory_from_the_containers_gated_client_is_not()
        => VerifyUnboundAsync(StockAgentFactory.Replace("[|CreateAIAgent|]", "CreateAIAgent", StringComparison.Ordinal) + """
            static class Registration
            {
                public static void AddClient(IServiceCollection services, string key)
                    => services.AddChatClient(new OpenAIClient(key).GetChatClient("gpt-4o").AsIChatClient()).UsePolicyGate();
            }
            """);

    [Fact]
    public Task A_gate_added_to_the_agent_in_a_later_statement_gates_it_when_only_the_gated_agent_is_used()
        => AutoInvocation.VerifyAsync(Usings + """
            static class Files
            {
                public static string Delete(string path) { System.IO.File.Delete(path); return "deleted"; }
            }

            static class Middleware
            {
                // Denies a call unless a person approves it: a path that does not call next.
                public static async ValueTask<object?> Approve(AIAgent agent, FunctionInvocationContext context, Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>> next, CancellationToken ct)
                {
                    Console.Write($"Run {context.Function.Name}? ");
                    return Console.ReadLine() == "y" ? await next(context, ct) : "The user declined.";
                }
            }

            class Program
            {
                public static async Task RunAsync(string key)
                {
                    IChatClient model = new OpenAIClient(key).GetChatClient("gpt-4o").AsIChatClient();

                    var agent = model.AsAIAgent(instructions: "You tidy files.", tools: [AIFunctionFactory.Create(Files.Delete)]);
                    var approved = agent.AsBuilder().Use(Middleware.Approve).Build();
                    await approved.RunAsync("Delete the old logs");

                    // The same, but the unwrapped agent is run too: its tools run without the approval.
                    var leaky = model.[|AsAIAgent|](instructions: "You tidy files.", tools: [AIFunctionFactory.Create(Files.Delete)]);
                    var wrapped = leaky.AsBuilder().Use(Middleware.Approve).Build();
                    await wrapped.RunAsync("Delete the old logs");
                    await leaky.RunAsync("Delete the old logs");

                    // Wrapped later with middleware that always calls through: no gate.
                    var logged = model.[|AsAIAgent|](instructions: "You tidy files.", tools: [AIFunctionFactory.Create(Files.Delete)]);
                    var withLogging = logged.AsBuilder().Use(async (a, context, next, ct) => { Console.WriteLine(context.Function.Name); return await next(context, ct); }).Build();
                    await withLogging.RunAsync("Delete the old logs");
                }
            }
            """);

    [Fact]
    public Task A_FunctionInvoker_running_the_function_the_loop_hands_it_is_not_hand_dispatch()
        => AutoInvocation.VerifyAsync(Usings + """
            class Pipelines
            {
                public IChatClient Build(IChatClient inner)
                    => inner.AsBuilder()
                        .[|UseFunctionInvocation|](configure: invoking => invoking.FunctionInvoker = async (context, ct) =>
                        {
                            Console.WriteLine($"calling {context.Function.Name}");
                            var function = context.Function;
                            return await function.InvokeAsync(context.Arguments, ct);
                        })
                        .Build();

                public void Configure(FunctionInvokingChatClient client)
                    => client.FunctionInvoker = (context, ct) => context.Function.InvokeAsync(context.Arguments, ct);

                // A call the model asked for, looked up and run by this code: hand dispatch.
                public async Task<object?> ByHandAsync(FunctionCallContent call, IReadOnlyList<AIFunction> tools)
                {
                    var tool = tools.First(t => t.Name == call.Name);
                    return await tool.[|InvokeAsync|](new AIFunctionArguments(call.Arguments));
                }
            }
            """);
}
