using Microsoft.SemanticKernel;

namespace Contoso.Hr;

public sealed class AuditLogFilter : IFunctionInvocationFilter
{
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        Console.WriteLine($"-> {context.Function.PluginName}.{context.Function.Name}");
        await next(context);
        Console.WriteLine($"<- {context.Function.Name}: {context.Result}");
    }
}

public sealed class RetryFilter : IAutoFunctionInvocationFilter
{
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await next(context);
                return;
            }
            catch (HttpRequestException) when (attempt < 3)
            {
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
        }
    }
}
