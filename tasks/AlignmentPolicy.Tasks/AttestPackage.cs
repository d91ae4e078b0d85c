using System;
using System.Collections.Generic;
using System.IO;
using AlignmentPolicy.Core.Attestation;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Core.PackGate;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Core.Provenance;
using Microsoft.Build.Framework;

namespace AlignmentPolicy.Tasks;

/// <summary>
/// After NuGet wrote the .nupkg: writes the in-toto attestation (subjects: the package's files; predicate: policy,
/// provenance, evaluation results, tools) in a DSSE envelope into the package, signed when a key or certificate is
/// configured, then verifies the package as <c>alignment-policy verify</c> would (ALN04xx).
/// </summary>
public sealed class AttestPackage : AlignmentPolicyTask
{
    /// <summary>The packages NuGet produced (<c>@(NuGetPackOutput)</c> filtered to .nupkg).</summary>
    [Required]
    public ITaskItem[] Packages { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The project's name.</summary>
    public string? ProjectName { get; set; }

    /// <summary>The policy file in force, if any.</summary>
    public string? PolicyFile { get; set; }

    /// <summary>The built assembly.</summary>
    public string? AssemblyFile { get; set; }

    /// <summary>The results folder (<c>obj/alignment/evals/</c>).</summary>
    public string? ResultsDirectory { get; set; }

    /// <summary>The provenance manifest, if the project has one.</summary>
    public string? ProvenanceManifestFile { get; set; }

    /// <summary>A PEM ECDSA P-256 private key (PKCS#8 or SEC1).</summary>
    public string? SigningKey { get; set; }

    /// <summary>A PFX certificate with an ECDSA P-256 private key.</summary>
    public string? SigningCertificate { get; set; }

    /// <summary>The PFX password.</summary>
    public string? SigningCertificatePassword { get; set; }

    /// <summary>Whether self-verification checks the recorded results against the policy (off when the pack gate is off).</summary>
    public bool CheckEvaluations { get; set; } = true;

    /// <summary>The .NET SDK version, recorded among the tools.</summary>
    public string? SdkVersion { get; set; }

    /// <summary>The MSBuild version, recorded among the tools.</summary>
    public string? MSBuildVersion { get; set; }

    /// <inheritdoc />
    protected override void ExecuteCore()
    {
        AlignmentPolicyDocument? policy = null;
        if (!string.IsNullOrEmpty(PolicyFile) && File.Exists(PolicyFile))
        {
            var load = PolicyLoader.Load(PolicyFile!);
            policy = load.HasErrors ? null : load.Policy;
        }

        ProvenanceManifest? manifest = null;
        if (!string.IsNullOrEmpty(ProvenanceManifestFile) && File.Exists(ProvenanceManifestFile))
        {
            manifest = ProvenanceManifestLoader.Load(ProvenanceManifestFile!).Manifest;
        }

        var results = new List<EvalResultsDocument>();
        if (policy is not null && !string.IsNullOrEmpty(ResultsDirectory))
        {
            foreach (var requirement in policy.Evals.Required)
            {
                var path = ResultsFileNames.ResultsFile(ResultsDirectory!, requirement.Suite);
                if (File.Exists(path) && EvalResultsLoader.Load(path, new BufferingReporter()) is { } loaded)
                {
                    results.Add(loaded);
                }
            }
        }

        using var signer = LoadSigner();
        if (Log.HasLoggedErrors)
        {
            return;
        }

        var tools = new List<NamedVersion>();
        if (!string.IsNullOrEmpty(SdkVersion))
        {
            tools.Add(new NamedVersion { Name = ".NET SDK", Version = SdkVersion! });
        }

        if (!string.IsNullOrEmpty(MSBuildVersion))
        {
            tools.Add(new NamedVersion { Name = "MSBuild", Version = MSBuildVersion! });
        }

        foreach (var item in Packages)
        {
            var package = item.GetMetadata("FullPath");
            if (!File.Exists(package))
            {
                continue;
            }

            var predicate = AttestationPredicateBuilder.Build(ProjectName ?? "", policy, manifest, AssemblyFile, results, tools);
            InTotoStatement statement;
            try
            {
                statement = PackageAttestationWriter.Attest(package, predicate, signer);
            }
            catch (PackageRefusedException e)
            {
                // The package NuGet wrote is one the strict reader refuses: it is not attested, and verify would refuse it too.
                foreach (var problem in e.Problems)
                {
                    Reporter.Report(new BuildDiagnostic(problem.Code, BuildSeverity.Error, package, 1, 1, 1, 1, problem.Message));
                }

                continue;
            }

            Reporter.Detail($"Attested '{package}': {statement.Subjects.Count} files, {(signer is null ? "unsigned" : "signed by " + signer.KeyId)}.");

            // Self-verification: the package as a feed will see it, against its own policy and key.
            var options = new PackageVerificationOptions
            {
                TrustedKeys = signer is null ? Array.Empty<TrustedKey>() : new[] { signer.PublicKey },
                Requirements = policy is null || !CheckEvaluations ? new List<RequirementRecord>() : RecordedEvaluationCheck.FromPolicy(policy),
            };
            var verification = PackageVerifier.Verify(package, options, Reporter);
            foreach (var key in options.TrustedKeys)
            {
                key.Dispose();
            }

            if (verification.Passed)
            {
                Log.LogMessage(MessageImportance.Normal, $"AlignmentPolicy: '{Path.GetFileName(package)}' attested ({statement.Subjects.Count} files, {verification.Signature}) and verified.");
            }
        }
    }

    private AttestationSigner? LoadSigner()
    {
        var file = !string.IsNullOrEmpty(SigningKey) ? SigningKey! : SigningCertificate;
        if (string.IsNullOrEmpty(file))
        {
            return null;
        }

        try
        {
            return !string.IsNullOrEmpty(SigningKey)
                ? AttestationSigner.FromPemFile(SigningKey!)
                : AttestationSigner.FromCertificateFile(SigningCertificate!, SigningCertificatePassword);
        }
        catch (KeyLoadException e)
        {
            Reporter.Report(new BuildDiagnostic(BuildDiagnosticIds.AttestationSigningKeyInvalid, BuildSeverity.Error, file!, 1, 1, 1, 1,
                $"{e.Message} Set AlignmentPolicySigningKey to an unencrypted ECDSA P-256 PEM key, or AlignmentPolicySigningCertificate to a PFX."));
            return null;
        }
    }
}
