using System;
using System.Collections.Generic;
using System.IO;
using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Core.Evals;

/// <summary>
/// Where the gate and <c>verify</c> find the definition of a suite named in results: the built-in suites are embedded in
/// this assembly (the same files the harness runs, so a results file's suite digest can be checked against the tool's own
/// definition); <c>nuget:Id@Version</c> suites are read from the folder the harness unpacked them into, beside the NuGet
/// global packages folder. A definition is only used when its SHA-256 is the one the results record.
/// </summary>
public static class SuiteLayouts
{
    private const string ResourcePrefix = "AlignmentPolicy.Core.Suites.";
    private static readonly Dictionary<string, SuiteLayout> s_builtin = new(StringComparer.Ordinal);

    /// <summary>The folder, beside the global packages folder, that <c>alignment-policy eval</c> unpacks NuGet suites into.</summary>
    public const string NuGetSuitesFolderName = "alignment-policy-suites";

    /// <summary>The bytes of a built-in suite definition (<c>builtin:coercion</c>), or null for an unknown name.</summary>
    public static byte[]? BuiltinDefinition(string name)
    {
        if (name is null || !name.StartsWith(BuiltinNames.SuitePrefix, StringComparison.Ordinal) || !Contains(BuiltinNames.Suites, name))
        {
            return null;
        }

        using var stream = typeof(SuiteLayouts).Assembly.GetManifestResourceStream(ResourcePrefix + name.Substring(BuiltinNames.SuitePrefix.Length) + ".json");
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>The layout of a built-in suite, or null for an unknown name.</summary>
    public static SuiteLayout? Builtin(string name)
    {
        lock (s_builtin)
        {
            if (s_builtin.TryGetValue(name, out var cached))
            {
                return cached;
            }

            var bytes = BuiltinDefinition(name);
            if (bytes is null)
            {
                return null;
            }

            var layout = SuiteLayout.Parse(bytes, name);
            s_builtin[name] = layout;
            return layout;
        }
    }

    /// <summary>
    /// The layout of <paramref name="suite"/>: built in, or a <c>nuget:Id@Version</c> suite unpacked under
    /// <paramref name="nugetPackageRoot"/>'s parent folder (null: <c>NUGET_PACKAGES</c>, else <c>~/.nuget/packages</c>).
    /// Null when it cannot be found; <see cref="SuiteLayoutException"/> when it is found but unreadable.
    /// </summary>
    public static SuiteLayout? Find(string suite, string? nugetPackageRoot)
    {
        if (suite.StartsWith(BuiltinNames.SuitePrefix, StringComparison.Ordinal))
        {
            return Builtin(suite);
        }

        if (!suite.StartsWith(BuiltinNames.NuGetSuitePrefix, StringComparison.Ordinal) || NuGetSuiteFile(suite, nugetPackageRoot) is not { } file || !File.Exists(file))
        {
            return null;
        }

        return SuiteLayout.Parse(FileSystem.RegularFile.ReadAllBytes(file), $"{suite} ({file})");
    }

    /// <summary>Where <c>alignment-policy eval</c> unpacked a <c>nuget:Id@Version</c> suite's definition; null for another name.</summary>
    public static string? NuGetSuiteFile(string suite, string? nugetPackageRoot)
    {
        var reference = suite.Substring(BuiltinNames.NuGetSuitePrefix.Length);
        var at = reference.IndexOf('@');
        if (at <= 0 || at == reference.Length - 1)
        {
            return null;
        }

        var id = reference.Substring(0, at).ToLowerInvariant();
        var version = NormalizeVersion(reference.Substring(at + 1));
        if (!ResultsFileNames.IsPlainFileName(id) || !ResultsFileNames.IsPlainFileName(version))
        {
            return null;
        }

        var root = string.IsNullOrEmpty(nugetPackageRoot) ? Environment.GetEnvironmentVariable("NUGET_PACKAGES") : nugetPackageRoot;
        if (string.IsNullOrEmpty(root))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            root = Path.Combine(home, ".nuget", "packages");
        }

        var parent = Path.GetDirectoryName(Path.GetFullPath(root!).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        return parent is null ? null : Path.Combine(parent, NuGetSuitesFolderName, id, version, "suite", "suite.json");
    }

    // NuGet's normalized form, lower case: build metadata dropped, at least three parts, a zero fourth part dropped.
    private static string NormalizeVersion(string version)
    {
        var plus = version.IndexOf('+');
        version = plus >= 0 ? version.Substring(0, plus) : version;
        var dash = version.IndexOf('-');
        var release = dash >= 0 ? version.Substring(0, dash) : version;
        var label = dash >= 0 ? version.Substring(dash) : "";
        var parts = new List<string>(release.Split('.'));
        for (var i = 0; i < parts.Count; i++)
        {
            parts[i] = int.TryParse(parts[i], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
                ? number.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : parts[i];
        }

        while (parts.Count < 3)
        {
            parts.Add("0");
        }

        if (parts.Count == 4 && parts[3] == "0")
        {
            parts.RemoveAt(3);
        }

        return (string.Join(".", parts) + label).ToLowerInvariant();
    }

    private static bool Contains(IReadOnlyList<string> names, string name)
    {
        foreach (var candidate in names)
        {
            if (candidate == name)
            {
                return true;
            }
        }

        return false;
    }
}
