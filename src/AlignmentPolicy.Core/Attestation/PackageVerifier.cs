using System;
using System.Collections.Generic;
using System.IO;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Evals;

namespace AlignmentPolicy.Core.Attestation;

/// <summary>What a verification should require.</summary>
public sealed class PackageVerificationOptions
{
    /// <summary>Keys whose signatures are accepted. When any is given, an unsigned attestation fails (ALN0408).</summary>
    public IReadOnlyList<TrustedKey> TrustedKeys { get; set; } = new TrustedKey[0];

    /// <summary>Fail unsigned attestations even without trusted keys.</summary>
    public bool RequireSignature { get; set; }

    /// <summary>The thresholds to check the recorded results against; null: the ones recorded in the attestation.</summary>
    public IReadOnlyList<RequirementRecord>? Requirements { get; set; }

    /// <summary>How much of a package is read before it is refused.</summary>
    public PackageReadLimits Limits { get; set; } = new();

    /// <summary>
    /// Finds the definition of a suite the recorded results name (which cells it has, which decide). Null: the built-in
    /// suites only; the CLI also resolves <c>nuget:</c> suites.
    /// </summary>
    public Func<string, SuiteLayout?>? ResolveSuite { get; set; }
}

/// <summary>The outcome of verifying one package.</summary>
public sealed class PackageVerificationResult
{
    /// <summary>The package file (or its name in a feed).</summary>
    public string Package { get; set; } = "";
    /// <summary>The id from the nuspec.</summary>
    public string Id { get; set; } = "";
    /// <summary>The version from the nuspec.</summary>
    public string Version { get; set; } = "";
    /// <summary>How many subjects the attestation lists.</summary>
    public int Subjects { get; set; }
    /// <summary><c>unsigned</c>, <c>signed (trusted key id)</c>, or <c>signed (not checked)</c>.</summary>
    public string Signature { get; set; } = "";
    /// <summary>The codes of the errors found, in order.</summary>
    public List<string> Errors { get; } = new();
    /// <summary>Whether no error was found.</summary>
    public bool Passed => Errors.Count == 0;
}

/// <summary>
/// Verifies a package's attestation: present, well formed, signed by a trusted key when keys are given, its subjects
/// exactly the package's files, and its recorded evaluations meeting the policy. Each problem is its own ALN04xx code;
/// every check runs, so one report shows everything wrong with a package.
/// </summary>
public static class PackageVerifier
{
    /// <summary>Verifies a package file.</summary>
    public static PackageVerificationResult Verify(string packagePath, PackageVerificationOptions options, IDiagnosticReporter reporter)
    {
        try
        {
            using var stream = new FileStream(packagePath, FileMode.Open, FileAccess.Read, FileShare.Read);
            return Verify(stream, packagePath, options, reporter);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var result = new PackageVerificationResult { Package = packagePath };
            Report(result, reporter, BuildDiagnosticIds.PackageUnreadable, packagePath, $"The package cannot be opened: {e.Message}");
            return result;
        }
    }

    /// <summary>Verifies a package read from <paramref name="stream"/>; <paramref name="name"/> locates diagnostics.</summary>
    public static PackageVerificationResult Verify(Stream stream, string name, PackageVerificationOptions options, IDiagnosticReporter reporter)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var result = new PackageVerificationResult { Package = name };
        var archive = PackageArchive.Open(stream, options.Limits);
        if (Refused(archive.Problems, name, reporter, result))
        {
            return result;
        }

        try
        {
            VerifyArchive(archive, name, options, reporter, result);
        }
        catch (IOException e)
        {
            Report(result, reporter, BuildDiagnosticIds.PackageUnreadable, name, $"The package cannot be read: {e.Message}");
        }

