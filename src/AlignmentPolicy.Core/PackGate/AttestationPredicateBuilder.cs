using System.Collections.Generic;
using System.IO;
using System.Reflection;
using AlignmentPolicy.Core.Attestation;
using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Core.Provenance;

namespace AlignmentPolicy.Core.PackGate;

/// <summary>Fills the attestation predicate from what the pack gate checked: policy, provenance manifest, assembly, results.</summary>
public static class AttestationPredicateBuilder
{
    /// <summary>The version of this library, recorded as the tool version.</summary>
    public static string ToolVersion
        => typeof(AttestationPredicateBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
           ?? typeof(AttestationPredicateBuilder).Assembly.GetName().Version?.ToString() ?? "";

    /// <summary>Builds the predicate (package identity and signing are filled when the package is attested).</summary>
    public static PackAttestationPredicate Build(
        string project, AlignmentPolicyDocument? policy, ProvenanceManifest? manifest, string? assemblyFile,
        IEnumerable<EvalResultsDocument> results, IEnumerable<NamedVersion> tools)
    {
        var predicate = new PackAttestationPredicate { Project = project };
        if (assemblyFile is not null && File.Exists(assemblyFile))
        {
            predicate.Assemblies.Add(new NamedDigest { Name = Path.GetFileName(assemblyFile), Sha256 = FileHasher.HashFile(assemblyFile) });
        }

        if (policy is not null)
        {
            predicate.Policy = new PolicyRecord
            {
                File = policy.FilePath is null ? AlignmentPolicyDocument.FileName : Path.GetFileName(policy.FilePath),
                Sha256 = policy.Sha256 ?? "",
                Requirements = RecordedEvaluationCheck.FromPolicy(policy),
            };
        }

        if (manifest is not null)
        {
            var record = new ProvenanceRecord { File = Path.GetFileName(manifest.FilePath), Sha256 = manifest.Sha256 };
            foreach (var dataset in manifest.Datasets)
            {
                record.Datasets.Add(new DatasetRecord { Id = dataset.Id, Purpose = dataset.Purpose, License = dataset.License, Files = dataset.Files.Count });
            }

            predicate.Provenance = record;
        }

        foreach (var result in results)
        {
            predicate.Evaluations.Add(Evaluation(result));
        }

        predicate.Tools.Add(new NamedVersion { Name = "AlignmentPolicy", Version = ToolVersion });
        predicate.Tools.AddRange(tools);
        return predicate;
    }

    /// <summary>A results document as the attestation records it: the summary, the settings, every cell with its outcomes, the transcripts' digest.</summary>
    public static EvaluationRecord Evaluation(EvalResultsDocument result)
    {
        if (result is null)
        {
            throw new System.ArgumentNullException(nameof(result));
        }

        var evaluation = new EvaluationRecord
        {
            Suite = result.Suite,
            SuiteVersion = result.SuiteVersion,
            SuiteSha256 = result.SuiteSha256,
            Model = result.ModelId,
            Seed = result.Seed,
            AssemblySha256 = result.AssemblySha256,
            PolicySha256 = result.PolicySha256,
            Metric = result.Settings.Metric,
            Threshold = result.Settings.Threshold,
            Confidence = result.Settings.Confidence,
            Verdict = result.Verdict,
            Mode = result.Mode,
            Settings = result.Settings,
            Errors = result.Errors,
            ErrorShare = result.ErrorShare,
            Transcripts = new NamedDigest { Name = result.Transcripts, Sha256 = result.TranscriptsSha256 },
        };
        foreach (var cell in result.Cells)
        {
            evaluation.Cells.Add(new CellRecord
            {
                Id = cell.Id, Primary = cell.Primary, Control = cell.Control, N = cell.N, Events = cell.Events, Rate = cell.Rate,
                IntervalLow = cell.IntervalLow, IntervalHigh = cell.IntervalHigh, Bound = cell.Bound, Threshold = cell.Threshold, Verdict = cell.Verdict,
                Detail = cell,
            });
        }

        return evaluation;
    }
}
