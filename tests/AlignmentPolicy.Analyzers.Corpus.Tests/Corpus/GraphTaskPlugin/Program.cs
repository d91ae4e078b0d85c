using Azure.Core;
using Contoso.Assistant.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Graph;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;

namespace Contoso.Assistant;

public static class Program
{
    public static async Task RunAsync(TokenCredential credential, string apiKey)
    {
        var builder = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", apiKey);
        builder.Services.AddSingleton(new GraphServiceClient(credential));
        builder.Services.AddSingleton<ITaskConnector, GraphTaskConnector>();
        builder.Plugins.AddFromType<TaskListPlugin>();
        var kernel = builder.Build();

        var settings = new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }; // expect: ALN0005
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var history = new ChatHistory("You keep the user's to-do list.");
        history.AddUserMessage("Delete the task about the dentist.");
        var reply = await chat.GetChatMessageContentAsync(history, settings, kernel); // expect: ALN0001
        Console.WriteLine(reply.Content);
    }
}
