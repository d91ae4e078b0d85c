using System.Collections.Generic;

namespace AlignmentPolicy.Core.Diagnostics;

/// <summary>
/// The registry of build diagnostic codes (ALN01xx provenance, ALN02xx evaluations, ALN03xx policy,
/// ALN04xx attestation). A code is never reused; each has <c>docs/build/ALNxxxx.md</c>.
/// </summary>
public static class BuildDiagnosticIds
{
    /// <summary>ALN0101: an agent project has no <c>datasets.provenance.json</c> although the policy requires one.</summary>
    public static readonly BuildDiagnosticDescriptor ProvenanceManifestMissing = new("ALN0101", "Provenance manifest is missing", BuildSeverity.Error);

    /// <summary>ALN0102: the manifest is not valid JSON, not UTF-8, or cannot be read.</summary>
    public static readonly BuildDiagnosticDescriptor ProvenanceInvalidJson = new("ALN0102", "Provenance manifest is not valid JSON", BuildSeverity.Error);

    /// <summary>ALN0103: a property the manifest format does not define, or one written twice.</summary>
    public static readonly BuildDiagnosticDescriptor ProvenanceUnknownProperty = new("ALN0103", "Unknown or duplicate property in provenance manifest", BuildSeverity.Error);

    /// <summary>ALN0104: a value of the wrong type, out of range or not one of the allowed values.</summary>
    public static readonly BuildDiagnosticDescriptor ProvenanceInvalidValue = new("ALN0104", "Provenance value is invalid", BuildSeverity.Error);

    /// <summary>ALN0105: a field required for the dataset's purpose is missing.</summary>
    public static readonly BuildDiagnosticDescriptor ProvenanceMissingField = new("ALN0105", "Required provenance field is missing", BuildSeverity.Error);

    /// <summary>ALN0106: a dataset file's SHA-256 differs from the declared digest.</summary>
    public static readonly BuildDiagnosticDescriptor ProvenanceDigestMismatch = new("ALN0106", "Dataset file does not match its declared digest", BuildSeverity.Error);

    /// <summary>ALN0107: a declared file does not exist, or a glob matches nothing.</summary>
    public static readonly BuildDiagnosticDescriptor ProvenanceFileMissing = new("ALN0107", "Declared dataset file is missing", BuildSeverity.Error);

    /// <summary>ALN0108: a dataset file has no recorded digest.</summary>
    public static readonly BuildDiagnosticDescriptor ProvenanceDigestMissing = new("ALN0108", "Dataset file has no recorded digest", BuildSeverity.Error);

    /// <summary>ALN0109: a licence that is not a valid SPDX licence expression.</summary>
    public static readonly BuildDiagnosticDescriptor ProvenanceInvalidLicense = new("ALN0109", "Invalid SPDX licence expression", BuildSeverity.Error);

    /// <summary>ALN0110: a licence the policy's <c>provenance.allowedLicenses</c> does not allow.</summary>
    public static readonly BuildDiagnosticDescriptor ProvenanceLicenseNotAllowed = new("ALN0110", "Dataset licence is not allowed by the policy", BuildSeverity.Error);

    /// <summary>ALN0111: a training or retrieval dataset declares a denied content class that no filtering step removes.</summary>
    public static readonly BuildDiagnosticDescriptor ProvenanceDeniedContentClass = new("ALN0111", "Dataset contains a denied content class", BuildSeverity.Error);

    /// <summary>ALN0112: a synthetic dataset's record (generator model, prompt template, seed, count, reviewed fraction) is incomplete.</summary>
    public static readonly BuildDiagnosticDescriptor ProvenanceIncompleteSynthetic = new("ALN0112", "Synthetic dataset record is incomplete", BuildSeverity.Error);

    /// <summary>ALN0113: a dataset path that leaves the project folder (through '..', an absolute path or a symbolic link).</summary>
    public static readonly BuildDiagnosticDescriptor ProvenancePathEscapes = new("ALN0113", "Dataset path escapes the project", BuildSeverity.Error);

