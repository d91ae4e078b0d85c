using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace AlignmentPolicy.Core.Policy.Inheritance;

/// <summary>
/// The value of <c>extends</c>: an organisation policy package, <c>nuget:Contoso.AlignmentPolicy@1.4.0</c>, or a path
/// (relative to the extending file) to another policy file, <c>../org/alignment-policy.json</c>. A package names one
/// exact version, as a PackageReference restores one: a floating version would make the policy change under a build.
/// </summary>
public sealed class BaseReference
{
    /// <summary>The prefix of a package reference.</summary>
    public const string NuGetPrefix = "nuget:";

    private static readonly Regex s_package = new(@"^nuget:(?<id>[A-Za-z0-9_]+([.-][A-Za-z0-9_]+)*)@(?<version>[0-9]+(\.[0-9]+){1,3}(-[0-9A-Za-z.-]+)?)\z", RegexOptions.CultureInvariant);

    private BaseReference(string text, string? packageId, string? version, string? path)
    {
        Text = text;
        PackageId = packageId;
        Version = version;
        Path = path;
    }

    /// <summary>The value as written.</summary>
    public string Text { get; }

    /// <summary>The package id, or null for a path.</summary>
    public string? PackageId { get; }

    /// <summary>The version as written, or null for a path.</summary>
    public string? Version { get; }

    /// <summary>The path as written, or null for a package.</summary>
    public string? Path { get; }

    /// <summary>True for <c>nuget:Id@Version</c>.</summary>
    public bool IsPackage => PackageId is not null;

    /// <summary>The version as NuGet normalises it (1.4 is 1.4.0, 1.4.0.0 is 1.4.0), lower-case: the folder name restore uses.</summary>
    public string? NormalizedVersion => Version is null ? null : NormalizeVersion(Version);

    /// <summary>How the base is named in messages: "Contoso.AlignmentPolicy 1.4.0" or the path.</summary>
    public string DisplayName => IsPackage ? $"{PackageId} {Version}" : Path!;

    /// <summary>Reads an <c>extends</c> value; null with a reason when it is neither form.</summary>
    public static BaseReference? TryParse(string text, out string? problem)
    {
        problem = null;
        if (text.StartsWith(NuGetPrefix, StringComparison.Ordinal))
        {
            var match = s_package.Match(text);
            if (match.Success && NormalizeVersion(match.Groups["version"].Value) is not null)
            {
                return new BaseReference(text, match.Groups["id"].Value, match.Groups["version"].Value, null);
            }

            problem = "a package is named as \"nuget:<PackageId>@<Version>\" with one exact version, e.g. \"nuget:Contoso.AlignmentPolicy@1.4.0\"";
            return null;
        }

        if (text.Trim().Length == 0 || text.Trim() != text || !text.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || text.IndexOf('\0') >= 0 || text.Contains("://"))
        {
            problem = "use \"nuget:<PackageId>@<Version>\" for an organisation policy package, or the path of a policy file relative to this one, ending in .json";
            return null;
        }

        return new BaseReference(text, null, null, text);
    }

    /// <summary>NuGet's normalised form of a version this reference accepts, or null when a part overflows.</summary>
    internal static string? NormalizeVersion(string version)
    {
        var dash = version.IndexOf('-');
        var release = dash < 0 ? "" : version.Substring(dash);
        var parts = new List<int>();
        foreach (var part in (dash < 0 ? version : version.Substring(0, dash)).Split('.'))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                return null;
            }

            parts.Add(number);
        }

        while (parts.Count < 3)
        {
            parts.Add(0);
        }

        if (parts.Count == 4 && parts[3] == 0)
        {
            parts.RemoveAt(3);
        }

        return (string.Join(".", parts) + release).ToLowerInvariant();
    }
}
