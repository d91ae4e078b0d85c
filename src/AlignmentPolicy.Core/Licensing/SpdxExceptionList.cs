using System;
using System.Collections.Generic;
using System.IO;

namespace AlignmentPolicy.Core.Licensing;

/// <summary>
/// The SPDX licence exception list (the right-hand side of <c>WITH</c>), shipped as a resource generated
/// from NuGet's copy of it (<c>NuGetLicenseData.ExceptionList</c>); a test keeps the two identical.
/// </summary>
public static class SpdxExceptionList
{
    private const string ResourceName = "AlignmentPolicy.Core.Resources.spdx-exception-ids.txt";
    private static readonly Lazy<Dictionary<string, bool>> s_exceptions = new(Load);

    /// <summary>Whether <paramref name="id"/> is an exception id on the list (exact case).</summary>
    public static bool Contains(string id) => s_exceptions.Value.ContainsKey(id);

    /// <summary>Whether the listed exception is deprecated.</summary>
    public static bool IsDeprecated(string id) => s_exceptions.Value.TryGetValue(id, out var deprecated) && deprecated;

    /// <summary>Every listed exception id.</summary>
    public static IEnumerable<string> Ids => s_exceptions.Value.Keys;

    /// <summary>Finds the listed id that differs only in case, if any.</summary>
    public static string? FindIgnoringCase(string id)
    {
        foreach (var key in s_exceptions.Value.Keys)
        {
            if (string.Equals(key, id, StringComparison.OrdinalIgnoreCase))
            {
                return key;
            }
        }

        return null;
    }

    private static Dictionary<string, bool> Load()
    {
        var result = new Dictionary<string, bool>(StringComparer.Ordinal);
        using var stream = typeof(SpdxExceptionList).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The SPDX exception list resource is missing from AlignmentPolicy.Core.");
        using var reader = new StreamReader(stream);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var parts = line.Split(' ');
            result[parts[0]] = parts.Length > 1 && parts[1] == "deprecated";
        }

        return result;
    }
}
