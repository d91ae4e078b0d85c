// The client comes from a small factory method in the same class: its origin is visible.
using Microsoft.Extensions.AI;
using OpenAI;

namespace Contoso.Search;

public sealed class QueryRewriter
{
    private readonly IChatClient _client = CreateClient();

    private static IChatClient CreateClient()
        => new OpenAIClient(Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "").GetChatClient("gpt-4o-mini").AsIChatClient();

    public async Task<string> RewriteAsync(string query)
    {
        var response = await _client.GetResponseAsync($"Rewrite as a keyword search query: {query}", new ChatOptions { Temperature = 0 }); // expect: ALN0001
        return response.Text.Trim();
    }
}
