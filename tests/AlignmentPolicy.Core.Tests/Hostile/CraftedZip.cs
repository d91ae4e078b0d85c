using System.IO.Compression;
using System.Text;

namespace AlignmentPolicy.Core.Tests.Hostile;

/// <summary>
/// Writes zip archives byte by byte, so tests can make what System.IO.Compression will not: names it would refuse or
/// normalise, the same name twice, encryption flags, wrong CRCs and sizes, a local header that disagrees with the
/// central directory, overlapping entries, a second end-of-central-directory record.
/// </summary>
internal sealed class CraftedZip
{
    private readonly List<Entry> _entries = [];

    public sealed class Entry
    {
        public required byte[] Name { get; init; }
        public required byte[] Data { get; init; }
        public bool Deflate { get; init; } = true;
        public ushort Flags { get; set; } = 0x0800;
        public uint? Crc { get; set; }
        public long? DeclaredSize { get; set; }
        public byte[]? LocalName { get; set; }
        public byte[] Extra { get; set; } = [];
        /// <summary>Point the central entry at the local header of another entry (overlap).</summary>
        public int? SharesDataWith { get; set; }
    }

    public CraftedZip Add(string name, string text, Action<Entry>? edit = null) => Add(Encoding.UTF8.GetBytes(name), Encoding.UTF8.GetBytes(text), edit);

    public CraftedZip Add(byte[] name, byte[] data, Action<Entry>? edit = null)
    {
        var entry = new Entry { Name = name, Data = data };
        edit?.Invoke(entry);
        _entries.Add(entry);
        return this;
    }

    /// <summary>Every entry of an existing archive, as System.IO.Compression reads it.</summary>
    public static CraftedZip From(string path)
    {
        var zip = new CraftedZip();
        using var archive = ZipFile.OpenRead(path);
        foreach (var entry in archive.Entries)
        {
            using var stream = entry.Open();
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            zip.Add(Encoding.UTF8.GetBytes(entry.FullName), buffer.ToArray());
        }

        return zip;
    }

    /// <param name="declaredEntries">Overrides the entry count in the end record.</param>
    /// <param name="secondEndRecord">Appends a comment that holds another end-of-central-directory record.</param>
    public byte[] ToBytes(long? declaredEntries = null, bool secondEndRecord = false)
    {
        using var output = new MemoryStream();
        var writer = new BinaryWriter(output);
        var offsets = new long[_entries.Count];
        var compressed = new byte[_entries.Count][];
        for (var i = 0; i < _entries.Count; i++)
        {
            var entry = _entries[i];
            compressed[i] = entry.Deflate ? DeflateBytes(entry.Data) : entry.Data;
            if (entry.SharesDataWith is not null)
            {
                continue;
            }

            offsets[i] = output.Position;
            var localName = entry.LocalName ?? entry.Name;
            writer.Write(0x04034b50u);
            writer.Write((ushort)20);
            writer.Write(entry.Flags);
            writer.Write((ushort)(entry.Deflate ? 8 : 0));
            writer.Write(0u); // time and date
            writer.Write(Crc(entry));
            writer.Write((uint)compressed[i].Length);
            writer.Write((uint)(entry.DeclaredSize ?? entry.Data.Length));
            writer.Write((ushort)localName.Length);
            writer.Write((ushort)0);
            writer.Write(localName);
            writer.Write(compressed[i]);
        }

        var directoryStart = output.Position;
        for (var i = 0; i < _entries.Count; i++)
        {
            var entry = _entries[i];
            var offset = entry.SharesDataWith is { } other ? offsets[other] : offsets[i];
            var data = entry.SharesDataWith is { } shared ? compressed[shared] : compressed[i];
            writer.Write(0x02014b50u);
            writer.Write((ushort)20);
            writer.Write((ushort)20);
            writer.Write(entry.Flags);
            writer.Write((ushort)(entry.Deflate ? 8 : 0));
            writer.Write(0u);
            writer.Write(Crc(entry));
            writer.Write((uint)data.Length);
            writer.Write((uint)(entry.DeclaredSize ?? entry.Data.Length));
            writer.Write((ushort)entry.Name.Length);
            writer.Write((ushort)entry.Extra.Length);
            writer.Write((ushort)0); // comment
            writer.Write((ushort)0); // disk
            writer.Write((ushort)0);
            writer.Write(0u);
            writer.Write((uint)offset);
            writer.Write(entry.Name);
            writer.Write(entry.Extra);
        }

        var directorySize = output.Position - directoryStart;
        var count = declaredEntries ?? _entries.Count;
        var comment = secondEndRecord ? EndRecord(count, directorySize, directoryStart, 0) : [];
        writer.Write(EndRecord(count, directorySize, directoryStart, comment.Length));
        writer.Write(comment);
        writer.Flush();
        return output.ToArray();
    }

    public string Save(string folder, string name = "crafted.nupkg", long? declaredEntries = null, bool secondEndRecord = false)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, ToBytes(declaredEntries, secondEndRecord));
        return path;
    }

    private static byte[] EndRecord(long entries, long directorySize, long directoryStart, int commentLength)
    {
        using var buffer = new MemoryStream();
        var writer = new BinaryWriter(buffer);
        writer.Write(0x06054b50u);
        writer.Write((ushort)0);
        writer.Write((ushort)0);
        writer.Write((ushort)Math.Min(entries, 0xFFFF));
        writer.Write((ushort)Math.Min(entries, 0xFFFF));
        writer.Write((uint)directorySize);
        writer.Write((uint)directoryStart);
        writer.Write((ushort)commentLength);
        writer.Flush();
        return buffer.ToArray();
    }

    private static uint Crc(Entry entry) => entry.Crc ?? Crc32(entry.Data);

    /// <summary>CRC-32 bit by bit: an oracle independent of the reader's table-driven one.</summary>
    public static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    public static byte[] DeflateBytes(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflate.Write(data);
        }

        return buffer.ToArray();
    }
}
