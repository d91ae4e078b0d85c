// A kernel function handed the kernel that invokes it (microsoft/semantic-kernel dotnet/samples/Concepts/Functions/MethodFunctions_Types.cs):
// LocalExamplePlugin is imported with kernel.ImportPluginFromType<LocalExamplePlugin>("Examples") into a kernel with a chat
// service and no gate, and its TaskInjectingKernelWithInputTextAndStringResult invokes a prompt function with that kernel.
// The gated twin imports the same shape into a kernel with UsePolicyGate().
using AlignmentPolicy.Gates;
using Microsoft.SemanticKernel;

namespace Contoso.Examples.Functions;

public sealed class LocalExamplePlugin
{
    [KernelFunction]
    public async Task<string> TaskInjectingKernelWithInputTextAndStringResult(Kernel kernel, string textToSummarize)
    {
        var summarize = kernel.CreateFunctionFromPrompt("Summarize in one sentence: {{$input}}");
        var summary = await kernel.InvokeAsync<string>(summarize, new() { ["input"] = textToSummarize }); // expect: ALN0001
        return summary!;
    }

    [KernelFunction]
    public string Echo(Kernel kernel, string input) => $"{input} ({kernel.Plugins.Count} plugins)";
}

public sealed class GatedExamplePlugin
{
    [KernelFunction]
    public async Task<string> Summarize(Kernel kernel, string text)
    {
        var summarize = kernel.CreateFunctionFromPrompt("Summarize in one sentence: {{$input}}");
        return (await kernel.InvokeAsync<string>(summarize, new() { ["input"] = text }))!;
    }
}

public sealed class MethodFunctionsTypes
{
    public async Task RunAsync(string modelId, string apiKey)
    {
        var builder = Kernel.CreateBuilder().AddOpenAIChatCompletion(modelId, apiKey);
        var kernel = builder.Build();
        var plugin = kernel.ImportPluginFromType<LocalExamplePlugin>("Examples");
        await kernel.InvokeAsync(plugin[nameof(LocalExamplePlugin.Echo)], new() { ["input"] = "hello" });

        var gated = Kernel.CreateBuilder().AddOpenAIChatCompletion(modelId, apiKey).Build();
        gated.UsePolicyGate();
        gated.ImportPluginFromType<GatedExamplePlugin>("Gated");
    }
}
