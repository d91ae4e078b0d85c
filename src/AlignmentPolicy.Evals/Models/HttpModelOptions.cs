namespace AlignmentPolicy.Evals.Models;

/// <summary>Resilience, caching and sampling settings of the model adapters (<see cref="ModelFactory"/>).</summary>
public sealed class HttpModelOptions
{
    /// <summary>Per-attempt timeout: until the reply's headers and, for a reply that is not a stream, its whole body;
    /// for a stream, the longest wait for its next update.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(120);
    /// <summary>Attempts per request (the first included) on 408, 429, 5xx, timeouts, broken connections, and malformed
    /// or truncated replies.</summary>
    public int MaxAttempts { get; init; } = 4;
    /// <summary>The first backoff; grows exponentially per attempt, with jitter. Retry-After wins when the server sends it.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>The longest wait between attempts.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(60);
    /// <summary>Requests in flight at once.</summary>
    public int MaxConcurrency { get; init; } = 4;
    /// <summary>Where replies are cached, keyed by the request (null: no cache).</summary>
    public string? CacheDirectory { get; init; }
    /// <summary>Sent as the request's seed where the API supports one, unless the caller sets one.</summary>
    public long? Seed { get; init; }
    /// <summary>Sampling temperature, unless the caller sets one.</summary>
    public double Temperature { get; init; } = 1.0;
}
