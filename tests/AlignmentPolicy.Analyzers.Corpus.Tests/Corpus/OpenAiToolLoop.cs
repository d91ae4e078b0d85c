// The OpenAI SDK used directly, with a hand-written tool loop (automatic invocation in all but name).
using System.Text.Json;
using OpenAI.Chat;

namespace Weather.Bot;

public sealed class WeatherBot(string apiKey)
{
    private static readonly ChatTool GetForecastTool = ChatTool.CreateFunctionTool(
        functionName: nameof(GetForecast),
        functionDescription: "Gets the forecast for a city.",
        functionParameters: BinaryData.FromString("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}"""));

    private readonly ChatClient _client = new("gpt-4o-mini", apiKey);

    public async Task<string> AskAsync(string question)
    {
        List<OpenAI.Chat.ChatMessage> messages = [new UserChatMessage(question)];
        var options = new ChatCompletionOptions { Tools = { GetForecastTool } };

        ChatCompletion completion = await _client.CompleteChatAsync(messages, options); // expect: ALN0001
        while (completion.FinishReason == ChatFinishReason.ToolCalls) // expect: ALN0005
        {
            messages.Add(new AssistantChatMessage(completion));
            foreach (var call in completion.ToolCalls)
            {
                using var arguments = JsonDocument.Parse(call.FunctionArguments);
                var city = arguments.RootElement.GetProperty("city").GetString() ?? "";
                messages.Add(new ToolChatMessage(call.Id, GetForecast(city)));
            }

            completion = await _client.CompleteChatAsync(messages, options); // expect: ALN0001
        }

        return completion.Content[0].Text;
    }

    public string Summarize(string text)
    {
        ChatCompletion completion = _client.CompleteChat([new SystemChatMessage("Summarize."), new UserChatMessage(text)]); // expect: ALN0001
        return completion.Content[0].Text;
    }

    private static string GetForecast(string city) => $"{city}: 18°C, light rain";
}
