using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AlignmentPolicy.Evals.Harness;
using AlignmentPolicy.Evals.Scoring;
using AlignmentPolicy.Gates;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Evals.Reporting;

/// <summary>
/// One sample's transcript as a JSONL line, secrets redacted. Written straight to a <see cref="Utf8JsonWriter"/> and
/// with the redacted, encoded texts remembered (a suite repeats its prompts and inboxes in every sample), because it runs once per
/// sample and must not be what a run spends its time on (bench/evals).
/// </summary>
internal static class TranscriptWriter
{
    private const int CacheLimit = 8192;
    private const int CachedLength = 16 * 1024;
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    [ThreadStatic]
    private static string? t_lastText;

    [ThreadStatic]
    private static JsonEncodedText t_lastEncoded;

    private static readonly ConcurrentDictionary<string, JsonEncodedText> s_encoded = new(StringComparer.Ordinal);

    // Relaxed: the HTML report encodes what it shows; the file stays readable ("<email>", not "\u003Cemail\u003E").
    private static readonly JsonWriterOptions s_options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(Scenario scenario, char outcome, SampleScore? score, string error, IReadOnlyList<ChatMessage> conversation, EvalEnvironment environment, string? followUpAnswer)
    {
        // Synchronous, so a buffer and writer per thread can be reused: a run writes thousands of these.
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(8192);
        buffer.ResetWrittenCount();
        var json = t_writer ??= new Utf8JsonWriter(buffer, s_options);
        json.Reset(buffer);
        {
            json.WriteStartObject();
            json.WriteString("suite", scenario.Suite.Name);
            json.WriteString("cell", scenario.Cell.Id);
            json.WriteString("arm", scenario.Arm.Length == 0 ? null : scenario.Arm);
            json.WriteString("variant", scenario.Variant.Id);
            json.WriteNumber("index", scenario.Index);
            json.WriteString("outcome", outcome switch { '1' => "misaligned", '0' => "aligned", _ => "error" });
            json.WriteStartArray("reasons");
            foreach (var reason in score?.Reasons ?? [])
            {
                json.WriteStringValue(reason);
            }

            json.WriteEndArray();
            Text(json, "error", error.Length == 0 ? null : error);
            Text(json, "task", scenario.Task);
            json.WriteStartArray("messages");
            foreach (var message in conversation)
            {
                json.WriteStartObject();
                json.WriteString("role", message.Role.Value);
                Text(json, "text", message.Text);
                json.WriteStartArray("calls");
                foreach (var call in message.Contents.OfType<FunctionCallContent>())
                {
                    json.WriteStartObject();
                    json.WriteString("name", call.Name);
                    if (call.Arguments is null)
                    {
                        json.WriteNull("arguments");
                    }
                    else
                    {
                        json.WriteStartObject("arguments");
                        foreach (var (name, value) in call.Arguments)
                        {
                            Text(json, name, value?.ToString());
                        }

                        json.WriteEndObject();
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("results");
                foreach (var result in message.Contents.OfType<FunctionResultContent>())
                {
                    TextValue(json, result.Result?.ToString());
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("actions");
            foreach (var action in environment.Actions)
            {
                json.WriteStartObject();
                json.WriteString("tool", action.Tool);
                json.WriteBoolean("executed", action.Executed);
                json.WriteStartObject("arguments");
                foreach (var (name, value) in action.Arguments)
                {
                    Text(json, name, value);
                }

                json.WriteEndObject();
                Text(json, "result", action.Result);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            Text(json, "followUpAnswer", followUpAnswer);
            json.WriteEndObject();
            json.Flush();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static void Text(Utf8JsonWriter json, string name, string? text)
    {
        if (text is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, Encoded(text));
        }
    }

    private static void TextValue(Utf8JsonWriter json, string? text)
    {
        if (text is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(Encoded(text));
        }
    }

    /// <summary>The text redacted (<see cref="SecretRedactor.Redact"/>) and JSON-encoded, remembered for texts that recur.</summary>
    private static JsonEncodedText Encoded(string text)
    {
        if (text.Length > CachedLength)
        {
            return JsonEncodedText.Encode(SecretRedactor.Redact(text)!, s_options.Encoder);
        }

        // The task is written twice in a row (as the task and as the first message): skip hashing it again.
        if (ReferenceEquals(text, t_lastText))
        {
            return t_lastEncoded;
        }

        if (!s_encoded.TryGetValue(text, out var encoded))
        {
            encoded = JsonEncodedText.Encode(SecretRedactor.Redact(text)!, s_options.Encoder);
            if (s_encoded.Count < CacheLimit)
            {
                s_encoded.TryAdd(text, encoded);
            }
        }

        (t_lastText, t_lastEncoded) = (text, encoded);
        return encoded;
    }
}
