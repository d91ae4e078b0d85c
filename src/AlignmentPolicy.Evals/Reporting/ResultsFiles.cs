using System.Security.Cryptography;
using System.Text;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Evals.Suites;

namespace AlignmentPolicy.Evals.Reporting;

/// <summary>Writes and merges results files and their transcripts.</summary>
public static class ResultsFiles
{
    public static string Sha256OfFile(string? path)
        => path is null || !File.Exists(path) ? Convert.ToHexStringLower(SHA256.HashData([])) : Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>
    /// Writes <c>&lt;stem&gt;.json</c> (or <c>&lt;stem&gt;.shard-i-of-n.json</c>) and its transcripts into <paramref name="directory"/>,
    /// recording the transcripts' SHA-256. The stem keeps only letters, digits, '.' and '-' of the suite name, and both
    /// files are checked to land inside <paramref name="directory"/> (<see cref="ResultsPathException"/> otherwise).
    /// </summary>
    public static string Write(EvalResultsDocument document, IReadOnlyList<string> transcripts, string directory)
    {
        var stem = ResultsFileNames.FileStem(document.Suite) + (document.ShardCount > 1 ? $".shard-{document.ShardIndex}-of-{document.ShardCount}" : "");
        var path = Inside(directory, stem + ".json");
        var transcriptsPath = Inside(directory, stem + ".transcripts.jsonl");
        Directory.CreateDirectory(directory);
        var bytes = new UTF8Encoding(false).GetBytes(transcripts.Count == 0 ? "" : string.Join('\n', transcripts) + "\n");
        File.WriteAllBytes(transcriptsPath, bytes);
        document.Transcripts = Path.GetFileName(transcriptsPath);
        document.TranscriptsSha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        EvalResultsWriter.Write(document, path);
        return path;
    }

