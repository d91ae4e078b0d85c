using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using AlignmentPolicy.Core.Provenance;

namespace AlignmentPolicy.Core.Attestation;

/// <summary>A key file that cannot be used: not found, not PEM, not ECDSA P-256, encrypted, or no private key.</summary>
public sealed class KeyLoadException : Exception
{
    /// <summary>Creates the exception.</summary>
    public KeyLoadException(string message) : base(message)
    {
    }
}

/// <summary>
/// ECDSA P-256 keys as PEM blocks and certificates. netstandard2.0 has no <c>ImportFromPem</c>, so PKCS#8
/// (<c>PRIVATE KEY</c>), SEC1 (<c>EC PRIVATE KEY</c>) and SubjectPublicKeyInfo (<c>PUBLIC KEY</c>) are decoded here.
/// The key id is the lower-case hex SHA-256 of the DER SubjectPublicKeyInfo, so any tool can recompute it.
/// </summary>
internal static class EcKeys
{
    public const int FieldSize = 32;
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";
    private const string P256Oid = "1.2.840.10045.3.1.7";

    // SEQUENCE { SEQUENCE { ecPublicKey, prime256v1 }, BIT STRING (0 unused bits, 65 bytes) }
    private static readonly byte[] s_spkiPrefix =
    {
        0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2A, 0x86, 0x48, 0xCE, 0x3D, 0x02, 0x01, 0x06, 0x08, 0x2A,
        0x86, 0x48, 0xCE, 0x3D, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00,
    };

    /// <summary>PEM blocks of a file, by label, in order.</summary>
    public static List<(string Label, byte[] Der)> ReadPem(string text)
    {
        var blocks = new List<(string, byte[])>();
        var position = 0;
        while (true)
        {
            var begin = text.IndexOf("-----BEGIN ", position, StringComparison.Ordinal);
            if (begin < 0)
            {
                return blocks;
            }

            var labelEnd = text.IndexOf("-----", begin + 11, StringComparison.Ordinal);
            if (labelEnd < 0)
            {
                return blocks;
            }

            var label = text.Substring(begin + 11, labelEnd - begin - 11);
            var endMarker = "-----END " + label + "-----";
            var end = text.IndexOf(endMarker, labelEnd, StringComparison.Ordinal);
            if (end < 0)
            {
                throw new KeyLoadException($"The PEM block '{label}' has no END line.");
            }

            var body = text.Substring(labelEnd + 5, end - labelEnd - 5);
            if (body.IndexOf(':') >= 0)
            {
                throw new KeyLoadException($"The PEM block '{label}' is encrypted (it has headers); export the key unencrypted, or use a PFX certificate with a password.");
            }

            byte[] der;
            try
            {
                der = Convert.FromBase64String(body.Replace("\r", "").Replace("\n", "").Replace(" ", "").Replace("\t", ""));
            }
            catch (FormatException)
            {
                throw new KeyLoadException($"The PEM block '{label}' is not valid base64.");
            }

            blocks.Add((label, der));
            position = end + endMarker.Length;
        }
    }

    /// <summary>Loads a private key from PKCS#8 or SEC1 DER.</summary>
    public static ECDsa ImportPrivateKey(string label, byte[] der)
    {
        try
        {
            byte[] sec1;
            if (label == "PRIVATE KEY")
            {
                var parts = Der.ReadSingle(der).Children();
                if (parts.Count < 3 || parts[1].Tag != Der.Sequence || parts[2].Tag != Der.OctetString)
                {
                    throw new KeyLoadException("The PKCS#8 key is malformed.");
                }

                CheckAlgorithm(parts[1].Children());
                sec1 = parts[2].Contents;
            }
            else
            {
                sec1 = der;
            }

            var fields = Der.ReadSingle(sec1).Children();
            if (fields.Count < 2 || fields[1].Tag != Der.OctetString)
            {
                throw new KeyLoadException("The EC private key is malformed.");
            }

            var d = LeftPad(fields[1].Contents);
            byte[]? point = null;
            foreach (var field in fields)
            {
                if (field.Tag == 0xA0)
                {
                    var curve = Der.ReadSingle(field.Contents);
                    if (curve.Tag != Der.ObjectIdentifier || Der.DecodeOid(curve.Contents) != P256Oid)
                    {
                        throw new KeyLoadException("The key is not on the P-256 curve (prime256v1); only ECDSA P-256 is supported.");
                    }
                }
                else if (field.Tag == 0xA1)
                {
                    var bits = Der.ReadSingle(field.Contents);
                    point = bits.Contents;
                }
            }

            var parameters = new ECParameters { Curve = ECCurve.NamedCurves.nistP256, D = d };
            if (point is not null)
            {
                parameters.Q = PointFromBitString(point);
            }

            var key = ECDsa.Create();
            key.ImportParameters(parameters);
            return key;
        }
        catch (FormatException e)
        {
            throw new KeyLoadException($"The EC private key is not valid DER: {e.Message}");
        }
        catch (CryptographicException e)
        {
            throw new KeyLoadException($"The EC private key cannot be imported: {e.Message}");
        }
    }

