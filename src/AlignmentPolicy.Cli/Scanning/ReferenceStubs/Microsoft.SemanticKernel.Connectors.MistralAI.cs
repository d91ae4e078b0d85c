// Reference stub (compiled by the scan, never run): Semantic Kernel's Mistral AI connector (Microsoft.SemanticKernel.Connectors.MistralAI),
// which the package mirror does not serve. Without it `new MistralAIChatCompletionService(...)` and `AddMistralChatCompletion(...)` are
// error types, and every call on the service or the kernel built with it fails to bind. `MistralAIToolCallBehavior` is left out on
// purpose: the analyzers read `MistralAIToolCallBehavior.AutoInvokeKernelFunctions` unbound (a connector's behaviour, by its shape).
// Bodies are empty on purpose.
#nullable enable
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Microsoft.SemanticKernel
{
    public static class MistralAIKernelBuilderExtensions
    {
        public static IKernelBuilder AddMistralChatCompletion(this IKernelBuilder builder, string modelId, string apiKey, Uri? endpoint = null, string? serviceId = null, HttpClient? httpClient = null) => builder;
    }

    public static class MistralAIServiceCollectionExtensions
    {
        public static IServiceCollection AddMistralChatCompletion(this IServiceCollection services, string modelId, string apiKey, Uri? endpoint = null, string? serviceId = null, HttpClient? httpClient = null) => services;
    }
}

namespace Microsoft.SemanticKernel.Connectors.MistralAI
{
    public sealed class MistralAIChatCompletionService : IChatCompletionService
    {
        public MistralAIChatCompletionService(string modelId, string apiKey, Uri? endpoint = null, HttpClient? httpClient = null, ILoggerFactory? loggerFactory = null) { }
        public IReadOnlyDictionary<string, object?> Attributes => throw null!;
        public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default) => throw null!;
        public IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default) => throw null!;
    }

    public sealed class MistralAIPromptExecutionSettings : PromptExecutionSettings
    {
        public double Temperature { get; set; }
        public double TopP { get; set; }
        public int? MaxTokens { get; set; }
        public bool SafePrompt { get; set; }
        public int? RandomSeed { get; set; }
        public object? ToolCallBehavior { get; set; }
        public object? ResponseFormat { get; set; }
        public IList<string>? Stop { get; set; }
        public double? PresencePenalty { get; set; }
        public double? FrequencyPenalty { get; set; }
        public bool? DocumentPageLimit { get; set; }
    }
}
