// A kernel built elsewhere in the method and gated with kernel.UsePolicyGate() before use.
using AlignmentPolicy.Gates;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Contoso.Summaries;

public sealed class Summarizer
{
    private readonly Kernel _kernel;

    public Summarizer(string endpoint, string apiKey)
    {
        _kernel = Kernel.CreateBuilder()
            .AddOpenAIChatCompletion("gpt-4o-mini", apiKey)
            .Build()
            .UsePolicyGate();
        _ = endpoint;
    }

    public async Task<string> SummarizeAsync(string document)
    {
        var result = await _kernel.InvokePromptAsync("Summarize in three bullet points:\n{{$input}}", new KernelArguments { ["input"] = document });
        return result.ToString();
    }

    public async Task<string> TitleAsync(string document)
    {
        var chat = _kernel.GetRequiredService<IChatCompletionService>();
        var reply = await chat.GetChatMessageContentAsync($"Give a title for: {document}", kernel: _kernel);
        return reply.Content ?? "";
    }
}
