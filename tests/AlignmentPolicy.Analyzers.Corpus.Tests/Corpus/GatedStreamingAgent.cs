// A gated agent used through streaming, with a session.
using AlignmentPolicy.Gates;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Contoso.Tutor;

public sealed class Tutor
{
    private readonly AIAgent _agent = new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient()
        .AsAIAgent(instructions: "You are a patient maths tutor.", name: "tutor", tools: [AIFunctionFactory.Create(Hint)])
        .AsBuilder()
        .UsePolicyGate(new HonestyPolicyGate())
        .Build();

    public async Task TeachAsync(string question)
    {
        var session = await _agent.CreateSessionAsync();
        await foreach (var update in _agent.RunStreamingAsync(question, session))
        {
            Console.Write(update.Text);
        }
    }

    private static string Hint(string topic) => $"Think about what {topic} means for small numbers first.";
}
