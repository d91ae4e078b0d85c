// Agent Framework agents with function middleware (from community samples): one middleware only logs and
// always calls next; the other asks the user first and can refuse. Only the second gates the tool calls; neither
// sees the request sent to the model.
using System.ComponentModel;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Samples.Middleware;

public static class FileTools
{
    [Description("Deletes a file in the workspace.")]
    public static string DeleteFile(string path)
    {
        File.Delete(path);
        return "deleted";
    }

    [Description("Lists the files in the workspace.")]
    public static string ListFiles(string folder) => string.Join("\n", Directory.GetFiles(folder));
}

public static class Agents
{
    public static async Task RunAsync(OpenAIClient client)
    {
        AIAgent logged = client
            .GetChatClient("gpt-4.1")
            .AsIChatClient()
            .AsAIAgent( // expect: ALN0005
                name: "Janitor",
                instructions: "You tidy the workspace.",
                tools: [AIFunctionFactory.Create(FileTools.ListFiles), AIFunctionFactory.Create(FileTools.DeleteFile)]) // expect: ALN0002
            .AsBuilder()
            .Use((agent, context, next, ct) => FunctionCallMiddleware(agent, context, next, ct))
            .Build();
        Console.WriteLine(await logged.RunAsync("Remove the temporary files.")); // expect: ALN0001

        AIAgent confirmed = client
            .GetChatClient("gpt-4.1")
            .AsIChatClient()
            .AsAIAgent(
                name: "CarefulJanitor",
                instructions: "You tidy the workspace.",
                tools: [AIFunctionFactory.Create(FileTools.ListFiles), AIFunctionFactory.Create(FileTools.DeleteFile)])
            .AsBuilder()
            .Use(ConfirmMiddleware)
            .Build();
        Console.WriteLine(await confirmed.RunAsync("Remove the temporary files.")); // expect: ALN0001
    }

    private static async ValueTask<object?> FunctionCallMiddleware(AIAgent callingAgent, FunctionInvocationContext context, Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>> next, CancellationToken cancellationToken)
    {
        Console.WriteLine($"- Tool call: '{context.Function.Name}' [agent: {callingAgent.Name}]");
        return await next(context, cancellationToken);
    }

    private static async ValueTask<object?> ConfirmMiddleware(AIAgent callingAgent, FunctionInvocationContext context, Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>> next, CancellationToken cancellationToken)
    {
        Console.Write($"Allow '{context.Function.Name}'? [y/N] ");
        if (!string.Equals(Console.ReadLine(), "y", StringComparison.OrdinalIgnoreCase))
        {
            context.Terminate = true;
            return "The user did not allow this tool call.";
        }

        return await next(context, cancellationToken);
    }
}
