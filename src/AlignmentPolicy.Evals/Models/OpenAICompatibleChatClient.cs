using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Evals.Models;

/// <summary>
/// An <see cref="IChatClient"/> over the OpenAI chat-completions wire format at any base URL (OpenAI, Azure-compatible
/// gateways, vLLM, Ollama's /v1), with the resilience of <see cref="ResilientHttpModel"/>. Streaming uses server-sent
/// events; a stream that ends without <c>[DONE]</c> is truncated and retried.
/// </summary>
public sealed class OpenAICompatibleChatClient : IChatClient
{
    private readonly Uri _endpoint;
    private readonly string _model;
    private readonly Dictionary<string, string> _headers = new(StringComparer.Ordinal);
    private readonly HttpModelOptions _options;
    private readonly ResilientHttpModel _http;

    public OpenAICompatibleChatClient(Uri baseUrl, string model, string? apiKey, HttpModelOptions? options = null)
    {
        _endpoint = new Uri(baseUrl.ToString().TrimEnd('/') + "/chat/completions");
        _model = model;
        _options = options ?? new HttpModelOptions();
        _http = new ResilientHttpModel(_options);
        if (!string.IsNullOrEmpty(apiKey))
        {
            _headers["Authorization"] = "Bearer " + apiKey;
        }
    }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => await _http.PostAsync(_endpoint, Body(messages, options, stream: false), _headers, Parse, cancellationToken).ConfigureAwait(false);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // The whole stream is read (and checked for truncation) before anything is returned, so a retry cannot duplicate output.
        var response = await _http.PostAsync(_endpoint, Body(messages, options, stream: true), _headers, ParseStream, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    internal JsonObject Body(IEnumerable<ChatMessage> messages, ChatOptions? options, bool stream)
    {
        var list = new JsonArray();
        if (options?.Instructions is { Length: > 0 } instructions)
        {
            list.Add(new JsonObject { ["role"] = "system", ["content"] = instructions });
        }

        foreach (var message in messages)
        {
            var results = message.Contents.OfType<FunctionResultContent>().ToList();
            if (results.Count > 0)
            {
                foreach (var result in results)
                {
                    list.Add(new JsonObject { ["role"] = "tool", ["tool_call_id"] = result.CallId, ["content"] = result.Result?.ToString() ?? "" });
                }

                continue;
            }

            var item = new JsonObject { ["role"] = message.Role.Value, ["content"] = message.Text };
            var calls = message.Contents.OfType<FunctionCallContent>().ToList();
            if (calls.Count > 0)
            {
                item["tool_calls"] = new JsonArray([.. calls.Select(c => (JsonNode)new JsonObject
                {
                    ["id"] = c.CallId,
                    ["type"] = "function",
                    ["function"] = new JsonObject { ["name"] = c.Name, ["arguments"] = JsonSerializer.Serialize(c.Arguments ?? new Dictionary<string, object?>()) },
                })]);
            }

            list.Add(item);
        }

        var body = new JsonObject { ["model"] = options?.ModelId ?? _model, ["messages"] = list, ["temperature"] = options?.Temperature ?? _options.Temperature };
        if (_options.Seed is { } seed)
        {
            body["seed"] = seed;
        }

        if (stream)
        {
            body["stream"] = true;
            body["stream_options"] = new JsonObject { ["include_usage"] = true };
        }

        var tools = options?.Tools?.OfType<AIFunctionDeclaration>().ToList();
        if (tools is { Count: > 0 })
        {
            body["tools"] = new JsonArray([.. tools.Select(t => (JsonNode)new JsonObject
            {
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = t.Name, ["description"] = t.Description, ["parameters"] = JsonNode.Parse(t.JsonSchema.GetRawText()) },
            })]);
        }

        return body;
    }

