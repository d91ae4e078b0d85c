using System;
using System.Collections.Generic;
using System.IO;

namespace AlignmentPolicy.Core.Licensing;

/// <summary>
/// The SPDX licence list, shipped as a resource generated from NuGet's copy of it
/// (<c>NuGet.Packaging.Licenses.NuGetLicenseData</c>); a test keeps the two identical.
/// </summary>
public static class SpdxLicenseList
{
    private const string ResourceName = "AlignmentPolicy.Core.Resources.spdx-license-ids.txt";
    private static readonly Lazy<Dictionary<string, LicenseEntry>> s_licenses = new(Load);

    /// <summary>Whether <paramref name="id"/> is a licence id on the list (exact case).</summary>
    public static bool TryGet(string id, out LicenseEntry entry) => s_licenses.Value.TryGetValue(id, out entry);

    /// <summary>Finds the listed id that differs only in case, if any.</summary>
    public static string? FindIgnoringCase(string id)
    {
        foreach (var key in s_licenses.Value.Keys)
        {
            if (string.Equals(key, id, StringComparison.OrdinalIgnoreCase))
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>Every listed licence id.</summary>
    public static IEnumerable<string> Ids => s_licenses.Value.Keys;

    /// <summary>A user-defined licence reference (<c>LicenseRef-…</c>), which SPDX allows alongside listed ids.</summary>
    public static bool IsLicenseRef(string id)
    {
        const string prefix = "LicenseRef-";
        if (!id.StartsWith(prefix, StringComparison.Ordinal) || id.Length == prefix.Length)
        {
            return false;
        }

        for (var i = prefix.Length; i < id.Length; i++)
        {
            var c = id[i];
            if (!(char.IsLetterOrDigit(c) || c == '-' || c == '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static Dictionary<string, LicenseEntry> Load()
    {
        var result = new Dictionary<string, LicenseEntry>(StringComparer.Ordinal);
        using var stream = typeof(SpdxLicenseList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The SPDX licence list resource is missing from AlignmentPolicy.Core.");
        using var reader = new StreamReader(stream);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split(' ');
            result[parts[0]] = new LicenseEntry(parts[0], parts.Length > 1 && parts[1] == "deprecated");
        }

        return result;
    }
}

/// <summary>A licence on the SPDX list.</summary>
public readonly struct LicenseEntry
{
    /// <summary>Creates an entry.</summary>
    public LicenseEntry(string id, bool isDeprecated)
    {
        Id = id;
        IsDeprecated = isDeprecated;
    }

    /// <summary>The SPDX id.</summary>
    public string Id { get; }

    /// <summary>SPDX marks the id deprecated (e.g. <c>GPL-2.0</c>, replaced by <c>GPL-2.0-only</c>).</summary>
    public bool IsDeprecated { get; }
}
