using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using AlignmentPolicy.Core.Attestation.Zip;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Provenance;

namespace AlignmentPolicy.Core.Attestation;

/// <summary>How much of a package the reader accepts before it refuses it.</summary>
public sealed class PackageReadLimits
{
    /// <summary>Most entries (ALN0421). NuGet packages rarely hold more than a few thousand files.</summary>
    public long MaxEntries { get; set; } = 20_000;

    /// <summary>Most bytes all entries may expand to, declared and actual (ALN0422).</summary>
    public long MaxExpandedBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Most bytes of the .nuspec or the attestation, which are read into memory.</summary>
    public int MaxMetadataBytes { get; set; } = 16 * 1024 * 1024;
}

/// <summary>A reason a package is refused, with its code and the entry it concerns (empty for the archive).</summary>
public sealed class PackageProblem
{
    /// <summary>Creates a problem.</summary>
    public PackageProblem(BuildDiagnosticDescriptor code, string entry, string message)
    {
        Code = code;
        Entry = entry;
        Message = message;
    }

    /// <summary>The ALN04xx code.</summary>
    public BuildDiagnosticDescriptor Code { get; }

    /// <summary>The entry (its normalised name when it has one).</summary>
    public string Entry { get; }

    /// <summary>What is wrong.</summary>
    public string Message { get; }
}

/// <summary>A file or folder entry of a package, under its normalised name.</summary>
public sealed class PackageEntry
{
    internal PackageEntry(string name, ZipRecord record)
    {
        Name = name;
        Record = record;
    }

    /// <summary>The normalised name (percent-decoded, '/' separated; a folder ends with '/').</summary>
    public string Name { get; }

    /// <summary>Whether it is a folder entry.</summary>
    public bool IsFolder => Name.EndsWith("/", StringComparison.Ordinal);

    /// <summary>The expanded size the archive records.</summary>
    public long Size => Record.Size;

    internal ZipRecord Record { get; }
}

/// <summary>
/// The one reader of packages, used by the attestation writer, the pack-time self-check and <c>alignment-policy verify</c>.
/// It reads the zip structure itself and refuses, each with its own code, whatever two extractors could read differently:
/// names are normalised (percent-decoded) before any decision, and a name that climbs out with '..' (ALN0415), is absolute
/// or drive-rooted (ALN0416), uses a backslash, a colon, a control character or an undeclared encoding (ALN0417), or
/// repeats another once case, Unicode form and trailing dots are folded (ALN0418) is refused, as are encrypted entries
/// (ALN0419), entries whose data does not match their CRC-32 or size (ALN0420), and archives over the entry-count or
/// expanded-size limits (ALN0421, ALN0422). The attestation's subjects are every covered entry, by normalised name:
/// everything except the attestation itself and the OPC and NuGet metadata a gallery rewrites when it re-signs a package
/// (<c>[Content_Types].xml</c>, <c>_rels/</c>, <c>package/services/metadata/</c>, <c>.signature.p7s</c>).
/// </summary>
public sealed class PackageArchive
{
    /// <summary>Where the DSSE envelope lives inside the package.</summary>
    public const string AttestationEntry = "alignment/attestation.dsse.json";

    private readonly Stream _stream;
    private readonly PackageReadLimits _limits;
    private readonly List<PackageEntry> _entries = new();
    private readonly Dictionary<string, PackageEntry> _byName = new(StringComparer.Ordinal);
    private readonly List<PackageProblem> _problems = new();

    private PackageArchive(Stream stream, PackageReadLimits limits)
    {
        _stream = stream;
        _limits = limits;
    }

    /// <summary>Problems that make the archive unusable; when any, nothing else is read from it.</summary>
    public IReadOnlyList<PackageProblem> Problems => _problems;

    /// <summary>Every entry, in archive order (empty when <see cref="Problems"/> is not).</summary>
    public IReadOnlyList<PackageEntry> Entries => _entries;

