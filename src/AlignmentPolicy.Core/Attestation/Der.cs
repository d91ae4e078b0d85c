using System;
using System.Collections.Generic;
using System.IO;

namespace AlignmentPolicy.Core.Attestation;

/// <summary>
/// The little DER this library needs (netstandard2.0 has no AsnReader): reading EC keys from PEM and converting
/// ECDSA signatures between the IEEE P1363 form (r||s) and the ASN.1 form the signing ecosystem uses.
/// </summary>
internal static class Der
{
    public const byte Integer = 0x02;
    public const byte BitString = 0x03;
    public const byte OctetString = 0x04;
    public const byte ObjectIdentifier = 0x06;
    public const byte Sequence = 0x30;

    /// <summary>One element: its tag and its contents.</summary>
    public readonly struct Element
    {
        public Element(byte tag, byte[] contents)
        {
            Tag = tag;
            Contents = contents;
        }

        public byte Tag { get; }

        public byte[] Contents { get; }

        public IReadOnlyList<Element> Children() => ReadAll(Contents);
    }

    /// <summary>Reads one element that must span all of <paramref name="data"/>.</summary>
    public static Element ReadSingle(byte[] data)
    {
        var position = 0;
        var element = Read(data, ref position);
        if (position != data.Length)
        {
            throw new FormatException("Unexpected data after the DER element.");
        }

        return element;
    }

    /// <summary>Reads consecutive elements until the end of <paramref name="data"/>.</summary>
    public static IReadOnlyList<Element> ReadAll(byte[] data)
    {
        var list = new List<Element>();
        var position = 0;
        while (position < data.Length)
        {
            list.Add(Read(data, ref position));
        }

        return list;
    }

    private static Element Read(byte[] data, ref int position)
    {
        if (position + 2 > data.Length)
        {
            throw new FormatException("Truncated DER element.");
        }

        var tag = data[position++];
        int length = data[position++];
        if (length >= 0x80)
        {
            var count = length & 0x7F;
            if (count == 0 || count > 3 || position + count > data.Length)
            {
                throw new FormatException("Unsupported DER length.");
            }

            length = 0;
            for (var i = 0; i < count; i++)
            {
                length = (length << 8) | data[position++];
            }
        }

        if (length < 0 || position + length > data.Length)
        {
            throw new FormatException("Truncated DER element.");
        }

        var contents = new byte[length];
        Buffer.BlockCopy(data, position, contents, 0, length);
        position += length;
        return new Element(tag, contents);
    }

    /// <summary>Encodes an element.</summary>
    public static byte[] Encode(byte tag, byte[] contents)
    {
        using var stream = new MemoryStream();
        stream.WriteByte(tag);
        if (contents.Length < 0x80)
        {
            stream.WriteByte((byte)contents.Length);
        }
        else if (contents.Length <= 0xFF)
        {
            stream.WriteByte(0x81);
            stream.WriteByte((byte)contents.Length);
        }
        else
        {
            stream.WriteByte(0x82);
            stream.WriteByte((byte)(contents.Length >> 8));
            stream.WriteByte((byte)contents.Length);
        }

        stream.Write(contents, 0, contents.Length);
        return stream.ToArray();
    }

    /// <summary>Decodes an OID's contents to dotted form.</summary>
    public static string DecodeOid(byte[] contents)
    {
        if (contents.Length == 0)
        {
            throw new FormatException("Empty object identifier.");
        }

        var parts = new List<string> { (contents[0] / 40).ToString(System.Globalization.CultureInfo.InvariantCulture), (contents[0] % 40).ToString(System.Globalization.CultureInfo.InvariantCulture) };
        long value = 0;
        for (var i = 1; i < contents.Length; i++)
        {
            value = (value << 7) | (uint)(contents[i] & 0x7F);
            if ((contents[i] & 0x80) == 0)
            {
                parts.Add(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
                value = 0;
            }
        }

        return string.Join(".", parts);
    }

    /// <summary>r||s (each <paramref name="fieldSize"/> bytes) to <c>SEQUENCE { INTEGER r, INTEGER s }</c>.</summary>
    public static byte[] P1363ToDer(byte[] signature, int fieldSize)
    {
        if (signature.Length != 2 * fieldSize)
        {
            throw new FormatException("Unexpected ECDSA signature length.");
        }

        var r = UnsignedInteger(signature, 0, fieldSize);
        var s = UnsignedInteger(signature, fieldSize, fieldSize);
        var body = new byte[r.Length + s.Length];
        Buffer.BlockCopy(r, 0, body, 0, r.Length);
        Buffer.BlockCopy(s, 0, body, r.Length, s.Length);
        return Encode(Sequence, body);
    }

    /// <summary><c>SEQUENCE { INTEGER r, INTEGER s }</c> to r||s; null when it is not such a structure.</summary>
    public static byte[]? DerToP1363(byte[] signature, int fieldSize)
    {
        try
        {
            var sequence = ReadSingle(signature);
            var parts = sequence.Children();
            if (sequence.Tag != Sequence || parts.Count != 2 || parts[0].Tag != Integer || parts[1].Tag != Integer)
            {
                return null;
            }

            var result = new byte[2 * fieldSize];
            return CopyInteger(parts[0].Contents, result, 0, fieldSize) && CopyInteger(parts[1].Contents, result, fieldSize, fieldSize) ? result : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static byte[] UnsignedInteger(byte[] source, int offset, int length)
    {
        var start = offset;
        while (start < offset + length - 1 && source[start] == 0)
        {
            start++;
        }

        var needsPad = (source[start] & 0x80) != 0;
        var contents = new byte[offset + length - start + (needsPad ? 1 : 0)];
        Buffer.BlockCopy(source, start, contents, needsPad ? 1 : 0, offset + length - start);
        return Encode(Integer, contents);
    }

    private static bool CopyInteger(byte[] contents, byte[] target, int offset, int fieldSize)
    {
        var start = 0;
        while (start < contents.Length - 1 && contents[start] == 0)
        {
            start++;
        }

        var length = contents.Length - start;
        if (length > fieldSize)
        {
            return false;
        }

        Buffer.BlockCopy(contents, start, target, offset + fieldSize - length, length);
        return true;
    }
}
