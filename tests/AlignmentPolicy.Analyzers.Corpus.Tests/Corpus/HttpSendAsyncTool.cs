// SendAsync is a write only when the method is not GET.
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Contoso.Tickets;

public sealed class TicketBot
{
    private static readonly HttpClient Jira = new() { BaseAddress = new Uri("https://jira.contoso.example") };

    private readonly IChatClient _client = new ChatClient("gpt-4o", "key").AsIChatClient()
        .AsBuilder()
        .UseFunctionInvocation() // expect: ALN0005
        .Build();

    public async Task<string> AskAsync(string text)
    {
        var options = new ChatOptions
        {
            Tools =
            [
                AIFunctionFactory.Create(GetIssue),
                AIFunctionFactory.Create(DeleteIssue), // expect: ALN0002
            ],
        };
        return (await _client.GetResponseAsync(text, options)).Text; // expect: ALN0001
    }

    private static async Task<string> GetIssue(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/rest/api/2/issue/{key}");
        using var response = await Jira.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> DeleteIssue(string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/rest/api/2/issue/{key}");
        using var response = await Jira.SendAsync(request);
        return response.StatusCode.ToString();
    }
}
