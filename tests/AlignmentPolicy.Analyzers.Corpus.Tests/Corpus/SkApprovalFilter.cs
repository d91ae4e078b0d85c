// An approval filter that can skip next: a real gate of the tools. The kernel that registers it is gated for its tools;
// a function filter never sees the request sent to the model, so the chat call itself is not gated.
using System.ComponentModel;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Contoso.FilesApproved;

public interface IApprover
{
    Task<bool> ApproveAsync(string function, string arguments);
}

public sealed class ApprovalFilter(IApprover approver) : IFunctionInvocationFilter
{
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        if (!await approver.ApproveAsync(context.Function.Name, string.Join(", ", context.Arguments.Select(a => $"{a.Key}={a.Value}"))))
        {
            context.Result = new FunctionResult(context.Function, "The user declined this action.");
            return;
        }

        await next(context);
    }
}

public static class FileJanitor
{
    public static async Task<string> CleanAsync(string apiKey, IApprover approver, string request)
    {
        var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", apiKey).Build();
        kernel.FunctionInvocationFilters.Add(new ApprovalFilter(approver));
        kernel.ImportPluginFromType<JanitorPlugin>();

        var history = new ChatHistory();
        history.AddUserMessage(request);
        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };
        var reply = await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(history, settings, kernel); // expect: ALN0001
        return reply.Content ?? "";
    }
}

public sealed class JanitorPlugin
{
    [KernelFunction, Description("Deletes a file.")]
    public string DeleteFile(string path)
    {
        File.Delete(path);
        return "deleted";
    }
}
