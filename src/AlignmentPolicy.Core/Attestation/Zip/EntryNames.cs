using System;
using System.Collections.Generic;
using System.Text;
using AlignmentPolicy.Core.Diagnostics;

namespace AlignmentPolicy.Core.Attestation.Zip;

/// <summary>
/// Package entry names, normalised before anything is decided about them. NuGet extracts an entry under its
/// percent-decoded name (OPC part names are URI-escaped), Windows extractors take '\' as a separator and drop trailing
/// dots and spaces, and file systems fold case and Unicode forms: a name is therefore decoded first, then rejected
/// unless it is a plain relative path of ordinary segments, and compared with others by a key that folds what an
/// extractor would fold.
/// </summary>
internal static class EntryNames
{
    /// <summary>
    /// The normalised (percent-decoded) name, or the code and reason it is rejected with. A folder entry keeps its
    /// trailing '/'.
    /// </summary>
    public static (string? Name, BuildDiagnosticDescriptor? Code, string Reason) Normalise(string raw)
    {
        if (raw.Length == 0)
        {
            return (null, BuildDiagnosticIds.PackageEntryAmbiguousName, "the name is empty");
        }

        var decoded = PercentDecode(raw);
        if (decoded is null)
        {
            return (null, BuildDiagnosticIds.PackageEntryAmbiguousName, "its percent-escapes do not decode to UTF-8 text");
        }

        foreach (var name in new[] { raw, decoded })
        {
            foreach (var c in name)
            {
                if (c < ' ' || c == '\u007f')
                {
                    return (null, BuildDiagnosticIds.PackageEntryAmbiguousName, "it contains a control character");
                }

                if (c == '\\')
                {
                    return (null, BuildDiagnosticIds.PackageEntryAmbiguousName, "it contains a backslash, which Windows extractors take as a folder separator");
                }
            }
        }

        if (decoded[0] == '/' || (decoded.Length >= 2 && decoded[1] == ':' && IsAsciiLetter(decoded[0])))
        {
            return (null, BuildDiagnosticIds.PackageEntryRooted, decoded[0] == '/' ? "it is an absolute path" : "it starts with a drive letter");
        }

        if (decoded.IndexOf(':') >= 0)
        {
            return (null, BuildDiagnosticIds.PackageEntryAmbiguousName, "it contains a colon (a drive or an NTFS stream on Windows)");
        }

        var segments = decoded.Split('/');
        var last = decoded.EndsWith("/", StringComparison.Ordinal) ? segments.Length - 1 : segments.Length;
        for (var i = 0; i < last; i++)
        {
            if (segments[i] == "..")
            {
                return (null, BuildDiagnosticIds.PackageEntryTraversal, "a '..' segment climbs out of the folder it is extracted to");
            }

            if (segments[i].Length == 0 || segments[i] == ".")
            {
                return (null, BuildDiagnosticIds.PackageEntryTraversal, segments[i].Length == 0 ? "it has an empty segment ('//')" : "it has a '.' segment");
            }
        }

        return (decoded, null, "");
    }

    /// <summary>
    /// Two entries with the same key extract to the same file somewhere: case folded, Unicode composed, trailing dots and
    /// spaces of each segment dropped (as Windows does), a folder's trailing '/' dropped.
    /// </summary>
    public static string Key(string normalised)
    {
        var segments = normalised.TrimEnd('/').Normalize(NormalizationForm.FormC).Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            segments[i] = segments[i].TrimEnd('.', ' ').ToUpperInvariant();
        }

        return string.Join("/", segments);
    }

    /// <summary>The keys of the folders an entry sits in (<c>A/B/C</c> gives <c>A</c> and <c>A/B</c>).</summary>
    public static IEnumerable<string> ParentKeys(string key)
    {
        for (var slash = key.IndexOf('/'); slash >= 0; slash = key.IndexOf('/', slash + 1))
        {
            yield return key.Substring(0, slash);
        }
    }

    private static bool IsAsciiLetter(char c) => c is >= 'A' and <= 'Z' or >= 'a' and <= 'z';

    /// <summary>Decodes %XX escapes as UTF-8 (a '%' not followed by two hex digits stays, as NuGet leaves it); null when the bytes are not UTF-8.</summary>
    private static string? PercentDecode(string name)
    {
        if (name.IndexOf('%') < 0)
        {
            return name;
        }

        var bytes = new List<byte>(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '%' && i + 2 < name.Length && Hex(name[i + 1]) is var high and >= 0 && Hex(name[i + 2]) is var low and >= 0)
            {
                bytes.Add((byte)(high * 16 + low));
                i += 2;
            }
            else
            {
                var length = char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]) ? 2 : 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(name.Substring(i, length)));
                i += length - 1;
            }
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(bytes.ToArray());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static int Hex(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
