using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using AlignmentPolicy.Core.FileSystem;

namespace AlignmentPolicy.Core.Provenance;

/// <summary>
/// SHA-256 of files: streamed through a fixed buffer (constant memory whatever the file size), files in
/// parallel, and files whose path, size and modification time are in the cache are not read at all.
/// </summary>
public static class FileHasher
{
    private const int BufferSize = 1 << 20;

    /// <summary>The lower-case hex SHA-256 of one file.</summary>
    public static string HashFile(string path)
    {
        // A FIFO would block the open forever and a device would never end: only regular files are opened.
        RegularFile.EnsureReadable(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[(int)Math.Max(1, Math.Min(BufferSize, stream.Length))];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        return ToHex(hash.GetHashAndReset());
    }

    /// <summary>
    /// Hashes every file (by real path), in parallel, using and updating <paramref name="cache"/>. Files that
    /// cannot be read are returned in <see cref="HashBatch.Failures"/> with the reason.
    /// </summary>
    public static HashBatch HashAll(IEnumerable<string> paths, HashCache? cache, int maxParallelism = 0)
    {
        var unique = new List<string>(new HashSet<string>(paths, StringComparer.Ordinal));
        var digests = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var failures = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        var hashed = 0;
        long bytes = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism > 0 ? maxParallelism : Environment.ProcessorCount };
        Parallel.ForEach(unique, options, path =>
        {
            try
            {
                var info = new FileInfo(path);
                var size = info.Length;
                var modified = info.LastWriteTimeUtc.Ticks;
                if (cache is not null && cache.TryGet(path, size, modified, out var cached))
                {
                    digests[path] = cached;
                    return;
                }

                var digest = HashFile(path);
                Interlocked.Increment(ref hashed);
                Interlocked.Add(ref bytes, size);
                digests[path] = digest;
                cache?.Set(path, size, modified, digest);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                failures[path] = ex.Message;
            }
        });

        return new HashBatch(digests, failures, hashed, bytes);
    }

    /// <summary>Lower-case hex.</summary>
    public static string ToHex(byte[] bytes)
    {
        var chars = new char[bytes.Length * 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[2 * i] = HexDigit(bytes[i] >> 4);
            chars[2 * i + 1] = HexDigit(bytes[i] & 0xF);
        }

        return new string(chars);
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);
}

/// <summary>The digests of a batch of files.</summary>
public sealed class HashBatch
{
    internal HashBatch(IReadOnlyDictionary<string, string> digests, IReadOnlyDictionary<string, string> failures, int filesHashed, long bytesHashed)
    {
        Digests = digests;
        Failures = failures;
        FilesHashed = filesHashed;
        BytesHashed = bytesHashed;
    }

    /// <summary>Digest by path.</summary>
    public IReadOnlyDictionary<string, string> Digests { get; }

    /// <summary>Why a file could not be read, by path.</summary>
    public IReadOnlyDictionary<string, string> Failures { get; }

    /// <summary>How many files were actually read (cache misses).</summary>
    public int FilesHashed { get; }

    /// <summary>How many bytes were read.</summary>
    public long BytesHashed { get; }
}
