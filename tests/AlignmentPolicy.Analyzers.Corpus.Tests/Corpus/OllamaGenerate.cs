// OllamaSharp's completion API: a prompt completed by the local model (GenerateAsync), next to calls on the same client that ask
// no model for an answer (embeddings, the model list).
using OllamaSharp;
using OllamaSharp.Models;

namespace Contoso.Offline.Summaries;

public sealed class ReleaseNotes
{
    private readonly OllamaApiClient _ollama = new(new Uri("http://localhost:11434"), "llama3.1");

    public async Task<string> SummarizeAsync(string changelog)
    {
        var text = "";
        await foreach (var chunk in _ollama.GenerateAsync($"Summarize these changes for users:\n{changelog}")) // expect: ALN0001
        {
            text += chunk?.Response;
        }

        return text;
    }

    public async Task<string> TitleAsync(string changelog)
    {
        var request = new GenerateRequest { Prompt = $"One-line title for:\n{changelog}", Model = "llama3.1", Stream = false };
        var title = "";
        await foreach (var chunk in _ollama.GenerateAsync(request)) // expect: ALN0001
        {
            title += chunk?.Response;
        }

        return title;
    }

    public async Task<int> IndexAsync(string changelog)
    {
        var embedding = await _ollama.EmbedAsync(changelog);
        var models = await _ollama.ListLocalModelsAsync();
        Microsoft.Extensions.AI.IEmbeddingGenerator<string, Microsoft.Extensions.AI.Embedding<float>> embedder = _ollama;
        var vectors = await embedder.GenerateAsync([changelog]);
        return embedding.Embeddings.Count + models.Count() + vectors.Count;
    }
}
