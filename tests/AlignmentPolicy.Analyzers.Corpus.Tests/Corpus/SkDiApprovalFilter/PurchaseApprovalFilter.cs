using Microsoft.SemanticKernel;

namespace Contoso.Procurement;

public interface IApprovalQueue
{
    Task<bool> RequestAsync(string summary);
}

public sealed class ConsoleApprovalQueue : IApprovalQueue
{
    public Task<bool> RequestAsync(string summary)
    {
        Console.Write($"Approve '{summary}'? [y/N] ");
        return Task.FromResult(string.Equals(Console.ReadLine(), "y", StringComparison.OrdinalIgnoreCase));
    }
}

public sealed class PurchaseApprovalFilter(IApprovalQueue queue) : IFunctionInvocationFilter
{
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        if (context.Function.Name.StartsWith("Get", StringComparison.Ordinal) || await queue.RequestAsync($"{context.Function.Name}({context.Arguments.Count} arguments)"))
        {
            await next(context);
            return;
        }

        throw new KernelException($"{context.Function.Name} was not approved.");
    }
}
