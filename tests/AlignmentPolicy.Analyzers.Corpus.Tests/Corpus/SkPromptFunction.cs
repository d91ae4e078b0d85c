// kernel.InvokeAsync is a model call for a prompt function and plain code for a native one.
using Microsoft.SemanticKernel;

namespace Contoso.Mail.Drafts;

public static class DraftWriter
{
    public static async Task<string> WriteAsync(string apiKey, string topic)
    {
        var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", apiKey).Build();
        var wordCount = KernelFunctionFactory.CreateFromMethod((string text) => text.Split(' ').Length, "WordCount");
        var draft = kernel.CreateFunctionFromPrompt("Write a short internal announcement about {{$topic}}.");

        var result = await kernel.InvokeAsync(draft, new KernelArguments { ["topic"] = topic }); // expect: ALN0001
        var words = await kernel.InvokeAsync(wordCount, new KernelArguments { ["text"] = result.ToString() });
        return $"{result} ({words} words)";
    }
}
