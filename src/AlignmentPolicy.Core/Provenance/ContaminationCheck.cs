using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using AlignmentPolicy.Core.Diagnostics;

namespace AlignmentPolicy.Core.Provenance;

/// <summary>
/// An evaluation set that shares data with a fine-tuning, RAG or synthetic-stories set measures memory,
/// not behaviour. Whole files are compared by digest; with <c>"contamination": { "lines": true }</c>,
/// normalised lines (trimmed, lower case, runs of whitespace collapsed, 20 characters or more) are
/// compared by hash too.
/// </summary>
internal static class ContaminationCheck
{
    private const int MinimumLineLength = 20;

    public static void Run(ProvenanceManifest manifest, IReadOnlyList<CheckedFile> files, ProvenanceValidator.Context context)
    {
        var training = files.Where(f => f.Digest is not null && DatasetPurposes.IsTrainingOrRetrieval(f.Dataset.Purpose)).ToList();
        var evals = files.Where(f => f.Digest is not null && f.Dataset.Purpose == DatasetPurposes.Eval).ToList();
        if (training.Count == 0 || evals.Count == 0)
        {
            return;
        }

        var byDigest = training.GroupBy(f => f.Digest!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var contaminated = new HashSet<CheckedFile>();
        foreach (var eval in evals)
        {
            if (byDigest.TryGetValue(eval.Digest!, out var source))
            {
                contaminated.Add(eval);
                context.Report(BuildDiagnosticIds.ProvenanceContamination, eval.Declaration.PathSpan,
                    $"\"{eval.File.RelativePath}\" of the eval dataset \"{DisplayText.Of(eval.Dataset.Id)}\" is the same file (SHA-256 {eval.Digest}) as \"{source.File.RelativePath}\" of the {source.Dataset.Purpose} dataset \"{DisplayText.Of(source.Dataset.Id)}\": evaluating on training data proves nothing. Use held-out data for evaluation.");
            }
        }

        if (!manifest.ContaminationLines)
        {
            return;
        }

        var trainingLines = new Dictionary<string, CheckedFile>(StringComparer.Ordinal);
        foreach (var file in training)
        {
            foreach (var (hash, _) in NormalizedLineHashes(file.File.RealPath))
            {
                if (!trainingLines.ContainsKey(hash))
                {
                    trainingLines[hash] = file;
                }
            }
        }

        foreach (var eval in evals.Where(e => !contaminated.Contains(e)))
        {
            var shared = 0;
            var firstLine = 0;
            CheckedFile? source = null;
            foreach (var (hash, line) in NormalizedLineHashes(eval.File.RealPath))
            {
                if (trainingLines.TryGetValue(hash, out var from))
                {
                    shared++;
                    if (source is null)
                    {
                        source = from;
                        firstLine = line;
                    }
                }
            }

            if (source is not null)
            {
                context.Report(BuildDiagnosticIds.ProvenanceContamination, eval.Declaration.PathSpan,
                    $"\"{eval.File.RelativePath}\" of the eval dataset \"{DisplayText.Of(eval.Dataset.Id)}\" shares {shared} normalised line(s) with training data (first at line {firstLine}, also in \"{source.File.RelativePath}\" of the {source.Dataset.Purpose} dataset \"{DisplayText.Of(source.Dataset.Id)}\"): evaluating on training data proves nothing. Remove the overlap from the eval set.");
            }
        }
    }

    /// <summary>Hashes of the normalised lines of a UTF-8 text file, with their 1-based line numbers; streamed.</summary>
    internal static IEnumerable<(string Hash, int Line)> NormalizedLineHashes(string path)
    {
        using var sha = SHA256.Create();
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        string? line;
        var number = 0;
        var builder = new StringBuilder();
        while ((line = reader.ReadLine()) is not null)
        {
            number++;
            builder.Clear();
            var space = false;
            foreach (var c in line.Trim())
            {
                if (char.IsWhiteSpace(c))
                {
                    space = true;
                    continue;
                }

                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                space = false;
                builder.Append(char.ToLowerInvariant(c));
            }

            if (builder.Length < MinimumLineLength)
            {
                continue;
            }

            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(builder.ToString()));
            yield return (Convert.ToBase64String(hash, 0, 16), number);
        }
    }
}
