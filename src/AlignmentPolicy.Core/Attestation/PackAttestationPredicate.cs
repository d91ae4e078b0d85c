using System;
using System.Collections.Generic;
using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Core.Json;

namespace AlignmentPolicy.Core.Attestation;

/// <summary>
/// What a package attestation says about the build it came from: the package, the built assemblies, the policy (digest
/// and the thresholds it required), the provenance manifest (digest and summary), each evaluation (suite, model, cells
/// with n, rate, interval, bound and verdict), how the envelope is signed, and the tool versions.
/// </summary>
public sealed class PackAttestationPredicate
{
    /// <summary>The predicate type URI.</summary>
    public const string PredicateType = "https://github.com/alignment-policy/alignment-policy/attestation/pack/v1";

    /// <summary>Signing mode of an envelope with no signature.</summary>
    public const string Unsigned = "unsigned";

    /// <summary>Signing mode of an ECDSA P-256 signed envelope.</summary>
    public const string EcdsaP256 = "ecdsa-p256-sha256";

    /// <summary>The package id.</summary>
    public string PackageId { get; set; } = "";
    /// <summary>The package version.</summary>
    public string PackageVersion { get; set; } = "";
    /// <summary>The project name.</summary>
    public string Project { get; set; } = "";
    /// <summary><see cref="Unsigned"/> or <see cref="EcdsaP256"/>.</summary>
    public string Signing { get; set; } = Unsigned;
    /// <summary>The signing key id when signed.</summary>
    public string? KeyId { get; set; }
    /// <summary>The built assemblies the evaluations ran on (file name and SHA-256).</summary>
    public List<NamedDigest> Assemblies { get; set; } = new();
    /// <summary>The policy in force at pack time; null when there was none.</summary>
    public PolicyRecord? Policy { get; set; }
    /// <summary>The provenance manifest; null when the project has none.</summary>
    public ProvenanceRecord? Provenance { get; set; }
    /// <summary>The evaluation results the pack gate accepted.</summary>
    public List<EvaluationRecord> Evaluations { get; set; } = new();
    /// <summary>Tools and their versions.</summary>
    public List<NamedVersion> Tools { get; set; } = new();

    internal void Write(JsonWriter w)
    {
        w.StartObject()
            .Name("package").StartObject().Property("id", PackageId).Property("version", PackageVersion).EndObject()
            .Property("project", Project)
            .Name("signing").StartObject().Property("mode", Signing);
        if (KeyId is not null)
        {
            w.Property("keyid", KeyId);
        }

        w.EndObject().Name("assemblies").StartArray();
        foreach (var assembly in Assemblies)
        {
            w.StartObject().Property("name", assembly.Name).Property("sha256", assembly.Sha256).EndObject();
        }

        w.EndArray().Name("policy");
        if (Policy is null)
        {
            w.Value((string?)null);
        }
        else
        {
            w.StartObject().Property("file", Policy.File).Property("sha256", Policy.Sha256).Name("requiredEvaluations").StartArray();
            foreach (var r in Policy.Requirements)
            {
                w.StartObject().Property("suite", r.Suite);
                if (r.MaxRate is double maxRate)
                {
                    w.Property("maxRate", maxRate);
                }

                if (r.MaxGap is double maxGap)
                {
                    w.Property("maxGap", maxGap);
                }

                if (r.MaxBlockedRate is double maxBlocked)
                {
                    w.Property("maxBlockedRate", maxBlocked);
                }

                w.Property("confidence", r.Confidence).EndObject();
            }

            w.EndArray().EndObject();
        }

        w.Name("provenance");
        if (Provenance is null)
        {
            w.Value((string?)null);
        }
        else
        {
            w.StartObject().Property("file", Provenance.File).Property("sha256", Provenance.Sha256).Name("datasets").StartArray();
            foreach (var d in Provenance.Datasets)
            {
                w.StartObject().Property("id", d.Id).Property("purpose", d.Purpose).Property("license", d.License).Property("files", d.Files).EndObject();
            }

            w.EndArray().EndObject();
        }

        w.Name("evaluations").StartArray();
        foreach (var e in Evaluations)
        {
            w.StartObject()
                .Property("suite", e.Suite).Property("suiteVersion", e.SuiteVersion).Property("suiteSha256", e.SuiteSha256)
                .Property("model", e.Model).Property("seed", e.Seed)
                .Property("assemblySha256", e.AssemblySha256).Property("policySha256", e.PolicySha256)
                .Property("metric", e.Metric).Property("threshold", e.Threshold).Property("confidence", e.Confidence)
                .Property("verdict", e.Verdict).Property("mode", e.Mode);
            if (e.Errors is int errors)
            {
                w.Property("errors", errors);
            }

            if (e.ErrorShare is double errorShare)
            {
                w.Property("errorShare", errorShare);
            }

            if (e.Transcripts is { } transcripts)
            {
                w.Name("transcripts").StartObject().Property("name", transcripts.Name).Property("sha256", transcripts.Sha256).EndObject();
            }

            if (e.Settings is { } settings)
            {
                w.Name("settings").StartObject();
                ShapeJson.Write(w, settings, EvalResultsShape.Settings);
                w.EndObject();
            }

            w.Name("cells").StartArray();
            foreach (var c in e.Cells)
            {
                w.StartObject().Property("id", c.Id).Property("primary", c.Primary).Property("control", c.Control)
                    .Property("n", c.N).Property("events", c.Events).Property("rate", c.Rate)
                    .Name("interval").StartArray().Value(c.IntervalLow).Value(c.IntervalHigh).EndArray()
                    .Property("bound", c.Bound).Property("threshold", c.Threshold).Property("verdict", c.Verdict);
                if (c.Detail is { } detail)
                {
                    // The rest of the cell as the results file has it: the outcomes every figure above is recomputed from.
                    ShapeJson.Write(w, detail, EvalResultsShape.Cell, CellRecord.DetailFields);
                }

                w.EndObject();
            }

            w.EndArray().EndObject();
        }

        w.EndArray().Name("tools").StartObject();
        foreach (var tool in Tools)
        {
            w.Property(tool.Name, tool.Version);
        }

        w.EndObject().EndObject();
    }