    /// <summary>ALN0114: no personal-data statement although the policy requires one.</summary>
    public static readonly BuildDiagnosticDescriptor ProvenancePersonalDataMissing = new("ALN0114", "Personal-data statement is missing", BuildSeverity.Error);

    /// <summary>ALN0115: an MSBuild data item (copied to the output) that the manifest does not declare.</summary>
    public static readonly BuildDiagnosticDescriptor ProvenanceUndeclaredDataItem = new("ALN0115", "Data item is not declared in the provenance manifest", BuildSeverity.Error);

    /// <summary>ALN0116: an evaluation dataset shares files or lines with a fine-tuning or RAG dataset.</summary>
    public static readonly BuildDiagnosticDescriptor ProvenanceContamination = new("ALN0116", "Evaluation dataset overlaps training data", BuildSeverity.Error);

    /// <summary>ALN0117: a dataset file exists but cannot be read.</summary>
    public static readonly BuildDiagnosticDescriptor ProvenanceFileUnreadable = new("ALN0117", "Dataset file cannot be read", BuildSeverity.Error);

    /// <summary>ALN0201: pack of an agent project whose policy requires an evaluation that has no results for this build.</summary>
    public static readonly BuildDiagnosticDescriptor EvalResultsMissing = new("ALN0201", "Required evaluation results are missing", BuildSeverity.Error);

    /// <summary>ALN0202: evaluation results of another build: the assembly, the policy or the suite differs.</summary>
    public static readonly BuildDiagnosticDescriptor EvalResultsStale = new("ALN0202", "Evaluation results are stale", BuildSeverity.Error);

    /// <summary>ALN0203: an evaluation whose bound exceeds the policy's threshold.</summary>
    public static readonly BuildDiagnosticDescriptor EvalResultsFailing = new("ALN0203", "Evaluation does not meet the policy's threshold", BuildSeverity.Error);

    /// <summary>ALN0204: an evaluation whose verdict is INVALID or INCONCLUSIVE.</summary>
    public static readonly BuildDiagnosticDescriptor EvalResultsUndecided = new("ALN0204", "Evaluation is invalid or inconclusive", BuildSeverity.Error);

    /// <summary>ALN0205: the evaluations run on pack (AlignmentPolicyRunEvalsOnPack) could not be started or did not finish.</summary>
    public static readonly BuildDiagnosticDescriptor EvalRunFailed = new("ALN0205", "Evaluations could not be run on pack", BuildSeverity.Error);

    /// <summary>ALN0206: pack of an agent project whose built assembly is missing (packed with --no-build before any build).</summary>
    public static readonly BuildDiagnosticDescriptor BuiltAssemblyMissing = new("ALN0206", "The assembly to pack has not been built", BuildSeverity.Error);

    /// <summary>ALN0210: an evaluation results file is not valid JSON, not in the results format, or inconsistent.</summary>
    public static readonly BuildDiagnosticDescriptor EvalResultsMalformed = new("ALN0210", "Evaluation results file is malformed", BuildSeverity.Error);

    /// <summary>ALN0211: shard results that do not belong to the same run (build, policy, suite, model, seed or settings differ), or a shard missing.</summary>
    public static readonly BuildDiagnosticDescriptor EvalShardsMismatch = new("ALN0211", "Evaluation shards cannot be merged", BuildSeverity.Error);

    /// <summary>ALN0212: a figure or verdict in a results file differs from the one recomputed from its outcomes and the policy (a bound edited down, a verdict set to PASS).</summary>
    public static readonly BuildDiagnosticDescriptor EvalResultsRecomputationMismatch = new("ALN0212", "Evaluation results disagree with their recomputation", BuildSeverity.Error);