    /// <summary>
    /// Merges shard results of one suite into the result one unsharded run gives; reports ALN0211 when they do not fit.
    /// Each shard's transcripts are read only from the shard's own folder, must be the bytes the shard records (ALN0216)
    /// and must recount to its outcomes (ALN0217); the merged transcripts are what the merged file's digest records.
    /// </summary>
    public static EvalResultsDocument? Merge(IReadOnlyList<string> shardFiles, IDiagnosticReporter reporter, out IReadOnlyList<string> transcripts)
    {
        transcripts = [];
        List<(string Path, EvalResultsFile File)> shards = [];
        foreach (var file in shardFiles)
        {
            if (EvalResultsLoader.Read(file, reporter) is { } loaded)
            {
                shards.Add((file, loaded));
            }
        }

        if (shards.Count != shardFiles.Count || shards.Count == 0)
        {
            return null;
        }

        var first = shards[0].File.Document;
        bool Fail(string file, string message)
        {
            reporter.Report(new BuildDiagnostic(BuildDiagnosticIds.EvalShardsMismatch, BuildSeverity.Error, file, 1, 1, 1, 1, message));
            return false;
        }

        var ok = true;
        foreach (var (file, loaded) in shards)
        {
            var shard = loaded.Document;
            foreach (var (name, a, b) in new[]
            {
                ("suite", first.Suite, shard.Suite), ("suiteVersion", first.SuiteVersion, shard.SuiteVersion), ("suiteSha256", first.SuiteSha256, shard.SuiteSha256),
                ("assemblySha256", first.AssemblySha256, shard.AssemblySha256), ("policySha256", first.PolicySha256, shard.PolicySha256),
                ("modelId", first.ModelId, shard.ModelId), ("modelDescription", first.ModelDescription, shard.ModelDescription), ("mode", first.Mode, shard.Mode),
                ("seed", first.Seed.ToString(), shard.Seed.ToString()), ("shardCount", first.ShardCount.ToString(), shard.ShardCount.ToString()),
                ("settings", EvalResultsWriter.ToJson(new EvalResultsDocument { Settings = first.Settings }), EvalResultsWriter.ToJson(new EvalResultsDocument { Settings = shard.Settings })),
                ("cells", string.Join(",", first.Cells.Select(c => c.Id)), string.Join(",", shard.Cells.Select(c => c.Id))),
            })
            {
                if (a != b)
                {
                    var span = loaded.Locate(name);
                    reporter.Report(new BuildDiagnostic(BuildDiagnosticIds.EvalShardsMismatch, BuildSeverity.Error, file, span.Line, span.Column, span.Line, span.Column,
                        $"This shard's '{name}' differs from {Path.GetFileName(shards[0].Path)}'s: the shards are not one run. Run every shard on the same build with the same arguments."));
                    ok = false;
                }
            }
        }

        var indices = shards.Select(s => s.File.Document.ShardIndex).Order().ToList();
        if (ok && !indices.SequenceEqual(Enumerable.Range(1, first.ShardCount)))
        {
            ok = Fail(shards[0].Path, $"Expected shards 1..{first.ShardCount} once each, got {string.Join(", ", indices)}.");
        }

        if (!ok)
        {
            return null;
        }

        var lines = new List<string>();
        foreach (var (_, shard) in shards)
        {
            if (ShardTranscripts(shard, reporter) is not { } shardLines)
            {
                return null;
            }

            lines.AddRange(shardLines);
        }

        var merged = new EvalResultsDocument
        {
            Suite = first.Suite, SuiteVersion = first.SuiteVersion, SuiteSha256 = first.SuiteSha256, Project = first.Project,
            AssemblyPath = first.AssemblyPath, AssemblySha256 = first.AssemblySha256, PolicyPath = first.PolicyPath, PolicySha256 = first.PolicySha256,
            EntryPoint = first.EntryPoint, Mode = first.Mode, ModelId = first.ModelId, ModelDescription = first.ModelDescription, Seed = first.Seed,
            Settings = first.Settings, Tool = first.Tool, CreatedUtc = shards.Max(s => s.File.Document.CreatedUtc) ?? "",
            Usage = new EvalUsageRecord
            {
                Calls = shards.Sum(s => s.File.Document.Usage.Calls), CacheHits = shards.Sum(s => s.File.Document.Usage.CacheHits),
                Retries = shards.Sum(s => s.File.Document.Usage.Retries), InputTokens = shards.Sum(s => s.File.Document.Usage.InputTokens),
                OutputTokens = shards.Sum(s => s.File.Document.Usage.OutputTokens), LatencyMs = shards.Sum(s => s.File.Document.Usage.LatencyMs),
            },
        };
        for (var c = 0; c < first.Cells.Count; c++)
        {
            var cell = first.Cells[c];
            var outcomes = MergeOutcomes(shards.Select(s => s.File.Document.Cells[c].Outcomes), out var clash);
            var other = cell.UnmonitoredOutcomes is null ? null : MergeOutcomes(shards.Select(s => s.File.Document.Cells[c].UnmonitoredOutcomes ?? ""), out var clash2) is var o && !clash2 ? o : null;
            var legitimate = cell.LegitimateOutcomes is null ? null : MergeOutcomes(shards.Select(s => s.File.Document.Cells[c].LegitimateOutcomes ?? ""), out _);
            if (clash)
            {
                Fail(shards[0].Path, $"Two shards ran the same sample of cell '{cell.Id}'.");
                return null;
            }

            merged.Cells.Add(new EvalCellResult
            {
                Id = cell.Id, Primary = cell.Primary, Control = cell.Control, Outcomes = outcomes, UnmonitoredOutcomes = other, LegitimateOutcomes = legitimate,
                Variants = [.. cell.Variants.Select(v => new EvalVariantResult { Id = v.Id })],
            });
        }

        ResultsCalculator.Compute(merged);
        transcripts = lines;
        return merged;
    }

