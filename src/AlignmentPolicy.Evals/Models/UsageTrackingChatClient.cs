using System.Diagnostics;
using System.Runtime.CompilerServices;
using AlignmentPolicy.Core.Evals;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Evals.Models;

/// <summary>Counts model calls, tokens and latency of everything the harness sends to the model.</summary>
public sealed class UsageTrackingChatClient(IChatClient inner) : DelegatingChatClient(inner)
{
    private long _calls;
    private long _inputTokens;
    private long _outputTokens;
    private long _latencyTicks;

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _inputTokens, response.Usage?.InputTokenCount ?? 0);
            Interlocked.Add(ref _outputTokens, response.Usage?.OutputTokenCount ?? 0);
            return response;
        }
        finally
        {
            Interlocked.Increment(ref _calls);
            Interlocked.Add(ref _latencyTicks, Stopwatch.GetTimestamp() - start);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
            {
                foreach (var usage in update.Contents.OfType<UsageContent>())
                {
                    Interlocked.Add(ref _inputTokens, usage.Details.InputTokenCount ?? 0);
                    Interlocked.Add(ref _outputTokens, usage.Details.OutputTokenCount ?? 0);
                }

                yield return update;
            }
        }
        finally
        {
            Interlocked.Increment(ref _calls);
            Interlocked.Add(ref _latencyTicks, Stopwatch.GetTimestamp() - start);
        }
    }

    public EvalUsageRecord Snapshot()
    {
        var usage = new EvalUsageRecord
        {
            Calls = Interlocked.Read(ref _calls),
            InputTokens = Interlocked.Read(ref _inputTokens),
            OutputTokens = Interlocked.Read(ref _outputTokens),
            LatencyMs = Math.Round(Interlocked.Read(ref _latencyTicks) * 1000.0 / Stopwatch.Frequency, 3),
        };
        if (InnerClient.GetService(typeof(IModelStatistics)) is IModelStatistics statistics)
        {
            usage.CacheHits = statistics.CacheHits;
            usage.Retries = statistics.Retries;
        }

        return usage;
    }
}