    internal static ChatResponse Parse(string text)
    {
        var root = JsonNode.Parse(text) as JsonObject ?? throw new FormatException("The reply is not a JSON object.");
        var message = root["choices"]?[0]?["message"] as JsonObject ?? throw new FormatException("The reply has no choices[0].message.");
        var contents = new List<AIContent>();
        if (message["content"]?.GetValue<string>() is { Length: > 0 } content)
        {
            contents.Add(new TextContent(content));
        }

        if (message["tool_calls"] is JsonArray calls)
        {
            foreach (var call in calls)
            {
                contents.Add(Call(call?["id"]?.GetValue<string>(), call?["function"]?["name"]?.GetValue<string>(), call?["function"]?["arguments"]?.GetValue<string>()));
            }
        }

        return Response(root, contents, root["choices"]?[0]?["finish_reason"]?.GetValue<string>());
    }

    internal static ChatResponse ParseStream(string text)
    {
        var content = new StringBuilder();
        var calls = new SortedDictionary<int, (string? Id, string? Name, StringBuilder Arguments)>();
        JsonObject? usage = null;
        string? finish = null;
        var done = false;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (!line.StartsWith("data:", StringComparison.Ordinal))
            {
                continue;
            }

            var data = line[5..].Trim();
            if (data == "[DONE]")
            {
                done = true;
                break;
            }

            var chunk = JsonNode.Parse(data) as JsonObject ?? throw new FormatException("A stream chunk is not a JSON object.");
            usage = chunk["usage"] as JsonObject ?? usage;
            var choice = chunk["choices"]?[0];
            finish = choice?["finish_reason"]?.GetValue<string>() ?? finish;
            var delta = choice?["delta"];
            content.Append(delta?["content"]?.GetValue<string>());
            if (delta?["tool_calls"] is JsonArray deltas)
            {
                foreach (var d in deltas)
                {
                    var index = d?["index"]?.GetValue<int>() ?? 0;
                    var entry = calls.TryGetValue(index, out var existing) ? existing : (null, null, new StringBuilder());
                    entry.Id ??= d?["id"]?.GetValue<string>();
                    entry.Name ??= d?["function"]?["name"]?.GetValue<string>();
                    entry.Arguments.Append(d?["function"]?["arguments"]?.GetValue<string>());
                    calls[index] = entry;
                }
            }
        }

        if (!done)
        {
            throw new FormatException("The stream ended before [DONE] (truncated).");
        }

        var contents = new List<AIContent>();
        if (content.Length > 0)
        {
            contents.Add(new TextContent(content.ToString()));
        }

        contents.AddRange(calls.Values.Select(c => Call(c.Id, c.Name, c.Arguments.ToString())));
        return Response(new JsonObject { ["usage"] = usage?.DeepClone() }, contents, finish);
    }

    private static FunctionCallContent Call(string? id, string? name, string? arguments)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new FormatException("A tool call has no function name.");
        }

        Dictionary<string, object?> parsed;
        try
        {
            parsed = string.IsNullOrWhiteSpace(arguments) ? [] : JsonSerializer.Deserialize<Dictionary<string, object?>>(arguments) ?? [];
        }
        catch (JsonException e)
        {
            throw new FormatException($"The arguments of tool call '{name}' are not a JSON object: {e.Message}");
        }

        return new FunctionCallContent(id ?? Guid.NewGuid().ToString("N"), name, parsed);
    }

    private static ChatResponse Response(JsonObject root, List<AIContent> contents, string? finish)
    {
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, contents))
        {
            ModelId = root["model"]?.GetValue<string>(),
            FinishReason = finish switch { "tool_calls" => ChatFinishReason.ToolCalls, "length" => ChatFinishReason.Length, "content_filter" => ChatFinishReason.ContentFilter, _ => ChatFinishReason.Stop },
        };
        if (root["usage"] is JsonObject usage)
        {
            response.Usage = new UsageDetails
            {
                InputTokenCount = usage["prompt_tokens"]?.GetValue<long>(),
                OutputTokenCount = usage["completion_tokens"]?.GetValue<long>(),
                TotalTokenCount = usage["total_tokens"]?.GetValue<long>(),
            };
        }

        return response;
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
        => serviceKey is not null ? null
            : serviceType == typeof(IModelStatistics) ? _http
            : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("openai-compatible", _endpoint, _model)
            : serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() => _http.Dispose();
}
