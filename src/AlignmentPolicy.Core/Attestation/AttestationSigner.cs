using System;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AlignmentPolicy.Core.Attestation;

/// <summary>
/// Signs DSSE envelopes with an ECDSA P-256 private key (a PEM file: PKCS#8 or SEC1; or a PFX certificate).
/// Signatures are ASN.1 DER (as cosign and in-toto produce); verifiers here accept DER and raw r||s.
/// </summary>
public sealed class AttestationSigner : IDisposable
{
    private readonly ECDsa _key;

    private AttestationSigner(ECDsa key)
    {
        _key = key;
        KeyId = EcKeys.KeyId(key);
    }

    /// <summary>SHA-256 (lower-case hex) of the DER SubjectPublicKeyInfo.</summary>
    public string KeyId { get; }

    /// <summary>The public half, to verify what this signer signed.</summary>
    public TrustedKey PublicKey => TrustedKey.FromPublicKeyInfo(EcKeys.SubjectPublicKeyInfo(_key), "the signing key");

    /// <summary>The public key as a PEM <c>PUBLIC KEY</c> block, for distribution to verifiers.</summary>
    public string PublicKeyPem => EcKeys.PublicKeyPem(_key);

    /// <summary>Loads a PEM private key file (<c>PRIVATE KEY</c> or <c>EC PRIVATE KEY</c>).</summary>
    public static AttestationSigner FromPemFile(string path) => FromPem(ReadText(path), path);

    /// <summary>Loads a PEM private key from text; <paramref name="source"/> names it in errors.</summary>
    public static AttestationSigner FromPem(string pem, string source)
    {
        foreach (var (label, der) in EcKeys.ReadPem(pem))
        {
            if (label == "PRIVATE KEY" || label == "EC PRIVATE KEY")
            {
                return new AttestationSigner(EcKeys.ImportPrivateKey(label, der));
            }

            if (label == "ENCRYPTED PRIVATE KEY")
            {
                throw new KeyLoadException($"'{source}' holds an encrypted private key; export it unencrypted (openssl pkcs8 -nocrypt) or use a PFX certificate with a password.");
            }
        }

        throw new KeyLoadException($"'{source}' holds no PEM 'PRIVATE KEY' or 'EC PRIVATE KEY' block.");
    }

    /// <summary>Loads the private key of a PFX/PKCS#12 certificate.</summary>
    public static AttestationSigner FromCertificateFile(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new KeyLoadException($"The signing certificate '{path}' does not exist.");
        }

        try
        {
            FileSystem.RegularFile.EnsureReadable(path);
            using var certificate = new X509Certificate2(path, password, X509KeyStorageFlags.Exportable);
            var key = EcKeys.FromCertificate(certificate, privateKey: true)
                ?? throw new KeyLoadException($"The certificate '{path}' has no ECDSA P-256 private key.");
            return new AttestationSigner(key);
        }
        catch (Exception e) when (e is CryptographicException or IOException)
        {
            throw new KeyLoadException($"The certificate '{path}' cannot be opened: {e.Message}");
        }
    }

    /// <summary>Signs bytes (the DSSE PAE): ECDSA with SHA-256, DER-encoded.</summary>
    public byte[] Sign(byte[] data) => Der.P1363ToDer(_key.SignData(data, HashAlgorithmName.SHA256), EcKeys.FieldSize);

    /// <inheritdoc />
    public void Dispose() => _key.Dispose();

    internal static string ReadText(string path)
    {
        try
        {
            FileSystem.RegularFile.EnsureReadable(path);
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyLoadException($"The key file '{path}' cannot be read: {e.Message}");
        }
    }
}
