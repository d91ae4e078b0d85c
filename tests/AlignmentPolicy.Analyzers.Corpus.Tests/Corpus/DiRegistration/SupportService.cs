using Microsoft.Extensions.AI;

namespace Contoso.SupportPortal;

public sealed class SupportService(IChatClient chatClient, ToolRegistry tools)
{
    public async Task<string> AnswerAsync(string question)
    {
        var options = new ChatOptions { Instructions = "You are Contoso's support agent.", Tools = tools.All };
        var response = await chatClient.GetResponseAsync(question, options); // expect: ALN0001
        return response.Text;
    }

    public async Task<string> SuggestReplyAsync(string thread)
    {
        var response = await chatClient.GetResponseAsync([new ChatMessage(ChatRole.User, $"Suggest a reply:\n{thread}")]); // expect: ALN0001
        return response.Text;
    }
}