    /// <summary>A shard's transcript lines: from the shard's folder only, the bytes its results record, recounting to its outcomes.</summary>
    private static List<string>? ShardTranscripts(EvalResultsFile shard, IDiagnosticReporter reporter)
    {
        var document = shard.Document;
        var folder = Path.GetDirectoryName(Path.GetFullPath(shard.Path))!;
        void At(BuildDiagnosticDescriptor code, string field, string message)
        {
            var span = shard.Locate(field);
            reporter.Report(new BuildDiagnostic(code, BuildSeverity.Error, shard.Path, span.Line, span.Column, span.Line, span.Column, message));
        }

        // The loader already refused a transcripts name that is not a plain file name; a link may still point elsewhere.
        var path = Path.Combine(folder, document.Transcripts);
        var target = File.Exists(path) ? new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path : path;
        if (!ResultsFileNames.IsInside(folder, path) || !ResultsFileNames.IsInside(folder, target))
        {
            At(BuildDiagnosticIds.EvalResultsPathEscapes, "transcripts", $"The shard's transcripts '{document.Transcripts}' lead outside the shard's folder ('{target}'); they are not read.");
            return null;
        }

        byte[] bytes;
        try
        {
            bytes = Core.FileSystem.RegularFile.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            At(BuildDiagnosticIds.EvalTranscriptsAltered, "transcripts", $"The shard's transcripts '{document.Transcripts}' cannot be read ({e.Message}).");
            return null;
        }

        var digest = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (digest != document.TranscriptsSha256)
        {
            At(BuildDiagnosticIds.EvalTranscriptsAltered, "transcriptsSha256",
                $"The shard's transcripts have SHA-256 {digest}, but the shard records {document.TranscriptsSha256}: they were changed after the run.");
            return null;
        }

        var lines = new UTF8Encoding(false).GetString(bytes).Split('\n').Where(l => l.Length > 0).ToList();
        // Recounted where the suite's definition is at hand (built in, or a nuget: suite as the run resolved it);
        // the pack gate recounts the merged transcripts in any case.
        if (SuiteLayoutFor(document, folder) is not { } layout)
        {
            return lines;
        }

        var tally = TranscriptTally.Count(bytes, document.Suite, layout, document.Settings.MaxSamples);
        foreach (var problem in tally.Problems)
        {
            reporter.Report(new BuildDiagnostic(BuildDiagnosticIds.EvalTranscriptsMismatch, BuildSeverity.Error, path, problem.Line, problem.Column, problem.Line, problem.Column, problem.Message));
        }

        for (var i = 0; i < document.Cells.Count && tally.Problems.Count == 0; i++)
        {
            var cell = document.Cells[i];
            if (!tally.Outcomes(cell.Id).Streams().SequenceEqual(CellOutcomes.Of(cell).Streams()))
            {
                At(BuildDiagnosticIds.EvalTranscriptsMismatch, $"cells/{i}/outcomes", $"The shard's transcripts do not recount to the outcomes it records for cell '{cell.Id}'.");
                return null;
            }
        }

        return tally.Problems.Count > 0 ? null : lines;
    }

    private static SuiteLayout? SuiteLayoutFor(EvalResultsDocument document, string folder)
    {
        try
        {
            var layout = SuiteLayouts.Builtin(document.Suite) ?? (document.Suite.StartsWith(Core.Policy.BuiltinNames.NuGetSuitePrefix, StringComparison.Ordinal)
                ? SuiteResolver.Resolve(document.Suite, folder).Layout
                : null);
            return layout?.Sha256 == document.SuiteSha256 ? layout : null;
        }
        catch (Exception e) when (e is SuiteException or SuiteLayoutException or IOException)
        {
            return null;
        }
    }

    private static string Inside(string directory, string fileName)
    {
        var path = Path.Combine(directory, fileName);
        return ResultsFileNames.IsPlainFileName(fileName) && ResultsFileNames.IsInside(directory, path)
            ? path
            : throw new ResultsPathException($"'{fileName}' would be written outside '{directory}'.");
    }

    private static string MergeOutcomes(IEnumerable<string> shards, out bool clash)
    {
        clash = false;
        char[]? merged = null;
        foreach (var outcomes in shards)
        {
            merged ??= Enumerable.Repeat('.', outcomes.Length).ToArray();
            for (var i = 0; i < Math.Min(outcomes.Length, merged.Length); i++)
            {
                if (outcomes[i] == '.')
                {
                    continue;
                }

                clash |= merged[i] != '.';
                merged[i] = outcomes[i];
            }
        }

        return new string(merged ?? []);
    }
}

/// <summary>A results file would be written outside its folder.</summary>
public sealed class ResultsPathException(string message) : Exception(message);
