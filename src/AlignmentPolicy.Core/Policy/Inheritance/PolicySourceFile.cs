using System;
using System.IO;

namespace AlignmentPolicy.Core.Policy.Inheritance;

/// <summary>One file of a policy chain: the repository's policy, or a policy it extends (in a package or beside it).</summary>
public sealed class PolicySourceFile
{
    /// <summary>Creates the description of a file.</summary>
    public PolicySourceFile(string fullPath, string? packageId = null, string? packageVersion = null, string? pathInPackage = null)
    {
        FullPath = fullPath;
        PackageId = packageId;
        PackageVersion = packageVersion;
        PathInPackage = pathInPackage;
    }

    /// <summary>The file on disk.</summary>
    public string FullPath { get; }

    /// <summary>The package the file came from, or null.</summary>
    public string? PackageId { get; }

    /// <summary>The package version, or null.</summary>
    public string? PackageVersion { get; }

    /// <summary>The file's path inside its package (<c>alignment/alignment-policy.json</c>), or null.</summary>
    public string? PathInPackage { get; }

    /// <summary>SHA-256 of the file's bytes (set when it is read).</summary>
    public string Sha256 { get; internal set; } = "";

    /// <summary>"Contoso.AlignmentPolicy 1.4.0", or the file's path relative to <paramref name="relativeTo"/>.</summary>
    public string Name(string? relativeTo = null) => PackageId is not null ? $"{PackageId} {PackageVersion}" : Relative(relativeTo);

    /// <summary>Where a position is: "Contoso.AlignmentPolicy@1.4.0 alignment/alignment-policy.json:12:7" or "alignment-policy.json:5:3".</summary>
    public string Position(int line, int column, string? relativeTo = null)
        => PackageId is not null
            ? $"{PackageId}@{PackageVersion} {PathInPackage}:{line}:{column}"
            : $"{Relative(relativeTo)}:{line}:{column}";

    private string Relative(string? relativeTo)
    {
        if (relativeTo is null)
        {
            return FullPath;
        }

        var root = relativeTo.TrimEnd(System.IO.Path.DirectorySeparatorChar, System.IO.Path.AltDirectorySeparatorChar) + System.IO.Path.DirectorySeparatorChar;
        if (FullPath.StartsWith(root, StringComparison.Ordinal))
        {
            return FullPath.Substring(root.Length).Replace('\\', '/');
        }

        // A sibling folder (../org/alignment-policy.json) reads better relative than absolute.
        var parent = System.IO.Path.GetDirectoryName(relativeTo.TrimEnd(System.IO.Path.DirectorySeparatorChar));
        if (parent is not null && FullPath.StartsWith(parent + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return "../" + FullPath.Substring(parent.Length + 1).Replace('\\', '/');
        }

        return FullPath;
    }
}
