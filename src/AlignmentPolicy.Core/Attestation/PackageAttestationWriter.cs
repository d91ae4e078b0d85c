using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace AlignmentPolicy.Core.Attestation;

/// <summary>
/// Writes the attestation into a packed .nupkg: subjects from the package's own entries, the predicate completed
/// with the package identity and signing mode, a DSSE envelope at <see cref="PackageArchive.AttestationEntry"/>.
/// A previous attestation is replaced, so packing twice gives the same result.
/// </summary>
public static class PackageAttestationWriter
{
    /// <summary>
    /// Attests <paramref name="packagePath"/> in place; returns the statement written. The package is read first with the
    /// same strict reader <c>verify</c> uses, and its subjects come from that read: a package the reader refuses is not
    /// attested (<see cref="PackageRefusedException"/>).
    /// </summary>
    public static InTotoStatement Attest(string packagePath, PackAttestationPredicate predicate, AttestationSigner? signer)
    {
        if (predicate is null)
        {
            throw new ArgumentNullException(nameof(predicate));
        }

        using var file = new FileStream(packagePath, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        var subjects = new List<AttestationSubject>();
        var strict = PackageArchive.Open(file);
        var problems = new List<PackageProblem>(strict.Problems);
        if (problems.Count == 0)
        {
            (predicate.PackageId, predicate.PackageVersion) = strict.ReadIdentity();
            foreach (var pair in strict.HashEntries(problems))
            {
                subjects.Add(new AttestationSubject(pair.Key, pair.Value));
            }
        }

        if (problems.Count > 0)
        {
            throw new PackageRefusedException(problems);
        }

        file.Position = 0;
        using var archive = new ZipArchive(file, ZipArchiveMode.Update);
        archive.GetEntry(PackageArchive.AttestationEntry)?.Delete();
        predicate.Signing = signer is null ? PackAttestationPredicate.Unsigned : PackAttestationPredicate.EcdsaP256;
        predicate.KeyId = signer?.KeyId;

        var statement = new InTotoStatement(subjects, predicate);
        var envelope = DsseEnvelope.Create(DsseEnvelope.InTotoPayloadType, statement.ToPayload(), signer);

        var timestamp = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var entry in archive.Entries)
        {
            if (entry.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase))
            {
                timestamp = entry.LastWriteTime;
            }
        }

        var attestation = archive.CreateEntry(PackageArchive.AttestationEntry, CompressionLevel.Optimal);
        attestation.LastWriteTime = timestamp;
        using (var stream = attestation.Open())
        {
            var bytes = new UTF8Encoding(false).GetBytes(envelope.ToJson());
            stream.Write(bytes, 0, bytes.Length);
        }

        RegisterJsonContentType(archive);
        return statement;
    }

    // OPC readers expect every extension to have a content type; NuGet declares the ones it packed.
    private static void RegisterJsonContentType(ZipArchive archive)
    {
        var entry = archive.GetEntry("[Content_Types].xml");
        if (entry is null)
        {
            return;
        }

        var document = new XmlDocument { XmlResolver = null };
        using (var stream = entry.Open())
        using (var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
        {
            document.Load(reader);
        }

        var root = document.DocumentElement;
        if (root is null)
        {
            return;
        }

        foreach (XmlNode node in root.ChildNodes)
        {
            if (node.LocalName == "Default" && string.Equals(node.Attributes?["Extension"]?.Value, "json", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }
        }

        var added = document.CreateElement("Default", root.NamespaceURI);
        added.SetAttribute("Extension", "json");
        added.SetAttribute("ContentType", "application/octet");
        root.AppendChild(added);

        var timestamp = entry.LastWriteTime;
        entry.Delete();
        var replacement = archive.CreateEntry("[Content_Types].xml", CompressionLevel.Optimal);
        replacement.LastWriteTime = timestamp;
        using var output = replacement.Open();
        using var writer = XmlWriter.Create(output, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false });
        document.Save(writer);
    }
}

/// <summary>A package the strict reader refuses, so it is not attested; each problem has its ALN04xx code.</summary>
public sealed class PackageRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PackageRefusedException(IReadOnlyList<PackageProblem> problems)
        : base(problems is { Count: > 0 } ? problems[0].Message : "The package was refused.")
        => Problems = problems;

    /// <summary>Why.</summary>
    public IReadOnlyList<PackageProblem> Problems { get; }
}
