// Kernel and filters registered in DI; the approval filter is registered far from the kernel's users.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace Contoso.Procurement;

public static class Startup
{
    public static ServiceProvider Build(string apiKey)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IApprovalQueue, ConsoleApprovalQueue>();
        services.AddSingleton<IFunctionInvocationFilter, PurchaseApprovalFilter>();
        services.AddOpenAIChatCompletion("gpt-4o", apiKey);
        services.AddKernel().Plugins.AddFromType<PurchasingPlugin>();
        services.AddTransient<ProcurementChat>();
        return services.BuildServiceProvider();
    }
}