    internal static PackAttestationPredicate Read(JsonObject o)
    {
        const string P = "the predicate";
        var package = JsonRead.Object(JsonRead.Required(o, "package", P), "The predicate's package");
        var signing = JsonRead.Object(JsonRead.Required(o, "signing", P), "The predicate's signing");
        var result = new PackAttestationPredicate
        {
            PackageId = JsonRead.String(package, "id", "the predicate's package"),
            PackageVersion = JsonRead.String(package, "version", "the predicate's package"),
            Project = JsonRead.OptionalString(o, "project", P) ?? "",
            Signing = JsonRead.String(signing, "mode", "the predicate's signing"),
            KeyId = JsonRead.OptionalString(signing, "keyid", "the predicate's signing"),
        };
        foreach (var item in JsonRead.Array(o, "assemblies", P, required: false))
        {
            var a = JsonRead.Object(item, "An assembly");
            result.Assemblies.Add(new NamedDigest { Name = JsonRead.String(a, "name", "an assembly"), Sha256 = JsonRead.String(a, "sha256", "an assembly") });
        }

        if (JsonRead.Optional(o, "policy") is JsonNode policyNode)
        {
            var policy = JsonRead.Object(policyNode, "The predicate's policy");
            var record = new PolicyRecord { File = JsonRead.OptionalString(policy, "file", "the policy") ?? "", Sha256 = JsonRead.String(policy, "sha256", "the policy") };
            foreach (var item in JsonRead.Array(policy, "requiredEvaluations", "the policy", required: false))
            {
                var r = JsonRead.Object(item, "A required evaluation");
                record.Requirements.Add(new RequirementRecord
                {
                    Suite = JsonRead.String(r, "suite", "a required evaluation"),
                    MaxRate = JsonRead.OptionalNumber(r, "maxRate", "a required evaluation"),
                    MaxGap = JsonRead.OptionalNumber(r, "maxGap", "a required evaluation"),
                    MaxBlockedRate = JsonRead.OptionalNumber(r, "maxBlockedRate", "a required evaluation"),
                    Confidence = JsonRead.OptionalNumber(r, "confidence", "a required evaluation") ?? 0.95,
                });
            }

            result.Policy = record;
        }

        if (JsonRead.Optional(o, "provenance") is JsonNode provenanceNode)
        {
            var provenance = JsonRead.Object(provenanceNode, "The predicate's provenance");
            var record = new ProvenanceRecord { File = JsonRead.OptionalString(provenance, "file", "the provenance") ?? "", Sha256 = JsonRead.String(provenance, "sha256", "the provenance") };
            foreach (var item in JsonRead.Array(provenance, "datasets", "the provenance", required: false))
            {
                var d = JsonRead.Object(item, "A dataset");
                record.Datasets.Add(new DatasetRecord
                {
                    Id = JsonRead.String(d, "id", "a dataset"),
                    Purpose = JsonRead.OptionalString(d, "purpose", "a dataset") ?? "",
                    License = JsonRead.OptionalString(d, "license", "a dataset") ?? "",
                    Files = (int)(JsonRead.OptionalNumber(d, "files", "a dataset") ?? 0),
                });
            }

            result.Provenance = record;
        }

        foreach (var item in JsonRead.Array(o, "evaluations", P, required: true))
        {
            const string E = "an evaluation";
            var e = JsonRead.Object(item, "An evaluation");
            var record = new EvaluationRecord
            {
                Suite = JsonRead.String(e, "suite", E),
                SuiteVersion = JsonRead.OptionalString(e, "suiteVersion", E) ?? "",
                SuiteSha256 = JsonRead.OptionalString(e, "suiteSha256", E) ?? "",
                Model = JsonRead.String(e, "model", E),
                Seed = (long)(JsonRead.OptionalNumber(e, "seed", E) ?? 0),
                AssemblySha256 = JsonRead.OptionalString(e, "assemblySha256", E) ?? "",
                PolicySha256 = JsonRead.OptionalString(e, "policySha256", E) ?? "",
                Metric = JsonRead.OptionalString(e, "metric", E) ?? "rate",
                Threshold = JsonRead.Number(e, "threshold", E),
                Confidence = JsonRead.Number(e, "confidence", E),
                Verdict = JsonRead.String(e, "verdict", E),
                Mode = JsonRead.OptionalString(e, "mode", E) ?? "pipeline",
                Errors = JsonRead.Optional(e, "errors") is null ? null : Count(e, "errors", E),
                ErrorShare = JsonRead.OptionalNumber(e, "errorShare", E),
            };
            if (JsonRead.Optional(e, "transcripts") is JsonNode transcriptsNode)
            {
                var t = JsonRead.Object(transcriptsNode, "An evaluation's transcripts");
                record.Transcripts = new NamedDigest { Name = JsonRead.String(t, "name", "the transcripts"), Sha256 = JsonRead.String(t, "sha256", "the transcripts") };
            }

            if (JsonRead.Optional(e, "settings") is JsonNode settingsNode)
            {
                record.Settings = new Evals.EvalSettingsRecord();
                ShapeJson.Read(JsonRead.Object(settingsNode, "An evaluation's settings"), record.Settings, EvalResultsShape.Settings, null, (m, at) => JsonRead.Error($"In an evaluation's settings, {m}", at));
            }

            foreach (var cellNode in JsonRead.Array(e, "cells", E, required: true))
            {
                const string C = "a cell";
                var c = JsonRead.Object(cellNode, "A cell");
                var interval = JsonRead.Array(c, "interval", C, required: true);
                if (interval.Count != 2 || interval[0] is not JsonNumber low || interval[1] is not JsonNumber high)
                {
                    throw JsonRead.Error("A cell's interval is not [low, high].", c.Find("interval")!.Value);
                }

                var cell = new CellRecord
                {
                    Id = JsonRead.String(c, "id", C),
                    Primary = JsonRead.OptionalBoolean(c, "primary", C),
                    Control = JsonRead.OptionalBoolean(c, "control", C),
                    N = Count(c, "n", C),
                    Events = Count(c, "events", C),
                    Rate = JsonRead.Number(c, "rate", C),
                    IntervalLow = low.Value,
                    IntervalHigh = high.Value,
                    Bound = JsonRead.Number(c, "bound", C),
                    Threshold = JsonRead.Number(c, "threshold", C),
                    Verdict = JsonRead.String(c, "verdict", C),
                };
                var detail = new Evals.EvalCellResult();
                if (ShapeJson.Read(c, detail, EvalResultsShape.Cell, CellRecord.DetailFields, (m, at) => JsonRead.Error($"In a cell, {m}", at)).Contains("outcomes"))
                {
                    cell.Detail = detail;
                }

                record.Cells.Add(cell);
            }

            result.Evaluations.Add(record);
        }

        if (JsonRead.Optional(o, "tools") is JsonNode toolsNode)
        {
            foreach (var tool in JsonRead.Object(toolsNode, "The predicate's tools").Properties)
            {
                result.Tools.Add(new NamedVersion { Name = tool.Name, Version = (tool.Value as JsonString)?.Value ?? "" });
            }
        }

        return result;
    }

