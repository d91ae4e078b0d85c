using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AlignmentPolicy.Core.Attestation;

namespace AlignmentPolicy.Core.Tests.Attestation;

/// <summary>The DSSE v1.0.2 protocol and JSON envelope, checked against the specification's own test vector.</summary>
public class DsseEnvelopeTests
{
    // schemas/in-toto/dsse/protocol.md, "Test Vectors".
    private const string VectorType = "http://example.com/HelloWorld";
    private const string VectorEnvelope = """
        {"payload": "aGVsbG8gd29ybGQ=",
         "payloadType": "http://example.com/HelloWorld",
         "signatures": [{"sig": "A3JqsQGtVsJ2O2xqrI5IcnXip5GToJ3F+FnZ+O88SjtR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA=="}]}
        """;

    [Fact]
    public void Pae_is_the_specification_example_byte_for_byte()
    {
        var pae = DsseEnvelope.PreAuthenticationEncoding(VectorType, Encoding.UTF8.GetBytes("hello world"));
        Assert.Equal("DSSEv1 29 http://example.com/HelloWorld 11 hello world", Encoding.ASCII.GetString(pae));
    }

    [Fact]
    public void Pae_counts_utf8_bytes_not_characters_and_handles_an_empty_body()
    {
        var pae = DsseEnvelope.PreAuthenticationEncoding("tÿpe", []);
        Assert.Equal(new byte[] { 0x44, 0x53, 0x53, 0x45, 0x76, 0x31, 0x20, (byte)'5', 0x20, (byte)'t', 0xC3, 0xBF, (byte)'p', (byte)'e', 0x20, (byte)'0', 0x20 }, pae);
    }

    [Fact]
    public void The_specification_vector_parses_and_its_raw_signature_verifies_with_its_public_key()
    {
        var envelope = DsseEnvelope.Parse(VectorEnvelope);
        Assert.Equal(VectorType, envelope.PayloadType);
        Assert.Equal("hello world", Encoding.UTF8.GetString(envelope.Payload));
        var signature = Assert.Single(envelope.Signatures);
        Assert.Equal("", signature.KeyId);

        using var key = VectorPublicKey();
        Assert.True(key.Verify(envelope.PreAuthenticationEncoding(), signature.Signature));
        Assert.False(key.Verify(DsseEnvelope.PreAuthenticationEncoding(VectorType, Encoding.UTF8.GetBytes("hello world!")), signature.Signature));
    }

    [Fact]
    public void Url_safe_and_unpadded_base64_are_accepted()
    {
        var bytes = new byte[] { 0xFB, 0xFF, 0xBF };
        Assert.Equal(bytes, DsseEnvelope.DecodeBase64("-_-_"));
        Assert.Equal(bytes, DsseEnvelope.DecodeBase64(Convert.ToBase64String(bytes)));
        Assert.Equal("hello world", Encoding.UTF8.GetString(DsseEnvelope.DecodeBase64("aGVsbG8gd29ybGQ")!));
        Assert.Null(DsseEnvelope.DecodeBase64("a"));
    }

    [Fact]
    public void Written_envelope_has_the_standard_fields_and_a_signature_over_the_pae()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var signer = AttestationSigner.FromPem(ecdsa.ExportPkcs8PrivateKeyPem(), "test");
        var envelope = DsseEnvelope.Create(DsseEnvelope.InTotoPayloadType, Encoding.UTF8.GetBytes("{\"_type\":\"x\"}"), signer);

        using var json = JsonDocument.Parse(envelope.ToJson());
        var root = json.RootElement;
        Assert.Equal(["payloadType", "payload", "signatures"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("application/vnd.in-toto+json", root.GetProperty("payloadType").GetString());
        Assert.Equal("{\"_type\":\"x\"}", Encoding.UTF8.GetString(Convert.FromBase64String(root.GetProperty("payload").GetString()!)));
        var sig = root.GetProperty("signatures")[0];
        Assert.Equal(signer.KeyId, sig.GetProperty("keyid").GetString());
        var pae = Encoding.UTF8.GetBytes("DSSEv1 28 application/vnd.in-toto+json 13 {\"_type\":\"x\"}");
        Assert.True(ecdsa.VerifyData(pae, Convert.FromBase64String(sig.GetProperty("sig").GetString()!), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }

    [Fact]
    public void Unsigned_envelope_has_an_empty_signatures_array()
    {
        var envelope = DsseEnvelope.Create(DsseEnvelope.InTotoPayloadType, [1, 2, 3], null);
        using var json = JsonDocument.Parse(envelope.ToJson());
        Assert.Equal(0, json.RootElement.GetProperty("signatures").GetArrayLength());
        Assert.Empty(DsseEnvelope.Parse(envelope.ToJson()).Signatures);
    }

    [Theory]
    [InlineData("[]", "not a JSON object")]
    [InlineData("{\"payloadType\":\"t\",\"signatures\":[]}", "no 'payload'")]
    [InlineData("{\"payload\":\"\",\"signatures\":[]}", "no 'payloadType'")]
    [InlineData("{\"payload\":\"\",\"payloadType\":\"t\"}", "no 'signatures'")]
    [InlineData("{\"payload\":\"%%\",\"payloadType\":\"t\",\"signatures\":[]}", "'payload' is not valid base64")]
    [InlineData("{\"payload\":\"\",\"payloadType\":\"t\",\"signatures\":[{\"keyid\":\"k\"}]}", "no 'sig'")]
    [InlineData("{\"payload\":\"\",\"payloadType\":\"t\",\"signatures\":[{\"sig\":1}]}", "'sig' in a signature is not a string")]
    public void Malformed_envelopes_are_rejected_with_a_reason(string json, string reason)
    {
        var e = Assert.Throws<AttestationFormatException>(() => DsseEnvelope.Parse(json));
        Assert.Contains(reason, e.Message);
    }

    [Fact]
    public void Unknown_envelope_fields_are_ignored()
    {
        var envelope = DsseEnvelope.Parse("{\"payload\":\"\",\"payloadType\":\"t\",\"signatures\":[{\"sig\":\"\",\"extension\":{}}],\"future\":1}");
        Assert.Single(envelope.Signatures);
    }

    private static TrustedKey VectorPublicKey()
    {
        static byte[] Field(string decimalValue)
        {
            var bytes = BigInteger.Parse(decimalValue).ToByteArray(isUnsigned: true, isBigEndian: true);
            return new byte[32 - bytes.Length].Concat(bytes).ToArray();
        }

        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint
            {
                X = Field("46950820868899156662930047687818585632848591499744589407958293238635476079160"),
                Y = Field("5640078356564379163099075877009565129882514886557779369047442380624545832820"),
            },
        });
        return TrustedKey.FromPublicKeyInfo(ecdsa.ExportSubjectPublicKeyInfo(), "vector");
    }
}
