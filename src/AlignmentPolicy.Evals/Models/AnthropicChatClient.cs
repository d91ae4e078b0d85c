using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Evals.Models;

/// <summary>An <see cref="IChatClient"/> over Anthropic's Messages API (tool_use / tool_result blocks), with the
/// resilience of <see cref="ResilientHttpModel"/>.</summary>
public sealed class AnthropicChatClient : IChatClient
{
    private readonly Uri _endpoint;
    private readonly string _model;
    private readonly Dictionary<string, string> _headers = new(StringComparer.Ordinal) { ["anthropic-version"] = "2023-06-01" };
    private readonly HttpModelOptions _options;
    private readonly ResilientHttpModel _http;

    public AnthropicChatClient(Uri baseUrl, string model, string? apiKey, HttpModelOptions? options = null)
    {
        _endpoint = new Uri(baseUrl.ToString().TrimEnd('/') + "/messages");
        _model = model;
        _options = options ?? new HttpModelOptions();
        _http = new ResilientHttpModel(_options);
        if (!string.IsNullOrEmpty(apiKey))
        {
            _headers["x-api-key"] = apiKey;
        }
    }

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => _http.PostAsync(_endpoint, Body(messages, options), _headers, Parse, cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    private JsonObject Body(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var system = new List<string>();
        if (options?.Instructions is { Length: > 0 } instructions)
        {
            system.Add(instructions);
        }

        var list = new JsonArray();
        foreach (var message in messages)
        {
            if (message.Role == ChatRole.System)
            {
                system.Add(message.Text);
                continue;
            }

            var blocks = new JsonArray();
            foreach (var content in message.Contents)
            {
                switch (content)
                {
                    case TextContent { Text.Length: > 0 } text:
                        blocks.Add(new JsonObject { ["type"] = "text", ["text"] = text.Text });
                        break;
                    case FunctionCallContent call:
                        blocks.Add(new JsonObject { ["type"] = "tool_use", ["id"] = call.CallId, ["name"] = call.Name, ["input"] = JsonNode.Parse(JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>())) });
                        break;
                    case FunctionResultContent result:
                        blocks.Add(new JsonObject { ["type"] = "tool_result", ["tool_use_id"] = result.CallId, ["content"] = result.Result?.ToString() ?? "" });
                        break;
                }
            }

            list.Add(new JsonObject { ["role"] = message.Role == ChatRole.Assistant ? "assistant" : "user", ["content"] = blocks });
        }

        var body = new JsonObject { ["model"] = options?.ModelId ?? _model, ["max_tokens"] = options?.MaxOutputTokens ?? 4096, ["messages"] = list, ["temperature"] = options?.Temperature ?? _options.Temperature };
        if (system.Count > 0)
        {
            body["system"] = string.Join("\n\n", system);
        }

        var tools = options?.Tools?.OfType<AIFunctionDeclaration>().ToList();
        if (tools is { Count: > 0 })
        {
            body["tools"] = new JsonArray([.. tools.Select(t => (JsonNode)new JsonObject { ["name"] = t.Name, ["description"] = t.Description, ["input_schema"] = JsonNode.Parse(t.JsonSchema.GetRawText()) })]);
        }

        return body;
    }

    internal static ChatResponse Parse(string text)
    {
        var root = JsonNode.Parse(text) as JsonObject ?? throw new FormatException("The reply is not a JSON object.");
        var blocks = root["content"] as JsonArray ?? throw new FormatException("The reply has no content.");
        var contents = new List<AIContent>();
        foreach (var block in blocks)
        {
            switch (block?["type"]?.GetValue<string>())
            {
                case "text":
                    contents.Add(new TextContent(block["text"]?.GetValue<string>() ?? ""));
                    break;
                case "tool_use":
                    var input = JsonSerializer.Deserialize<Dictionary<string, object?>>(block["input"]?.ToJsonString() ?? "{}") ?? [];
                    contents.Add(new FunctionCallContent(block["id"]?.GetValue<string>() ?? "", block["name"]?.GetValue<string>() ?? throw new FormatException("tool_use without a name."), input));
                    break;
            }
        }

        return new ChatResponse(new ChatMessage(ChatRole.Assistant, contents))
        {
            ModelId = root["model"]?.GetValue<string>(),
            FinishReason = root["stop_reason"]?.GetValue<string>() == "tool_use" ? ChatFinishReason.ToolCalls : ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = root["usage"]?["input_tokens"]?.GetValue<long>(), OutputTokenCount = root["usage"]?["output_tokens"]?.GetValue<long>() },
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
        => serviceKey is not null ? null : serviceType == typeof(IModelStatistics) ? _http : serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose() => _http.Dispose();
}
