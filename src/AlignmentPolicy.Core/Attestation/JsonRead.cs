using System.Collections.Generic;
using AlignmentPolicy.Core.Json;

namespace AlignmentPolicy.Core.Attestation;

/// <summary>Typed access to parsed statement JSON; every mismatch is an <see cref="AttestationFormatException"/> at its position.</summary>
internal static class JsonRead
{
    public static JsonObject Object(JsonNode node, string what)
        => node as JsonObject ?? throw Error($"{what} is not a JSON object.", node);

    public static JsonNode? Optional(JsonObject owner, string name)
    {
        var value = owner.Find(name)?.Value;
        return value is null or JsonNull ? null : value;
    }

    public static JsonNode Required(JsonObject owner, string name, string what)
        => Optional(owner, name) ?? throw Error($"{what} has no '{name}'.", owner);

    public static string String(JsonObject owner, string name, string what)
        => Required(owner, name, what) is JsonString s ? s.Value : throw Error($"'{name}' in {what} is not a string.", owner.Find(name)!.Value);

    public static string? OptionalString(JsonObject owner, string name, string what)
        => Optional(owner, name) switch
        {
            null => null,
            JsonString s => s.Value,
            var other => throw Error($"'{name}' in {what} is not a string.", other),
        };

    public static double Number(JsonObject owner, string name, string what)
        => Required(owner, name, what) is JsonNumber n ? n.Value : throw Error($"'{name}' in {what} is not a number.", owner.Find(name)!.Value);

    public static double? OptionalNumber(JsonObject owner, string name, string what)
        => Optional(owner, name) switch
        {
            null => null,
            JsonNumber n => n.Value,
            var other => throw Error($"'{name}' in {what} is not a number.", other),
        };

    public static bool OptionalBoolean(JsonObject owner, string name, string what)
        => Optional(owner, name) switch
        {
            null => false,
            JsonBoolean b => b.Value,
            var other => throw Error($"'{name}' in {what} is not true or false.", other),
        };

    public static IReadOnlyList<JsonNode> Array(JsonObject owner, string name, string what, bool required)
        => (required ? Required(owner, name, what) : Optional(owner, name)) switch
        {
            null => new JsonNode[0],
            JsonArray a => a.Items,
            var other => throw Error($"'{name}' in {what} is not an array.", other),
        };

    public static AttestationFormatException Error(string message, JsonNode node)
        => new(message, node.Span.Line, node.Span.Column);
}