        return result;
    }

    private static bool Refused(IReadOnlyList<PackageProblem> problems, string name, IDiagnosticReporter reporter, PackageVerificationResult result)
    {
        foreach (var problem in problems)
        {
            Report(result, reporter, problem.Code, name, problem.Message);
        }

        return problems.Count > 0;
    }

    private static void VerifyArchive(PackageArchive archive, string name, PackageVerificationOptions options, IDiagnosticReporter reporter, PackageVerificationResult result)
    {
        (result.Id, result.Version) = archive.ReadIdentity();
        var problems = new List<PackageProblem>();
        var envelopeText = archive.ReadAttestation(problems);
        if (Refused(problems, name, reporter, result))
        {
            return;
        }

        if (envelopeText is null)
        {
            Report(result, reporter, BuildDiagnosticIds.AttestationMissing, name,
                $"The package has no attestation ('{PackageArchive.AttestationEntry}'). Pack it with the AlignmentPolicy.Build package referenced, so 'dotnet pack' attests it.");
            return;
        }

        DsseEnvelope envelope;
        InTotoStatement statement;
        try
        {
            envelope = DsseEnvelope.Parse(envelopeText);
        }
        catch (AttestationFormatException e)
        {
            Report(result, reporter, BuildDiagnosticIds.AttestationMalformed, name, $"{PackageArchive.AttestationEntry}({e.Line},{e.Column}): {e.Message}");
            return;
        }

        if (envelope.PayloadType != DsseEnvelope.InTotoPayloadType)
        {
            Report(result, reporter, BuildDiagnosticIds.AttestationMalformed, name,
                $"The envelope's payloadType is '{envelope.PayloadType}', not '{DsseEnvelope.InTotoPayloadType}'.");
            return;
        }

        CheckSignatures(envelope, name, options, reporter, result);

        try
        {
            // The payload bytes that were (or would be) verified, never a re-parse of the envelope.
            statement = InTotoStatement.Parse(envelope.Payload);
        }
        catch (AttestationFormatException e)
        {
            Report(result, reporter, BuildDiagnosticIds.AttestationMalformed, name, $"The statement in {PackageArchive.AttestationEntry}, at ({e.Line},{e.Column}) of its payload: {e.Message}");
            return;
        }

        result.Subjects = statement.Subjects.Count;
        if (envelope.Signatures.Count == 0 && statement.Predicate.Signing != PackAttestationPredicate.Unsigned)
        {
            Report(result, reporter, BuildDiagnosticIds.AttestationUnsigned, name,
                $"The attestation records that it was signed ({statement.Predicate.Signing}, key {statement.Predicate.KeyId}), but its envelope carries no signature: the signature was removed.");
        }

        CheckSubjects(archive, statement, name, reporter, result);

        var requirements = options.Requirements ?? statement.Predicate.Policy?.Requirements;
        if (requirements is not null)
        {
            var source = options.Requirements is null ? "the recorded policy" : "the given policy";
            var recorded = statement.Predicate.Policy?.Requirements ?? new List<RequirementRecord>();
            foreach (var problem in RecordedEvaluationCheck.Check(requirements, recorded, statement.Predicate.Evaluations, options.ResolveSuite ?? SuiteLayouts.Builtin))
            {
                Report(result, reporter, problem.Code, name, problem.Code == BuildDiagnosticIds.AttestationEvalsBelowPolicy ? $"Against {source}: {problem.Message}" : problem.Message);
            }
        }
    }

    private static void CheckSignatures(DsseEnvelope envelope, string name, PackageVerificationOptions options, IDiagnosticReporter reporter, PackageVerificationResult result)
    {
        if (envelope.Signatures.Count == 0)
        {
            result.Signature = "unsigned";
            if (options.TrustedKeys.Count > 0 || options.RequireSignature)
            {
                Report(result, reporter, BuildDiagnosticIds.AttestationUnsigned, name,
                    "The attestation is unsigned, and signatures are required. Configure AlignmentPolicySigningKey (a PEM ECDSA P-256 key) or AlignmentPolicySigningCertificate when packing.");
            }

            return;
        }

        if (options.TrustedKeys.Count == 0)
        {
            result.Signature = "signed (not checked: no trusted key given)";
            if (options.RequireSignature)
            {
                Report(result, reporter, BuildDiagnosticIds.AttestationUntrustedKey, name,
                    "The attestation is signed, but no trusted key was given to check it. Pass --trusted-key <public key PEM>.");
            }

            return;
        }

        var pae = envelope.PreAuthenticationEncoding();
        var claimedTrusted = new List<string>();
        foreach (var signature in envelope.Signatures)
        {
            foreach (var key in options.TrustedKeys)
            {
                // The key id is only a hint: an empty or unknown one still gets every key tried.
                if (signature.KeyId.Length > 0 && signature.KeyId != key.KeyId && ContainsKeyId(options.TrustedKeys, signature.KeyId))
                {
                    continue;
                }

                if (key.Verify(pae, signature.Signature))
                {
                    result.Signature = "signed, trusted key " + key.KeyId.Substring(0, 16);
                    return;
                }

                if (signature.KeyId == key.KeyId)
                {
                    claimedTrusted.Add(key.KeyId);
                }
            }
        }

        result.Signature = "signed, no trusted signature";
        if (claimedTrusted.Count > 0)
        {
            Report(result, reporter, BuildDiagnosticIds.AttestationSignatureInvalid, name,
                $"The signature by trusted key {claimedTrusted[0]} does not verify: the attestation's payload or signature was changed after signing.");
        }
        else
        {
            var ids = new List<string>();
            foreach (var signature in envelope.Signatures)
            {
                ids.Add(signature.KeyId.Length == 0 ? "(no key id)" : signature.KeyId);
            }

            Report(result, reporter, BuildDiagnosticIds.AttestationUntrustedKey, name,
                $"The attestation is signed by {string.Join(", ", ids)}, which is not among the trusted keys. Add the signer's public key with --trusted-key if it is one of yours.");
        }
    }

    private static bool ContainsKeyId(IReadOnlyList<TrustedKey> keys, string keyId)
    {
        foreach (var key in keys)
        {
            if (key.KeyId == keyId)
            {
                return true;
            }
        }

        return false;
    }

    private static void CheckSubjects(PackageArchive archive, InTotoStatement statement, string name, IDiagnosticReporter reporter, PackageVerificationResult result)
    {
        var problems = new List<PackageProblem>();
        var files = archive.HashEntries(problems);
        Refused(problems, name, reporter, result);
        var damaged = new HashSet<string>(StringComparer.Ordinal);
        foreach (var problem in problems)
        {
            damaged.Add(problem.Entry);
        }

        // Subjects are compared by the names the reader normalised the entries to, whatever spelling the statement used.
        var subjects = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var subject in statement.Subjects)
        {
            var normalised = PackageArchive.NormaliseName(subject.Name);
            if (normalised is null || subjects.ContainsKey(normalised))
            {
                Report(result, reporter, BuildDiagnosticIds.AttestationMalformed, name, normalised is null
                    ? $"The subject '{subject.Name}' is not a name a package entry can have."
                    : $"The subject '{normalised}' is listed twice.");
                continue;
            }

            subjects[normalised] = subject.Sha256;
            if (damaged.Contains(normalised))
            {
                continue;
            }

            if (!files.TryGetValue(normalised, out var actual))
            {
                Report(result, reporter, BuildDiagnosticIds.AttestationFileMissing, name,
                    $"The attested file '{normalised}' is not in the package: it was removed after packing.");
            }
            else if (actual != subject.Sha256)
            {
                Report(result, reporter, BuildDiagnosticIds.AttestationFileChanged, name,
                    $"'{normalised}' has SHA-256 {actual}, but the attestation records {subject.Sha256}: the file was changed after packing.");
            }
        }

        foreach (var file in files.Keys)
        {
            if (!subjects.ContainsKey(file))
            {
                Report(result, reporter, BuildDiagnosticIds.AttestationFileNotAttested, name,
                    $"'{file}' is in the package but not among the attestation's subjects: it was added after packing, or its subject was removed.");
            }
        }
    }

    private static void Report(PackageVerificationResult result, IDiagnosticReporter reporter, BuildDiagnosticDescriptor descriptor, string file, string message)
    {
        result.Errors.Add(descriptor.Id);
        reporter.Report(new BuildDiagnostic(descriptor, BuildSeverity.Error, file, 1, 1, 1, 1, message));
    }
}