    private static int Count(JsonObject owner, string name, string what)
    {
        var value = JsonRead.Number(owner, name, what);
        return value >= 0 && value <= int.MaxValue && Math.Floor(value) == value
            ? (int)value
            : throw JsonRead.Error($"'{name}' in {what} is not a count.", owner.Find(name)!.Value);
    }
}

/// <summary>A file name and its SHA-256.</summary>
public sealed class NamedDigest
{
    /// <summary>The file name.</summary>
    public string Name { get; set; } = "";
    /// <summary>Lower-case hex SHA-256.</summary>
    public string Sha256 { get; set; } = "";
}

/// <summary>A tool and its version.</summary>
public sealed class NamedVersion
{
    /// <summary>The tool.</summary>
    public string Name { get; set; } = "";
    /// <summary>Its version.</summary>
    public string Version { get; set; } = "";
}

/// <summary>The policy at pack time.</summary>
public sealed class PolicyRecord
{
    /// <summary>The policy file's name.</summary>
    public string File { get; set; } = "";
    /// <summary>Its SHA-256.</summary>
    public string Sha256 { get; set; } = "";
    /// <summary>The evaluations it required, with thresholds.</summary>
    public List<RequirementRecord> Requirements { get; set; } = new();
}

/// <summary>One required evaluation and its thresholds: what the policy's <c>evals.required</c> entry says about how results are computed and judged.</summary>
public sealed class RequirementRecord
{
    /// <summary>The suite.</summary>
    public string Suite { get; set; } = "";
    /// <summary>The highest acceptable rate.</summary>
    public double? MaxRate { get; set; }
    /// <summary>The highest acceptable monitoring gap.</summary>
    public double? MaxGap { get; set; }
    /// <summary>The confidence of the bound.</summary>
    public double Confidence { get; set; } = 0.95;
    /// <summary>Fewest samples per cell for a verdict, or null.</summary>
    public int? MinSamples { get; set; }
    /// <summary>Samples per cell, or null for the suite's default.</summary>
    public int? MaxSamples { get; set; }
    /// <summary>The cells that decide the suite; empty: the suite definition's primary cells.</summary>
    public List<string> PrimaryCells { get; set; } = new();
    /// <summary>Whether the policy asks for Wald's sequential test.</summary>
    public bool EarlyStopping { get; set; }
    /// <summary>The highest rate of legitimate actions the gates may block (the bound compared with it), when bounded.</summary>
    public double? MaxBlockedRate { get; set; }

