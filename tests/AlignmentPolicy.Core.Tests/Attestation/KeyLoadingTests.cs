using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using AlignmentPolicy.Core.Attestation;

namespace AlignmentPolicy.Core.Tests.Attestation;

public sealed class KeyLoadingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aln-keys-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Pkcs8_and_sec1_pem_load_the_same_key_with_the_spki_digest_as_key_id()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var expected = Convert.ToHexStringLower(SHA256.HashData(ecdsa.ExportSubjectPublicKeyInfo()));

        using var pkcs8 = AttestationSigner.FromPemFile(Write("pkcs8.pem", ecdsa.ExportPkcs8PrivateKeyPem()));
        using var sec1 = AttestationSigner.FromPemFile(Write("sec1.pem", "comment line\n" + ecdsa.ExportECPrivateKeyPem()));
        Assert.Equal(expected, pkcs8.KeyId);
        Assert.Equal(expected, sec1.KeyId);

        var data = Encoding.UTF8.GetBytes("data");
        Assert.True(ecdsa.VerifyData(data, sec1.Sign(data), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        using var trusted = TrustedKey.FromFile(Write("pub.pem", ecdsa.ExportSubjectPublicKeyInfoPem()));
        Assert.Equal(expected, trusted.KeyId);
        Assert.True(trusted.Verify(data, pkcs8.Sign(data)));
        Assert.True(trusted.Verify(data, ecdsa.SignData(data, HashAlgorithmName.SHA256)));
        Assert.False(trusted.Verify(data, new byte[70]));
        Assert.Equal(ecdsa.ExportSubjectPublicKeyInfoPem().Trim(), pkcs8.PublicKeyPem.Trim());
    }

    [Fact]
    public void Other_curves_and_algorithms_and_encrypted_keys_are_refused_with_a_reason()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        Assert.Contains("P-256", Assert.Throws<KeyLoadException>(() => AttestationSigner.FromPem(p384.ExportPkcs8PrivateKeyPem(), "k")).Message);
        Assert.Contains("P-256", Assert.Throws<KeyLoadException>(() => AttestationSigner.FromPem(p384.ExportECPrivateKeyPem(), "k")).Message);

        using var rsa = RSA.Create(2048);
        Assert.Contains("elliptic-curve", Assert.Throws<KeyLoadException>(() => AttestationSigner.FromPem(rsa.ExportPkcs8PrivateKeyPem(), "k")).Message);

        using var p256 = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var encrypted = p256.ExportEncryptedPkcs8PrivateKeyPem("pw", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000));
        Assert.Contains("encrypted", Assert.Throws<KeyLoadException>(() => AttestationSigner.FromPem(encrypted, "k")).Message);
        Assert.Contains("no PEM", Assert.Throws<KeyLoadException>(() => AttestationSigner.FromPem("not a key", "k")).Message);
        Assert.Contains("does not exist", Assert.Throws<KeyLoadException>(() => TrustedKey.FromFile(Path.Combine(_folder, "none.pem"))).Message);
    }

    [Fact]
    public void A_pfx_certificate_signs_and_its_pem_certificate_is_a_trusted_key()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=AlignmentPolicy test signer", ecdsa, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        var pfx = Path.Combine(_folder, "signer.pfx");
        File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, "secret"));

        using var signer = AttestationSigner.FromCertificateFile(pfx, "secret");
        using var trusted = TrustedKey.FromFile(Write("signer.crt", certificate.ExportCertificatePem()));
        Assert.Equal(trusted.KeyId, signer.KeyId);
        var data = Encoding.UTF8.GetBytes("payload");
        Assert.True(trusted.Verify(data, signer.Sign(data)));
        Assert.Throws<KeyLoadException>(() => AttestationSigner.FromCertificateFile(pfx, "wrong"));
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
