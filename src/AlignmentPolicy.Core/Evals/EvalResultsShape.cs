using System;
using System.Collections.Generic;

namespace AlignmentPolicy.Core.Evals;

/// <summary>
/// The results format's fields, once: the reader, the writer and the recomputation check all walk these tables, so they
/// cannot drift. A field marked derived is computed by <see cref="ResultsCalculator"/> from the outcomes and settings;
/// <see cref="ResultsRecomputation"/> compares every derived field of a file with its recomputed value.
/// </summary>
internal static class EvalResultsShape
{
    internal enum Kind { String, NullableString, Integer, NullableInteger, Long, Number, NullableNumber, Boolean, StringList, Object, ObjectList }

    internal sealed class Field
    {
        public Field(string name, Kind kind, bool required, Func<object, object?> get, Action<object, object?> set, Func<object>? create = null, IReadOnlyList<Field>? shape = null, bool derived = false)
        {
            Derived = derived;
            Name = name;
            Type = kind;
            Required = required;
            Get = get;
            Set = set;
            Create = create;
            Shape = shape;
        }

        public string Name { get; }
        public Kind Type { get; }
        public bool Required { get; }
        public Func<object, object?> Get { get; }
        public Action<object, object?> Set { get; }
        public Func<object>? Create { get; }
        public IReadOnlyList<Field>? Shape { get; }
        public bool Derived { get; }
    }

    private static Field F<T>(string name, Kind kind, bool required, Func<T, object?> get, Action<T, object?> set)
        => new(name, kind, required, o => get((T)o), (o, v) => set((T)o, v));

    // Computed by ResultsCalculator: checked against the recomputation.
    private static Field D<T>(string name, Kind kind, bool required, Func<T, object?> get, Action<T, object?> set)
        => new(name, kind, required, o => get((T)o), (o, v) => set((T)o, v), derived: true);

    private static Field O<T>(string name, Kind kind, Func<T, object?> get, Action<T, object?> set, Func<object> create, IReadOnlyList<Field> shape, bool derived = false)
        => new(name, kind, true, o => get((T)o), (o, v) => set((T)o, v), create, shape, derived);

    public static readonly IReadOnlyList<Field> Variant = new[]
    {
        F<EvalVariantResult>("id", Kind.String, true, o => o.Id, (o, v) => o.Id = (string)v!),
        F<EvalVariantResult>("n", Kind.Integer, true, o => o.N, (o, v) => o.N = (int)v!),
        F<EvalVariantResult>("events", Kind.Integer, true, o => o.Events, (o, v) => o.Events = (int)v!),
    };

    public static readonly IReadOnlyList<Field> Cell = new[]
    {
        F<EvalCellResult>("id", Kind.String, true, o => o.Id, (o, v) => o.Id = (string)v!),
        F<EvalCellResult>("primary", Kind.Boolean, true, o => o.Primary, (o, v) => o.Primary = (bool)v!),
        F<EvalCellResult>("control", Kind.Boolean, true, o => o.Control, (o, v) => o.Control = (bool)v!),
        D<EvalCellResult>("n", Kind.Integer, true, o => o.N, (o, v) => o.N = (int)v!),
        D<EvalCellResult>("events", Kind.Integer, true, o => o.Events, (o, v) => o.Events = (int)v!),
        D<EvalCellResult>("errors", Kind.Integer, true, o => o.Errors, (o, v) => o.Errors = (int)v!),
        D<EvalCellResult>("rate", Kind.Number, true, o => o.Rate, (o, v) => o.Rate = (double)v!),
        D<EvalCellResult>("intervalLow", Kind.Number, true, o => o.IntervalLow, (o, v) => o.IntervalLow = (double)v!),
        D<EvalCellResult>("intervalHigh", Kind.Number, true, o => o.IntervalHigh, (o, v) => o.IntervalHigh = (double)v!),
        D<EvalCellResult>("bound", Kind.Number, true, o => o.Bound, (o, v) => o.Bound = (double)v!),
        D<EvalCellResult>("confidence", Kind.Number, true, o => o.Confidence, (o, v) => o.Confidence = (double)v!),
        D<EvalCellResult>("threshold", Kind.Number, true, o => o.Threshold, (o, v) => o.Threshold = (double)v!),
        D<EvalCellResult>("stoppedEarly", Kind.Boolean, true, o => o.StoppedEarly, (o, v) => o.StoppedEarly = (bool)v!),
        D<EvalCellResult>("verdict", Kind.String, true, o => o.Verdict, (o, v) => o.Verdict = (string)v!),
        F<EvalCellResult>("outcomes", Kind.String, true, o => o.Outcomes, (o, v) => o.Outcomes = (string)v!),
        F<EvalCellResult>("unmonitoredOutcomes", Kind.NullableString, false, o => o.UnmonitoredOutcomes, (o, v) => o.UnmonitoredOutcomes = (string?)v),
        D<EvalCellResult>("unmonitoredEvents", Kind.NullableInteger, false, o => o.UnmonitoredEvents, (o, v) => o.UnmonitoredEvents = (int?)v),
        O<EvalCellResult>("variants", Kind.ObjectList, o => o.Variants, (o, v) => o.Variants = ToList<EvalVariantResult>(v), () => new EvalVariantResult(), Variant, derived: true),
        F<EvalCellResult>("classifierEvents", Kind.NullableInteger, false, o => o.ClassifierEvents, (o, v) => o.ClassifierEvents = (int?)v),
        F<EvalCellResult>("classifierAgreement", Kind.NullableNumber, false, o => o.ClassifierAgreement, (o, v) => o.ClassifierAgreement = (double?)v),
        F<EvalCellResult>("legitimateOutcomes", Kind.NullableString, false, o => o.LegitimateOutcomes, (o, v) => o.LegitimateOutcomes = (string?)v),
        D<EvalCellResult>("legitimateN", Kind.NullableInteger, false, o => o.LegitimateN, (o, v) => o.LegitimateN = (int?)v),
        D<EvalCellResult>("blocked", Kind.NullableInteger, false, o => o.Blocked, (o, v) => o.Blocked = (int?)v),
    };

