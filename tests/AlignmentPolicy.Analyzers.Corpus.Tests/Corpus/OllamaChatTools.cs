// OllamaSharp's native Chat given tools (awaescher/OllamaSharp demo ToolConsole): chat.SendAsync(message, Tools) runs the tool calls
// the model makes through the chat's ToolInvoker and sends the results back. The same chat asked without tools invokes nothing.
using OllamaSharp;

namespace Contoso.Offline.Tools;

public sealed class WeatherConsole
{
    // What OllamaSharp's [OllamaTool] generator makes of the demo's tool methods: one object per tool.
    private static readonly object[] Tools = [new GetWeatherTool(), new GetPopulationTool()];

    private readonly OllamaApiClient _ollama = new(new Uri("http://localhost:11434"), "llama3.2");

    public async Task<string> AskWithToolsAsync(string message)
    {
        var chat = new Chat(_ollama, "You are a weather bot.");
        var text = "";
        await foreach (var token in chat.SendAsync(message, Tools)) // expect: ALN0001, ALN0005
        {
            text += token;
        }

        return text;
    }

    public async Task<string> AskAsync(string message)
    {
        var chat = new Chat(_ollama, "You answer in one sentence.");
        var text = "";
        await foreach (var token in chat.SendAsync(message)) // expect: ALN0001
        {
            text += token;
        }

        return text;
    }

    private sealed class GetWeatherTool;

    private sealed class GetPopulationTool;
}
