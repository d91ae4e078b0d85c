using System.Text;
using AlignmentPolicy.Evals.Models;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;

namespace AlignmentPolicy.Evals.Tests.Adapters;

/// <summary>The file-backed cache under Microsoft.Extensions.AI's caching client: deterministic and safe file names,
/// whole entries only, and an entry that is damaged or unreadable is a miss, never a wrong answer or a crash.</summary>
public sealed class ResponseCacheTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "alignment-cache-tests-" + Guid.NewGuid().ToString("N"));

    private static HttpModelOptions Options(string cache) => new() { MaxAttempts = 1, Timeout = TimeSpan.FromSeconds(10), CacheDirectory = cache };

    private static List<ChatMessage> Ask(string text) => [new(ChatRole.User, text)];

    [Theory]
    [InlineData("plain")]
    [InlineData("../../etc/passwd")]
    [InlineData("C:\\Windows\\con:aux*?\"<>|")]
    [InlineData("")]
    public void An_entry_is_named_by_the_hash_of_its_key_inside_the_folder_and_reads_back(string key)
    {
        var cache = new FileDistributedCache(_directory);

        cache.Set(key, [1, 2, 3], new DistributedCacheEntryOptions());

        var path = cache.PathOf(key);
        Assert.Equal(Path.GetFullPath(_directory), Path.GetDirectoryName(path));
        Assert.Matches("^[0-9a-f]{64}\\.json$", Path.GetFileName(path));
        Assert.Equal(path, new FileDistributedCache(_directory).PathOf(key));
        Assert.Equal([1, 2, 3], new FileDistributedCache(_directory).Get(key));
        Assert.Single(Directory.GetFiles(_directory));
    }

    [Fact]
    public void A_damaged_entry_reads_as_missing_and_the_next_write_replaces_it()
    {
        var cache = new FileDistributedCache(_directory);
        cache.Set("k", Encoding.UTF8.GetBytes("{\"answer\":\"stored\"}"), new DistributedCacheEntryOptions());
        var path = cache.PathOf("k");
        var original = File.ReadAllBytes(path);

        File.WriteAllBytes(path, original[..^5]);
        Assert.Null(cache.Get("k"));
        var edited = original.ToArray();
        edited[^3] ^= 0x20;
        File.WriteAllBytes(path, edited);
        Assert.Null(cache.Get("k"));
        File.WriteAllText(path, "not a cache entry");
        Assert.Null(cache.Get("k"));
        // An entry copied under another key's name is not that key's entry.
        cache.Set("other", [9], new DistributedCacheEntryOptions());
        File.Copy(cache.PathOf("other"), path, overwrite: true);
        Assert.Null(cache.Get("k"));

        cache.Set("k", [7], new DistributedCacheEntryOptions());
        Assert.Equal([7], cache.Get("k"));
    }

    [Fact]
    public async Task A_cached_entry_that_is_not_a_reply_is_a_miss_and_the_fresh_reply_replaces_it()
    {
        var storage = new KeyRecordingCache(new FileDistributedCache(_directory));
        var model = new CountingChatClient();
        var statistics = new ModelStatistics();
        using var client = new ResponseCacheChatClient(model, storage, statistics);
        await client.GetResponseAsync(Ask("question"));

        // A whole, valid entry whose value is no reply (written by another version, say).
        storage.Set(Assert.Single(storage.Keys), Encoding.UTF8.GetBytes("{\"messages\": 42"), new DistributedCacheEntryOptions());

        Assert.Equal("reply 2", (await client.GetResponseAsync(Ask("question"))).Text);
        Assert.Equal("reply 2", (await client.GetResponseAsync(Ask("question"))).Text);
        Assert.Equal(2, model.Calls);
        Assert.Equal(1, statistics.CacheHits);
    }

    [Fact]
    public async Task Two_models_sharing_a_cache_folder_do_not_answer_for_each_other()
    {
        await using var server = await LoopbackChatServer.StartAsync((n, context) => LoopbackChatServer.WriteJsonAsync(context, LoopbackChatServer.Completion($"answer {n}")));
        using var small = ModelFactory.Create(new ModelSpec(ModelSpec.OpenAI, "small", server.BaseUrl), Options(_directory), _ => null, out _);
        using var large = ModelFactory.Create(new ModelSpec(ModelSpec.OpenAI, "large", server.BaseUrl), Options(_directory), _ => null, out _);

        Assert.Equal("answer 1", (await small.GetResponseAsync(Ask("same question"))).Text);
        Assert.Equal("answer 2", (await large.GetResponseAsync(Ask("same question"))).Text);
        Assert.Equal("answer 1", (await small.GetResponseAsync(Ask("same question"))).Text);
        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task A_failed_call_is_not_cached()
    {
        await using var server = await LoopbackChatServer.StartAsync((n, context) => n == 1
            ? LoopbackChatServer.WriteJsonAsync(context, "{\"choices\": [ ")
            : LoopbackChatServer.WriteJsonAsync(context, LoopbackChatServer.Completion("good")));
        using var client = ModelFactory.Create(new ModelSpec(ModelSpec.OpenAI, "m", server.BaseUrl), Options(_directory), _ => null, out _);

        await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync(Ask("q")));
        Assert.Empty(Directory.Exists(_directory) ? Directory.GetFiles(_directory) : []);
        Assert.Equal("good", (await client.GetResponseAsync(Ask("q"))).Text);
    }

    /// <summary>A model that answers "reply n" to its n-th call.</summary>
    private sealed class CountingChatClient : IChatClient
    {
        private int _calls;

        public int Calls => _calls;

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
            => Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, $"reply {Interlocked.Increment(ref _calls)}")) { FinishReason = ChatFinishReason.Stop });

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
            => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    /// <summary>Remembers the keys the caching client writes, so a test can damage an entry it knows.</summary>
    private sealed class KeyRecordingCache(IDistributedCache inner) : IDistributedCache
    {
        public List<string> Keys { get; } = [];

        public byte[]? Get(string key) => inner.Get(key);

        public Task<byte[]?> GetAsync(string key, CancellationToken token = default) => inner.GetAsync(key, token);

        public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
        {
            if (!Keys.Contains(key))
            {
                Keys.Add(key);
            }

            inner.Set(key, value, options);
        }

        public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
        {
            Set(key, value, options);
            return Task.CompletedTask;
        }

        public void Refresh(string key) => inner.Refresh(key);

        public Task RefreshAsync(string key, CancellationToken token = default) => inner.RefreshAsync(key, token);

        public void Remove(string key) => inner.Remove(key);

        public Task RemoveAsync(string key, CancellationToken token = default) => inner.RemoveAsync(key, token);
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
