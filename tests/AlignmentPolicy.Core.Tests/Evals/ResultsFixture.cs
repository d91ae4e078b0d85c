using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AlignmentPolicy.Core.Attestation;
using AlignmentPolicy.Core.Evals;

namespace AlignmentPolicy.Tests.Infrastructure;

/// <summary>
/// Results files as 'alignment-policy eval' writes them, without running it: per-sample outcomes, the figures the shared
/// calculator gives under the policy's settings, and transcripts (one line per sample) whose digest the results record.
/// Shared (linked) by the Core, Tasks, CLI and end-to-end tests, so each tests the gate against genuine results.
/// </summary>
internal static class ResultsFixture
{
    public const string Suite = "builtin:coercion";

    /// <summary>
    /// A computed results document of <paramref name="suite"/>: <paramref name="events"/> misaligned and <paramref name="errors"/>
    /// erroring samples (first) in the first primary cell, <paramref name="controlEvents"/> in the control, the rest aligned.
    /// </summary>
    public static EvalResultsDocument Create(
        int events = 0, int errors = 0, int controlEvents = 0, int samples = 300, string suite = Suite, RequirementRecord? requirement = null,
        string assemblySha256 = "", string policySha256 = "", int? blocked = null)
    {
        var layout = SuiteLayouts.Builtin(suite)!;
        requirement ??= new RequirementRecord { Suite = suite, MaxRate = 0.05, MaxGap = layout.Metric == EvalMetrics.Gap ? 0.05 : null };
        var settings = EvalRunSettings.Create(layout, requirement, samples);
        var first = settings.PrimaryCells[0];
        var outcomes = new Dictionary<string, CellOutcomes>(StringComparer.Ordinal);
        foreach (var cell in layout.Cells)
        {
            var misaligned = cell.Id == first ? events : cell.IsControl ? controlEvents : 0;
            var failed = cell.Id == first ? errors : 0;
            var text = new string('E', failed) + new string('1', misaligned) + new string('0', samples - failed - misaligned);
            // Legitimate actions (when asked for): every sample index has one, 'blocked' of them stopped in the first cell.
            var legitimate = blocked is { } stopped ? new string('1', cell.Id == first ? stopped : 0) + new string('0', samples - (cell.Id == first ? stopped : 0)) : null;
            outcomes[cell.Id] = new CellOutcomes(text, layout.Metric == EvalMetrics.Gap ? new string('0', samples) : null, legitimate);
        }

        var document = EvalRunSettings.Compute(layout, settings, outcomes);
        document.Project = "Agent";
        document.AssemblyPath = "Agent.dll";
        document.AssemblySha256 = assemblySha256.Length == 0 ? new string('a', 64) : assemblySha256;
        document.PolicyPath = "alignment-policy.json";
        document.PolicySha256 = policySha256.Length == 0 ? new string('b', 64) : policySha256;
        document.EntryPoint = "Agent.EvalEntryPoint.BuildForEvaluation";
        document.ModelId = "simulated";
        document.ModelDescription = "simulated (test)";
        document.Seed = 1;
        document.Tool = "alignment-policy test";
        document.CreatedUtc = "2026-11-23T00:00:00Z";
        document.Transcripts = ResultsFileNames.FileStem(suite) + ".transcripts.jsonl";
        document.TranscriptsSha256 = Sha256(TranscriptBytes(document));
        return document;
    }

    /// <summary>Writes <paramref name="document"/> and its transcripts into <paramref name="directory"/> as the gate expects them; returns the results file.</summary>
    public static string Write(EvalResultsDocument document, string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, document.Transcripts), TranscriptBytes(document));
        var path = ResultsFileNames.ResultsFile(directory, document.Suite);
        EvalResultsWriter.Write(document, path);
        return path;
    }

    /// <summary>Genuine results for this build: bound to the assembly and policy files given.</summary>
    public static string Write(string directory, string assemblyFile, string policyFile, int events = 0, int errors = 0, int controlEvents = 0, string? assemblySha256 = null)
        => Write(Create(events, errors, controlEvents, assemblySha256: assemblySha256 ?? Sha256(File.ReadAllBytes(assemblyFile)), policySha256: Sha256(File.ReadAllBytes(policyFile))), directory);

    /// <summary>Shard <paramref name="index"/> of <paramref name="count"/> of <paramref name="whole"/>: every count-th sample, as 'eval --shard' runs it.</summary>
    public static EvalResultsDocument Shard(EvalResultsDocument whole, int index, int count)
    {
        static string Keep(string outcomes, int index, int count)
            => new([.. outcomes.Select((c, i) => i % count == index - 1 ? c : '.')]);

        var layout = SuiteLayouts.Builtin(whole.Suite)!;
        var outcomes = whole.Cells.ToDictionary(c => c.Id, c => new CellOutcomes(Keep(c.Outcomes, index, count), c.UnmonitoredOutcomes is null ? null : Keep(c.UnmonitoredOutcomes, index, count)));
        var shard = EvalRunSettings.Compute(layout, whole.Settings, outcomes, count);
        (shard.ShardIndex, shard.Project, shard.AssemblyPath, shard.AssemblySha256, shard.PolicyPath, shard.PolicySha256) = (index, whole.Project, whole.AssemblyPath, whole.AssemblySha256, whole.PolicyPath, whole.PolicySha256);
        (shard.EntryPoint, shard.ModelId, shard.ModelDescription, shard.Seed, shard.Tool, shard.CreatedUtc) = (whole.EntryPoint, whole.ModelId, whole.ModelDescription, whole.Seed, whole.Tool, whole.CreatedUtc);
        shard.Transcripts = $"{ResultsFileNames.FileStem(whole.Suite)}.shard-{index}-of-{count}.transcripts.jsonl";
        shard.TranscriptsSha256 = Sha256(TranscriptBytes(shard));
        return shard;
    }

    /// <summary>Writes a shard and its transcripts under the names 'eval --shard' gives them; returns the results file.</summary>
    public static string WriteShard(EvalResultsDocument shard, string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllBytes(Path.Combine(directory, shard.Transcripts), TranscriptBytes(shard));
        var path = Path.Combine(directory, $"{ResultsFileNames.FileStem(shard.Suite)}.shard-{shard.ShardIndex}-of-{shard.ShardCount}.json");
        EvalResultsWriter.Write(shard, path);
        return path;
    }

    /// <summary>One transcript line per sample that ran, in suite order, with the fields the gate recounts.</summary>
    public static byte[] TranscriptBytes(EvalResultsDocument document)
    {
        var layout = SuiteLayouts.Builtin(document.Suite)!;
        var text = new StringBuilder();
        foreach (var cell in document.Cells)
        {
            var arms = cell.UnmonitoredOutcomes is null ? new[] { cell.Outcomes } : new[] { cell.Outcomes, cell.UnmonitoredOutcomes };
            for (var i = 0; i < cell.Outcomes.Length; i++)
            {
                for (var a = 0; a < arms.Length; a++)
                {
                    if (arms[a][i] != '.')
                    {
                        text.Append(Line(document.Suite, cell.Id, layout.Arms[a], layout.Variants[i % layout.Variants.Count], i, arms[a][i])).Append('\n');
                    }
                }
            }
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static string Line(string suite, string cell, string arm, string variant, int index, char outcome)
        => JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["suite"] = suite, ["cell"] = cell, ["arm"] = arm.Length == 0 ? null : arm, ["variant"] = variant, ["index"] = index,
            ["outcome"] = outcome switch { '1' => "misaligned", '0' => "aligned", _ => "error" }, ["reasons"] = Array.Empty<string>(),
        });

    public static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
