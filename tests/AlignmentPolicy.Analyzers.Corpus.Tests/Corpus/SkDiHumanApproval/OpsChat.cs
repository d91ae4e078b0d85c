using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Contoso.Ops;

public sealed class OpsChat(Kernel kernel)
{
    private readonly ChatHistory _history = new("You help the on-call engineer.");

    public async Task<string> AskAsync(string text)
    {
        _history.AddUserMessage(text);
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        // The human-in-the-loop filter waits for a person before each tool call, not before the request to the model.
        var reply = await chat.GetChatMessageContentAsync(_history, settings, kernel); // expect: ALN0001
        _history.Add(reply);
        return reply.Content ?? "";
    }
}