    public static readonly IReadOnlyList<Field> Settings = new[]
    {
        F<EvalSettingsRecord>("metric", Kind.String, true, o => o.Metric, (o, v) => o.Metric = (string)v!),
        F<EvalSettingsRecord>("threshold", Kind.Number, true, o => o.Threshold, (o, v) => o.Threshold = (double)v!),
        F<EvalSettingsRecord>("confidence", Kind.Number, true, o => o.Confidence, (o, v) => o.Confidence = (double)v!),
        F<EvalSettingsRecord>("minSamples", Kind.Integer, true, o => o.MinSamples, (o, v) => o.MinSamples = (int)v!),
        F<EvalSettingsRecord>("maxSamples", Kind.Integer, true, o => o.MaxSamples, (o, v) => o.MaxSamples = (int)v!),
        F<EvalSettingsRecord>("earlyStopping", Kind.Boolean, true, o => o.EarlyStopping, (o, v) => o.EarlyStopping = (bool)v!),
        F<EvalSettingsRecord>("sprtP0", Kind.Number, true, o => o.SprtP0, (o, v) => o.SprtP0 = (double)v!),
        F<EvalSettingsRecord>("sprtP1", Kind.Number, true, o => o.SprtP1, (o, v) => o.SprtP1 = (double)v!),
        F<EvalSettingsRecord>("sprtAlpha", Kind.Number, true, o => o.SprtAlpha, (o, v) => o.SprtAlpha = (double)v!),
        F<EvalSettingsRecord>("sprtBeta", Kind.Number, true, o => o.SprtBeta, (o, v) => o.SprtBeta = (double)v!),
        F<EvalSettingsRecord>("errorLimit", Kind.Number, true, o => o.ErrorLimit, (o, v) => o.ErrorLimit = (double)v!),
        F<EvalSettingsRecord>("primaryCells", Kind.StringList, true, o => o.PrimaryCells, (o, v) => o.PrimaryCells = (List<string>)v!),
        F<EvalSettingsRecord>("maxBlockedRate", Kind.NullableNumber, false, o => o.MaxBlockedRate, (o, v) => o.MaxBlockedRate = (double?)v),
    };

    public static readonly IReadOnlyList<Field> Usage = new[]
    {
        F<EvalUsageRecord>("calls", Kind.Long, true, o => o.Calls, (o, v) => o.Calls = (long)v!),
        F<EvalUsageRecord>("cacheHits", Kind.Long, true, o => o.CacheHits, (o, v) => o.CacheHits = (long)v!),
        F<EvalUsageRecord>("retries", Kind.Long, true, o => o.Retries, (o, v) => o.Retries = (long)v!),
        F<EvalUsageRecord>("inputTokens", Kind.Long, true, o => o.InputTokens, (o, v) => o.InputTokens = (long)v!),
        F<EvalUsageRecord>("outputTokens", Kind.Long, true, o => o.OutputTokens, (o, v) => o.OutputTokens = (long)v!),
        F<EvalUsageRecord>("latencyMs", Kind.Number, true, o => o.LatencyMs, (o, v) => o.LatencyMs = (double)v!),
    };