    /// <summary>The record of a policy's requirement.</summary>
    public static RequirementRecord From(AlignmentPolicy.Core.Policy.EvalRequirement requirement)
    {
        if (requirement is null)
        {
            throw new System.ArgumentNullException(nameof(requirement));
        }

        return new RequirementRecord
        {
            Suite = requirement.Suite, MaxRate = requirement.MaxRate, MaxGap = requirement.MaxGap, Confidence = requirement.Confidence,
            MinSamples = requirement.MinSamples, MaxSamples = requirement.MaxSamples, PrimaryCells = new List<string>(requirement.PrimaryCells),
            EarlyStopping = requirement.EarlyStopping, MaxBlockedRate = requirement.MaxBlockedRate,
        };
    }
}

/// <summary>The provenance manifest at pack time.</summary>
public sealed class ProvenanceRecord
{
    /// <summary>The manifest's file name.</summary>
    public string File { get; set; } = "";
    /// <summary>Its SHA-256.</summary>
    public string Sha256 { get; set; } = "";
    /// <summary>Its datasets, summarised.</summary>
    public List<DatasetRecord> Datasets { get; set; } = new();
}

/// <summary>A dataset, summarised.</summary>
public sealed class DatasetRecord
{
    /// <summary>The dataset id.</summary>
    public string Id { get; set; } = "";
    /// <summary>Its purpose.</summary>
    public string Purpose { get; set; } = "";
    /// <summary>Its licence expression.</summary>
    public string License { get; set; } = "";
    /// <summary>How many files it declares.</summary>
    public int Files { get; set; }
}

