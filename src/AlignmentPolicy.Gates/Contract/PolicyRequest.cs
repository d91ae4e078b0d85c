using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Gates;

/// <summary>
/// What a gate is asked to judge: messages about to be sent to a model, a model's answer, or a tool
/// call with its arguments, its declared side-effect categories and the conversation's tool history.
/// </summary>
/// <remarks>Create one with <see cref="ForModelRequest"/>, <see cref="ForModelResponse"/>,
/// <see cref="ForStreamingResponse"/> or <see cref="ForToolCall"/>.</remarks>
public sealed class PolicyRequest
{
    private static readonly IReadOnlyDictionary<string, object?> NoArguments = new Dictionary<string, object?>();
    private static readonly PolicyOrigin DefaultOrigin = new(PolicySources.ExtensionsAI, null);
    private IReadOnlyList<PolicyToolRecord>? _toolHistory;
    private string? _responseText;
    private PolicyOrigin _origin = DefaultOrigin;

    // Kind, streaming and a cache share one field: the request is built on every model and tool call.
    private byte _kind;
    private bool _isStreaming;
    private byte _outboundMessage;

    private PolicyRequest(PolicyRequestKind kind, IReadOnlyList<ChatMessage> messages)
    {
        _kind = (byte)kind;
        Messages = messages;
    }

    /// <summary>What is proposed.</summary>
    public PolicyRequestKind Kind => (PolicyRequestKind)_kind;

    /// <summary>Cached by the built-in gates: 0 unknown, 1 not an outbound message, 2 an outbound message.</summary>
    internal int OutboundMessage
    {
        get => _outboundMessage;
        set => _outboundMessage = (byte)value;
    }

    /// <summary>The conversation so far (for a tool call: up to and including the model's call).</summary>
    public IReadOnlyList<ChatMessage> Messages { get; }

    /// <summary>The chat options of the model call, when known.</summary>
    public ChatOptions? Options { get; init; }

    /// <summary>For <see cref="PolicyRequestKind.ModelResponse"/>: the complete response, when not streaming.</summary>
    public ChatResponse? Response { get; private init; }

    /// <summary>Whether the request comes from a streaming call.</summary>
    public bool IsStreaming
    {
        get => _isStreaming;
        init => _isStreaming = value;
    }

    /// <summary>The integration that built the request: <c>Microsoft.Extensions.AI</c>,
    /// <c>Microsoft.Agents.AI</c> or <c>Microsoft.SemanticKernel</c>.</summary>
    public string Source
    {
        get => _origin.Source;
        init => _origin = new PolicyOrigin(value ?? throw new ArgumentNullException(nameof(value)), _origin.Services);
    }

    /// <summary>For a tool call: the function's name.</summary>
    public string? FunctionName { get; private init; }

    /// <summary>For a tool call: the model's call id, when known.</summary>
    public string? CallId { get; init; }

    /// <summary>For a tool call: the arguments the model chose.</summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; private init; } = NoArguments;

    /// <summary>For a tool call: the declared side-effect categories (see <see cref="SideEffectCategories"/>).</summary>
    public IReadOnlyList<string> SideEffects { get; private init; } = [];

    /// <summary>For a tool call: the function itself, when it is a Microsoft.Extensions.AI function.</summary>
    public AIFunction? Function { get; init; }

    /// <summary>Services of the host, when available.</summary>
    public IServiceProvider? Services
    {
        get => _origin.Services;
        init => _origin = new PolicyOrigin(_origin.Source, value);
    }

    /// <summary>
    /// The tool calls made earlier in this conversation with their outcomes, read from
    /// <see cref="Messages"/> (and the response's messages). Computed on first use.
    /// </summary>
    public IReadOnlyList<PolicyToolRecord> ToolHistory => _toolHistory ??= PolicyToolRecord.Collect(Messages, Response?.Messages);

    /// <summary>For <see cref="PolicyRequestKind.ModelResponse"/>: the answer's text (the final assistant text,
    /// or the text streamed so far). Empty for other kinds.</summary>
    public string ResponseText => _responseText ??= Response is null ? string.Empty : FinalAssistantText(Response.Messages);

    /// <summary>Creates a request for messages about to be sent to a model.</summary>
    /// <param name="messages">The messages.</param>
    /// <param name="options">The chat options.</param>
    /// <returns>The request.</returns>
    public static PolicyRequest ForModelRequest(IEnumerable<ChatMessage> messages, ChatOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return new PolicyRequest(PolicyRequestKind.ModelRequest, AsList(messages)) { Options = options };
    }

    /// <summary>Creates a request for a complete model response.</summary>
    /// <param name="messages">The messages that were sent.</param>
    /// <param name="response">The response.</param>
    /// <param name="options">The chat options.</param>
    /// <returns>The request.</returns>
    public static PolicyRequest ForModelResponse(IEnumerable<ChatMessage> messages, ChatResponse response, ChatOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(response);
        return new PolicyRequest(PolicyRequestKind.ModelResponse, AsList(messages)) { Response = response, Options = options };
    }

