// Semantic Kernel with auto-invocation off: the function calls are dispatched by hand, which is automatic
// invocation in all but name (from SK's FunctionCalling concept sample).
using System.ComponentModel;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using FunctionCallContent = Microsoft.SemanticKernel.FunctionCallContent;

namespace Contoso.Weather;

public sealed class WeatherPlugin
{
    [KernelFunction, Description("Gets the weather for a city.")]
    public string GetWeatherForCity(string city) => $"{city}: 61 and rainy";
}

public static class ManualFunctionCalling
{
    public static async Task RunAsync(string apiKey)
    {
        var builder = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", apiKey);
        builder.Plugins.AddFromType<WeatherPlugin>();
        var kernel = builder.Build();
        var chatCompletionService = kernel.GetRequiredService<IChatCompletionService>();
        var settings = new OpenAIPromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto(autoInvoke: false) };
        var chatHistory = new ChatHistory();
        chatHistory.AddUserMessage("Given the current time of day and weather, what is the likely color of the sky in Boston?");

        while (true) // expect: ALN0005
        {
            var result = await chatCompletionService.GetChatMessageContentAsync(chatHistory, settings, kernel); // expect: ALN0001
            if (result.Content is not null)
            {
                Console.Write(result.Content);
            }

            var functionCalls = FunctionCallContent.GetFunctionCalls(result).ToList();
            if (functionCalls.Count == 0)
            {
                break;
            }

            chatHistory.Add(result);
            foreach (var functionCall in functionCalls)
            {
                try
                {
                    var resultContent = await functionCall.InvokeAsync(kernel);
                    chatHistory.Add(resultContent.ToChatMessage());
                }
                catch (Exception ex)
                {
                    chatHistory.Add(new FunctionResultContent(functionCall, ex).ToChatMessage());
                }
            }
        }
    }
}
