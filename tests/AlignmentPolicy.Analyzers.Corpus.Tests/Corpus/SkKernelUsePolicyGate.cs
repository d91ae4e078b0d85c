// A kernel built elsewhere in the method and gated with kernel.UsePolicyGate() before use. The gate is a set of kernel
// filters: the prompt function's request passes its prompt-render filter, but a request sent straight to the kernel's
// chat service (handed the kernel for its tools) is rendered by no one and passes none of them (Semantic Kernel runs
// prompt-render filters only in KernelFunctionFromPrompt), so that call is a model call on an ungated service.
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
        var reply = await chat.GetChatMessageContentAsync($"Give a title for: {document}", kernel: _kernel); // expect: ALN0001
        return reply.Content ?? "";
    }
}
