namespace AlignmentPolicy.Evals.Models;

/// <summary>What a model client did beyond what the usage tracker sees: replies served from the cache and attempts
/// sent again.</summary>
public interface IModelStatistics
{
    long CacheHits { get; }

    long Retries { get; }
}

/// <summary>The counters of one model client, shared by its cache, its transport and its reply checks.</summary>
internal sealed class ModelStatistics : IModelStatistics
{
    private long _cacheHits;
    private long _retries;

    public long CacheHits => Interlocked.Read(ref _cacheHits);

    public long Retries => Interlocked.Read(ref _retries);

    public void CountCacheHit() => Interlocked.Increment(ref _cacheHits);

    public void CountRetry() => Interlocked.Increment(ref _retries);
}
