// Lambda tools registered inline; one posts to a webhook, the others only read.
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Contoso.Ops.Notifier;

public sealed class OpsAssistant(HttpClient http, string apiKey)
{
    private readonly IChatClient _chat = new ChatClient("gpt-4o", apiKey).AsIChatClient()
        .AsBuilder()
        .UseFunctionInvocation() // expect: ALN0005
        .Build();

    public async Task<string> AskAsync(string question)
    {
        var tools = new List<AITool>
        {
            AIFunctionFactory.Create((string service) => $"{service}: healthy", "get_status", "Gets a service's health."),
            AIFunctionFactory.Create(async (string channel, string text) => // expect: ALN0002
            {
                using var content = new StringContent($"{{\"channel\":\"{channel}\",\"text\":\"{text}\"}}");
                var result = await http.PostAsync("https://hooks.contoso.example/notify", content);
                return result.IsSuccessStatusCode ? "sent" : "failed";
            }, "notify_channel"),
            AIFunctionFactory.Create(async (string url) => await http.GetStringAsync(url), "fetch_runbook"),
        };

        var response = await _chat.GetResponseAsync(question, new ChatOptions { Tools = tools }); // expect: ALN0001
        return response.Text;
    }
}