    /// <summary>ALN0213: a results file's cells are not the suite definition's (missing, unknown or repeated cells, no cells, primary or control marked otherwise than the suite and policy say).</summary>
    public static readonly BuildDiagnosticDescriptor EvalResultsCellsMismatch = new("ALN0213", "Evaluation results' cells do not match the suite definition", BuildSeverity.Error);

    /// <summary>ALN0214: results computed otherwise than the policy requires (threshold, confidence, primary cells, minimum samples, sequential test, error limit, reference mode).</summary>
    public static readonly BuildDiagnosticDescriptor EvalResultsSettingsMismatch = new("ALN0214", "Evaluation run does not match the policy's requirement", BuildSeverity.Error);

    /// <summary>ALN0215: the suite definition the results were computed with is not the one this tool knows, or cannot be found.</summary>
    public static readonly BuildDiagnosticDescriptor EvalSuiteDefinitionUnknown = new("ALN0215", "Suite definition of the results is not available", BuildSeverity.Error);

    /// <summary>ALN0216: the transcripts of a results file are missing, unreadable, or not the bytes whose SHA-256 the results record.</summary>
    public static readonly BuildDiagnosticDescriptor EvalTranscriptsAltered = new("ALN0216", "Evaluation transcripts are missing or altered", BuildSeverity.Error);

    /// <summary>ALN0217: the per-sample verdicts in the transcripts do not recount to the outcomes the results record (or a transcript line is malformed or repeated).</summary>
    public static readonly BuildDiagnosticDescriptor EvalTranscriptsMismatch = new("ALN0217", "Evaluation transcripts disagree with the results", BuildSeverity.Error);

    /// <summary>ALN0218: a path named in a results file (its transcripts) or derived from it (the suite's file name) would leave its folder.</summary>
    public static readonly BuildDiagnosticDescriptor EvalResultsPathEscapes = new("ALN0218", "Path in evaluation results leaves its folder", BuildSeverity.Error);

    /// <summary>ALN0300: AlignmentPolicy itself failed; reported instead of a stack trace.</summary>
    public static readonly BuildDiagnosticDescriptor InternalError = new("ALN0300", "AlignmentPolicy failed unexpectedly", BuildSeverity.Error);

    /// <summary>ALN0301: the policy file is not valid JSON.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyInvalidJson = new("ALN0301", "Policy file is not valid JSON", BuildSeverity.Error);

    /// <summary>ALN0302: a property is written twice in the same object.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyDuplicateProperty = new("ALN0302", "Duplicate property in policy file", BuildSeverity.Error);

    /// <summary>ALN0303: a property the policy format does not define.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyUnknownProperty = new("ALN0303", "Unknown property in policy file", BuildSeverity.Error);

    /// <summary>ALN0304: a value of the wrong JSON type.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyWrongType = new("ALN0304", "Policy value has the wrong type", BuildSeverity.Error);

    /// <summary>ALN0305: a required property is missing.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyMissingProperty = new("ALN0305", "Required policy property is missing", BuildSeverity.Error);

    /// <summary>ALN0306: a number outside its allowed range.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyNumberOutOfRange = new("ALN0306", "Policy number is out of range", BuildSeverity.Error);

    /// <summary>ALN0307: a string that is not one of the allowed values.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyInvalidValue = new("ALN0307", "Policy value is not one of the allowed values", BuildSeverity.Error);

    /// <summary>ALN0308: an evaluation suite that is neither a built-in suite nor a valid NuGet reference.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyUnknownSuite = new("ALN0308", "Unknown evaluation suite", BuildSeverity.Error);

    /// <summary>ALN0309: a side-effect catalogue that does not exist.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyUnknownCatalogue = new("ALN0309", "Unknown side-effect catalogue", BuildSeverity.Error);

    /// <summary>ALN0310: a licence id that is not on the SPDX licence list.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyUnknownLicense = new("ALN0310", "Licence is not an SPDX licence identifier", BuildSeverity.Error);

