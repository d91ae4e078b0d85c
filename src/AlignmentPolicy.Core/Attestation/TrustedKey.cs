using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AlignmentPolicy.Core.Attestation;

/// <summary>
/// A public key a verifier trusts: from a PEM <c>PUBLIC KEY</c>, a PEM or DER certificate, or a PEM private key
/// (its public half). Only ECDSA P-256. Certificates are used for their key; chains are not built.
/// </summary>
public sealed class TrustedKey : IDisposable
{
    private readonly ECDsa _key;

    private TrustedKey(ECDsa key, string source)
    {
        _key = key;
        Source = source;
        KeyId = EcKeys.KeyId(key);
    }

    /// <summary>SHA-256 (lower-case hex) of the DER SubjectPublicKeyInfo.</summary>
    public string KeyId { get; }

    /// <summary>Where the key came from (a path).</summary>
    public string Source { get; }

    /// <summary>Loads a key file.</summary>
    public static TrustedKey FromFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new KeyLoadException($"The trusted key file '{path}' does not exist.");
        }

        var text = AttestationSigner.ReadText(path);
        foreach (var (label, der) in EcKeys.ReadPem(text))
        {
            switch (label)
            {
                case "PUBLIC KEY":
                    return new TrustedKey(EcKeys.ImportPublicKey(der), path);
                case "CERTIFICATE":
                    return FromCertificate(new X509Certificate2(der), path);
                case "PRIVATE KEY":
                case "EC PRIVATE KEY":
                    using (var privateKey = EcKeys.ImportPrivateKey(label, der))
                    {
                        return FromPublicKeyInfo(EcKeys.SubjectPublicKeyInfo(privateKey), path);
                    }
            }
        }

        try
        {
            return FromCertificate(new X509Certificate2(File.ReadAllBytes(path)), path);
        }
        catch (CryptographicException)
        {
            throw new KeyLoadException($"'{path}' holds no PEM 'PUBLIC KEY' or 'CERTIFICATE' block and is not a DER certificate.");
        }
    }

    /// <summary>A key from its DER SubjectPublicKeyInfo.</summary>
    public static TrustedKey FromPublicKeyInfo(byte[] spki, string source) => new(EcKeys.ImportPublicKey(spki), source);

    /// <summary>Verifies an ECDSA SHA-256 signature (DER or raw r||s) over <paramref name="data"/>.</summary>
    public bool Verify(byte[] data, byte[] signature)
    {
        if (signature.Length == 2 * EcKeys.FieldSize && _key.VerifyData(data, signature, HashAlgorithmName.SHA256))
        {
            return true;
        }

        var raw = Der.DerToP1363(signature, EcKeys.FieldSize);
        return raw is not null && _key.VerifyData(data, raw, HashAlgorithmName.SHA256);
    }

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    private static TrustedKey FromCertificate(X509Certificate2 certificate, string path)
    {
        using (certificate)
        {
            var key = EcKeys.FromCertificate(certificate, privateKey: false)
                ?? throw new KeyLoadException($"The certificate in '{path}' has no ECDSA P-256 key.");
            return new TrustedKey(key, path);
        }
    }
}
