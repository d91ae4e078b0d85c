using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using AlignmentPolicy.Core.Diagnostics;

namespace AlignmentPolicy.Core.Attestation.Zip;

/// <summary>One entry as the central directory and its local header describe it.</summary>
internal sealed class ZipRecord
{
    public string Name { get; set; } = "";
    public byte[] RawName { get; set; } = new byte[0];
    public int Flags { get; set; }
    public int Method { get; set; }
    public uint Crc32 { get; set; }
    public long CompressedSize { get; set; }
    public long Size { get; set; }
    public long LocalHeaderOffset { get; set; }
    public bool HasUnicodePathField { get; set; }

    /// <summary>Where the entry's (compressed) data starts, from its local header.</summary>
    public long DataStart { get; set; }

    public bool IsEncrypted => (Flags & 0x0001) != 0 || (Flags & 0x0040) != 0 || Method == 99;
}

/// <summary>
/// Reads a zip archive's structure itself (end of central directory, ZIP64 records, central directory, local headers)
/// rather than through System.IO.Compression, which on netstandard2.0 neither exposes the encryption flag nor checks
/// CRCs, keeps one of two entries with the same name, and decodes names its own way. Every structural problem is a
/// coded <see cref="PackageProblem"/>; nothing here throws on bad data.
/// </summary>
internal static class ZipDirectory
{
    private const uint EndOfCentralDirectory = 0x06054b50;
    private const uint Zip64EndOfCentralDirectory = 0x06064b50;
    private const uint Zip64Locator = 0x07064b50;
    private const uint CentralHeader = 0x02014b50;
    private const uint LocalHeader = 0x04034b50;

    /// <summary>The entries, or null when the archive's structure cannot be read (the reason is in <paramref name="problems"/>).</summary>
    public static List<ZipRecord>? Read(Stream stream, PackageReadLimits limits, List<PackageProblem> problems)
    {
        void Damaged(string message) => problems.Add(new PackageProblem(BuildDiagnosticIds.PackageUnreadable, "", message));

        var length = stream.Length;
        var end = FindEndOfCentralDirectory(stream, length, out var ambiguous);
        if (ambiguous)
        {
            Damaged("The package has two end-of-central-directory records: zip readers would disagree on its contents.");
            return null;
        }

        if (end < 0)
        {
            Damaged("The package is not a zip archive (no end-of-central-directory record).");
            return null;
        }

        var eocd = ReadAt(stream, end, 22)!;
        long entries = U16(eocd, 10), directorySize = U32(eocd, 12), directoryOffset = U32(eocd, 16);
        if (U16(eocd, 4) != 0 || U16(eocd, 6) != 0 || U16(eocd, 8) != U16(eocd, 10))
        {
            Damaged("The package is a multi-volume (spanned) zip archive.");
            return null;
        }

        var directoryEnd = end;
        if (entries == 0xFFFF || directorySize == 0xFFFFFFFF || directoryOffset == 0xFFFFFFFF)
        {
            var locator = end >= 20 ? ReadAt(stream, end - 20, 20) : null;
            if (locator is null || U32(locator, 0) != Zip64Locator)
            {
                Damaged("The package's end-of-central-directory record points to ZIP64 records that are not there.");
                return null;
            }

            var zip64Offset = U64(locator, 8);
            var zip64 = zip64Offset >= 0 && zip64Offset <= end - 20 - 56 ? ReadAt(stream, zip64Offset, 56) : null;
            if (zip64 is null || U32(zip64, 0) != Zip64EndOfCentralDirectory || U64(zip64, 24) != U64(zip64, 32))
            {
                Damaged("The package's ZIP64 end-of-central-directory record is missing or damaged.");
                return null;
            }

            entries = U64(zip64, 32);
            directorySize = U64(zip64, 40);
            directoryOffset = U64(zip64, 48);
            directoryEnd = zip64Offset;
        }

        if (entries > limits.MaxEntries)
        {
            problems.Add(new PackageProblem(BuildDiagnosticIds.PackageTooManyEntries, "",
                $"The package declares {entries} entries; at most {limits.MaxEntries} are read (PackageReadLimits.MaxEntries, --max-entries)."));
            return null;
        }

        if (directoryOffset < 0 || directorySize < 0 || directoryOffset + directorySize > directoryEnd || directorySize > int.MaxValue)
        {
            Damaged("The package's central directory lies outside the archive.");
            return null;
        }

        var directory = ReadAt(stream, directoryOffset, (int)directorySize)!;
        var records = new List<ZipRecord>();
        var position = 0;
        for (long i = 0; i < entries; i++)
        {
            if (position + 46 > directory.Length || U32(directory, position) != CentralHeader)
            {
                Damaged($"The package's central directory holds fewer entries than the {entries} it declares.");
                return null;
            }

            int nameLength = U16(directory, position + 28), extraLength = U16(directory, position + 30), commentLength = U16(directory, position + 32);
            if (position + 46 + nameLength + extraLength + commentLength > directory.Length)
            {
                Damaged("An entry of the package's central directory runs past its end.");
                return null;
            }

            var record = new ZipRecord
            {
                Flags = U16(directory, position + 8),
                Method = U16(directory, position + 10),
                Crc32 = (uint)U32(directory, position + 16),
                CompressedSize = U32(directory, position + 20),
                Size = U32(directory, position + 24),
                LocalHeaderOffset = U32(directory, position + 42),
                RawName = Slice(directory, position + 46, nameLength),
            };
            var disk = U16(directory, position + 34);
            if (!ReadExtraFields(directory, position + 46 + nameLength, extraLength, record, ref disk) || disk != 0)
            {
                Damaged($"The central directory entry of '{Printable(record.RawName)}' has damaged ZIP64 sizes or names another volume.");
                return null;
            }

            record.Name = DecodeName(record);
            records.Add(record);
            position += 46 + nameLength + extraLength + commentLength;
        }

        return ReadLocalHeaders(stream, records, directoryOffset, problems) ? records : null;
    }

