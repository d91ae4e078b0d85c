using Microsoft.Extensions.AI;

namespace Contoso.SupportPortalGated;

public sealed class SupportService(IChatClient chatClient)
{
    public async Task<string> AnswerAsync(string question)
    {
        var options = new ChatOptions { Tools = [AIFunctionFactory.Create(RefundTools.Refund), AIFunctionFactory.Create(RefundTools.Status)] };
        var response = await chatClient.GetResponseAsync(question, options);
        return response.Text;
    }
}