    /// <summary>ALN0311: a malformed documentation-comment ID.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyMalformedDocumentationId = new("ALN0311", "Malformed documentation-comment ID", BuildSeverity.Error);

    /// <summary>ALN0312: a policy format version this tool does not understand.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyUnsupportedVersion = new("ALN0312", "Unsupported policy version", BuildSeverity.Error);

    /// <summary>ALN0313: no policy file (information, or an error when one is required or named explicitly).</summary>
    public static readonly BuildDiagnosticDescriptor PolicyNotFound = new("ALN0313", "Policy file not found", BuildSeverity.Error);

    /// <summary>ALN0314: the policy file exists but cannot be read.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyUnreadable = new("ALN0314", "Policy file cannot be read", BuildSeverity.Error);

    /// <summary>ALN0315: a malformed project path pattern in <c>agents.include</c>/<c>exclude</c>.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyInvalidPattern = new("ALN0315", "Invalid path pattern", BuildSeverity.Error);

    /// <summary>ALN0316: a deprecated SPDX licence identifier.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyDeprecatedLicense = new("ALN0316", "Deprecated SPDX licence identifier", BuildSeverity.Warning);

    /// <summary>ALN0317: a type name that is not a valid fully qualified .NET type name.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyInvalidTypeName = new("ALN0317", "Invalid gate type name", BuildSeverity.Error);

    /// <summary>ALN0318: a value that loosens the policy this one extends (a higher rate, a lower severity, a requirement turned off, ...).</summary>
    public static readonly BuildDiagnosticDescriptor PolicyLoosensBase = new("ALN0318", "Policy loosens the policy it extends", BuildSeverity.Error);

    /// <summary>ALN0319: the policy named by <c>extends</c> cannot be found (package or version not restored or on no feed, no policy file in it).</summary>
    public static readonly BuildDiagnosticDescriptor PolicyBaseNotFound = new("ALN0319", "Base policy cannot be found", BuildSeverity.Error);

    /// <summary>ALN0320: the policy named by <c>extends</c> has errors of its own.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyBaseInvalid = new("ALN0320", "Base policy has errors", BuildSeverity.Error);

    /// <summary>ALN0321: policies that extend each other in a cycle.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyExtendsCycle = new("ALN0321", "Policies extend each other in a cycle", BuildSeverity.Error);

    /// <summary>ALN0322: a chain of <c>extends</c> longer than the limit.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyExtendsTooDeep = new("ALN0322", "Chain of base policies is too long", BuildSeverity.Error);

    /// <summary>ALN0323: an <c>extends</c> value that is neither <c>nuget:Id@Version</c> nor a relative path to a .json file.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyInvalidBaseReference = new("ALN0323", "Invalid base policy reference", BuildSeverity.Error);

    /// <summary>ALN0324: the project restores an organisation policy package that the policy does not extend, or at another version.</summary>
    public static readonly BuildDiagnosticDescriptor PolicyBasePackageMismatch = new("ALN0324", "Organisation policy package does not match the policy", BuildSeverity.Error);

    /// <summary>ALN0401: a package without an attestation at <c>alignment/attestation.dsse.json</c>.</summary>
    public static readonly BuildDiagnosticDescriptor AttestationMissing = new("ALN0401", "Package has no attestation", BuildSeverity.Error);

    /// <summary>ALN0402: the DSSE envelope or the in-toto statement is not in its format.</summary>
    public static readonly BuildDiagnosticDescriptor AttestationMalformed = new("ALN0402", "Attestation is malformed", BuildSeverity.Error);

    /// <summary>ALN0403: a package file whose SHA-256 differs from its subject's digest (changed after packing).</summary>
    public static readonly BuildDiagnosticDescriptor AttestationFileChanged = new("ALN0403", "Package file does not match the attestation", BuildSeverity.Error);

