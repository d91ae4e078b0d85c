using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;

namespace Contoso.Ops;

public static class Startup
{
    public static IServiceProvider Build(string apiKey, IOperatorConsole console)
    {
        var services = new ServiceCollection();
        services.AddSingleton(console);
        services.AddOpenAIChatCompletion("gpt-4o", apiKey);
        services.AddSingleton<IAutoFunctionInvocationFilter>(sp => new HumanInTheLoopFilter(sp.GetRequiredService<IOperatorConsole>()));
        services.AddKernel().Plugins.AddFromType<DeployPlugin>();
        services.AddTransient<OpsChat>();
        return services.BuildServiceProvider();
    }
}
