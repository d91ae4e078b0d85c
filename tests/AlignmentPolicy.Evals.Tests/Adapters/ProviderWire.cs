using System.Text.Json.Nodes;
using AlignmentPolicy.Evals.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Evals.Tests.Adapters;

/// <summary>The providers whose official SDKs the adapters use.</summary>
public enum Provider
{
    OpenAI,
    AzureOpenAI,
    Anthropic,
    Ollama,
}

/// <summary>
/// What each provider's API sends back, as the SDKs expect it on the wire (OpenAI's and Azure OpenAI's chat completions
/// and server-sent chunks, Anthropic's message and server-sent events, Ollama's JSON and NDJSON), and the adapter
/// <c>--model</c> builds for each against the loopback server, with the keys tests use.
/// </summary>
internal static class ProviderWire
{
    public const string OpenAIKey = "sk-openai-loopback-key";
    public const string AzureKey = "azure-loopback-key";
    public const string AnthropicKey = "sk-ant-loopback-key";

    public static ModelSpec Spec(Provider provider, LoopbackChatServer server) => provider switch
    {
        Provider.OpenAI => new(ModelSpec.OpenAI, "gpt-loopback", server.BaseUrl),
        Provider.AzureOpenAI => new(ModelSpec.AzureOpenAI, "loopback-deployment", server.Root),
        Provider.Anthropic => new(ModelSpec.Anthropic, "claude-loopback", server.Root),
        _ => new(ModelSpec.Ollama, "llama-loopback", server.Root),
    };

    /// <summary>The environment the adapters read their keys from.</summary>
    public static string? Environment(string name) => name switch
    {
        ModelFactory.OpenAIKeyVariable => OpenAIKey,
        ModelFactory.AzureOpenAIKeyVariable => AzureKey,
        ModelFactory.AnthropicKeyVariable => AnthropicKey,
        _ => null,
    };

    public static IChatClient Client(Provider provider, LoopbackChatServer server, HttpModelOptions options)
        => ModelFactory.Create(Spec(provider, server), options, Environment, out _);

    /// <summary>The path (and query) the provider's SDK posts a chat to.</summary>
    public static string Path(Provider provider) => provider switch
    {
        Provider.OpenAI => "/v1/chat/completions",
        Provider.AzureOpenAI => "/openai/deployments/loopback-deployment/chat/completions",
        Provider.Anthropic => "/v1/messages",
        _ => "/api/chat",
    };

    /// <summary>A complete reply with text and token usage.</summary>
    public static string Reply(Provider provider, string text, int inputTokens = 11, int outputTokens = 7) => provider switch
    {
        Provider.OpenAI or Provider.AzureOpenAI => LoopbackChatServer.Completion(text, inputTokens, outputTokens),
        Provider.Anthropic => new JsonObject
        {
            ["id"] = "msg_1",
            ["type"] = "message",
            ["role"] = "assistant",
            ["model"] = "claude-loopback",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = text }),
            ["stop_reason"] = "end_turn",
            ["stop_sequence"] = null,
            ["usage"] = new JsonObject { ["input_tokens"] = inputTokens, ["output_tokens"] = outputTokens },
        }.ToJsonString(),
        _ => OllamaChunk(text, done: true, inputTokens, outputTokens).ToJsonString(),
    };

    /// <summary>An error body in the provider's shape.</summary>
    public static string Error(Provider provider, string message) => provider switch
    {
        Provider.Anthropic => new JsonObject { ["type"] = "error", ["error"] = new JsonObject { ["type"] = "api_error", ["message"] = message } }.ToJsonString(),
        Provider.Ollama => new JsonObject { ["error"] = message }.ToJsonString(),
        _ => new JsonObject { ["error"] = new JsonObject { ["message"] = message } }.ToJsonString(),
    };

    /// <summary>Writes a streamed reply; <paramref name="complete"/> false stops after the first two pieces of text, before
    /// the provider's end of stream (OpenAI's finish chunk and [DONE], Anthropic's message_delta and message_stop,
    /// Ollama's done line).</summary>
    public static Task WriteStreamAsync(Provider provider, HttpContext context, string text, bool complete = true, int inputTokens = 11, int outputTokens = 7)
    {
        var words = text.Split(' ').Select(w => w + " ").ToList();
        var take = complete ? words.Count : Math.Min(2, words.Count);
        switch (provider)
        {
            case Provider.OpenAI or Provider.AzureOpenAI:
                var chunks = LoopbackChatServer.StreamChunks(text, complete, inputTokens, outputTokens);
                return LoopbackChatServer.WriteStreamAsync(context, complete ? chunks : chunks.Take(take));
            case Provider.Anthropic:
                List<string> events =
                [
                    Event("message_start", new JsonObject
                    {
                        ["type"] = "message_start",
                        ["message"] = new JsonObject
                        {
                            ["id"] = "msg_1", ["type"] = "message", ["role"] = "assistant", ["model"] = "claude-loopback", ["content"] = new JsonArray(),
                            ["stop_reason"] = null, ["stop_sequence"] = null,
                            ["usage"] = new JsonObject { ["input_tokens"] = inputTokens, ["output_tokens"] = 1 },
                        },
                    }),
                    Event("content_block_start", new JsonObject { ["type"] = "content_block_start", ["index"] = 0, ["content_block"] = new JsonObject { ["type"] = "text", ["text"] = "" } }),
                    .. words.Take(take).Select(w => Event("content_block_delta", new JsonObject { ["type"] = "content_block_delta", ["index"] = 0, ["delta"] = new JsonObject { ["type"] = "text_delta", ["text"] = w } })),
                ];
                if (complete)
                {
                    events.Add(Event("content_block_stop", new JsonObject { ["type"] = "content_block_stop", ["index"] = 0 }));
                    events.Add(Event("message_delta", new JsonObject
                    {
                        ["type"] = "message_delta",
                        ["delta"] = new JsonObject { ["stop_reason"] = "end_turn", ["stop_sequence"] = null },
                        ["usage"] = new JsonObject { ["output_tokens"] = outputTokens },
                    }));
                    events.Add(Event("message_stop", new JsonObject { ["type"] = "message_stop" }));
                }

                return LoopbackChatServer.WriteStreamAsync(context, events);
            default:
                List<string> lines = [.. words.Take(take).Select(w => OllamaChunk(w, done: false).ToJsonString() + "\n")];
                if (complete)
                {
                    lines.Add(OllamaChunk("", done: true, inputTokens, outputTokens).ToJsonString() + "\n");
                }

                return LoopbackChatServer.WriteStreamAsync(context, lines, "application/x-ndjson");
        }
    }

    private static string Event(string name, JsonObject data) => $"event: {name}\ndata: {data.ToJsonString()}\n\n";

    private static JsonObject OllamaChunk(string text, bool done, int inputTokens = 0, int outputTokens = 0)
    {
        var chunk = new JsonObject
        {
            ["model"] = "llama-loopback",
            ["created_at"] = "2026-01-01T00:00:00Z",
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = text },
            ["done"] = done,
        };
        if (done)
        {
            chunk["done_reason"] = "stop";
            chunk["prompt_eval_count"] = inputTokens;
            chunk["eval_count"] = outputTokens;
        }

        return chunk;
    }
}