/// <summary>One suite's results, as recorded in the attestation.</summary>
public sealed class EvaluationRecord
{
    /// <summary>The suite.</summary>
    public string Suite { get; set; } = "";
    /// <summary>Its version.</summary>
    public string SuiteVersion { get; set; } = "";
    /// <summary>Its definition's SHA-256.</summary>
    public string SuiteSha256 { get; set; } = "";
    /// <summary>The model.</summary>
    public string Model { get; set; } = "";
    /// <summary>The seed.</summary>
    public long Seed { get; set; }
    /// <summary>The evaluated assembly's SHA-256.</summary>
    public string AssemblySha256 { get; set; } = "";
    /// <summary>The policy's SHA-256 at evaluation time.</summary>
    public string PolicySha256 { get; set; } = "";
    /// <summary><c>rate</c> or <c>gap</c>.</summary>
    public string Metric { get; set; } = "rate";
    /// <summary>The threshold the verdicts used.</summary>
    public double Threshold { get; set; }
    /// <summary>The confidence of the bounds (before the Holm correction).</summary>
    public double Confidence { get; set; }
    /// <summary>The suite verdict.</summary>
    public string Verdict { get; set; } = "";
    /// <summary><c>pipeline</c> (the agent's own entry point) or <c>reference</c>.</summary>
    public string Mode { get; set; } = "pipeline";
    /// <summary>The settings the figures were computed with (null in attestations written before they were recorded).</summary>
    public EvalSettingsRecord? Settings { get; set; }
    /// <summary>Samples that ended in an error.</summary>
    public int? Errors { get; set; }
    /// <summary>Errors divided by attempted samples.</summary>
    public double? ErrorShare { get; set; }
    /// <summary>The transcripts file the results summarise, and its SHA-256.</summary>
    public NamedDigest? Transcripts { get; set; }
    /// <summary>The cells.</summary>
    public List<CellRecord> Cells { get; set; } = new();

    /// <summary>
    /// The record as a results document, to be recomputed: settings, outcomes and every recorded figure; null when the
    /// record holds no settings or a cell no outcomes (it cannot be recomputed).
    /// </summary>
    public EvalResultsDocument? ToResults()
    {
        if (Settings is null || Cells.Exists(c => c.Detail is null))
        {
            return null;
        }

        var document = new EvalResultsDocument
        {
            Suite = Suite, SuiteVersion = SuiteVersion, SuiteSha256 = SuiteSha256, AssemblySha256 = AssemblySha256, PolicySha256 = PolicySha256,
            ModelId = Model, Seed = Seed, Mode = Mode, Settings = Settings, Verdict = Verdict,
            Errors = Errors ?? -1, ErrorShare = ErrorShare ?? double.NaN,
            Transcripts = Transcripts?.Name ?? "", TranscriptsSha256 = Transcripts?.Sha256 ?? "",
        };
        foreach (var c in Cells)
        {
            var d = c.Detail!;
            var cell = new EvalCellResult
            {
                Id = c.Id, Primary = c.Primary, Control = c.Control, N = c.N, Events = c.Events, Rate = c.Rate, IntervalLow = c.IntervalLow,
                IntervalHigh = c.IntervalHigh, Bound = c.Bound, Threshold = c.Threshold, Verdict = c.Verdict,
                Errors = d.Errors, Confidence = d.Confidence, StoppedEarly = d.StoppedEarly,
                UnmonitoredEvents = d.UnmonitoredEvents, Variants = d.Variants,
            };
            CellOutcomes.Of(d).ApplyTo(cell);
            document.Cells.Add(cell);
        }

        return document;
    }
}

/// <summary>One cell's figures.</summary>
public sealed class CellRecord
{
    /// <summary>The cell id.</summary>
    public string Id { get; set; } = "";
    /// <summary>Whether it decides the verdict.</summary>
    public bool Primary { get; set; }
    /// <summary>Whether it is a control.</summary>
    public bool Control { get; set; }
    /// <summary>Samples.</summary>
    public int N { get; set; }
    /// <summary>Misaligned samples.</summary>
    public int Events { get; set; }
    /// <summary>Rate (or gap).</summary>
    public double Rate { get; set; }
    /// <summary>Lower end of the 95% interval.</summary>
    public double IntervalLow { get; set; }
    /// <summary>Upper end of the 95% interval.</summary>
    public double IntervalHigh { get; set; }
    /// <summary>The one-sided upper bound.</summary>
    public double Bound { get; set; }
    /// <summary>The threshold.</summary>
    public double Threshold { get; set; }
    /// <summary>The cell verdict.</summary>
    public string Verdict { get; set; } = "";
    /// <summary>The rest of the cell as the results file has it (errors, confidence, early stop, outcomes, variants); null in attestations written before it was recorded.</summary>
    public EvalCellResult? Detail { get; set; }

    /// <summary>The results-file cell fields recorded beside the summary above.</summary>
    internal static readonly HashSet<string> DetailFields = new(StringComparer.Ordinal)
    {
        "errors", "confidence", "stoppedEarly", "outcomes", "unmonitoredOutcomes", "unmonitoredEvents", "variants",
    };
}
