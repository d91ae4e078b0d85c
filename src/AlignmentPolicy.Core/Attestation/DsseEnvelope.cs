using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using AlignmentPolicy.Core.Json;

namespace AlignmentPolicy.Core.Attestation;

/// <summary>One DSSE signature: an optional key id hint and the signature bytes.</summary>
public sealed class DsseSignature
{
    /// <summary>Creates a signature.</summary>
    public DsseSignature(string keyId, byte[] signature)
    {
        KeyId = keyId;
        Signature = signature;
    }

    /// <summary>The key id hint (unauthenticated; empty when unset).</summary>
    public string KeyId { get; }

    /// <summary>The signature over the PAE.</summary>
    public byte[] Signature { get; }
}

/// <summary>
/// A DSSE v1.0 JSON envelope (<c>payload</c>, <c>payloadType</c>, <c>signatures[].keyid/sig</c>). The payload is kept
/// as the exact bytes that were decoded, and those bytes, never a re-parse of the envelope, are what a verifier
/// hands on (DSSE protocol, "Security considerations").
/// </summary>
public sealed class DsseEnvelope
{
    /// <summary>The in-toto payload type.</summary>
    public const string InTotoPayloadType = "application/vnd.in-toto+json";

    /// <summary>Creates an envelope.</summary>
    public DsseEnvelope(string payloadType, byte[] payload, IReadOnlyList<DsseSignature> signatures)
    {
        PayloadType = payloadType;
        Payload = payload;
        Signatures = signatures;
    }

    /// <summary>The payload type (authenticated through the PAE).</summary>
    public string PayloadType { get; }

    /// <summary>The serialized body.</summary>
    public byte[] Payload { get; }

    /// <summary>The signatures; empty for an unsigned envelope.</summary>
    public IReadOnlyList<DsseSignature> Signatures { get; }

    /// <summary>
    /// The pre-authentication encoding: <c>"DSSEv1" SP LEN(type) SP type SP LEN(body) SP body</c>, lengths in ASCII
    /// decimal bytes without leading zeros.
    /// </summary>
    public static byte[] PreAuthenticationEncoding(string payloadType, byte[] body)
    {
        var type = Encoding.UTF8.GetBytes(payloadType);
        var header = Encoding.ASCII.GetBytes(string.Format(CultureInfo.InvariantCulture, "DSSEv1 {0} ", type.Length));
        var middle = Encoding.ASCII.GetBytes(string.Format(CultureInfo.InvariantCulture, " {0} ", body.Length));
        var result = new byte[header.Length + type.Length + middle.Length + body.Length];
        Buffer.BlockCopy(header, 0, result, 0, header.Length);
        Buffer.BlockCopy(type, 0, result, header.Length, type.Length);
        Buffer.BlockCopy(middle, 0, result, header.Length + type.Length, middle.Length);
        Buffer.BlockCopy(body, 0, result, header.Length + type.Length + middle.Length, body.Length);
        return result;
    }

    /// <summary>Creates an envelope, signed when <paramref name="signer"/> is given, with no signatures otherwise.</summary>
    public static DsseEnvelope Create(string payloadType, byte[] payload, AttestationSigner? signer)
    {
        var signatures = new List<DsseSignature>();
        if (signer is not null)
        {
            signatures.Add(new DsseSignature(signer.KeyId, signer.Sign(PreAuthenticationEncoding(payloadType, payload))));
        }

        return new DsseEnvelope(payloadType, payload, signatures);
    }

    /// <summary>The PAE of this envelope.</summary>
    public byte[] PreAuthenticationEncoding() => PreAuthenticationEncoding(PayloadType, Payload);

    /// <summary>The JSON envelope, standard base64, indented.</summary>
    public string ToJson()
    {
        var writer = new JsonWriter(indented: true).StartObject()
            .Property("payloadType", PayloadType)
            .Property("payload", Convert.ToBase64String(Payload))
            .Name("signatures").StartArray();
        foreach (var signature in Signatures)
        {
            writer.StartObject();
            if (signature.KeyId.Length > 0)
            {
                writer.Property("keyid", signature.KeyId);
            }

            writer.Property("sig", Convert.ToBase64String(signature.Signature)).EndObject();
        }

        return writer.EndArray().EndObject() + "\n";
    }

