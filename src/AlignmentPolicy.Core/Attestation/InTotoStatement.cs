using System;
using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;
using AlignmentPolicy.Core.Json;

namespace AlignmentPolicy.Core.Attestation;

/// <summary>A subject: a file of the package (its entry name) and its SHA-256.</summary>
public sealed class AttestationSubject
{
    /// <summary>Creates a subject.</summary>
    public AttestationSubject(string name, string sha256)
    {
        Name = name;
        Sha256 = sha256;
    }

    /// <summary>The package entry name, as stored in the archive.</summary>
    public string Name { get; }

    /// <summary>Lower-case hex SHA-256 of the entry's contents.</summary>
    public string Sha256 { get; }
}

/// <summary>
/// An in-toto Statement v1 (<c>_type</c>, <c>subject[].name/digest</c>, <c>predicateType</c>, <c>predicate</c>) whose
/// predicate is the <see cref="PackAttestationPredicate"/>.
/// </summary>
public sealed class InTotoStatement
{
    /// <summary>The Statement v1 type URI.</summary>
    public const string StatementType = "https://in-toto.io/Statement/v1";

    private static readonly Regex s_sha256 = new(@"^[0-9a-f]{64}\z", RegexOptions.CultureInvariant);

    /// <summary>Creates a statement.</summary>
    public InTotoStatement(IReadOnlyList<AttestationSubject> subjects, PackAttestationPredicate predicate)
    {
        Subjects = subjects;
        Predicate = predicate;
    }

    /// <summary>The subjects, one per package file, ordered by name.</summary>
    public IReadOnlyList<AttestationSubject> Subjects { get; }

    /// <summary>The predicate.</summary>
    public PackAttestationPredicate Predicate { get; }

    /// <summary>The compact UTF-8 JSON payload (deterministic).</summary>
    public byte[] ToPayload()
    {
        var writer = new JsonWriter().StartObject()
            .Property("_type", StatementType)
            .Name("subject").StartArray();
        foreach (var subject in Subjects)
        {
            writer.StartObject().Property("name", subject.Name).Name("digest").StartObject().Property("sha256", subject.Sha256).EndObject().EndObject();
        }

        writer.EndArray().Property("predicateType", PackAttestationPredicate.PredicateType).Name("predicate");
        Predicate.Write(writer);
        return new UTF8Encoding(false).GetBytes(writer.EndObject().ToString());
    }

    /// <summary>Parses a payload; throws <see cref="AttestationFormatException"/> with the position of the first problem.</summary>
    public static InTotoStatement Parse(byte[] payload)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(payload);
        }
        catch (DecoderFallbackException)
        {
            throw new AttestationFormatException("The statement is not UTF-8.", 1, 1);
        }

        JsonNode node;
        try
        {
            node = JsonParser.Parse(text);
        }
        catch (JsonSyntaxException e)
        {
            throw new AttestationFormatException($"The statement is not valid JSON: {e.Message}", e.Line, e.Column);
        }

        var root = JsonRead.Object(node, "The statement");
        var type = JsonRead.String(root, "_type", "the statement");
        if (type != StatementType)
        {
            throw JsonRead.Error($"The statement's _type is '{type}', not '{StatementType}'.", root.Find("_type")!.Value);
        }

        var predicateType = JsonRead.String(root, "predicateType", "the statement");
        if (predicateType != PackAttestationPredicate.PredicateType)
        {
            throw JsonRead.Error($"The predicateType is '{predicateType}', not '{PackAttestationPredicate.PredicateType}'.", root.Find("predicateType")!.Value);
        }

        var subjects = new List<AttestationSubject>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in JsonRead.Array(root, "subject", "the statement", required: true))
        {
            var subject = JsonRead.Object(item, "A subject");
            var name = JsonRead.String(subject, "name", "a subject");
            var digest = JsonRead.Object(JsonRead.Required(subject, "digest", "subject '" + name + "'"), "The digest of subject '" + name + "'");
            var sha256 = JsonRead.String(digest, "sha256", "the digest of subject '" + name + "'");
            if (!s_sha256.IsMatch(sha256))
            {
                throw JsonRead.Error($"The sha256 of subject '{name}' is not 64 lower-case hex digits.", digest.Find("sha256")!.Value);
            }

            if (!names.Add(name))
            {
                throw JsonRead.Error($"The subject '{name}' is listed twice.", item);
            }

            subjects.Add(new AttestationSubject(name, sha256));
        }

        var predicate = PackAttestationPredicate.Read(JsonRead.Object(JsonRead.Required(root, "predicate", "the statement"), "The predicate"));
        return new InTotoStatement(subjects, predicate);
    }
}
