// A function-invocation filter that only logs and times: it always calls next, so it is not a gate.
using System.ComponentModel;
using System.Diagnostics;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Contoso.Files;

public sealed class TimingFilter : IFunctionInvocationFilter
{
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            await next(context);
        }
        finally
        {
            Console.WriteLine($"{context.Function.Name} took {stopwatch.ElapsedMilliseconds} ms");
        }
    }
}

public static class FileJanitor
{
    public static async Task<string> CleanAsync(string apiKey, string request)
    {
        var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", apiKey).Build();
        kernel.FunctionInvocationFilters.Add(new TimingFilter());
        kernel.ImportPluginFromType<JanitorPlugin>();

        var history = new ChatHistory();
        history.AddUserMessage(request);
        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }; // expect: ALN0005
        var reply = await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(history, settings, kernel); // expect: ALN0001
        return reply.Content ?? "";
    }
}

public sealed class JanitorPlugin
{
    [KernelFunction, Description("Lists files older than a number of days.")]
    public string[] ListOldFiles(string folder, int days)
        => Directory.GetFiles(folder).Where(f => File.GetLastWriteTimeUtc(f) < DateTime.UtcNow.AddDays(-days)).ToArray();

    [KernelFunction, Description("Deletes a file.")]
    public string DeleteFile(string path) // expect: ALN0002
    {
        RemoveQuietly(path);
        return "deleted";
    }

    private static void RemoveQuietly(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