    public static readonly IReadOnlyList<Field> Document = new[]
    {
        F<EvalResultsDocument>("format", Kind.Integer, true, o => o.Format, (o, v) => o.Format = (int)v!),
        F<EvalResultsDocument>("suite", Kind.String, true, o => o.Suite, (o, v) => o.Suite = (string)v!),
        F<EvalResultsDocument>("suiteVersion", Kind.String, true, o => o.SuiteVersion, (o, v) => o.SuiteVersion = (string)v!),
        F<EvalResultsDocument>("suiteSha256", Kind.String, true, o => o.SuiteSha256, (o, v) => o.SuiteSha256 = (string)v!),
        F<EvalResultsDocument>("project", Kind.String, true, o => o.Project, (o, v) => o.Project = (string)v!),
        F<EvalResultsDocument>("assemblyPath", Kind.String, true, o => o.AssemblyPath, (o, v) => o.AssemblyPath = (string)v!),
        F<EvalResultsDocument>("assemblySha256", Kind.String, true, o => o.AssemblySha256, (o, v) => o.AssemblySha256 = (string)v!),
        F<EvalResultsDocument>("policyPath", Kind.String, true, o => o.PolicyPath, (o, v) => o.PolicyPath = (string)v!),
        F<EvalResultsDocument>("policySha256", Kind.String, true, o => o.PolicySha256, (o, v) => o.PolicySha256 = (string)v!),
        F<EvalResultsDocument>("entryPoint", Kind.String, true, o => o.EntryPoint, (o, v) => o.EntryPoint = (string)v!),
        F<EvalResultsDocument>("mode", Kind.String, true, o => o.Mode, (o, v) => o.Mode = (string)v!),
        F<EvalResultsDocument>("modelId", Kind.String, true, o => o.ModelId, (o, v) => o.ModelId = (string)v!),
        F<EvalResultsDocument>("modelDescription", Kind.String, true, o => o.ModelDescription, (o, v) => o.ModelDescription = (string)v!),
        F<EvalResultsDocument>("seed", Kind.Long, true, o => o.Seed, (o, v) => o.Seed = (long)v!),
        F<EvalResultsDocument>("shardIndex", Kind.Integer, true, o => o.ShardIndex, (o, v) => o.ShardIndex = (int)v!),
        F<EvalResultsDocument>("shardCount", Kind.Integer, true, o => o.ShardCount, (o, v) => o.ShardCount = (int)v!),
        O<EvalResultsDocument>("settings", Kind.Object, o => o.Settings, (o, v) => o.Settings = (EvalSettingsRecord)v!, () => new EvalSettingsRecord(), Settings),
        F<EvalResultsDocument>("tool", Kind.String, true, o => o.Tool, (o, v) => o.Tool = (string)v!),
        F<EvalResultsDocument>("createdUtc", Kind.String, true, o => o.CreatedUtc, (o, v) => o.CreatedUtc = (string)v!),
        D<EvalResultsDocument>("verdict", Kind.String, true, o => o.Verdict, (o, v) => o.Verdict = (string)v!),
        F<EvalResultsDocument>("reason", Kind.String, true, o => o.Reason, (o, v) => o.Reason = (string)v!),
        D<EvalResultsDocument>("errors", Kind.Integer, true, o => o.Errors, (o, v) => o.Errors = (int)v!),
        D<EvalResultsDocument>("errorShare", Kind.Number, true, o => o.ErrorShare, (o, v) => o.ErrorShare = (double)v!),
        F<EvalResultsDocument>("transcripts", Kind.String, true, o => o.Transcripts, (o, v) => o.Transcripts = (string)v!),
        F<EvalResultsDocument>("transcriptsSha256", Kind.String, true, o => o.TranscriptsSha256, (o, v) => o.TranscriptsSha256 = (string)v!),
        O<EvalResultsDocument>("usage", Kind.Object, o => o.Usage, (o, v) => o.Usage = (EvalUsageRecord)v!, () => new EvalUsageRecord(), Usage),
        O<EvalResultsDocument>("cells", Kind.ObjectList, o => o.Cells, (o, v) => o.Cells = ToList<EvalCellResult>(v), () => new EvalCellResult(), Cell),
        D<EvalResultsDocument>("legitimateN", Kind.NullableInteger, false, o => o.LegitimateN, (o, v) => o.LegitimateN = (int?)v),
        D<EvalResultsDocument>("blocked", Kind.NullableInteger, false, o => o.Blocked, (o, v) => o.Blocked = (int?)v),
        D<EvalResultsDocument>("blockedRate", Kind.NullableNumber, false, o => o.BlockedRate, (o, v) => o.BlockedRate = (double?)v),
        D<EvalResultsDocument>("blockedIntervalLow", Kind.NullableNumber, false, o => o.BlockedIntervalLow, (o, v) => o.BlockedIntervalLow = (double?)v),
        D<EvalResultsDocument>("blockedIntervalHigh", Kind.NullableNumber, false, o => o.BlockedIntervalHigh, (o, v) => o.BlockedIntervalHigh = (double?)v),
        D<EvalResultsDocument>("blockedBound", Kind.NullableNumber, false, o => o.BlockedBound, (o, v) => o.BlockedBound = (double?)v),
    };

    private static List<T> ToList<T>(object? value)
    {
        var list = new List<T>();
        if (value is List<object> items)
        {
            foreach (var item in items)
            {
                list.Add((T)item);
            }
        }

        return list;
    }
}
