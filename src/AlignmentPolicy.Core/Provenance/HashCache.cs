using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace AlignmentPolicy.Core.Provenance;

/// <summary>
/// Digests remembered by path, size and modification time (in <c>obj/</c>), so an unchanged file is
/// never read twice. A damaged cache is ignored, never trusted.
/// </summary>
public sealed class HashCache
{
    private const string Header = "alignment-policy hash cache v1";
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _used = new(StringComparer.Ordinal);
    private bool _changed;

    private HashCache(string? file) => File = file;

    /// <summary>Where the cache is kept; null for an in-memory cache.</summary>
    public string? File { get; }

    /// <summary>Loads the cache at <paramref name="file"/>, or starts an empty one.</summary>
    public static HashCache Load(string? file)
    {
        var cache = new HashCache(file);
        if (file is null || !System.IO.File.Exists(file))
        {
            return cache;
        }

        try
        {
            FileSystem.RegularFile.EnsureReadable(file);
            var lines = System.IO.File.ReadAllLines(file);
            if (lines.Length == 0 || lines[0] != Header)
            {
                return cache;
            }

            foreach (var line in lines.Skip(1))
            {
                var parts = line.Split('\t');
                if (parts.Length == 4
                    && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size)
                    && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                    && parts[0].Length == 64)
                {
                    cache._entries[parts[3]] = new Entry(parts[0], size, ticks);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Unreadable: start afresh.
        }

        return cache;
    }

    /// <summary>The cached digest when the file's size and modification time are unchanged.</summary>
    public bool TryGet(string path, long size, long modifiedTicks, out string digest)
    {
        if (_entries.TryGetValue(path, out var entry) && entry.Size == size && entry.ModifiedTicks == modifiedTicks)
        {
            _used[path] = true;
            digest = entry.Digest;
            return true;
        }

        digest = "";
        return false;
    }

    /// <summary>Records a digest.</summary>
    public void Set(string path, long size, long modifiedTicks, string digest)
    {
        _entries[path] = new Entry(digest, size, modifiedTicks);
        _used[path] = true;
        _changed = true;
    }

    /// <summary>Writes the cache, keeping only the entries used in this run, when anything changed.</summary>
    public void Save()
    {
        if (File is null)
        {
            return;
        }

        var stale = _entries.Keys.Where(k => !_used.ContainsKey(k)).ToList();
        if (!_changed && stale.Count == 0)
        {
            return;
        }

        var builder = new StringBuilder(Header).Append('\n');
        foreach (var pair in _entries.Where(e => _used.ContainsKey(e.Key)).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            builder.Append(pair.Value.Digest).Append('\t')
                .Append(pair.Value.Size.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(pair.Value.ModifiedTicks.ToString(CultureInfo.InvariantCulture)).Append('\t')
                .Append(pair.Key).Append('\n');
        }

        Policy.GeneratedFile.WriteIfChanged(File, builder.ToString());
    }

    private readonly struct Entry
    {
        public Entry(string digest, long size, long modifiedTicks)
        {
            Digest = digest;
            Size = size;
            ModifiedTicks = modifiedTicks;
        }

        public string Digest { get; }

        public long Size { get; }

        public long ModifiedTicks { get; }
    }
}
