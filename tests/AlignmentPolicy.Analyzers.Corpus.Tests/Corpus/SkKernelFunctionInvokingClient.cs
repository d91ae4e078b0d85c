// Semantic Kernel's function-invoking chat client registered in a service collection, in the shape of Semantic
// Kernel's GettingStartedWithAgents/Step06_DependencyInjection.cs: the kernel the container builds invokes its plugins
// through this client with nothing gating them. The twin registers an approval filter that can refuse (skips next)
// in the same container, so the kernel the client serves is gated.
#pragma warning disable SKEXP0001
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using FunctionInvocationContext = Microsoft.SemanticKernel.FunctionInvocationContext;

namespace Contoso.Tutoring;

public static class TutorServices
{
    public static ServiceProvider Build(string apiKey, string model)
    {
        ServiceCollection serviceContainer = new();

        IChatClient chatClient = new OpenAI.OpenAIClient(apiKey)
            .GetChatClient(model)
            .AsIChatClient();

        var functionCallingChatClient = chatClient.AsBuilder().UseKernelFunctionInvocation().Build(); // expect: ALN0005
        serviceContainer.AddTransient<IChatClient>((sp) => functionCallingChatClient);

        // Transient Kernel as each agent may customize its Kernel instance with plug-ins.
        serviceContainer.AddTransient<Kernel>();

        return serviceContainer.BuildServiceProvider();
    }
}

public interface IApprovalPrompt
{
    bool IsInvocationApproved(KernelFunction function, KernelArguments arguments);
}

public sealed class ApprovalFilter(IApprovalPrompt approvals) : IFunctionInvocationFilter
{
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        if (approvals.IsInvocationApproved(context.Function, context.Arguments))
        {
            await next(context);
        }
        else
        {
            context.Result = new FunctionResult(context.Result, "Operation was rejected.");
        }
    }
}

public static class ApprovedTutorServices
{
    public static ServiceProvider Build(IChatClient chatClient, IApprovalPrompt approvals)
    {
        ServiceCollection serviceContainer = new();
        var functionCallingChatClient = chatClient.AsBuilder().UseKernelFunctionInvocation().Build();
        serviceContainer.AddTransient<IChatClient>((sp) => functionCallingChatClient);
        serviceContainer.AddSingleton(approvals);
        serviceContainer.AddSingleton<IFunctionInvocationFilter, ApprovalFilter>();
        serviceContainer.AddTransient<Kernel>();
        return serviceContainer.BuildServiceProvider();
    }
}