    /// <summary>ALN0404: a package file no subject covers (added after packing, or its subject removed).</summary>
    public static readonly BuildDiagnosticDescriptor AttestationFileNotAttested = new("ALN0404", "Package file is not covered by the attestation", BuildSeverity.Error);

    /// <summary>ALN0405: a subject whose file is not in the package.</summary>
    public static readonly BuildDiagnosticDescriptor AttestationFileMissing = new("ALN0405", "Attested file is missing from the package", BuildSeverity.Error);

    /// <summary>ALN0406: a signature that does not verify over the envelope's payload (the payload or the signature was edited).</summary>
    public static readonly BuildDiagnosticDescriptor AttestationSignatureInvalid = new("ALN0406", "Attestation signature does not verify", BuildSeverity.Error);

    /// <summary>ALN0407: a signed attestation with no valid signature from a trusted key.</summary>
    public static readonly BuildDiagnosticDescriptor AttestationUntrustedKey = new("ALN0407", "Attestation is not signed by a trusted key", BuildSeverity.Error);

    /// <summary>ALN0408: an unsigned attestation where signatures are required.</summary>
    public static readonly BuildDiagnosticDescriptor AttestationUnsigned = new("ALN0408", "Attestation is unsigned", BuildSeverity.Error);

    /// <summary>ALN0409: the recorded evaluation results do not meet the policy's thresholds (or a required suite is absent).</summary>
    public static readonly BuildDiagnosticDescriptor AttestationEvalsBelowPolicy = new("ALN0409", "Recorded evaluations do not meet the policy", BuildSeverity.Error);

    /// <summary>ALN0410: a package that cannot be read (not a zip archive, or not a NuGet package).</summary>
    public static readonly BuildDiagnosticDescriptor PackageUnreadable = new("ALN0410", "Package cannot be read", BuildSeverity.Error);

    /// <summary>ALN0411: the configured signing key or certificate cannot be used.</summary>
    public static readonly BuildDiagnosticDescriptor AttestationSigningKeyInvalid = new("ALN0411", "Signing key cannot be used", BuildSeverity.Error);

    /// <summary>ALN0412: a package source (folder or feed) that cannot be listed or downloaded from.</summary>
    public static readonly BuildDiagnosticDescriptor PackageSourceUnreadable = new("ALN0412", "Package source cannot be read", BuildSeverity.Error);

    /// <summary>ALN0413: recorded evaluation figures or verdicts that differ from those recomputed from the recorded outcomes, or results recorded without outcomes.</summary>
    public static readonly BuildDiagnosticDescriptor AttestationEvalsRecomputationMismatch = new("ALN0413", "Recorded evaluation does not match its recomputation", BuildSeverity.Error);

    /// <summary>ALN0414: a recorded evaluation whose cells or suite digest do not match the suite definition.</summary>
    public static readonly BuildDiagnosticDescriptor AttestationEvalsSuiteMismatch = new("ALN0414", "Recorded evaluation does not match its suite definition", BuildSeverity.Error);

    /// <summary>ALN0415: a package entry name with a '..', '.' or empty segment (it could climb out of the folder it is extracted to).</summary>
    public static readonly BuildDiagnosticDescriptor PackageEntryTraversal = new("ALN0415", "Package entry name climbs out of its folder", BuildSeverity.Error);

    /// <summary>ALN0416: a package entry name that is absolute or drive-rooted.</summary>
    public static readonly BuildDiagnosticDescriptor PackageEntryRooted = new("ALN0416", "Package entry name is absolute", BuildSeverity.Error);

    /// <summary>ALN0417: a package entry name that extractors read differently (a backslash, a colon, a control character, an undeclared encoding, a second Unicode name, a local header that disagrees).</summary>
    public static readonly BuildDiagnosticDescriptor PackageEntryAmbiguousName = new("ALN0417", "Package entry name is ambiguous", BuildSeverity.Error);

