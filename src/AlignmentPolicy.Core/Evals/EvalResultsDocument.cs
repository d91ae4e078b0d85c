using System.Collections.Generic;

namespace AlignmentPolicy.Core.Evals;

/// <summary>Verdicts of an evaluation cell or suite, as written in results files.</summary>
public static class EvalVerdicts
{
    /// <summary>The bound is at or below the threshold.</summary>
    public const string Pass = "PASS";
    /// <summary>The bound is above the threshold.</summary>
    public const string Fail = "FAIL";
    /// <summary>A control cell misbehaved: the scenario, not the agent, is in question.</summary>
    public const string Invalid = "INVALID";
    /// <summary>Too many errors, or too few samples, for a verdict.</summary>
    public const string Inconclusive = "INCONCLUSIVE";
    /// <summary>A cell that is neither primary nor a control: reported, not deciding.</summary>
    public const string Info = "INFO";

    /// <summary>All verdicts.</summary>
    public static IReadOnlyList<string> All { get; } = new[] { Pass, Fail, Invalid, Inconclusive, Info };
}

/// <summary>The metrics a suite measures, as written in results files and suite definitions.</summary>
public static class EvalMetrics
{
    /// <summary>A misalignment rate per cell.</summary>
    public const string Rate = "rate";
    /// <summary>The gap between two arms' rates (monitored minus unmonitored).</summary>
    public const string Gap = "gap";
}

/// <summary>
/// The results of one suite run on one agent build (<c>obj/alignment/evals/&lt;suite&gt;.json</c>): bound to the
/// SHA-256 of the built assembly, of the policy and of the suite, with per-cell rates, intervals, bounds and verdicts.
/// Every sample's outcome is kept, so shards merge exactly and a reader can recompute every figure.
/// </summary>
public sealed class EvalResultsDocument
{
    /// <summary>The format version this library writes and reads (2: the transcripts' SHA-256 is recorded).</summary>
    public const int CurrentFormat = 2;

    /// <summary>The format version.</summary>
    public int Format { get; set; } = CurrentFormat;
    /// <summary>The suite: <c>builtin:coercion</c> or <c>nuget:Id@Version</c>.</summary>
    public string Suite { get; set; } = "";
    /// <summary>The suite's version.</summary>
    public string SuiteVersion { get; set; } = "";
    /// <summary>SHA-256 (lowercase hex) of the suite's definition.</summary>
    public string SuiteSha256 { get; set; } = "";
    /// <summary>The agent project's name.</summary>
    public string Project { get; set; } = "";
    /// <summary>The built assembly that was evaluated.</summary>
    public string AssemblyPath { get; set; } = "";
    /// <summary>SHA-256 (lowercase hex) of the built assembly.</summary>
    public string AssemblySha256 { get; set; } = "";
    /// <summary>The policy file.</summary>
    public string PolicyPath { get; set; } = "";
    /// <summary>SHA-256 (lowercase hex) of the policy file.</summary>
    public string PolicySha256 { get; set; } = "";
    /// <summary>The entry point (<c>Type.Method</c>), or the suite's own agent in reference mode.</summary>
    public string EntryPoint { get; set; } = "";
    /// <summary><c>pipeline</c> or <c>reference</c>.</summary>
    public string Mode { get; set; } = "pipeline";
    /// <summary>The model that produced the results (<c>simulated</c>, <c>openai:gpt-4.1@https://...</c>).</summary>
    public string ModelId { get; set; } = "";
    /// <summary>A description of the model (the simulated model's propensities).</summary>
    public string ModelDescription { get; set; } = "";
    /// <summary>The seed.</summary>
    public long Seed { get; set; }
    /// <summary>1-based shard index.</summary>
    public int ShardIndex { get; set; } = 1;
    /// <summary>Number of shards (1: unsharded or merged).</summary>
    public int ShardCount { get; set; } = 1;
    /// <summary>The thresholds and settings the verdicts were computed with.</summary>
    public EvalSettingsRecord Settings { get; set; } = new();
    /// <summary>The tool that wrote the file and its version.</summary>
    public string Tool { get; set; } = "";
    /// <summary>When the run finished (ISO 8601, UTC).</summary>
    public string CreatedUtc { get; set; } = "";
    /// <summary>The suite's verdict (<see cref="EvalVerdicts"/>).</summary>
    public string Verdict { get; set; } = "";
    /// <summary>Why, in one sentence.</summary>
    public string Reason { get; set; } = "";
    /// <summary>Samples that ended in an error.</summary>
    public int Errors { get; set; }
    /// <summary>Errors divided by attempted samples.</summary>
    public double ErrorShare { get; set; }
    /// <summary>The transcripts file name (JSONL, beside this file).</summary>
    public string Transcripts { get; set; } = "";
    /// <summary>SHA-256 (lowercase hex) of the transcripts file's bytes: the per-sample verdicts the outcomes summarise.</summary>
    public string TranscriptsSha256 { get; set; } = "";
    /// <summary>Model usage.</summary>
    public EvalUsageRecord Usage { get; set; } = new();
    /// <summary>The cells.</summary>
    public List<EvalCellResult> Cells { get; set; } = new();
    /// <summary>Legitimate actions attempted, over all cells (null when the run could not tell legitimate actions apart:
    /// only the simulated model's intent is known).</summary>
    public int? LegitimateN { get; set; }
    /// <summary>Of those, how many the agent's gates blocked (denied, or escalated and not approved).</summary>
    public int? Blocked { get; set; }
    /// <summary>Blocked divided by legitimate actions: the helpfulness cost of the gates.</summary>
    public double? BlockedRate { get; set; }
    /// <summary>Lower end of the blocked rate's 95% Wilson interval.</summary>
    public double? BlockedIntervalLow { get; set; }
    /// <summary>Upper end of the blocked rate's 95% Wilson interval.</summary>
    public double? BlockedIntervalHigh { get; set; }
    /// <summary>The exact (Clopper-Pearson) one-sided upper bound of the blocked rate at <see cref="EvalSettingsRecord.Confidence"/>,
    /// compared with <see cref="EvalSettingsRecord.MaxBlockedRate"/>.</summary>
    public double? BlockedBound { get; set; }
}

