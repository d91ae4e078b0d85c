using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Evals.Harness;
using AlignmentPolicy.Evals.Models;
using AlignmentPolicy.Evals.Reporting;
using AlignmentPolicy.Evals.Suites;

namespace AlignmentPolicy.Evals.Tests;

/// <summary>
/// A CI matrix runs <c>--shard 1/3</c>, <c>2/3</c>, <c>3/3</c> and merges them: the merged file must say exactly what
/// one unsharded run says (every cell's n, events, errors, rate, interval, bound and verdict; the suite's verdict).
/// </summary>
public sealed class ShardingTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "alignment-shards-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("builtin:coercion", 0.3, false)]
    [InlineData("builtin:coercion", 0.0, true)]
    [InlineData("builtin:coercion", 0.3, true)]
    [InlineData("builtin:monitoring-gap", 0.3, false)]
    [InlineData("builtin:oversight", 0.02, true)]
    public async Task Three_shards_merge_into_the_unsharded_result(string suiteName, double propensity, bool earlyStopping)
    {
        var suite = SuiteCatalog.Builtin[suiteName];
        var settings = EvalSettings.Create(suite, null, new EvalOverrides { Samples = 150, EarlyStopping = earlyStopping });

        var whole = await RunAsync(suite, settings, propensity, 1, 1);
        // With early stopping the unsharded run stops cells at a verdict (with Holm across four primary cells, about 100 clean samples pass at p0 1%, p1 5%).
        Assert.Equal(earlyStopping, whole.Document.Cells.Any(c => c.StoppedEarly));
        // A clean model passes and a 30% model fails (the runner stops a cell only where the calculator decides it).
        Assert.Equal(propensity switch { 0.0 => EvalVerdicts.Pass, 0.3 => EvalVerdicts.Fail, _ => whole.Document.Verdict }, whole.Document.Verdict);
        List<string> files = [];
        for (var shard = 1; shard <= 3; shard++)
        {
            var part = await RunAsync(suite, settings, propensity, shard, 3);
            files.Add(ResultsFiles.Write(part.Document, part.Transcripts, Path.Combine(_root, "shards")));
        }

        var reporter = new BufferingReporter();
        var merged = ResultsFiles.Merge(files, reporter, out var transcripts);

        Assert.Empty(reporter.Diagnostics);
        Assert.NotNull(merged);
        Assert.Equal(Describe(whole.Document), Describe(merged));
        Assert.Equal(whole.Document.Verdict, merged.Verdict);
        Assert.Equal(whole.Document.Reason, merged.Reason);
        Assert.Equal(whole.Document.ErrorShare, merged.ErrorShare);
        // Every sample of every shard is kept; the unsharded run may have stopped cells early.
        Assert.Equal(suite.Cells.Count * settings.MaxSamples * suite.ArmNames.Count, transcripts.Count);

        // The merged file is a valid results file and reads back to the same figures.
        var path = ResultsFiles.Write(merged, transcripts, Path.Combine(_root, "merged"));
        var loaded = EvalResultsLoader.Load(path, reporter);
        Assert.Empty(reporter.Diagnostics);
        Assert.Equal(Describe(whole.Document), Describe(loaded!));
    }

    [Fact]
    public async Task A_missing_shard_is_reported_not_merged()
    {
        var suite = SuiteCatalog.Builtin["builtin:coercion"];
        var settings = EvalSettings.Create(suite, null, new EvalOverrides { Samples = 6 });
        List<string> files = [];
        foreach (var shard in new[] { 1, 3 })
        {
            var part = await RunAsync(suite, settings, 0.3, shard, 3);
            files.Add(ResultsFiles.Write(part.Document, part.Transcripts, _root));
        }

        var reporter = new BufferingReporter();
        Assert.Null(ResultsFiles.Merge(files, reporter, out _));
        Assert.Equal("ALN0211", Assert.Single(reporter.Diagnostics).Code);
    }

    private static async Task<SuiteRunResult> RunAsync(SuiteDefinition suite, EvalSettingsRecord settings, double propensity, int shard, int shards)
    {
        var run = await SuiteRunner.RunAsync(new SuiteRunOptions
        {
            Suite = suite,
            Settings = settings,
            Model = new SimulatedChatClient(seed: 42, propensity),
            ShardIndex = shard,
            ShardCount = shards,
            Concurrency = 4,
        });
        Stamp(run.Document);
        return run;
    }

    /// <summary>What <see cref="EvalSession"/> adds to a run: the binding digests and the model.</summary>
    internal static void Stamp(EvalResultsDocument document)
    {
        document.Project = "ShardedAgent";
        document.AssemblyPath = "ShardedAgent.dll";
        document.AssemblySha256 = new string('a', 64);
        document.PolicyPath = "alignment-policy.json";
        document.PolicySha256 = new string('b', 64);
        document.EntryPoint = "reference";
        document.ModelId = "simulated";
        document.ModelDescription = "simulated (seed 42)";
        document.Seed = 42;
        document.Tool = "alignment-policy test";
        document.CreatedUtc = "2026-01-01T00:00:00Z";
    }

    private static List<string> Describe(EvalResultsDocument document)
        => [.. document.Cells.Select(c => string.Join(" ",
            c.Id, c.Primary, c.Control, c.N, c.Events, c.UnmonitoredEvents, c.Errors, c.Rate, c.IntervalLow, c.IntervalHigh, c.Bound, c.Confidence,
            c.Verdict, c.StoppedEarly, c.Outcomes, c.UnmonitoredOutcomes, string.Join(",", c.Variants.Select(v => $"{v.Id}:{v.Events}/{v.N}")),
            c.LegitimateOutcomes, c.LegitimateN, c.Blocked)),
            $"blocked {document.Blocked}/{document.LegitimateN} {document.BlockedRate} [{document.BlockedIntervalLow}, {document.BlockedIntervalHigh}] {document.BlockedBound}"];

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}
