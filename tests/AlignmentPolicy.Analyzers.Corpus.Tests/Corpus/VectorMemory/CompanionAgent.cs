using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace Contoso.Memory;

public sealed class CompanionAgent(IChatClient chatClient, MemoryTools memory)
{
    private readonly AIAgent _agent = new ChatClientAgent( // expect: ALN0005
        chatClient,
        instructions: "You are a friendly companion with long-term memory.",
        tools: [.. memory.AsTools()]);

    public async Task<string> ChatAsync(string message) => (await _agent.RunAsync(message)).Text; // expect-info: ALN0001
}
