// The OpenAI client wrapped as an IChatClient with the policy gate: every call goes through the gate.
using AlignmentPolicy.Gates;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Weather.BotGated;

public sealed class WeatherBot
{
    private readonly IChatClient _client;

    public WeatherBot(string apiKey)
    {
        var raw = new ChatClient("gpt-4o-mini", apiKey);
        _client = raw.AsIChatClient().AsBuilder().UsePolicyGate().Build();
    }

    public async Task<string> AskAsync(string question)
    {
        var response = await _client.GetResponseAsync(question);
        return response.Text;
    }

    public async IAsyncEnumerable<string> StreamAsync(string question)
    {
        await foreach (var update in _client.GetStreamingResponseAsync(question))
        {
            yield return update.Text;
        }
    }
}
