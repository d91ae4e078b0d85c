using System.Text;
using System.Text.Json;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Writes every decision as one JSON object per line (JSONL), with secrets redacted and, when configured,
/// personal data masked. Thread-safe.
/// </summary>
public sealed class JsonlPolicyDecisionLog : IPolicyDecisionLog, IDisposable
{
    private readonly TextWriter _writer;
    private readonly bool _ownsWriter;
    private readonly Lock _gate = new();

    /// <summary>Appends to the file at <paramref name="path"/>, creating it and its folder if needed.</summary>
    /// <param name="path">The file path.</param>
    public JsonlPolicyDecisionLog(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        _writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read), new UTF8Encoding(false)) { AutoFlush = true };
        _ownsWriter = true;
    }

    /// <summary>Writes to <paramref name="writer"/>, which the caller owns.</summary>
    /// <param name="writer">The writer.</param>
    public JsonlPolicyDecisionLog(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
    }

    /// <summary>Whether e-mail addresses and phone numbers are masked. Default: <see langword="false"/>.</summary>
    public bool MaskPersonalData { get; init; }

    /// <summary>Whether tool arguments and response text are written (redacted). Default: <see langword="true"/>.</summary>
    public bool IncludeContent { get; init; } = true;

    /// <summary>Whether allow verdicts with no findings are written. Default: <see langword="true"/>.</summary>
    public bool IncludeAllowed { get; init; } = true;

    /// <inheritdoc />
    public void Record(PolicyDecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (!IncludeAllowed && record.Verdict.Decision == PolicyDecision.Allow && record.Verdict.Findings.Count == 0)
        {
            return;
        }

        var line = Format(record);
        lock (_gate)
        {
            _writer.WriteLine(line);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsWriter)
        {
            lock (_gate)
            {
                _writer.Dispose();
            }
        }
    }

    private string Format(PolicyDecisionRecord record)
    {
        var request = record.Request;
        var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", record.Timestamp);
            json.WriteString("source", request.Source);
            json.WriteString("kind", PolicyTelemetry.KindName(request.Kind));
            json.WriteString("decision", PolicyTelemetry.DecisionName(record.Verdict.Decision));
            json.WriteNumber("durationMs", Math.Round(record.Duration.TotalMilliseconds, 3));
            if (request.FunctionName is not null)
            {
                json.WriteString("tool", request.FunctionName);
                json.WriteString("callId", request.CallId);
                json.WriteStartArray("sideEffects");
                foreach (var category in request.SideEffects)
                {
                    json.WriteStringValue(category);
                }

                json.WriteEndArray();
            }

            json.WriteStartArray("findings");
            foreach (var finding in record.Verdict.Findings)
            {
                json.WriteStartObject();
                json.WriteString("principle", finding.Principle.ToString().ToLowerInvariant());
                json.WriteString("ruleId", finding.RuleId);
                json.WriteString("reason", SecretRedactor.Redact(finding.Reason, MaskPersonalData));
                if (finding.Evidence is not null)
                {
                    json.WriteString("evidence", SecretRedactor.Redact(finding.Evidence, MaskPersonalData));
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (IncludeContent)
            {
                if (request.Kind == PolicyRequestKind.ToolCall)
                {
                    json.WriteStartObject("arguments");
                    foreach (var pair in request.Arguments)
                    {
                        json.WriteString(pair.Key, SecretRedactor.Redact(PolicyRequest.ValueText(pair.Value), MaskPersonalData));
                    }

                    json.WriteEndObject();
                }
                else if (request.Kind == PolicyRequestKind.ModelResponse)
                {
                    json.WriteString("text", SecretRedactor.Redact(request.ResponseText, MaskPersonalData));
                }
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