    /// <summary>Creates a request for the text a model has streamed so far.</summary>
    /// <param name="messages">The messages that were sent.</param>
    /// <param name="textSoFar">The text streamed so far.</param>
    /// <param name="options">The chat options.</param>
    /// <returns>The request.</returns>
    public static PolicyRequest ForStreamingResponse(IEnumerable<ChatMessage> messages, string textSoFar, ChatOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(textSoFar);
        return new PolicyRequest(PolicyRequestKind.ModelResponse, AsList(messages)) { _responseText = textSoFar, IsStreaming = true, Options = options };
    }

    /// <summary>Creates a request for a tool call.</summary>
    /// <param name="functionName">The function's name.</param>
    /// <param name="arguments">The arguments the model chose.</param>
    /// <param name="sideEffects">The declared side-effect categories.</param>
    /// <param name="messages">The conversation so far.</param>
    /// <returns>The request.</returns>
    public static PolicyRequest ForToolCall(
        string functionName,
        IReadOnlyDictionary<string, object?>? arguments,
        IReadOnlyList<string>? sideEffects = null,
        IEnumerable<ChatMessage>? messages = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        return new PolicyRequest(PolicyRequestKind.ToolCall, messages is null ? [] : AsList(messages))
        {
            FunctionName = functionName,
            Arguments = arguments ?? NoArguments,

            // A former category name ("file-write") is the category it became ("filesystem"), as the policy knows it.
            SideEffects = sideEffects is null ? [] : [.. sideEffects.Select(AlignmentPolicy.Vocabulary.SideEffectVocabulary.Canonical)],
        };
    }

    internal static PolicyRequest Tool(
        string name,
        IReadOnlyDictionary<string, object?>? arguments,
        IReadOnlyList<string> sideEffects,
        IReadOnlyList<ChatMessage> messages,
        string? callId,
        AIFunction? function,
        ChatOptions? options,
        bool streaming,
        PolicyOrigin? origin)
        => new(PolicyRequestKind.ToolCall, messages)
        {
            FunctionName = name,
            Arguments = arguments ?? NoArguments,
            SideEffects = sideEffects,
            CallId = callId,
            Function = function,
            Options = options,
            IsStreaming = streaming,
            _origin = origin ?? DefaultOrigin,
        };

    internal static PolicyRequest Model(
        PolicyRequestKind kind,
        IReadOnlyList<ChatMessage> messages,
        ChatOptions? options,
        ChatResponse? response,
        string? text,
        bool streaming,
        PolicyOrigin? origin)
        => new(kind, messages)
        {
            Options = options,
            Response = response,
            _responseText = text,
            IsStreaming = streaming,
            _origin = origin ?? DefaultOrigin,
        };

    internal static IReadOnlyList<ChatMessage> AsReadOnly(IEnumerable<ChatMessage> messages) => AsList(messages);

    /// <summary>Whether the tool call declares <paramref name="category"/> (ordinal, case-insensitive; a former name such
    /// as <c>file-write</c> is the category it became, <c>filesystem</c>).</summary>
    /// <param name="category">A side-effect category.</param>
    /// <returns><see langword="true"/> when declared.</returns>
    public bool HasSideEffect(string category)
    {
        category = AlignmentPolicy.Vocabulary.SideEffectVocabulary.Canonical(category);
        var effects = SideEffects;
        for (var i = 0; i < effects.Count; i++)
        {
            if (string.Equals(effects[i], category, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns an argument as text: strings as they are, JSON strings unquoted, other values as JSON.</summary>
    /// <param name="name">The argument name (ordinal, case-insensitive).</param>
    /// <returns>The text, or <see langword="null"/> when the argument is absent.</returns>
    public string? GetArgumentText(string name)
    {
        if (Arguments.TryGetValue(name, out var value))
        {
            return ValueText(value);
        }

        foreach (var pair in Arguments)
        {
            if (string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return ValueText(pair.Value);
            }
        }

        return null;
    }

    internal static string? ValueText(object? value) => value switch
    {
        null => null,
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement e => e.GetRawText(),
        IEnumerable<string> strings => string.Join(", ", strings),
        _ => value.ToString(),
    };

    private static IReadOnlyList<ChatMessage> AsList(IEnumerable<ChatMessage> messages)
        => messages as IReadOnlyList<ChatMessage> ?? [.. messages];

    private static string FinalAssistantText(IList<ChatMessage> messages)
    {
        // The final answer is the text of the last assistant message; earlier ones are tool-call turns.
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            var message = messages[i];
            if (message.Role == ChatRole.Assistant)
            {
                return message.Text;
            }
        }

        return string.Empty;
    }
}

/// <summary>Where requests come from: one per pipeline, shared by its requests.</summary>
/// <param name="Source">The integration.</param>
/// <param name="Services">The host's services.</param>
internal sealed record PolicyOrigin(string Source, IServiceProvider? Services);
