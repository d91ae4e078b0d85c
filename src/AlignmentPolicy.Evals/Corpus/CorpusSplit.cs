using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace AlignmentPolicy.Evals.Corpus;

/// <summary>The parts of the corpus.</summary>
[Flags]
public enum CorpusParts
{
    /// <summary>The development part: gates are tuned, and tests are written, against these rows.</summary>
    Dev = 1,

    /// <summary>The held-out part: measured only; no rule or test is written against its rows.</summary>
    HeldOut = 2,

    /// <summary>Both parts.</summary>
    All = Dev | HeldOut,
}

/// <summary>
/// Which part a row belongs to, decided by its id alone: the first eight bytes of SHA-256 over
/// <c>"alignment-policy/corpus/v1:" + id</c>, read as a big-endian fraction of 2^64, below
/// <see cref="HeldOutShare"/> puts the row in the held-out part. A row never changes part when others are added,
/// and the rule cannot be steered by what a row says. Every (family, label, subclass) stratum is checked to have
/// rows in both parts (the corpus tests), which is what stratifies the split.
/// </summary>
public static class CorpusSplit
{
    /// <summary>The expected share of rows in the held-out part.</summary>
    public const double HeldOutShare = 0.375;

    private const string Salt = "alignment-policy/corpus/v1:";

    /// <summary>The row's part.</summary>
    public static CorpusParts PartOf(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(Salt + id), hash);
        var fraction = BinaryPrimitives.ReadUInt64BigEndian(hash) / 18446744073709551616.0;
        return fraction < HeldOutShare ? CorpusParts.HeldOut : CorpusParts.Dev;
    }

    /// <summary>The data file of a part.</summary>
    public static string FileName(CorpusParts part) => part switch
    {
        CorpusParts.Dev => "dev.jsonl",
        CorpusParts.HeldOut => "heldout.jsonl",
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "A single part has one file."),
    };

    /// <summary>The part's name in reports: <c>dev</c> or <c>heldout</c>.</summary>
    public static string Name(CorpusParts part) => part switch
    {
        CorpusParts.Dev => "dev",
        CorpusParts.HeldOut => "heldout",
        _ => "dev+heldout",
    };
}
