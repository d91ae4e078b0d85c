using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Contoso.Assistant;

public sealed class Chat(string apiKey)
{
    private readonly Kernel _kernel = KernelSetup.Create(apiKey);
    private readonly ChatHistory _history = new("You manage the user's calendar.");

    public async Task<string> SendAsync(string text, OpenAIPromptExecutionSettings? settings = null)
    {
        settings ??= new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }; // expect: ALN0005
        _history.AddUserMessage(text);
        var service = _kernel.GetRequiredService<IChatCompletionService>();
        var reply = await service.GetChatMessageContentAsync(_history, settings, _kernel); // expect: ALN0001
        _history.Add(reply);
        return reply.Content ?? "";
    }
}