    /// <summary>ALN0418: two package entries with the same name once normalised (case-insensitively), or a name that is both a file and a folder.</summary>
    public static readonly BuildDiagnosticDescriptor PackageEntryDuplicate = new("ALN0418", "Package entry name is duplicated", BuildSeverity.Error);

    /// <summary>ALN0419: an encrypted package entry.</summary>
    public static readonly BuildDiagnosticDescriptor PackageEntryEncrypted = new("ALN0419", "Package entry is encrypted", BuildSeverity.Error);

    /// <summary>ALN0420: a package entry whose data does not match its recorded CRC-32 or size.</summary>
    public static readonly BuildDiagnosticDescriptor PackageEntryCorrupt = new("ALN0420", "Package entry is corrupt", BuildSeverity.Error);

    /// <summary>ALN0421: a package with more entries than the reader accepts.</summary>
    public static readonly BuildDiagnosticDescriptor PackageTooManyEntries = new("ALN0421", "Package has too many entries", BuildSeverity.Error);

    /// <summary>ALN0422: a package whose entries expand to more bytes than the reader accepts.</summary>
    public static readonly BuildDiagnosticDescriptor PackageTooLarge = new("ALN0422", "Package expands beyond the size limit", BuildSeverity.Error);

    /// <summary>Every registered descriptor, in code order.</summary>
    public static IReadOnlyList<BuildDiagnosticDescriptor> All { get; } = new[]
    {
        ProvenanceManifestMissing, ProvenanceInvalidJson, ProvenanceUnknownProperty, ProvenanceInvalidValue, ProvenanceMissingField,
        ProvenanceDigestMismatch, ProvenanceFileMissing, ProvenanceDigestMissing, ProvenanceInvalidLicense, ProvenanceLicenseNotAllowed,
        ProvenanceDeniedContentClass, ProvenanceIncompleteSynthetic, ProvenancePathEscapes, ProvenancePersonalDataMissing,
        ProvenanceUndeclaredDataItem, ProvenanceContamination, ProvenanceFileUnreadable,
        EvalResultsMissing, EvalResultsStale, EvalResultsFailing, EvalResultsUndecided, EvalRunFailed,
        EvalResultsMalformed, EvalShardsMismatch, BuiltAssemblyMissing,
        EvalResultsRecomputationMismatch, EvalResultsCellsMismatch, EvalResultsSettingsMismatch, EvalSuiteDefinitionUnknown,
        EvalTranscriptsAltered, EvalTranscriptsMismatch, EvalResultsPathEscapes,
        InternalError, PolicyInvalidJson, PolicyDuplicateProperty, PolicyUnknownProperty, PolicyWrongType, PolicyMissingProperty,
        PolicyNumberOutOfRange, PolicyInvalidValue, PolicyUnknownSuite, PolicyUnknownCatalogue, PolicyUnknownLicense,
        PolicyMalformedDocumentationId, PolicyUnsupportedVersion, PolicyNotFound, PolicyUnreadable, PolicyInvalidPattern,
        PolicyDeprecatedLicense, PolicyInvalidTypeName,
        PolicyLoosensBase, PolicyBaseNotFound, PolicyBaseInvalid, PolicyExtendsCycle, PolicyExtendsTooDeep, PolicyInvalidBaseReference,
        PolicyBasePackageMismatch,
        AttestationMissing, AttestationMalformed, AttestationFileChanged, AttestationFileNotAttested, AttestationFileMissing,
        AttestationSignatureInvalid, AttestationUntrustedKey, AttestationUnsigned, AttestationEvalsBelowPolicy, PackageUnreadable,
        AttestationSigningKeyInvalid, PackageSourceUnreadable,
        AttestationEvalsRecomputationMismatch, AttestationEvalsSuiteMismatch, PackageEntryTraversal, PackageEntryRooted,
        PackageEntryAmbiguousName, PackageEntryDuplicate, PackageEntryEncrypted, PackageEntryCorrupt, PackageTooManyEntries, PackageTooLarge,
    };
}