    /// <summary>Each local header must agree with the central directory, and entries' data must not overlap or run into it.</summary>
    private static bool ReadLocalHeaders(Stream stream, List<ZipRecord> records, long directoryOffset, List<PackageProblem> problems)
    {
        foreach (var record in records)
        {
            var header = record.LocalHeaderOffset >= 0 && record.LocalHeaderOffset + 30 <= directoryOffset ? ReadAt(stream, record.LocalHeaderOffset, 30) : null;
            if (header is null || U32(header, 0) != LocalHeader)
            {
                problems.Add(new PackageProblem(BuildDiagnosticIds.PackageUnreadable, record.Name, $"The local header of '{record.Name}' is missing or damaged."));
                return false;
            }

            int nameLength = U16(header, 26), extraLength = U16(header, 28);
            var name = ReadAt(stream, record.LocalHeaderOffset + 30, nameLength);
            if (name is null || !Equal(name, record.RawName))
            {
                problems.Add(new PackageProblem(BuildDiagnosticIds.PackageEntryAmbiguousName, record.Name,
                    $"The local header of '{record.Name}' names it '{(name is null ? "" : Printable(name))}': extractors that read local headers would see another file."));
                continue;
            }

            if ((U16(header, 6) & 0x41) != (record.Flags & 0x41) || U16(header, 8) != record.Method)
            {
                problems.Add(new PackageProblem(BuildDiagnosticIds.PackageEntryAmbiguousName, record.Name,
                    $"The local header of '{record.Name}' disagrees with the central directory on its encryption or compression."));
                continue;
            }

            record.DataStart = record.LocalHeaderOffset + 30 + nameLength + extraLength;
            if (record.CompressedSize < 0 || record.DataStart + record.CompressedSize > directoryOffset)
            {
                problems.Add(new PackageProblem(BuildDiagnosticIds.PackageUnreadable, record.Name, $"The data of '{record.Name}' runs into the central directory."));
                return false;
            }
        }

        // Two entries sharing data expand one stored stream many times (an overlapping-entry zip bomb).
        var ordered = new List<ZipRecord>(records);
        ordered.Sort((a, b) => a.LocalHeaderOffset.CompareTo(b.LocalHeaderOffset));
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].DataStart != 0 && ordered[i - 1].DataStart != 0 && ordered[i].LocalHeaderOffset < ordered[i - 1].DataStart + ordered[i - 1].CompressedSize)
            {
                problems.Add(new PackageProblem(BuildDiagnosticIds.PackageUnreadable, ordered[i].Name,
                    $"The entries '{ordered[i - 1].Name}' and '{ordered[i].Name}' overlap in the archive: one stored stream read as several files."));
                return false;
            }
        }

        return true;
    }

    private static bool ReadExtraFields(byte[] buffer, int start, int length, ZipRecord record, ref int disk)
    {
        var end = start + length;
        for (var position = start; position + 4 <= end;)
        {
            int id = U16(buffer, position), size = U16(buffer, position + 2);
            if (position + 4 + size > end)
            {
                return false;
            }

            if (id == 0x0001)
            {
                var field = position + 4;
                long Next()
                {
                    if (field + 8 > position + 4 + size)
                    {
                        throw new InvalidDataException();
                    }

                    var value = U64(buffer, field);
                    field += 8;
                    return value;
                }

                try
                {
                    record.Size = record.Size == 0xFFFFFFFF ? Next() : record.Size;
                    record.CompressedSize = record.CompressedSize == 0xFFFFFFFF ? Next() : record.CompressedSize;
                    record.LocalHeaderOffset = record.LocalHeaderOffset == 0xFFFFFFFF ? Next() : record.LocalHeaderOffset;
                    if (disk == 0xFFFF)
                    {
                        disk = field + 4 <= position + 4 + size ? (int)U32(buffer, field) : -1;
                    }
                }
                catch (InvalidDataException)
                {
                    return false;
                }
            }
            else if (id == 0x7075)
            {
                record.HasUnicodePathField = true;
            }

            position += 4 + size;
        }

        return record.Size >= 0 && record.CompressedSize >= 0 && record.LocalHeaderOffset >= 0;
    }

    /// <summary>UTF-8 when the entry says so (bit 11); otherwise only ASCII is unambiguous. Null bytes of any other name are kept visible for the check.</summary>
    private static string DecodeName(ZipRecord record)
    {
        if ((record.Flags & 0x0800) != 0)
        {
            try
            {
                return new UTF8Encoding(false, true).GetString(record.RawName);
            }
            catch (ArgumentException)
            {
                return "\u0000" + Printable(record.RawName);
            }
        }

        foreach (var b in record.RawName)
        {
            if (b >= 0x80)
            {
                return "\u0000" + Printable(record.RawName);
            }
        }

        return Encoding.ASCII.GetString(record.RawName);
    }

    /// <summary>Whether a decoded name is one the archive spells unambiguously (marked UTF-8, or ASCII).</summary>
    public static bool HasDefiniteEncoding(ZipRecord record) => record.Name.Length == 0 || record.Name[0] != '\u0000';

    internal static string Printable(byte[] bytes)
    {
        var text = new StringBuilder();
        foreach (var b in bytes)
        {
            if (text.Length > 200)
            {
                text.Append('…');
                break;
            }

            text.Append(b is >= 0x20 and < 0x7f ? ((char)b).ToString() : "\\x" + b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static long FindEndOfCentralDirectory(Stream stream, long length, out bool ambiguous)
    {
        ambiguous = false;
        if (length < 22)
        {
            return -1;
        }

        var window = (int)Math.Min(length, 22 + 0xFFFF);
        var tail = ReadAt(stream, length - window, window)!;
        long found = -1;
        for (var i = window - 22; i >= 0; i--)
        {
            // A record counts only where its comment reaches exactly to the end of the file.
            if (U32(tail, i) == EndOfCentralDirectory && i + 22 + U16(tail, i + 20) == window)
            {
                if (found >= 0)
                {
                    ambiguous = true;
                    return -1;
                }

                found = length - window + i;
            }
        }

        return found;
    }

    internal static byte[]? ReadAt(Stream stream, long position, int count)
    {
        if (position < 0 || count < 0 || position + count > stream.Length)
        {
            return null;
        }

        var buffer = new byte[count];
        stream.Position = position;
        var read = 0;
        while (read < count)
        {
            var n = stream.Read(buffer, read, count - read);
            if (n <= 0)
            {
                return null;
            }

            read += n;
        }

        return buffer;
    }

    private static byte[] Slice(byte[] buffer, int start, int count)
    {
        var slice = new byte[count];
        Buffer.BlockCopy(buffer, start, slice, 0, count);
        return slice;
    }

    private static bool Equal(byte[] a, byte[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }

    private static int U16(byte[] b, int i) => b[i] | (b[i + 1] << 8);

    private static long U32(byte[] b, int i) => (uint)(b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24));

    // A ZIP64 value above long.MaxValue comes back negative, which every caller rejects.
    private static long U64(byte[] b, int i) => (long)((ulong)U32(b, i) | ((ulong)U32(b, i + 4) << 32));
}
