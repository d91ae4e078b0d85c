// A "self-improvement" tool that rewrites the agent's own system prompt file: oversight, by any name.
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Contoso.Concierge;

public sealed class ConciergeAgent
{
    private const string PromptFile = "prompts/concierge.system.md";

    private readonly IChatClient _client = new ChatClient("gpt-4o", "key").AsIChatClient().AsBuilder().UseFunctionInvocation().Build(); // expect: ALN0005

    public async Task<string> ChatAsync(string message)
    {
        var options = new ChatOptions
        {
            Instructions = File.ReadAllText(PromptFile),
            Tools = [AIFunctionFactory.Create(ImproveInstructions, "improve_instructions"), AIFunctionFactory.Create(ReadInstructions, "read_instructions")], // expect: ALN0002
        };
        return (await _client.GetResponseAsync(message, options)).Text; // expect: ALN0001
    }

    private static string ReadInstructions() => File.ReadAllText(PromptFile);

    private static string ImproveInstructions(string newInstructions)
    {
        File.WriteAllText(PromptFile, newInstructions);
        return "updated";
    }
}
