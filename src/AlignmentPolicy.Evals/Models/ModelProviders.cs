using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Anthropic.Core;
using Azure.AI.OpenAI;
using Azure.Identity;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;
using OpenAI.Chat;

namespace AlignmentPolicy.Evals.Models;

/// <summary>
/// The <see cref="IChatClient"/> of each provider's official SDK, sending through the shared <see cref="ModelTransport"/>
/// with the SDK's own retries and timeouts switched off (the transport does both, the same for every provider).
/// </summary>
internal static class ModelProviders
{
    public static readonly Uri OpenAIEndpoint = new("https://api.openai.com/v1");
    public static readonly Uri AnthropicEndpoint = new("https://api.anthropic.com");
    public static readonly Uri OllamaEndpoint = new("http://localhost:11434");
    public const string NoKey = "no-key";

    /// <summary>OpenAI, or any server of the chat-completions API at <paramref name="endpoint"/> (a gateway, vLLM, LiteLLM,
    /// Ollama's /v1). The SDK requires a credential; a server that takes none (a local gateway) gets a placeholder.</summary>
    public static IChatClient OpenAI(string model, Uri endpoint, string? apiKey, HttpClient http)
    {
        var options = new OpenAIClientOptions { Endpoint = endpoint };
        Configure(options, http);
        return new ChatClient(model, new ApiKeyCredential(string.IsNullOrEmpty(apiKey) ? NoKey : apiKey), options).AsIChatClient();
    }

    /// <summary>Azure OpenAI: the key in the <c>api-key</c> header, or Entra ID through <see cref="DefaultAzureCredential"/>
    /// (environment, workload identity, managed identity, Azure CLI, ...) when there is no key.</summary>
    public static IChatClient AzureOpenAI(string deployment, Uri endpoint, string? apiKey, HttpClient http)
    {
        var options = new AzureOpenAIClientOptions();
        Configure(options, http);
        var client = string.IsNullOrEmpty(apiKey)
            ? new AzureOpenAIClient(endpoint, new DefaultAzureCredential(), options)
            : new AzureOpenAIClient(endpoint, new ApiKeyCredential(apiKey), options);
        return client.GetChatClient(deployment).AsIChatClient();
    }

    public static IChatClient Anthropic(string model, Uri endpoint, string apiKey, HttpClient http)
        => new AnthropicClient(new ClientOptions
        {
            ApiKey = apiKey,
            BaseUrl = endpoint.ToString(),
            HttpClient = http,
            MaxRetries = 0,
            Timeout = Timeout.InfiniteTimeSpan,
        }).AsIChatClient(model, defaultMaxOutputTokens: 4096);

    /// <summary>Ollama's native chat API (<c>/api/chat</c>) at <paramref name="endpoint"/>, the server's root.</summary>
    public static IChatClient Ollama(string model, Uri endpoint, HttpClient http)
    {
        http.BaseAddress = endpoint;
        return new OllamaApiClient(http, model);
    }

    private static void Configure(ClientPipelineOptions options, HttpClient http)
    {
        options.Transport = new HttpClientPipelineTransport(http);
        options.RetryPolicy = new ClientRetryPolicy(maxRetries: 0);
        options.NetworkTimeout = Timeout.InfiniteTimeSpan;
    }
}
