using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.FileSystem;
using AlignmentPolicy.Core.Json;

namespace AlignmentPolicy.Core.Provenance;

/// <summary>
/// Loads <c>datasets.provenance.json</c> and checks its structure, reporting every problem at its
/// position. The manifest is returned even when it has errors, so that the checks that can still run do.
/// </summary>
public static class ProvenanceManifestLoader
{
    /// <summary>Reads and checks the manifest at <paramref name="path"/>.</summary>
    public static ProvenanceLoadResult Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        byte[] bytes;
        try
        {
            using var step = WorkStep.Begin("reading the provenance manifest", fullPath);
            bytes = RegularFile.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Single(BuildDiagnosticIds.ProvenanceManifestMissing, fullPath, $"The provenance manifest '{fullPath}' does not exist.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Single(BuildDiagnosticIds.ProvenanceInvalidJson, fullPath, $"The provenance manifest '{fullPath}' cannot be read: {ex.Message}");
        }

        return Parse(bytes, fullPath);
    }

    /// <summary>Checks manifest text; <paramref name="path"/> is where it lives (relative paths start there).</summary>
    public static ProvenanceLoadResult Parse(string text, string path) => Parse(new UTF8Encoding(false).GetBytes(text), Path.GetFullPath(path));

    private static ProvenanceLoadResult Parse(byte[] bytes, string path)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Single(BuildDiagnosticIds.ProvenanceInvalidJson, path, "The provenance manifest is not valid UTF-8 text. Save it as UTF-8.");
        }

        JsonNode root;
        try
        {
            root = JsonParser.Parse(text);
        }
        catch (JsonSyntaxException ex)
        {
            var diagnostic = new BuildDiagnostic(BuildDiagnosticIds.ProvenanceInvalidJson, BuildSeverity.Error, path, ex.Line, ex.Column, ex.Line, ex.Column + 1, ex.Message);
            return new ProvenanceLoadResult(null, new[] { diagnostic });
        }

        var reader = new ProvenanceManifestReader(path);
        var manifest = reader.Read(root);
        manifest.FilePath = path;
        manifest.Text = text;
        manifest.Sha256 = FileHasher.ToHex(System.Security.Cryptography.SHA256.Create().ComputeHash(bytes));
        return new ProvenanceLoadResult(manifest, reader.Diagnostics);
    }

    private static ProvenanceLoadResult Single(BuildDiagnosticDescriptor descriptor, string file, string message)
        => new(null, new[] { new BuildDiagnostic(descriptor, BuildSeverity.Error, file, 1, 1, 1, 1, message) });
}

/// <summary>A loaded manifest (null when it could not be parsed at all) and what was found wrong with it.</summary>
public sealed class ProvenanceLoadResult
{
    internal ProvenanceLoadResult(ProvenanceManifest? manifest, IReadOnlyList<BuildDiagnostic> diagnostics)
    {
        Manifest = manifest;
        Diagnostics = diagnostics;
    }

    /// <summary>The manifest, or null when the file is missing or is not JSON.</summary>
    public ProvenanceManifest? Manifest { get; }

    /// <summary>Problems found, in document order.</summary>
    public IReadOnlyList<BuildDiagnostic> Diagnostics { get; }

    /// <summary>Whether any problem is an error.</summary>
    public bool HasErrors
    {
        get
        {
            foreach (var d in Diagnostics)
            {
                if (d.Severity == BuildSeverity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
