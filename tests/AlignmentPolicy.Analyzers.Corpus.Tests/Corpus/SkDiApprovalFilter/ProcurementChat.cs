using System.ComponentModel;
using Microsoft.SemanticKernel;

namespace Contoso.Procurement;

public sealed class ProcurementChat(Kernel kernel)
{
    public async Task<string> AskAsync(string request)
    {
        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        // The container's approval filter gates the tools; no prompt filter or gate stands before the model.
        var result = await kernel.InvokePromptAsync(request, new KernelArguments(settings)); // expect: ALN0001
        return result.ToString();
    }
}

public sealed class PurchasingPlugin
{
    private static readonly HttpClient Erp = new() { BaseAddress = new Uri("https://erp.contoso.example") };

    [KernelFunction, Description("Gets a supplier's catalogue price.")]
    public Task<string> GetPrice(string sku) => Erp.GetStringAsync($"/prices/{sku}");

    [KernelFunction, Description("Raises a purchase order.")]
    public async Task<string> RaisePurchaseOrder(string sku, int quantity)
    {
        using var body = new StringContent($"{{\"sku\":\"{sku}\",\"qty\":{quantity}}}");
        return (await Erp.PostAsync("/purchase-orders", body)).StatusCode.ToString();
    }
}
