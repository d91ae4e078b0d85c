// Reference stub (compiled by the scan, never run): Semantic Kernel's ONNX Runtime GenAI connector (Microsoft.SemanticKernel.Connectors.Onnx),
// which the package mirror does not serve. A local model is still a model: its chat service's calls are model calls. The ONNX Runtime
// GenAI options are `object` (that package is not shipped with the tool). Bodies are empty on purpose.
#nullable enable
using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel.ChatCompletion;
using Microsoft.SemanticKernel.Connectors.Onnx;

namespace Microsoft.SemanticKernel
{
    public static class OnnxKernelBuilderExtensions
    {
        public static IKernelBuilder AddOnnxRuntimeGenAIChatCompletion(this IKernelBuilder builder, string modelId, string modelPath, string? serviceId = null, ILoggerFactory? loggerFactory = null, JsonSerializerOptions? jsonSerializerOptions = null) => builder;
        public static IKernelBuilder AddOnnxRuntimeGenAIChatCompletion(this IKernelBuilder builder, string modelId, string modelPath, List<Provider> providers, string? serviceId = null, ILoggerFactory? loggerFactory = null, JsonSerializerOptions? jsonSerializerOptions = null) => builder;
    }

    public static class OnnxChatClientKernelBuilderExtensions
    {
        public static IKernelBuilder AddOnnxRuntimeGenAIChatClient(this IKernelBuilder builder, string modelPath, object? chatClientOptions = null, string? serviceId = null) => builder;
        public static IKernelBuilder AddOnnxRuntimeGenAIChatClient(this IKernelBuilder builder, string modelPath, IEnumerable<Provider> providers, object? chatClientOptions = null, string? serviceId = null) => builder;
    }

    public static class OnnxServiceCollectionExtensions
    {
        public static IServiceCollection AddOnnxRuntimeGenAIChatCompletion(this IServiceCollection services, string modelId, string modelPath, string? serviceId = null, ILoggerFactory? loggerFactory = null, JsonSerializerOptions? jsonSerializerOptions = null) => services;
        public static IServiceCollection AddOnnxRuntimeGenAIChatCompletion(this IServiceCollection services, string modelId, string modelPath, IEnumerable<Provider> providers, string? serviceId = null, ILoggerFactory? loggerFactory = null, JsonSerializerOptions? jsonSerializerOptions = null) => services;
    }
}

namespace Microsoft.SemanticKernel.Connectors.Onnx
{
    public sealed class Provider
    {
        public Provider(string id) { }
        public string Id { get; } = "";
        public Dictionary<string, string> Options { get; set; } = new();
    }

    public sealed class OnnxRuntimeGenAIChatCompletionService : IChatCompletionService, IDisposable
    {
        public OnnxRuntimeGenAIChatCompletionService(string modelId, string modelPath, ILoggerFactory? loggerFactory = null, JsonSerializerOptions? jsonSerializerOptions = null) { }
        public OnnxRuntimeGenAIChatCompletionService(string modelId, string modelPath, IEnumerable<Provider> providers, ILoggerFactory? loggerFactory = null, JsonSerializerOptions? jsonSerializerOptions = null) { }
        public IReadOnlyDictionary<string, object?> Attributes => throw null!;
        public void Dispose() { }
        public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default) => throw null!;
        public IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default) => throw null!;
    }

    public sealed class OnnxRuntimeGenAIPromptExecutionSettings : PromptExecutionSettings
    {
        public int? TopK { get; set; }
        public float? TopP { get; set; }
        public float? Temperature { get; set; }
        public float? RepetitionPenalty { get; set; }
        public bool? PastPresentShareBuffer { get; set; }
        public int? NumReturnSequences { get; set; }
        public int? NumBeams { get; set; }
        public int? NoRepeatNgramSize { get; set; }
        public int? MinTokens { get; set; }
        public int? MaxTokens { get; set; }
        public float? LengthPenalty { get; set; }
        public bool? EarlyStopping { get; set; }
        public bool? DoSample { get; set; }
        public float? DiversityPenalty { get; set; }
    }
}
