using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Distributed;

namespace AlignmentPolicy.Evals.Models;

/// <summary>
/// An <see cref="IDistributedCache"/> in a folder, one file per entry, under the response cache so a re-run of the same
/// requests costs no model call, also from a new process. A file is named by the SHA-256 of its key (the same name in
/// every run, safe on every file system whatever the key holds); it is written to a temporary file and renamed into
/// place (a reader never sees half an entry); it holds the SHA-256 of its key and value, and an entry that does not
/// match (torn, truncated, edited, copied under another name) reads as missing. Entries do not expire: the expiration
/// options are ignored. Failing to read or write the folder makes a miss, never a failed model call.
/// </summary>
public sealed class FileDistributedCache(string directory) : IDistributedCache
{
    private static readonly byte[] s_magic = "alignment-policy response cache 1\n"u8.ToArray();
    private const int DigestLength = 32;

    public string Directory { get; } = Path.GetFullPath(directory);

    public byte[]? Get(string key)
    {
        try
        {
            var path = PathOf(key);
            return File.Exists(path) ? Unwrap(key, File.ReadAllBytes(path)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        try
        {
            var path = PathOf(key);
            return File.Exists(path) ? Unwrap(key, await File.ReadAllBytesAsync(path, token).ConfigureAwait(false)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        var path = PathOf(key);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllBytes(temporary, Wrap(key, value));
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A reply that cannot be cached is still a good reply; the next run asks the model again.
            TryDelete(temporary);
        }
    }

    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        Set(key, value, options);
        return Task.CompletedTask;
    }

    public void Refresh(string key)
    {
    }

    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    public void Remove(string key) => TryDelete(PathOf(key));

    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        Remove(key);
        return Task.CompletedTask;
    }

    /// <summary>The entry's file: the lower-case hex SHA-256 of the key.</summary>
    public string PathOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Path.Combine(Directory, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key))) + ".json");
    }

    private static byte[] Wrap(string key, byte[] value)
    {
        var entry = new byte[s_magic.Length + DigestLength + value.Length];
        s_magic.CopyTo(entry, 0);
        Digest(key, value).CopyTo(entry, s_magic.Length);
        value.CopyTo(entry, s_magic.Length + DigestLength);
        return entry;
    }

    private static byte[]? Unwrap(string key, byte[] entry)
    {
        if (entry.Length < s_magic.Length + DigestLength || !entry.AsSpan(0, s_magic.Length).SequenceEqual(s_magic))
        {
            return null;
        }

        var value = entry[(s_magic.Length + DigestLength)..];
        return entry.AsSpan(s_magic.Length, DigestLength).SequenceEqual(Digest(key, value)) ? value : null;
    }

    private static byte[] Digest(string key, byte[] value)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(key));
        hash.AppendData([0]);
        hash.AppendData(value);
        return hash.GetHashAndReset();
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left for the next run to overwrite.
        }
    }
}
