using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedModelCallAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0001 on Semantic Kernel text generation: <c>ITextGenerationService.GetTextContentsAsync</c> and its streaming and
/// single-result forms send the prompt to the model as it is, as a chat service's calls do; the same names on the audio-
/// and image-to-text services (transcription, captioning) are not chat-model calls.
/// </summary>
public class TextGenerationTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Runtime.CompilerServices;
        using System.Threading;
        using System.Threading.Tasks;
        using AlignmentPolicy.Gates;
        using Microsoft.Extensions.AI;
        using Microsoft.Extensions.DependencyInjection;
        using Microsoft.SemanticKernel;
        using Microsoft.SemanticKernel.AudioToText;
        using Microsoft.SemanticKernel.TextGeneration;
        using OpenAI;

        """;

    // A text service over a chat client: gated as the client it is given (the only way to gate a request no kernel filter sees).
    private const string ClientTextService = """
        public sealed class ClientTextGenerationService(IChatClient client) : ITextGenerationService
        {
            public IReadOnlyDictionary<string, object?> Attributes { get; } = new Dictionary<string, object?>();

            public async Task<IReadOnlyList<Microsoft.SemanticKernel.TextContent>> GetTextContentsAsync(string prompt, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default)
                => [new Microsoft.SemanticKernel.TextContent((await client.[|GetResponseAsync|](prompt, cancellationToken: cancellationToken)).Text)];

            public async IAsyncEnumerable<StreamingTextContent> GetStreamingTextContentsAsync(string prompt, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
            {
                await foreach (var update in client.[|GetStreamingResponseAsync|](prompt, cancellationToken: cancellationToken))
                {
                    yield return new StreamingTextContent(update.Text);
                }
            }
        }

        """;

    [Fact]
    public Task A_text_service_of_an_ungated_kernel_is_a_model_call()
        // The shape of the connector samples: Kernel.CreateBuilder().AddXxxTextGeneration(...).Build(), then the kernel's text service.
        => Verify.VerifyAsync(Usings + """
            class Samples
            {
                public async Task<string> AskAsync(Kernel kernel)
                {
                    var textGeneration = kernel.GetRequiredService<ITextGenerationService>();
                    var result = await textGeneration.[|GetTextContentsAsync|]("What is deep learning?");
                    return result[0].Text ?? "";
                }

                public async Task StreamAsync()
                {
                    var kernel = Kernel.CreateBuilder().Build();
                    var service = kernel.GetRequiredService<ITextGenerationService>();
                    var single = await service.[|GetTextContentAsync|]("Question: What is New York?; Answer:");
                    await foreach (var content in service.[|GetStreamingTextContentsAsync|]("Question: What is New York?; Answer:"))
                    {
                        Console.Write(content);
                    }
                }

                public static async Task CallerAsync() => await new Samples().AskAsync(Kernel.CreateBuilder().Build());
            }
            """);

    [Fact]
    public Task A_text_service_over_a_gated_chat_client_is_not_flagged()
        => Verify.VerifyAsync(Usings + ClientTextService.Replace("[|", "").Replace("|]", "") + """
            class Samples
            {
                public async Task<string> SummariseAsync(string key)
                {
                    ITextGenerationService service = new ClientTextGenerationService(
                        new OpenAIClient(key).GetChatClient("gpt-4o").AsIChatClient().AsBuilder().UsePolicyGate().Build());
                    return (await service.GetTextContentAsync("Summarise the report")).Text ?? "";
                }
            }
            """);

    [Fact]
    public Task A_text_service_over_an_ungated_chat_client_is_flagged_where_it_is_called()
        // The adapter's own calls on its client are flagged too: the client it is given is ungated.
        => Verify.VerifyAsync(Usings + ClientTextService + """
            class Samples
            {
                public async Task<string> SummariseAsync(string key)
                {
                    ITextGenerationService service = new ClientTextGenerationService(
                        new OpenAIClient(key).GetChatClient("gpt-4o").AsIChatClient().AsBuilder().Build());
                    return (await service.[|GetTextContentAsync|]("Summarise the report")).Text ?? "";
                }
            }
            """);

    [Fact]
    public Task Transcription_with_the_same_names_is_not_a_model_call()
        // OpenAI_AudioToText: audioToTextService.GetTextContentAsync(audioContent, settings) transcribes speech.
        => Verify.VerifyAsync("#pragma warning disable SKEXP0001 // the audio-to-text service is experimental\n" + Usings + """
            class Samples
            {
                public async Task<string> TranscribeAsync(Kernel kernel, AudioContent audio)
                {
                    var audioToText = kernel.GetRequiredService<IAudioToTextService>();
                    var text = await audioToText.GetTextContentAsync(audio);
                    return text.Text ?? "";
                }
            }
            """);

    [Fact]
    public Task An_injected_text_service_of_the_container_kernel_is_a_model_call()
        // A service class given the container's text service (services.AddKernel().AddXxxTextGeneration(...)): no kernel filter sees it.
        => Verify.VerifyAsync(Usings + """
            class Startup
            {
                public static void Configure(IServiceCollection services) => services.AddKernel();
            }

            class Completer(ITextGenerationService textGeneration)
            {
                public async Task<string> CompleteAsync(string prompt) => (await textGeneration.[|GetTextContentAsync|](prompt)).Text ?? "";
            }
            """);
}
