// Agent Framework in the style of the new samples: AsAIAgent with tools, then RunAsync.
using System.ComponentModel;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Contoso.Helpdesk;

public static class HelpdeskAgent
{
    public static async Task RunAsync(string apiKey)
    {
        var tools = new ItTools(new HttpClient { BaseAddress = new Uri("https://itsm.contoso.example") });

        AIAgent agent = new OpenAIClient(apiKey)
            .GetChatClient("gpt-4o")
            .AsIChatClient()
            .AsAIAgent( // expect: ALN0005
                instructions: "You are the IT helpdesk. Reset passwords only for verified users.",
                name: "Helpdesk",
                tools:
                [
                    AIFunctionFactory.Create(tools.GetTicket),
                    AIFunctionFactory.Create(tools.ResetPassword), // expect: ALN0002
                    AIFunctionFactory.Create(tools.CloseTicket), // expect: ALN0002
                ]);

        var session = await agent.CreateSessionAsync();
        var response = await agent.RunAsync("My laptop is locked, user jdoe.", session); // expect: ALN0001
        Console.WriteLine(response.Text);
    }
}

public sealed class ItTools(HttpClient itsm)
{
    [Description("Gets a ticket by id.")]
    public Task<string> GetTicket(string id) => itsm.GetStringAsync($"/tickets/{id}");

    [Description("Resets a user's password.")]
    public async Task<string> ResetPassword(string user)
    {
        var response = await itsm.PostAsync($"/users/{user}/password-reset", content: null);
        return response.IsSuccessStatusCode ? "reset link sent" : "failed";
    }

    [Description("Closes a ticket.")]
    public async Task<string> CloseTicket(string id, string resolution)
    {
        using var body = new StringContent(resolution);
        var response = await itsm.PatchAsync($"/tickets/{id}", body);
        return response.StatusCode.ToString();
    }
}
