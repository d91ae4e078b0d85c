// The Anthropic SDK used directly for a one-shot summary.
using Anthropic;
using Anthropic.Models.Messages;

namespace Contoso.Legal;

public sealed class ContractSummarizer
{
    private readonly AnthropicClient _client = new();

    public async Task<string> SummarizeAsync(string contract)
    {
        MessageCreateParams parameters = new()
        {
            MaxTokens = 1024,
            Messages = [new UserMessageParam($"Summarize the obligations in this contract:\n{contract}")],
            Model = Model.ClaudeOpus5_5,
        };

        var message = await _client.Messages.Create(parameters); // expect: ALN0001
        return message.ToString();
    }
}
