// Tools injected by an AIContextProvider before each run (the shape of rwjdk's ToolCalling.OnTheFlyToolCallInjection):
// the agent invokes them like its own. A provider that only adds memories (AIContextProviderFactory's CustomContextProvider)
// gives no tools.
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Contoso.Support;

public sealed class OnTheFlyToolInjectionContext : AIContextProvider
{
    private static string LookupOrder(string orderId) => $"Order {orderId}: shipped";

    protected override ValueTask<AIContext> ProvideAIContextAsync(InvokingContext context, CancellationToken cancellationToken = default)
    {
        List<AITool> injectedTools = [];
        if (context.AIContext.Messages?.Any(m => m.Text.Contains("order", StringComparison.OrdinalIgnoreCase)) == true)
        {
            injectedTools.Add(AIFunctionFactory.Create(LookupOrder, "lookup_order"));
        }

        return ValueTask.FromResult(new AIContext { Tools = injectedTools });
    }
}

public sealed class UserFactsProvider(string userId) : AIContextProvider
{
    private readonly List<string> _facts = [$"user {userId} prefers email"];

    protected override ValueTask<AIContext> ProvideAIContextAsync(InvokingContext context, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(new AIContext { Instructions = $" - User facts: {string.Join(" | ", _facts)}" });
}

public static class SupportAgents
{
    public static async Task<string> AnswerAsync(string question)
    {
        var chatClient = new OpenAIClient("key").GetChatClient("gpt-4.1").AsIChatClient();
        AIAgent agent = chatClient.AsAIAgent(new ChatClientAgentOptions // expect: ALN0005
        {
            ChatOptions = new ChatOptions { Instructions = "You are a support agent." },
            AIContextProviders = [new OnTheFlyToolInjectionContext()],
        });

        var response = await agent.RunAsync(question); // expect: ALN0001
        return response.Text;
    }

    public static async Task<string> ChatAsync(string userId, string message)
    {
        var chatClient = new OpenAIClient("key").GetChatClient("gpt-4.1").AsIChatClient();
        AIAgent agent = chatClient.AsAIAgent(new ChatClientAgentOptions
        {
            ChatOptions = new ChatOptions { Instructions = "You are a nice AI" },
            AIContextProviders = [new UserFactsProvider(userId)],
        });

        var response = await agent.RunAsync(message); // expect: ALN0001
        return response.Text;
    }
}
