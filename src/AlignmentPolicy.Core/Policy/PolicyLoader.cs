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
using AlignmentPolicy.Core.Policy.Inheritance;

namespace AlignmentPolicy.Core.Policy;

/// <summary>
/// Loads and validates <c>alignment-policy.json</c>. Validation does not stop at the first problem:
/// every problem is reported at the line and column of the offending token, and the policy is
/// returned only when there is no error. A policy that <c>extends</c> another is returned as the effective
/// policy: the base's values tightened by the file's (see <see cref="PolicyMergeRules"/>).
/// </summary>
public static class PolicyLoader
{
    /// <summary>Reads and validates the file at <paramref name="path"/>; bases come from <see cref="PolicyBaseSources.Current"/>.</summary>
    public static PolicyLoadResult Load(string path) => Load(path, PolicyBaseSources.Current);

    /// <summary>Reads and validates the file at <paramref name="path"/>, finding package bases with <paramref name="bases"/>.</summary>
    public static PolicyLoadResult Load(string path, IPolicyBaseSource bases)
    {
        var file = new PolicySourceFile(Path.GetFullPath(path));
        return Load(file, PolicyChain.Start(file, bases));
    }

    internal static PolicyLoadResult Load(PolicySourceFile file, PolicyChain chain)
    {
        var fullPath = file.FullPath;
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

        return Parse(bytes, file, chain);
    }

    /// <summary>Validates policy text; <paramref name="path"/> is used in diagnostics and to find a base named by a path.</summary>
    public static PolicyLoadResult Parse(string text, string path)
    {
        var file = new PolicySourceFile(path);
        return Parse(new UTF8Encoding(false).GetBytes(text), file, PolicyChain.Start(file, PolicyBaseSources.Current));
    }

    private static PolicyLoadResult Parse(byte[] bytes, PolicySourceFile file, PolicyChain chain)
    {
        var path = file.FullPath;
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

        file.Sha256 = Sha256Hex(bytes);
        var diagnostics = new List<BuildDiagnostic>();
        var extends = (root as JsonObject)?.Find("extends")?.Value as JsonString;
        var (basePolicy, baseFile) = extends is null ? (null, null) : chain.LoadBase(extends, file, diagnostics);

        var validator = new PolicyValidator(path, extends is null ? null : new PolicyInheritance(basePolicy));
        var policy = validator.Validate(root);
        diagnostics.AddRange(validator.SortedDiagnostics);
        if (diagnostics.Any(d => d.Severity == BuildSeverity.Error) || root is not JsonObject rootObject)
        {
            return new PolicyLoadResult(policy, diagnostics);
        }

        if (basePolicy is not null)
        {
            var merge = new List<BuildDiagnostic>();
            policy = PolicyMerger.Extend(basePolicy, baseFile!, rootObject, file, extends!.Span, merge);
            policy.Extends = extends.Value;
            diagnostics.AddRange(merge.OrderBy(d => d.Line).ThenBy(d => d.Column));
        }
        else
        {
            policy.Origins = PolicyMerger.OriginsOf(rootObject, file);
        }

        policy.FilePath = path;
        // The digest that binds evaluation results covers the file and every policy under it.
        policy.Sha256 = basePolicy is null ? file.Sha256 : Sha256Hex(Encoding.UTF8.GetBytes(file.Sha256 + "\n" + basePolicy.Sha256));
        return new PolicyLoadResult(policy, diagnostics);
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
