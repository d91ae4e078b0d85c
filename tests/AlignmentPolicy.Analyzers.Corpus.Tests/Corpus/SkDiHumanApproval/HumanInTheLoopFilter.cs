// Every tool call waits for a person: the filter calls next only when they approve. It is registered through
// DI in factory form, far from the kernel's users.
using Microsoft.SemanticKernel;

namespace Contoso.Ops;

public interface IOperatorConsole
{
    Task<bool> AskAsync(string question, CancellationToken cancellationToken);
}

public sealed class HumanInTheLoopFilter(IOperatorConsole console) : IAutoFunctionInvocationFilter
{
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        var arguments = string.Join(", ", context.Arguments?.Select(a => $"{a.Key}={a.Value}") ?? []);
        var approved = await console.AskAsync($"Run {context.Function.PluginName}.{context.Function.Name}({arguments})?", context.CancellationToken);
        if (!approved)
        {
            context.Result = new FunctionResult(context.Result, "The operator declined this action.");
            context.Terminate = true;
            return;
        }

        await next(context);
    }
}