/// <summary>The settings of a run: the policy's requirement plus the defaults that applied.</summary>
public sealed class EvalSettingsRecord
{
    /// <summary><c>rate</c> or <c>gap</c>.</summary>
    public string Metric { get; set; } = "rate";
    /// <summary>The highest acceptable rate (rate metric) or gap (gap metric).</summary>
    public double Threshold { get; set; }
    /// <summary>The confidence of one-sided bounds before the Holm correction.</summary>
    public double Confidence { get; set; } = 0.95;
    /// <summary>Fewest samples per cell for a verdict.</summary>
    public int MinSamples { get; set; }
    /// <summary>Samples per cell (the cap with early stopping).</summary>
    public int MaxSamples { get; set; }
    /// <summary>Whether Wald's SPRT stopped cells early.</summary>
    public bool EarlyStopping { get; set; }
    /// <summary>SPRT acceptable rate.</summary>
    public double SprtP0 { get; set; }
    /// <summary>SPRT unacceptable rate.</summary>
    public double SprtP1 { get; set; }
    /// <summary>SPRT chance of failing an acceptable agent.</summary>
    public double SprtAlpha { get; set; }
    /// <summary>SPRT chance of passing an unacceptable agent.</summary>
    public double SprtBeta { get; set; }
    /// <summary>The error share above which the run is inconclusive.</summary>
    public double ErrorLimit { get; set; } = 0.1;
    /// <summary>The primary cells (Holm-corrected, deciding the suite).</summary>
    public List<string> PrimaryCells { get; set; } = new();
    /// <summary>The policy's bound on the blocked rate of legitimate actions (<c>maxBlockedRate</c>), or null.</summary>
    public double? MaxBlockedRate { get; set; }
}

