// An agent without tools: a model call, but no automatic tool invocation.
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Contoso.Writing;

public static class Copywriter
{
    public static async Task<string> DraftAsync(string brief)
    {
        var agent = new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient()
            .AsAIAgent(instructions: "You write product copy in the brand voice.", name: "copywriter");

        var result = await agent.RunAsync($"Write a tagline for: {brief}"); // expect: ALN0001
        return result.Text;
    }
}
