// OllamaSharp: as an IChatClient, and through its native Chat API.
using Microsoft.Extensions.AI;
using OllamaSharp;

namespace Contoso.Offline;

public sealed class LocalModel
{
    private readonly OllamaApiClient _ollama = new(new Uri("http://localhost:11434"), "llama3.1");

    public async Task<string> AskAsync(string question)
    {
        IChatClient client = _ollama;
        var response = await client.GetResponseAsync(question); // expect: ALN0001
        return response.Text;
    }

    public async Task<string> ChatAsync(string message)
    {
        var chat = new Chat(_ollama, "You answer in one sentence.");
        var text = "";
        await foreach (var token in chat.SendAsync(message)) // expect: ALN0001
        {
            text += token;
        }

        return text;
    }
}
