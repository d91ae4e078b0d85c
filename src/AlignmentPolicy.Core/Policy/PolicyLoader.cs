using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.FileSystem;
using AlignmentPolicy.Core.Json;
using AlignmentPolicy.Core.Licensing;

namespace AlignmentPolicy.Core.Policy;

/// <summary>
/// Loads and validates <c>alignment-policy.json</c>. Validation does not stop at the first problem:
/// every problem is reported at the line and column of the offending token, and the policy is
/// returned only when there is no error.
/// </summary>
public static class PolicyLoader
{
    /// <summary>Reads and validates the file at <paramref name="path"/>.</summary>
    public static PolicyLoadResult Load(string path)
    {
        var fullPath = Path.GetFullPath(path);
        byte[] bytes;
        try
        {
            using var step = WorkStep.Begin("reading the policy", fullPath);
            bytes = RegularFile.ReadAllBytes(fullPath);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Single(BuildDiagnosticIds.PolicyNotFound, fullPath, $"The policy file '{fullPath}' does not exist. Create it with 'alignment-policy init', or correct the path in AlignmentPolicyFile.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return Single(BuildDiagnosticIds.PolicyUnreadable, fullPath, $"The policy file '{fullPath}' cannot be read: {ex.Message}");
        }

        return Parse(bytes, fullPath);
    }

    /// <summary>Validates policy text; <paramref name="path"/> is used in diagnostics.</summary>
    public static PolicyLoadResult Parse(string text, string path) => Parse(new UTF8Encoding(false).GetBytes(text), path);

    private static PolicyLoadResult Parse(byte[] bytes, string path)
    {
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Single(BuildDiagnosticIds.PolicyInvalidJson, path, "The policy file is not valid UTF-8 text. Save it as UTF-8.");
        }

        JsonNode root;
        try
        {
            root = JsonParser.Parse(text);
        }
        catch (JsonSyntaxException ex)
        {
            var diagnostic = new BuildDiagnostic(BuildDiagnosticIds.PolicyInvalidJson, BuildSeverity.Error, path, ex.Line, ex.Column, ex.Line, ex.Column + 1, ex.Message);
            return new PolicyLoadResult(null, new[] { diagnostic });
        }

        var validator = new PolicyValidator(path);
        var policy = validator.Validate(root);
        policy.FilePath = path;
        policy.Sha256 = Sha256Hex(bytes);
        return new PolicyLoadResult(policy, validator.SortedDiagnostics);
    }

    /// <summary>Lower-case hex SHA-256.</summary>
    internal static string Sha256Hex(byte[] bytes)
    {
        using var sha = SHA256.Create();
        var hash = sha.ComputeHash(bytes);
        var builder = new StringBuilder(hash.Length * 2);
        foreach (var b in hash)
        {
            builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    private static PolicyLoadResult Single(BuildDiagnosticDescriptor descriptor, string file, string message)
        => new(null, new[] { new BuildDiagnostic(descriptor, BuildSeverity.Error, file, 1, 1, 1, 1, message) });
}
