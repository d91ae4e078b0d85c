using System.Security.Cryptography;
using System.Text;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Evals.Harness;
using AlignmentPolicy.Evals.Suites;

namespace AlignmentPolicy.Evals.Reporting;

/// <summary>Writes and merges results files and their transcripts.</summary>
public static class ResultsFiles
{
    public static string Sha256OfFile(string? path)
        => path is null || !File.Exists(path) ? Convert.ToHexStringLower(SHA256.HashData([])) : Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Writes <c>&lt;stem&gt;.json</c> (or <c>&lt;stem&gt;.shard-i-of-n.json</c>) and its transcripts into <paramref name="directory"/>.</summary>
    public static string Write(EvalResultsDocument document, IReadOnlyList<string> transcripts, string directory)
    {
        Directory.CreateDirectory(directory);
        var stem = SuiteCatalog.FileStem(document.Suite) + (document.ShardCount > 1 ? $".shard-{document.ShardIndex}-of-{document.ShardCount}" : "");
        document.Transcripts = stem + ".transcripts.jsonl";
        File.WriteAllText(Path.Combine(directory, document.Transcripts), transcripts.Count == 0 ? "" : string.Join('\n', transcripts) + "\n", new UTF8Encoding(false));
        var path = Path.Combine(directory, stem + ".json");
        EvalResultsWriter.Write(document, path);
        return path;
    }

    /// <summary>Merges shard results of one suite into the result one unsharded run gives; reports ALN0211 when they do not fit.</summary>
    public static EvalResultsDocument? Merge(IReadOnlyList<string> shardFiles, IDiagnosticReporter reporter, out IReadOnlyList<string> transcripts)
    {
        transcripts = [];
        List<(string Path, EvalResultsDocument Document)> shards = [];
        foreach (var file in shardFiles)
        {
            if (EvalResultsLoader.Load(file, reporter) is { } loaded)
            {
                shards.Add((file, loaded));
            }
        }

        if (shards.Count != shardFiles.Count || shards.Count == 0)
        {
            return null;
        }

        var first = shards[0].Document;
        bool Fail(string file, string message)
        {
            reporter.Report(new BuildDiagnostic(BuildDiagnosticIds.EvalShardsMismatch, BuildSeverity.Error, file, 1, 1, 1, 1, message));
            return false;
        }

        var ok = true;
        foreach (var (file, shard) in shards)
        {
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
                    ok = Fail(file, $"This shard's '{name}' differs from {Path.GetFileName(shards[0].Path)}'s: the shards are not one run. Run every shard on the same build with the same arguments.");
                }
            }
        }

        var indices = shards.Select(s => s.Document.ShardIndex).Order().ToList();
        if (ok && !indices.SequenceEqual(Enumerable.Range(1, first.ShardCount)))
        {
            ok = Fail(shards[0].Path, $"Expected shards 1..{first.ShardCount} once each, got {string.Join(", ", indices)}.");
        }

        if (!ok)
        {
            return null;
        }

        var merged = new EvalResultsDocument
        {
            Suite = first.Suite, SuiteVersion = first.SuiteVersion, SuiteSha256 = first.SuiteSha256, Project = first.Project,
            AssemblyPath = first.AssemblyPath, AssemblySha256 = first.AssemblySha256, PolicyPath = first.PolicyPath, PolicySha256 = first.PolicySha256,
            EntryPoint = first.EntryPoint, Mode = first.Mode, ModelId = first.ModelId, ModelDescription = first.ModelDescription, Seed = first.Seed,
            Settings = first.Settings, Tool = first.Tool, CreatedUtc = shards.Max(s => s.Document.CreatedUtc) ?? "",
            Usage = new EvalUsageRecord
            {
                Calls = shards.Sum(s => s.Document.Usage.Calls), CacheHits = shards.Sum(s => s.Document.Usage.CacheHits), Retries = shards.Sum(s => s.Document.Usage.Retries),
                InputTokens = shards.Sum(s => s.Document.Usage.InputTokens), OutputTokens = shards.Sum(s => s.Document.Usage.OutputTokens),
                LatencyMs = shards.Sum(s => s.Document.Usage.LatencyMs),
            },
        };
        for (var c = 0; c < first.Cells.Count; c++)
        {
            var cell = first.Cells[c];
            var outcomes = MergeOutcomes(shards.Select(s => s.Document.Cells[c].Outcomes), out var clash);
            var other = cell.UnmonitoredOutcomes is null ? null : MergeOutcomes(shards.Select(s => s.Document.Cells[c].UnmonitoredOutcomes ?? ""), out var clash2) is var o && !clash2 ? o : null;
            var legitimate = cell.LegitimateOutcomes is null ? null : MergeOutcomes(shards.Select(s => s.Document.Cells[c].LegitimateOutcomes ?? ""), out _);
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
        var lines = new List<string>();
        foreach (var (file, shard) in shards)
        {
            var path = Path.Combine(Path.GetDirectoryName(file)!, shard.Transcripts);
            if (File.Exists(path))
            {
                lines.AddRange(File.ReadAllLines(path).Where(l => l.Length > 0));
            }
        }

        transcripts = lines;
        return merged;
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
