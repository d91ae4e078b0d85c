// Functions created from delegates with KernelFunctionFactory and added as a plugin.
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Contoso.Calendar;

public static class MeetingAssistant
{
    public static async Task<string> RunAsync(string apiKey, HttpClient graph, string request)
    {
        var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", apiKey).Build();

        var functions = new[]
        {
            KernelFunctionFactory.CreateFromMethod((string day) => $"{day}: 3 meetings", "ListMeetings"),
            KernelFunctionFactory.CreateFromMethod( // expect: ALN0002
                async (string meetingId) => (await graph.DeleteAsync($"/me/events/{meetingId}")).StatusCode.ToString(),
                "CancelMeeting"),
        };
        kernel.Plugins.AddFromFunctions("calendar", functions);

        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }; // expect: ALN0005
        var history = new ChatHistory(request);
        var reply = await chat.GetChatMessageContentAsync(history, settings, kernel); // expect: ALN0001
        return reply.Content ?? "";
    }
}
