using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Xml;
using AlignmentPolicy.Core.Provenance;

namespace AlignmentPolicy.Core.Attestation;

/// <summary>
/// The files of a .nupkg that an attestation covers: every entry except the attestation itself and the OPC and
/// NuGet metadata a gallery rewrites when it re-signs a package (<c>[Content_Types].xml</c>, <c>_rels/</c>,
/// <c>package/services/metadata/</c>, <c>.signature.p7s</c>). Subjects bind contents, not the archive's bytes.
/// </summary>
public static class PackageArchive
{
    /// <summary>Where the DSSE envelope lives inside the package.</summary>
    public const string AttestationEntry = "alignment/attestation.dsse.json";

    /// <summary>Whether an entry is outside the attestation's subjects.</summary>
    public static bool IsExcluded(string entryName)
        => entryName.Length == 0
           || entryName.EndsWith("/", StringComparison.Ordinal)
           || string.Equals(entryName, AttestationEntry, StringComparison.OrdinalIgnoreCase)
           || string.Equals(entryName, "[Content_Types].xml", StringComparison.OrdinalIgnoreCase)
           || string.Equals(entryName, ".signature.p7s", StringComparison.OrdinalIgnoreCase)
           || entryName.StartsWith("_rels/", StringComparison.OrdinalIgnoreCase)
           || entryName.StartsWith("package/services/metadata/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The SHA-256 of every covered entry, by entry name (ordinal order).</summary>
    public static SortedDictionary<string, string> HashEntries(ZipArchive archive)
    {
        var digests = new SortedDictionary<string, string>(StringComparer.Ordinal);
        using var sha = SHA256.Create();
        foreach (var entry in archive.Entries)
        {
            if (IsExcluded(entry.FullName))
            {
                continue;
            }

            using var stream = entry.Open();
            digests[entry.FullName] = FileHasher.ToHex(sha.ComputeHash(stream));
        }

        return digests;
    }

    /// <summary>The id and version from the package's .nuspec; empty strings when absent.</summary>
    public static (string Id, string Version) ReadIdentity(ZipArchive archive)
    {
        foreach (var entry in archive.Entries)
        {
            if (entry.FullName.IndexOf('/') >= 0 || !entry.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            try
            {
                using var stream = entry.Open();
                var document = new XmlDocument { XmlResolver = null };
                using (var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
                {
                    document.Load(reader);
                }

                string Find(string name)
                {
                    foreach (XmlNode node in document.GetElementsByTagName(name))
                    {
                        if (node.ParentNode?.LocalName == "metadata")
                        {
                            return node.InnerText.Trim();
                        }
                    }

                    return "";
                }

                return (Find("id"), Find("version"));
            }
            catch (XmlException)
            {
                return ("", "");
            }
        }

        return ("", "");
    }

    /// <summary>Reads the attestation entry's text, or null when the package has none.</summary>
    public static string? ReadAttestation(ZipArchive archive)
    {
        var entry = archive.GetEntry(AttestationEntry);
        if (entry is null)
        {
            return null;
        }

        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }
}
