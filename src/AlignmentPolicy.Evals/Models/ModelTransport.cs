using System.Net.Http.Headers;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace AlignmentPolicy.Evals.Models;

/// <summary>
/// The HTTP client every provider SDK sends through: one retry policy for all of them (Microsoft.Extensions.Http.Resilience:
/// 408, 429, 5xx, timeouts and broken connections retried with exponential backoff and jitter, Retry-After honoured) and a
/// per-attempt timeout. The SDKs' own retries are switched off, so attempts, backoff and the retry count are the same
/// whichever provider is evaluated; OllamaSharp has no retries of its own.
/// </summary>
internal sealed class ModelTransport : IDisposable
{
    public ModelTransport(HttpModelOptions options, ModelStatistics statistics)
    {
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage>();
        if (options.MaxAttempts > 1)
        {
            pipeline.AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.InitialBackoff,
                MaxDelay = options.MaxBackoff,
                ShouldRetryAfterHeader = true,
                // A body cut off while it is buffered (below) is a broken connection too; the caller cancelling is not a
                // fault; and the attempts the reply checks already spent on this call count.
                ShouldHandle = args => ValueTask.FromResult(
                    !args.Context.CancellationToken.IsCancellationRequested
                    && (HttpClientResiliencePredicates.IsTransient(args.Outcome) || args.Outcome.Exception is IOException)
                    && AttemptBudget.Current?.HasAttemptsLeft != false),
                OnRetry = _ =>
                {
                    statistics.CountRetry();
                    return default;
                },
            });
        }

        pipeline.AddTimeout(new HttpTimeoutStrategyOptions { Timeout = options.Timeout });
        var resilience = new ResilienceHandler(pipeline.Build()) { InnerHandler = new AttemptHandler(options.Timeout) { InnerHandler = new SocketsHttpHandler() } };
        // The SDKs get no timeout of their own: the pipeline's per-attempt timeout is the only one.
        HttpClient = new HttpClient(resilience) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    public HttpClient HttpClient { get; }

    public void Dispose() => HttpClient.Dispose();

    /// <summary>One attempt: counted against the call's <see cref="AttemptBudget"/>, and a reply that is not a stream read
    /// within it, so the attempt's timeout covers the body and a body cut off midway is retried like any broken
    /// connection. A stream (server-sent events, NDJSON) is passed on unread, failing when it stalls for longer than
    /// the timeout (<see cref="IdleTimeoutStream"/>).</summary>
    private sealed class AttemptHandler(TimeSpan timeout) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            AttemptBudget.Current?.Spend();
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            try
            {
                if (IsStream(response.Content.Headers.ContentType))
                {
                    var stream = new StreamContent(new IdleTimeoutStream(await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), timeout));
                    foreach (var (name, values) in response.Content.Headers)
                    {
                        stream.Headers.TryAddWithoutValidation(name, values);
                    }

                    response.Content = stream;
                }
                else
                {
                    await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
                }

                return response;
            }
            catch
            {
                response.Dispose();
                throw;
            }
        }

        private static bool IsStream(MediaTypeHeaderValue? type)
            => type?.MediaType is "text/event-stream" or "application/x-ndjson" or "application/jsonl";
    }
}