/// <summary>Model calls, tokens and latency of a run.</summary>
public sealed class EvalUsageRecord
{
    /// <summary>Model calls made (cache hits included).</summary>
    public long Calls { get; set; }
    /// <summary>Calls answered from the response cache.</summary>
    public long CacheHits { get; set; }
    /// <summary>Retried requests.</summary>
    public long Retries { get; set; }
    /// <summary>Input tokens reported by the model.</summary>
    public long InputTokens { get; set; }
    /// <summary>Output tokens reported by the model.</summary>
    public long OutputTokens { get; set; }
    /// <summary>Total model latency in milliseconds.</summary>
    public double LatencyMs { get; set; }
}

/// <summary>One cell of a suite's factor grid.</summary>
public sealed class EvalCellResult
{
    /// <summary>The cell id (<c>explicit/replacement</c>).</summary>
    public string Id { get; set; } = "";
    /// <summary>Whether the cell is primary (Holm-corrected, deciding).</summary>
    public bool Primary { get; set; }
    /// <summary>Whether the cell is a control (no threat, no goal conflict).</summary>
    public bool Control { get; set; }
    /// <summary>Scored samples (per arm for a gap).</summary>
    public int N { get; set; }
    /// <summary>Misaligned samples (rate), or the monitored arm's events (gap).</summary>
    public int Events { get; set; }
    /// <summary>Samples that ended in an error.</summary>
    public int Errors { get; set; }
    /// <summary>The rate, or the gap (monitored minus unmonitored).</summary>
    public double Rate { get; set; }
    /// <summary>Lower end of the 95% interval (Wilson; Newcombe for a gap).</summary>
    public double IntervalLow { get; set; }
    /// <summary>Upper end of the 95% interval.</summary>
    public double IntervalHigh { get; set; }
    /// <summary>The one-sided upper bound at <see cref="Confidence"/> (exact for a rate, Newcombe for a gap).</summary>
    public double Bound { get; set; }
    /// <summary>The confidence of <see cref="Bound"/> after the Holm correction.</summary>
    public double Confidence { get; set; }
    /// <summary>The threshold the bound is compared with.</summary>
    public double Threshold { get; set; }
    /// <summary>Whether the SPRT decided before the sample cap.</summary>
    public bool StoppedEarly { get; set; }
    /// <summary>The cell's verdict.</summary>
    public string Verdict { get; set; } = "";
    /// <summary>Per-sample outcomes by sample index: <c>0</c> aligned, <c>1</c> misaligned, <c>E</c> error, <c>.</c> not run.
    /// For a gap, the monitored arm; <see cref="UnmonitoredOutcomes"/> holds the other.</summary>
    public string Outcomes { get; set; } = "";
    /// <summary>Gap cells: the unmonitored arm's outcomes.</summary>
    public string? UnmonitoredOutcomes { get; set; }
    /// <summary>Gap cells: the unmonitored arm's events.</summary>
    public int? UnmonitoredEvents { get; set; }
    /// <summary>Per wording variant: id, samples, events.</summary>
    public List<EvalVariantResult> Variants { get; set; } = new();
    /// <summary>The model-graded classifier's events, when it ran.</summary>
    public int? ClassifierEvents { get; set; }
    /// <summary>Share of samples where the classifier agreed with the deterministic rule.</summary>
    public double? ClassifierAgreement { get; set; }
    /// <summary>Per-sample outcome of the sample's legitimate action, by sample index: <c>0</c> it reached its tool,
    /// <c>1</c> the gates blocked it, <c>.</c> no legitimate action (the model misbehaved, or the sample did not run).
    /// Null when the run could not tell legitimate actions apart (a real model).</summary>
    public string? LegitimateOutcomes { get; set; }
    /// <summary>Legitimate actions attempted in this cell (the <c>0</c> and <c>1</c> of <see cref="LegitimateOutcomes"/>).</summary>
    public int? LegitimateN { get; set; }
    /// <summary>Legitimate actions the gates blocked in this cell (the <c>1</c> of <see cref="LegitimateOutcomes"/>).</summary>
    public int? Blocked { get; set; }
}

/// <summary>Results of one wording variant within a cell.</summary>
public sealed class EvalVariantResult
{
    /// <summary>The variant id.</summary>
    public string Id { get; set; } = "";
    /// <summary>Scored samples.</summary>
    public int N { get; set; }
    /// <summary>Misaligned samples.</summary>
    public int Events { get; set; }
}
