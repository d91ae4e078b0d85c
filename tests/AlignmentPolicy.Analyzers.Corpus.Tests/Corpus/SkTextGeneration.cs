// Semantic Kernel text generation: the kernel's ITextGenerationService, or a connector's service handed to a helper as one,
// gets the prompt as it is (no kernel filter sees it). Transcribing audio with the same method names is not a model call.
#pragma warning disable SKEXP0001 // the audio-to-text service is experimental
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.AudioToText;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using Microsoft.SemanticKernel.TextGeneration;

namespace Contoso.Support;

public sealed class AnswerDrafter
{
    private readonly Kernel _kernel;

    public AnswerDrafter(string apiKey)
        => _kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o-mini", apiKey).Build();

    public async Task<string> DraftAsync(string question)
    {
        var textGeneration = _kernel.GetRequiredService<ITextGenerationService>();
        var result = await textGeneration.GetTextContentsAsync($"Question: {question}; Answer:"); // expect: ALN0001
        return result[0].Text ?? "";
    }

    public Task StreamDraftAsync(string apiKey, string question)
        => StreamAsync(new OpenAIChatCompletionService("gpt-4o-mini", apiKey), question);

    private static async Task StreamAsync(ITextGenerationService textGeneration, string question)
    {
        var settings = new OpenAIPromptExecutionSettings { MaxTokens = 200, Temperature = 0.2 };
        await foreach (var content in textGeneration.GetStreamingTextContentsAsync(question, settings)) // expect: ALN0001
        {
            Console.Write(content);
        }
    }

    public async Task<string> TranscribeAsync(AudioContent recording)
    {
        var audioToText = _kernel.GetRequiredService<IAudioToTextService>();
        var transcript = await audioToText.GetTextContentAsync(recording);
        return transcript.Text ?? "";
    }
}