    /// <summary>
    /// Reads the structure of the archive in <paramref name="stream"/> (which must stay open while entries are read; a
    /// stream that cannot seek is copied to memory). Never throws on bad data: see <see cref="Problems"/>.
    /// </summary>
    public static PackageArchive Open(Stream stream, PackageReadLimits? limits = null)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            stream = copy;
        }

        var archive = new PackageArchive(stream, limits ?? new PackageReadLimits());
        archive.ReadStructure();
        return archive;
    }

    /// <summary>Whether a normalised entry name is outside the attestation's subjects.</summary>
    public static bool IsExcluded(string entryName)
        => entryName is null
           || entryName.Length == 0
           || entryName.EndsWith("/", StringComparison.Ordinal)
           || string.Equals(entryName, AttestationEntry, StringComparison.OrdinalIgnoreCase)
           || string.Equals(entryName, "[Content_Types].xml", StringComparison.OrdinalIgnoreCase)
           || string.Equals(entryName, ".signature.p7s", StringComparison.OrdinalIgnoreCase)
           || entryName.StartsWith("_rels/", StringComparison.OrdinalIgnoreCase)
           || entryName.StartsWith("package/services/metadata/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The normalised form of a name (as subjects are compared), or null when the reader would refuse it.</summary>
    public static string? NormaliseName(string name) => name is null ? null : EntryNames.Normalise(name).Name;

    /// <summary>The entry with this normalised name, or null.</summary>
    public PackageEntry? Find(string name) => _byName.TryGetValue(name, out var entry) ? entry : null;

    /// <summary>
    /// The SHA-256 of every covered entry, by normalised name (ordinal order). An entry whose data does not match its
    /// CRC-32 or size is left out and reported in <paramref name="problems"/> (ALN0420).
    /// </summary>
    public SortedDictionary<string, string> HashEntries(List<PackageProblem> problems)
    {
        if (problems is null)
        {
            throw new ArgumentNullException(nameof(problems));
        }

        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in _entries)
        {
            if (IsExcluded(entry.Name))
            {
                continue;
            }

            using var sha = SHA256.Create();
            if (Read(entry, (buffer, count) => sha.TransformBlock(buffer, 0, count, null, 0), problems))
            {
                sha.TransformFinalBlock(new byte[0], 0, 0);
                digests[entry.Name] = FileHasher.ToHex(sha.Hash);
            }
        }

        return digests;
    }

    /// <summary>An entry's bytes (up to <see cref="PackageReadLimits.MaxMetadataBytes"/>); null, with the problem in <paramref name="problems"/>, when it cannot be read.</summary>
    public byte[]? ReadAllBytes(PackageEntry entry, List<PackageProblem> problems)
    {
        if (entry is null || problems is null)
        {
            throw new ArgumentNullException(entry is null ? nameof(entry) : nameof(problems));
        }

        if (entry.Size > _limits.MaxMetadataBytes)
        {
            problems.Add(new PackageProblem(BuildDiagnosticIds.PackageTooLarge, entry.Name,
                $"'{entry.Name}' expands to {entry.Size} bytes; at most {_limits.MaxMetadataBytes} are read for it."));
            return null;
        }

        using var buffer = new MemoryStream();
        return Read(entry, (bytes, count) => buffer.Write(bytes, 0, count), problems) ? buffer.ToArray() : null;
    }

    /// <summary>The id and version from the package's .nuspec; empty strings when absent or unreadable.</summary>
    public (string Id, string Version) ReadIdentity()
    {
        foreach (var entry in _entries)
        {
            if (entry.Name.IndexOf('/') >= 0 || !entry.Name.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var bytes = ReadAllBytes(entry, new List<PackageProblem>());
            if (bytes is null)
            {
                return ("", "");
            }

            try
            {
                var document = new XmlDocument { XmlResolver = null };
                using (var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
                {
                    document.Load(reader);
                }

                string Find(string name)
                {
                    foreach (XmlNode node in document.GetElementsByTagName(name))
                    {
                        if (node.ParentNode?.LocalName == "metadata")
                        {
                            return node.InnerText.Trim();
                        }
                    }

                    return "";
                }

                return (Find("id"), Find("version"));
            }
            catch (XmlException)
            {
                return ("", "");
            }
        }

        return ("", "");
    }

    /// <summary>The attestation entry's text, or null when the package has none; an unreadable entry is added to <paramref name="problems"/>.</summary>
    public string? ReadAttestation(List<PackageProblem> problems)
    {
        if (Find(AttestationEntry) is not { } entry)
        {
            return null;
        }

        var bytes = ReadAllBytes(entry, problems);
        return bytes is null ? null : new UTF8Encoding(false).GetString(bytes).TrimStart('\uFEFF');
    }

    private void ReadStructure()
    {
        List<ZipRecord>? records;
        try
        {
            records = ZipDirectory.Read(_stream, _limits, _problems);
        }
        catch (IOException e)
        {
            _problems.Add(new PackageProblem(BuildDiagnosticIds.PackageUnreadable, "", $"The package cannot be read: {e.Message}"));
            return;
        }

        if (records is null || _problems.Count > 0)
        {
            return;
        }

        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new HashSet<string>(StringComparer.Ordinal);
        long expanded = 0;
        var accepted = new List<PackageEntry>();
        foreach (var record in records)
        {
            var shown = record.Name.TrimStart('\u0000');
            if (record.IsEncrypted)
            {
                _problems.Add(new PackageProblem(BuildDiagnosticIds.PackageEntryEncrypted, shown, $"'{shown}' is encrypted: its contents cannot be attested or checked."));
                continue;
            }

            if (!ZipDirectory.HasDefiniteEncoding(record))
            {
                _problems.Add(new PackageProblem(BuildDiagnosticIds.PackageEntryAmbiguousName, shown,
                    $"The name '{shown}' is neither ASCII nor marked as UTF-8: extractors decode it differently."));
                continue;
            }

            if (record.HasUnicodePathField)
            {
                _problems.Add(new PackageProblem(BuildDiagnosticIds.PackageEntryAmbiguousName, shown,
                    $"'{shown}' carries a second (Info-ZIP Unicode path) name, which some extractors use instead."));
                continue;
            }

            var (name, code, reason) = EntryNames.Normalise(record.Name);
            if (name is null)
            {
                _problems.Add(new PackageProblem(code!, Printable(record.Name), $"The entry name '{Printable(record.Name)}' is refused: {reason}."));
                continue;
            }

            if (record.Method is not (0 or 8))
            {
                _problems.Add(new PackageProblem(BuildDiagnosticIds.PackageUnreadable, name, $"'{name}' uses compression method {record.Method}; packages use deflate or none."));
                continue;
            }

            var entry = new PackageEntry(name, record);
            if (entry.IsFolder && record.Size != 0)
            {
                _problems.Add(new PackageProblem(BuildDiagnosticIds.PackageEntryCorrupt, name, $"The folder entry '{name}' carries {record.Size} bytes of data."));
                continue;
            }

            var key = EntryNames.Key(name);
            if (keys.TryGetValue(key, out var first))
            {
                _problems.Add(new PackageProblem(BuildDiagnosticIds.PackageEntryDuplicate, name,
                    $"'{name}' and '{first}' are the same file once case, Unicode form and trailing dots are folded: a verifier hashes one, an extractor may write the other."));
                continue;
            }

            keys[key] = name;
            if (!entry.IsFolder)
            {
                files.Add(key);
            }

            expanded += record.Size;
            accepted.Add(entry);
        }

        foreach (var entry in accepted)
        {
            foreach (var parent in EntryNames.ParentKeys(EntryNames.Key(entry.Name)))
            {
                if (files.Contains(parent))
                {
                    _problems.Add(new PackageProblem(BuildDiagnosticIds.PackageEntryDuplicate, entry.Name,
                        $"'{entry.Name}' lies in a folder that is also a file ('{keys[parent]}')."));
                    break;
                }
            }
        }

        if (expanded > _limits.MaxExpandedBytes)
        {
            _problems.Add(new PackageProblem(BuildDiagnosticIds.PackageTooLarge, "",
                $"The package's entries expand to {expanded} bytes; at most {_limits.MaxExpandedBytes} are read (PackageReadLimits.MaxExpandedBytes, --max-expanded-size)."));
        }

        if (_problems.Count > 0)
        {
            return;
        }

        foreach (var entry in accepted)
        {
            _entries.Add(entry);
            _byName[entry.Name] = entry;
        }
    }

    /// <summary>Expands an entry into <paramref name="sink"/>, checking its size and CRC-32 as it goes; false (ALN0420) when they do not match.</summary>
    private bool Read(PackageEntry entry, Action<byte[], int> sink, List<PackageProblem> problems)
    {
        var record = entry.Record;
        var crc = new Crc32();
        long total = 0;
        var buffer = new byte[81920];
        try
        {
            using var raw = new WindowStream(_stream, record.DataStart, record.CompressedSize);
            using var data = record.Method == 8 ? new DeflateStream(raw, CompressionMode.Decompress) : (Stream)raw;
            int read;
            // Never more than one byte past the recorded size: a lying size cannot make the reader expand a bomb.
            while ((read = data.Read(buffer, 0, (int)Math.Min(buffer.Length, record.Size - total + 1))) > 0)
            {
                total += read;
                if (total > record.Size)
                {
                    break;
                }

                crc.Append(buffer, 0, read);
                sink(buffer, read);
            }
        }
        catch (InvalidDataException e)
        {
            problems.Add(new PackageProblem(BuildDiagnosticIds.PackageEntryCorrupt, entry.Name, $"The data of '{entry.Name}' is damaged ({e.Message})."));
            return false;
        }

        if (total != record.Size || crc.Value != record.Crc32)
        {
            problems.Add(new PackageProblem(BuildDiagnosticIds.PackageEntryCorrupt, entry.Name, total != record.Size
                ? $"'{entry.Name}' expands to {(total > record.Size ? "more than " : "")}{total} bytes, but the archive records {record.Size}."
                : $"The data of '{entry.Name}' has CRC-32 {crc.Value:x8}, but the archive records {record.Crc32:x8}: it was changed or damaged."));
            return false;
        }

        return true;
    }

    private static string Printable(string name) => Evals.EvalResultsChecks.Quote(name);

    /// <summary>A read-only view of a range of bytes of another stream.</summary>
    private sealed class WindowStream : Stream
    {
        private readonly Stream _inner;
        private readonly long _start;
        private readonly long _length;
        private long _position;

        public WindowStream(Stream inner, long start, long length)
        {
            _inner = inner;
            _start = start;
            _length = length;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => _length;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var remaining = _length - _position;
            if (remaining <= 0)
            {
                return 0;
            }

            _inner.Position = _start + _position;
            var read = _inner.Read(buffer, offset, (int)Math.Min(count, remaining));
            _position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
