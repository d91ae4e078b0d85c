using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using AlignmentPolicy.CodeFixes.Json;

namespace AlignmentPolicy.CodeFixes;

/// <summary>
/// The ALN0100 fix's edit of <c>datasets.provenance.json</c>: a skeleton dataset for one file, inserted into the
/// <c>datasets</c> array with the file's own formatting (newline style, indentation unit and depth, one member per line or
/// all on one line, spaces after colons and commas), the rest of the text untouched (key order, trailing newline).
/// Only a manifest that is valid JSON with exactly one root <c>datasets</c> array is edited.
/// </summary>
internal static class DatasetManifestEdit
{
    /// <summary>Dataset ids name export files: at most 100 characters (ALN0108); room is kept for a "-2" suffix.</summary>
    private const int MaxIdStem = 90;

    /// <summary>The manifest with an entry for <paramref name="path"/> added, or null when it cannot be edited safely.</summary>
    public static string? AddDataset(string manifest, string path)
    {
        var root = StrictJsonDocument.Parse(manifest);
        if (root is not { Kind: JsonKind.Object })
        {
            return null;
        }

        var members = root.Members.Where(m => m.Name == "datasets").ToList();
        if (members.Count != 1 || members[0].Value.Kind != JsonKind.Array)
        {
            return null; // no array, or two "datasets" keys: which one a reader keeps is not ours to guess
        }

        var datasets = members[0].Value;
        var ids = new HashSet<string>(datasets.Items
            .SelectMany(d => d.Members.Where(m => m.Name == "id" && m.Value.Kind == JsonKind.String).Select(m => m.Value.Text!)), StringComparer.Ordinal);

        var newLine = manifest.IndexOf('\n') is var lf && lf > 0 && manifest[lf - 1] == '\r' ? "\r\n" : "\n";
        var multiLine = datasets.Items.Count > 0
            ? HasLineBreak(manifest, datasets.Start, datasets.Items[0].Start)
            : HasLineBreak(manifest, root.Start, root.End);
        var first = root.Members[0];
        var spaced = first.Value.Start > 0 && manifest[first.Value.Start - 1] is ' ' or '\t';
        var unit = LineIndent(manifest, first.NameStart) is { Length: > 0 } rootIndent ? rootIndent : "  ";
        var datasetsIndent = LineIndent(manifest, members[0].NameStart) ?? unit;
        var entryIndent = (datasets.Items.Count > 0 && multiLine ? LineIndent(manifest, datasets.Items[0].Start) : null) ?? datasetsIndent + unit;

        var entry = Entry(UniqueId(Stem(path), ids), path);
        var text = multiLine ? JsonWriter.Block(entry, entryIndent, unit, newLine, spaced) : JsonWriter.Inline(entry, spaced);
        var builder = new StringBuilder(manifest);
        if (datasets.Items.Count > 0)
        {
            // After the last entry: a comma, then the new entry on its own line(s) or on the same line.
            builder.Insert(datasets.Items[datasets.Items.Count - 1].End, multiLine ? "," + newLine + text : (spaced ? ", " : ",") + text);
        }
        else
        {
            var closingIndent = LineIndent(manifest, datasets.End - 1) ?? datasetsIndent;
            builder.Remove(datasets.Start + 1, datasets.End - datasets.Start - 2)
                .Insert(datasets.Start + 1, multiLine ? newLine + text + newLine + closingIndent : text);
        }

        return builder.ToString();
    }

    /// <summary>The skeleton its owner completes; the build (ALN01xx) says what is still missing.</summary>
    private static JsonMembers Entry(string id, string path) => new()
    {
        { "id", id },
        { "purpose", "rag" },
        { "description", "TODO: what this data is and why the agent uses it." },
        { "source", new JsonMembers { { "kind", "internal" } } },
        { "license", "LicenseRef-TODO" },
        { "files", new object?[] { new JsonMembers { { "path", path } } } },
        { "contentClasses", new object?[0] },
        { "personalData", new JsonMembers { { "contains", false } } },
    };

    /// <summary>
    /// A valid dataset id from the file name: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit.
    /// Written without System.IO.Path, which throws on characters such as '"' or '|' under .NET Framework (Visual Studio).
    /// </summary>
    internal static string Stem(string path)
    {
        var name = path.Substring(Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\')) + 1);
        var dot = name.LastIndexOf('.');
        name = dot > 0 ? name.Substring(0, dot) : name;
        var builder = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            var allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.';
            if (allowed)
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[builder.Length - 1] != '-')
            {
                builder.Append('-');
            }
        }

        var stem = builder.ToString().Trim('-', '.');
        stem = stem.Length > MaxIdStem ? stem.Substring(0, MaxIdStem).TrimEnd('-', '.') : stem;
        return stem.Length == 0 ? "dataset" : stem;
    }

    private static string UniqueId(string stem, HashSet<string> ids)
    {
        var id = stem;
        for (var n = 2; ids.Contains(id); n++)
        {
            id = stem + "-" + n;
        }

        return id;
    }

    private static bool HasLineBreak(string text, int start, int end) => text.IndexOf('\n', start, end - start) >= 0;

    /// <summary>The white space before <paramref name="position"/> on its line, or null when something else precedes it there.</summary>
    private static string? LineIndent(string text, int position)
    {
        var lineStart = position;
        while (lineStart > 0 && text[lineStart - 1] is ' ' or '\t')
        {
            lineStart--;
        }

        return lineStart == 0 || text[lineStart - 1] == '\n' ? text.Substring(lineStart, position - lineStart) : null;
    }
}
