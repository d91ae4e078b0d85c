// Kernel and a logging filter registered in DI. The filter always calls next: the kernel is not gated.
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace Contoso.Hr;

public static class Startup
{
    public static ServiceProvider Build(string apiKey)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IFunctionInvocationFilter, AuditLogFilter>();
        services.AddSingleton<IAutoFunctionInvocationFilter, RetryFilter>();
        services.AddOpenAIChatCompletion("gpt-4o", apiKey);
        var kernelBuilder = services.AddKernel();
        kernelBuilder.Plugins.AddFromType<LeavePlugin>();
        services.AddTransient<HrChat>();
        return services.BuildServiceProvider();
    }
}
