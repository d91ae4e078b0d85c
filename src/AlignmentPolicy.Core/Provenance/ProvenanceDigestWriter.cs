using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using AlignmentPolicy.Core.Json;

namespace AlignmentPolicy.Core.Provenance;

/// <summary>
/// Fills in or updates the manifest's digests by editing its text in place: only the digest values change
/// or are inserted, so the file keeps its property order, indentation, line endings and everything else.
/// </summary>
public static class ProvenanceDigestWriter
{
    /// <summary>
    /// Hashes every declared file that exists inside the project and returns the manifest text with the
    /// digests recorded. Paths that are missing or escape the project are left as they are (validation reports them).
    /// </summary>
    public static DigestUpdate Update(ProvenanceManifest manifest)
    {
        var paths = new DatasetPaths(Path.GetDirectoryName(manifest.FilePath)!);
        var resolved = new Dictionary<DatasetFile, IReadOnlyList<ResolvedDatasetFile>>();
        var templates = new Dictionary<SyntheticRecord, ResolvedDatasetFile>();
        foreach (var dataset in manifest.Datasets)
        {
            foreach (var file in dataset.Files)
            {
                var resolution = paths.Resolve(file.Path);
                if (!resolution.Escapes && resolution.Files.Count > 0)
                {
                    resolved[file] = resolution.Files;
                }
            }

            if (dataset.Synthetic is { PromptTemplate: { } template } record)
            {
                var resolution = paths.Resolve(template);
                if (resolution.Problem is null)
                {
                    templates[record] = resolution.Files[0];
                }
            }
        }

        var batch = FileHasher.HashAll(resolved.Values.SelectMany(f => f).Concat(templates.Values).Select(f => f.RealPath), cache: null);
        var text = manifest.Text;
        var newline = text.Contains("\r\n") ? "\r\n" : "\n";
        var edits = new List<Edit>();
        var changed = 0;
        foreach (var pair in resolved)
        {
            var file = pair.Key;
            if (file.Node is null)
            {
                continue;
            }

            if (file.IsGlob)
            {
                var digests = pair.Value.Where(f => batch.Digests.ContainsKey(f.RealPath)).ToDictionary(f => f.RelativePath, f => batch.Digests[f.RealPath], StringComparer.Ordinal);
                if (digests.Count == file.GlobSha256.Count && digests.All(d => file.GlobSha256.TryGetValue(d.Key, out var old) && old == d.Value))
                {
                    continue;
                }

                changed++;
                var unit = IndentUnit(text, file.Node);
                edits.Add(SetProperty(text, file.Node, "sha256", indent => RenderMap(digests, indent, unit, newline, file.Node.Span.Line == file.Node.Span.EndLine), newline));
            }
            else
            {
                if (!batch.Digests.TryGetValue(pair.Value[0].RealPath, out var digest) || digest == file.Sha256)
                {
                    continue;
                }

                changed++;
                edits.Add(SetProperty(text, file.Node, "sha256", _ => Quote(digest), newline));
            }
        }

        foreach (var pair in templates)
        {
            if (pair.Key.Node is null || !batch.Digests.TryGetValue(pair.Value.RealPath, out var digest) || digest == pair.Key.PromptTemplateSha256)
            {
                continue;
            }

            changed++;
            edits.Add(SetProperty(text, pair.Key.Node, "promptTemplateSha256", _ => Quote(digest), newline));
        }

        var builder = new StringBuilder(text);
        foreach (var edit in edits.OrderByDescending(e => e.Start))
        {
            builder.Remove(edit.Start, edit.Length).Insert(edit.Start, edit.Text);
        }

        return new DigestUpdate(builder.ToString(), changed, batch.FilesHashed);
    }

    private static Edit SetProperty(string text, JsonObject owner, string name, Func<string, string> render, string newline)
    {
        var existing = owner.Find(name);
        var indent = PropertyIndent(text, owner);
        if (existing is not null)
        {
            return new Edit(existing.Value.Span.Start, existing.Value.Span.End - existing.Value.Span.Start, render(indent));
        }

        var last = owner.Properties[owner.Properties.Count - 1];
        var singleLine = owner.Span.Line == owner.Span.EndLine;
        var insertion = singleLine
            ? $", \"{name}\": {render(indent)}"
            : $",{newline}{indent}\"{name}\": {render(indent)}";
        return new Edit(last.Value.Span.End, 0, insertion);
    }

    /// <summary>The whitespace before the object's last property on its line (the object's property indentation).</summary>
    private static string PropertyIndent(string text, JsonObject owner)
    {
        var last = owner.Properties[owner.Properties.Count - 1];
        var lineStart = last.NameSpan.Start - (last.NameSpan.Column - 1);
        var prefix = text.Substring(lineStart, last.NameSpan.Column - 1);
        return prefix.Trim().Length == 0 ? prefix : new string(' ', 2);
    }

    /// <summary>One level of indentation, as the file uses it: the object's property indent less its own line's indent.</summary>
    private static string IndentUnit(string text, JsonObject owner)
    {
        var lineStart = owner.Span.Start - (owner.Span.Column - 1);
        var ownerIndent = new string(text.Substring(lineStart, owner.Span.Column - 1).TakeWhile(c => c == ' ' || c == '\t').ToArray());
        var propertyIndent = PropertyIndent(text, owner);
        return propertyIndent.Length > ownerIndent.Length && propertyIndent.StartsWith(ownerIndent, StringComparison.Ordinal)
            ? propertyIndent.Substring(ownerIndent.Length)
            : "  ";
    }

    private static string RenderMap(Dictionary<string, string> digests, string indent, string unit, string newline, bool singleLine)
    {
        var ordered = digests.OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
        if (singleLine || ordered.Count == 0)
        {
            return ordered.Count == 0 ? "{}" : "{ " + string.Join(", ", ordered.Select(d => $"{Quote(d.Key)}: {Quote(d.Value)}")) + " }";
        }

        var inner = indent + unit;
        return "{" + newline + string.Join("," + newline, ordered.Select(d => $"{inner}{Quote(d.Key)}: {Quote(d.Value)}")) + newline + indent + "}";
    }

    private static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                default:
                    if (c < ' ')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    private readonly struct Edit
    {
        public Edit(int start, int length, string text)
        {
            Start = start;
            Length = length;
            Text = text;
        }

        public int Start { get; }

        public int Length { get; }

        public string Text { get; }
    }
}

/// <summary>The manifest text after <see cref="ProvenanceDigestWriter.Update"/>.</summary>
public sealed class DigestUpdate
{
    internal DigestUpdate(string text, int entriesChanged, int filesHashed)
    {
        Text = text;
        EntriesChanged = entriesChanged;
        FilesHashed = filesHashed;
    }

    /// <summary>The new manifest text.</summary>
    public string Text { get; }

    /// <summary>How many digests were added or changed.</summary>
    public int EntriesChanged { get; }

    /// <summary>How many files were read.</summary>
    public int FilesHashed { get; }
}
