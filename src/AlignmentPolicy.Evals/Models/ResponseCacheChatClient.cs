using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;

namespace AlignmentPolicy.Evals.Models;

/// <summary>Microsoft.Extensions.AI's <see cref="DistributedCachingChatClient"/>, counting hits, and reading an entry it
/// cannot deserialize (written by another version, say) as a miss that the fresh reply then replaces.</summary>
internal sealed class ResponseCacheChatClient(IChatClient inner, IDistributedCache storage, ModelStatistics statistics)
    : DistributedCachingChatClient(inner, storage)
{
    protected override async Task<ChatResponse?> ReadCacheAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return Counted(await base.ReadCacheAsync(key, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            return null;
        }
    }

    protected override async Task<IReadOnlyList<ChatResponseUpdate>?> ReadCacheStreamingAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return Counted(await base.ReadCacheStreamingAsync(key, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException)
        {
            return null;
        }
    }

    private T? Counted<T>(T? entry)
        where T : class
    {
        if (entry is not null)
        {
            statistics.CountCacheHit();
        }

        return entry;
    }
}
