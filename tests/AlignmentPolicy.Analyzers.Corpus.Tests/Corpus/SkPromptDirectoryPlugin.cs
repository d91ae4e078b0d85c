// Prompt functions loaded from a plugin directory and called through the kernel: model calls. A native
// function called the same way is not.
using Microsoft.SemanticKernel;

namespace Contoso.Writer;

public static class Writer
{
    public static async Task<string> WriteAsync(string apiKey, string topic)
    {
        var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", apiKey).Build();
        var pluginsDirectory = Path.Combine(AppContext.BaseDirectory, "Plugins", "WriterPlugin");
        var writer = kernel.CreatePluginFromPromptDirectory(pluginsDirectory);
        kernel.ImportPluginFromPromptDirectory(Path.Combine(AppContext.BaseDirectory, "Plugins", "FunPlugin"));
        var text = kernel.ImportPluginFromFunctions("Text", [KernelFunctionFactory.CreateFromMethod((string input) => input.Trim().ToUpperInvariant(), "Shout")]);

        var poem = await kernel.InvokeAsync(writer["ShortPoem"], new KernelArguments { ["input"] = topic }); // expect: ALN0001
        var joke = await kernel.InvokeAsync("FunPlugin", "Joke", new KernelArguments { ["input"] = topic }); // expect: ALN0001
        var shouted = await kernel.InvokeAsync(text["Shout"], new KernelArguments { ["input"] = poem.ToString() });
        return $"{shouted}\n{joke}";
    }
}