    /// <summary>
    /// Parses a JSON envelope. <c>payload</c>, <c>payloadType</c>, <c>signatures</c> and each <c>sig</c> are required;
    /// <c>keyid</c> is optional; unknown fields are ignored (DSSE parsing rules); standard and URL-safe base64 are accepted.
    /// </summary>
    public static DsseEnvelope Parse(string json)
    {
        JsonNode root;
        try
        {
            root = JsonParser.Parse(json);
        }
        catch (JsonSyntaxException e)
        {
            throw new AttestationFormatException($"The envelope is not valid JSON: {e.Message}", e.Line, e.Column);
        }

        if (root is not JsonObject envelope)
        {
            throw new AttestationFormatException("The envelope is not a JSON object.", root.Span.Line, root.Span.Column);
        }

        var payloadType = RequiredString(envelope, "payloadType", "the envelope");
        var payload = Base64(RequiredString(envelope, "payload", "the envelope"), envelope.Find("payload")!.Value, "payload");
        var signaturesProperty = envelope.Find("signatures")
            ?? throw new AttestationFormatException("The envelope has no 'signatures' array.", envelope.Span.Line, envelope.Span.Column);
        if (signaturesProperty.Value is not JsonArray array)
        {
            throw new AttestationFormatException("The envelope's 'signatures' is not an array.", signaturesProperty.Value.Span.Line, signaturesProperty.Value.Span.Column);
        }

        var signatures = new List<DsseSignature>();
        foreach (var item in array.Items)
        {
            if (item is not JsonObject signature)
            {
                throw new AttestationFormatException("A signature is not a JSON object.", item.Span.Line, item.Span.Column);
            }

            var sig = RequiredString(signature, "sig", "a signature");
            var keyId = signature.Find("keyid")?.Value switch
            {
                null or JsonNull => "",
                JsonString s => s.Value,
                var other => throw new AttestationFormatException("A signature's 'keyid' is not a string.", other.Span.Line, other.Span.Column),
            };
            signatures.Add(new DsseSignature(keyId, Base64(sig, signature.Find("sig")!.Value, "sig")));
        }

        return new DsseEnvelope(payloadType, payload, signatures);
    }

    /// <summary>Decodes standard or URL-safe base64, padded or not.</summary>
    public static byte[]? DecodeBase64(string text)
    {
        var normalized = text.Replace('-', '+').Replace('_', '/');
        switch (normalized.Length % 4)
        {
            case 2: normalized += "=="; break;
            case 3: normalized += "="; break;
            case 1: return null;
        }

        try
        {
            return Convert.FromBase64String(normalized);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string RequiredString(JsonObject owner, string name, string what)
    {
        var property = owner.Find(name)
            ?? throw new AttestationFormatException($"{Capitalize(what)} has no '{name}'.", owner.Span.Line, owner.Span.Column);
        return property.Value is JsonString value
            ? value.Value
            : throw new AttestationFormatException($"'{name}' in {what} is not a string.", property.Value.Span.Line, property.Value.Span.Column);
    }

    private static byte[] Base64(string text, JsonNode node, string name)
        => DecodeBase64(text) ?? throw new AttestationFormatException($"'{name}' is not valid base64.", node.Span.Line, node.Span.Column);

    private static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text.Substring(1);
}

/// <summary>An envelope or statement that is not in its format, with the position of the problem.</summary>
public sealed class AttestationFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AttestationFormatException(string message, int line, int column) : base(message)
    {
        Line = line;
        Column = column;
    }

    /// <summary>1-based line in the document the message is about.</summary>
    public int Line { get; }

    /// <summary>1-based column.</summary>
    public int Column { get; }
}
