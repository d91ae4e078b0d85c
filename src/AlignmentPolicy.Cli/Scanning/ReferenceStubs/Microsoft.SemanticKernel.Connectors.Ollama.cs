// Reference stub (compiled by the scan, never run): Semantic Kernel's Ollama connector (Microsoft.SemanticKernel.Connectors.Ollama), which
// the package mirror does not serve (OllamaSharp, which it builds on, is shipped with the tool). Without it a kernel built with
// `AddOllamaChatClient(...)` is an error type and none of its calls binds. Bodies are empty on purpose.
#nullable enable
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel.ChatCompletion;
using OllamaSharp;

namespace Microsoft.SemanticKernel
{
    public static class OllamaKernelBuilderExtensions
    {
        public static IKernelBuilder AddOllamaChatCompletion(this IKernelBuilder builder, string modelId, Uri endpoint, string? serviceId = null) => builder;
        public static IKernelBuilder AddOllamaChatCompletion(this IKernelBuilder builder, string modelId, HttpClient? httpClient = null, string? serviceId = null) => builder;
        public static IKernelBuilder AddOllamaChatCompletion(this IKernelBuilder builder, OllamaApiClient? ollamaClient = null, string? serviceId = null) => builder;
        public static IKernelBuilder AddOllamaChatClient(this IKernelBuilder builder, string modelId, Uri endpoint, string? serviceId = null) => builder;
        public static IKernelBuilder AddOllamaChatClient(this IKernelBuilder builder, string modelId, HttpClient? httpClient = null, string? serviceId = null) => builder;
        public static IKernelBuilder AddOllamaChatClient(this IKernelBuilder builder, OllamaApiClient? ollamaClient = null, string? serviceId = null) => builder;
    }

    public static class OllamaServiceCollectionExtensions
    {
        public static IServiceCollection AddOllamaChatCompletion(this IServiceCollection services, string modelId, Uri endpoint, string? serviceId = null) => services;
        public static IServiceCollection AddOllamaChatCompletion(this IServiceCollection services, string modelId, HttpClient? httpClient = null, string? serviceId = null) => services;
        public static IServiceCollection AddOllamaChatCompletion(this IServiceCollection services, OllamaApiClient? ollamaClient = null, string? serviceId = null) => services;
    }
}

namespace Microsoft.SemanticKernel.Connectors.Ollama
{
    public sealed class OllamaChatCompletionService : IChatCompletionService
    {
        public OllamaChatCompletionService(string modelId, Uri endpoint, ILoggerFactory? loggerFactory = null) { }
        public OllamaChatCompletionService(string modelId, HttpClient httpClient, ILoggerFactory? loggerFactory = null) { }
        public IReadOnlyDictionary<string, object?> Attributes => throw null!;
        public Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default) => throw null!;
        public IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(ChatHistory chatHistory, PromptExecutionSettings? executionSettings = null, Kernel? kernel = null, CancellationToken cancellationToken = default) => throw null!;
    }

    public sealed class OllamaPromptExecutionSettings : PromptExecutionSettings
    {
        public List<string>? Stop { get; set; }
        public int? TopK { get; set; }
        public float? TopP { get; set; }
        public float? Temperature { get; set; }
        public int? NumPredict { get; set; }
    }
}
