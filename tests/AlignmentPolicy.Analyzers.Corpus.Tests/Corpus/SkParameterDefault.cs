// Auto-invocation through a parameter default: callers that pass nothing get Auto().
using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace Contoso.Inventory;

public sealed class InventoryAssistant
{
    private readonly Kernel _kernel;

    public InventoryAssistant(string apiKey)
    {
        var builder = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o-mini", apiKey);
        builder.Plugins.AddFromObject(new StockPlugin("/var/inventory"));
        _kernel = builder.Build();
    }

    public async Task<string> AskAsync(string question, FunctionChoiceBehavior? behavior = null)
    {
        var settings = new PromptExecutionSettings
        {
            FunctionChoiceBehavior = behavior ?? FunctionChoiceBehavior.Auto(), // expect: ALN0005
        };
        var result = await _kernel.InvokePromptAsync(question, new KernelArguments(settings)); // expect: ALN0001
        return result.ToString();
    }
}

public sealed class StockPlugin(string root)
{
    [KernelFunction, Description("Gets the stock level of a SKU.")]
    public int GetStock(string sku) => File.Exists(Path.Combine(root, sku)) ? 10 : 0;

    [KernelFunction, Description("Adjusts the stock level of a SKU.")]
    public string AdjustStock(string sku, int delta) // expect: ALN0002
    {
        File.AppendAllText(Path.Combine(root, "adjustments.log"), $"{sku};{delta}{Environment.NewLine}");
        return "adjusted";
    }
}
