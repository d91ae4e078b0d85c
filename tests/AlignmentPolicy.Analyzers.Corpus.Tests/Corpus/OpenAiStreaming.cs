// Streaming with the OpenAI SDK directly, next to a gated IChatClient over the same client.
using AlignmentPolicy.Gates;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Contoso.Live;

public sealed class LiveCaptions(string apiKey)
{
    private readonly ChatClient _raw = new("gpt-4o-mini", apiKey);

    public async Task StreamRawAsync(string text)
    {
        await foreach (var update in _raw.CompleteChatStreamingAsync([new UserChatMessage($"Caption: {text}")])) // expect: ALN0001
        {
            foreach (var part in update.ContentUpdate)
            {
                Console.Write(part.Text);
            }
        }
    }

    public async Task StreamGatedAsync(string text)
    {
        var gated = _raw.AsIChatClient().AsBuilder().UsePolicyGate().Build();
        await foreach (var update in gated.GetStreamingResponseAsync($"Caption: {text}"))
        {
            Console.Write(update.Text);
        }
    }
}
