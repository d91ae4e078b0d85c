namespace AlignmentPolicy.Evals.Models;

/// <summary>Resilience and accounting settings of the HTTP model adapters.</summary>
public sealed class HttpModelOptions
{
    /// <summary>Per-attempt timeout.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);
    /// <summary>Attempts per request (the first included) on 429, 5xx, timeouts and malformed or truncated replies.</summary>
    public int MaxAttempts { get; init; } = 4;
    /// <summary>The first backoff; doubles per attempt, with jitter. Retry-After wins when the server sends it.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>The longest wait between attempts (also caps Retry-After).</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Requests in flight at once.</summary>
    public int MaxConcurrency { get; init; } = 4;
    /// <summary>Where responses are cached by request digest (null: memory only).</summary>
    public string? CacheDirectory { get; init; }
    /// <summary>Sent as the request's seed where the API supports one.</summary>
    public long? Seed { get; init; }
    /// <summary>Sampling temperature.</summary>
    public double Temperature { get; init; } = 1.0;
    /// <summary>For tests: the handler to send through.</summary>
    public HttpMessageHandler? Handler { get; init; }
}