    /// <summary>Loads a public key from SubjectPublicKeyInfo DER.</summary>
    public static ECDsa ImportPublicKey(byte[] spki)
    {
        try
        {
            var parts = Der.ReadSingle(spki).Children();
            if (parts.Count != 2 || parts[0].Tag != Der.Sequence || parts[1].Tag != Der.BitString)
            {
                throw new KeyLoadException("The public key is not a SubjectPublicKeyInfo.");
            }

            CheckAlgorithm(parts[0].Children());
            var key = ECDsa.Create();
            key.ImportParameters(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = PointFromBitString(parts[1].Contents) });
            return key;
        }
        catch (FormatException e)
        {
            throw new KeyLoadException($"The public key is not valid DER: {e.Message}");
        }
        catch (CryptographicException e)
        {
            throw new KeyLoadException($"The public key cannot be imported: {e.Message}");
        }
    }

    /// <summary>The DER SubjectPublicKeyInfo of a P-256 key.</summary>
    public static byte[] SubjectPublicKeyInfo(ECDsa key)
    {
        var q = key.ExportParameters(false).Q;
        if (key.KeySize != 256 || q.X is null || q.Y is null)
        {
            throw new KeyLoadException("Only ECDSA P-256 keys are supported.");
        }

        var spki = new byte[s_spkiPrefix.Length + 1 + 2 * FieldSize];
        Buffer.BlockCopy(s_spkiPrefix, 0, spki, 0, s_spkiPrefix.Length);
        spki[s_spkiPrefix.Length] = 0x04;
        Buffer.BlockCopy(LeftPad(q.X), 0, spki, s_spkiPrefix.Length + 1, FieldSize);
        Buffer.BlockCopy(LeftPad(q.Y), 0, spki, s_spkiPrefix.Length + 1 + FieldSize, FieldSize);
        return spki;
    }

    /// <summary>SHA-256 of the SubjectPublicKeyInfo, lower-case hex.</summary>
    public static string KeyId(ECDsa key)
    {
        using var sha = SHA256.Create();
        return FileHasher.ToHex(sha.ComputeHash(SubjectPublicKeyInfo(key)));
    }

    /// <summary>The PEM text of the public key.</summary>
    public static string PublicKeyPem(ECDsa key)
    {
        var base64 = Convert.ToBase64String(SubjectPublicKeyInfo(key));
        var text = new StringBuilder("-----BEGIN PUBLIC KEY-----\n");
        for (var i = 0; i < base64.Length; i += 64)
        {
            text.Append(base64, i, Math.Min(64, base64.Length - i)).Append('\n');
        }

        return text.Append("-----END PUBLIC KEY-----\n").ToString();
    }

    /// <summary>The ECDSA P-256 key of a certificate, public or private; null when the certificate has another key type.</summary>
    public static ECDsa? FromCertificate(X509Certificate2 certificate, bool privateKey)
    {
        var key = privateKey ? certificate.GetECDsaPrivateKey() : certificate.GetECDsaPublicKey();
        if (key is not null && key.KeySize != 256)
        {
            key.Dispose();
            throw new KeyLoadException($"The certificate '{certificate.Subject}' has a {key.KeySize}-bit EC key; only ECDSA P-256 is supported.");
        }

        return key;
    }

    private static void CheckAlgorithm(IReadOnlyList<Der.Element> algorithm)
    {
        if (algorithm.Count < 1 || algorithm[0].Tag != Der.ObjectIdentifier || Der.DecodeOid(algorithm[0].Contents) != EcPublicKeyOid)
        {
            throw new KeyLoadException("The key is not an elliptic-curve key; only ECDSA P-256 is supported.");
        }

        if (algorithm.Count < 2 || algorithm[1].Tag != Der.ObjectIdentifier || Der.DecodeOid(algorithm[1].Contents) != P256Oid)
        {
            throw new KeyLoadException("The key is not on the P-256 curve (prime256v1); only ECDSA P-256 is supported.");
        }
    }

    private static ECPoint PointFromBitString(byte[] bitString)
    {
        // First byte: unused bits (0). Then the uncompressed point 04 || X || Y.
        if (bitString.Length != 2 + 2 * FieldSize || bitString[0] != 0 || bitString[1] != 0x04)
        {
            throw new KeyLoadException("The public point is not an uncompressed P-256 point.");
        }

        var x = new byte[FieldSize];
        var y = new byte[FieldSize];
        Buffer.BlockCopy(bitString, 2, x, 0, FieldSize);
        Buffer.BlockCopy(bitString, 2 + FieldSize, y, 0, FieldSize);
        return new ECPoint { X = x, Y = y };
    }

    private static byte[] LeftPad(byte[] value)
    {
        if (value.Length == FieldSize)
        {
            return value;
        }

        var start = 0;
        while (value.Length - start > FieldSize && value[start] == 0)
        {
            start++;
        }

        if (value.Length - start > FieldSize)
        {
            throw new KeyLoadException("A key value is longer than a P-256 field.");
        }

        var padded = new byte[FieldSize];
        Buffer.BlockCopy(value, start, padded, FieldSize - (value.Length - start), value.Length - start);
        return padded;
    }
}
