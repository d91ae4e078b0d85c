using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace AlignmentPolicy.Evals.Models;

/// <summary>An error from a model endpoint after retries: the sample counts as an error, never as a pass.</summary>
public sealed class ModelCallException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The HTTP core of the adapters: a concurrency limit, retries with exponential backoff and jitter on 429 (honouring
/// Retry-After), 5xx, timeouts and malformed replies, and a response cache keyed by the SHA-256 of the request body
/// (a re-run costs nothing).
/// </summary>
public sealed class ResilientHttpModel : IModelStatistics, IDisposable
{
    private readonly HttpClient _http;
    private readonly HttpModelOptions _options;
    private readonly SemaphoreSlim _gate;
    private readonly ConcurrentDictionary<string, string> _memoryCache = new(StringComparer.Ordinal);
    private long _cacheHits;
    private long _retries;

    public ResilientHttpModel(HttpModelOptions options)
    {
        _options = options;
        _http = options.Handler is null ? new HttpClient { Timeout = Timeout.InfiniteTimeSpan } : new HttpClient(options.Handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        _gate = new SemaphoreSlim(Math.Max(1, options.MaxConcurrency));
    }

    public long CacheHits => Interlocked.Read(ref _cacheHits);

    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Posts <paramref name="body"/>; <paramref name="parse"/> turns the reply text into a result or throws
    /// <see cref="FormatException"/> for a malformed reply (retried). Successful replies are cached.</summary>
    public async Task<T> PostAsync<T>(Uri uri, JsonObject body, IReadOnlyDictionary<string, string> headers, Func<string, T> parse, CancellationToken cancellationToken)
    {
        var json = body.ToJsonString();
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(uri + "\n" + json)));
        if (TryCache(key) is { } cached)
        {
            Interlocked.Increment(ref _cacheHits);
            return parse(cached);
        }

        Exception? last = null;
        for (var attempt = 1; attempt <= Math.Max(1, _options.MaxAttempts); attempt++)
        {
            TimeSpan? retryAfter = null;
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_options.Timeout);
                using var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
                foreach (var (name, value) in headers)
                {
                    message.Headers.TryAddWithoutValidation(name, value);
                }

                using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                var text = await response.Content.ReadAsStringAsync(timeout.Token).ConfigureAwait(false);
                if (response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500)
                {
                    retryAfter = RetryAfter(response);
                    last = new ModelCallException($"{uri} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
                }
                else if (!response.IsSuccessStatusCode)
                {
                    throw new ModelCallException($"{uri} answered {(int)response.StatusCode} {response.ReasonPhrase}: {Shorten(text)}");
                }
                else
                {
                    var result = ParseReply(parse, text);
                    Store(key, text);
                    return result;
                }
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                last = new ModelCallException($"{uri} did not answer within {_options.Timeout.TotalSeconds:0.#} s.", e);
            }
            catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or HttpRequestException or IOException)
            {
                last = new ModelCallException($"{uri}: {e.Message}", e);
            }
            finally
            {
                _gate.Release();
            }

            if (attempt < _options.MaxAttempts)
            {
                Interlocked.Increment(ref _retries);
                var backoff = retryAfter ?? TimeSpan.FromTicks((long)(_options.InitialBackoff.Ticks * Math.Pow(2, attempt - 1) * (0.8 + 0.4 * Random.Shared.NextDouble())));
                await Task.Delay(backoff < _options.MaxBackoff ? backoff : _options.MaxBackoff, cancellationToken).ConfigureAwait(false);
            }
        }

        throw last ?? new ModelCallException($"{uri}: no attempts made.");
    }

    /// <summary>Any failure to read a 2xx reply (a missing element, a wrong type, an empty list) is a malformed reply.</summary>
    private static T ParseReply<T>(Func<string, T> parse, string text)
    {
        try
        {
            return parse(text);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or KeyNotFoundException or IndexOutOfRangeException or InvalidCastException)
        {
            throw new FormatException($"The reply does not have the expected shape: {e.Message}", e);
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } header)
        {
            if (header.Delta is { } delta)
            {
                return delta;
            }

            if (header.Date is { } date)
            {
                var wait = date - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        return null;
    }

    private string? TryCache(string key)
    {
        if (_memoryCache.TryGetValue(key, out var text))
        {
            return text;
        }

        var path = _options.CacheDirectory is null ? null : Path.Combine(_options.CacheDirectory, key + ".json");
        if (path is not null && File.Exists(path))
        {
            text = File.ReadAllText(path);
            _memoryCache[key] = text;
            return text;
        }

        return null;
    }

    private void Store(string key, string text)
    {
        _memoryCache[key] = text;
        if (_options.CacheDirectory is { } directory)
        {
            Directory.CreateDirectory(directory);
            var temp = Path.Combine(directory, key + "." + Environment.ProcessId + ".tmp");
            File.WriteAllText(temp, text);
            File.Move(temp, Path.Combine(directory, key + ".json"), overwrite: true);
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "...";

    public void Dispose()
    {
        _http.Dispose();
        _gate.Dispose();
    }

    internal static long Elapsed(long start) => (Stopwatch.GetTimestamp() - start) * 1000 / Stopwatch.Frequency;
}
