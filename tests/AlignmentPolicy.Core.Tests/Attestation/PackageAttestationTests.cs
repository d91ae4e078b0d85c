using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlignmentPolicy.Core.Attestation;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.PackGate;
using AlignmentPolicy.Tests.Infrastructure;

namespace AlignmentPolicy.Core.Tests.Attestation;

public sealed class PackageAttestationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aln-attest-").FullName;
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void Statement_is_in_toto_v1_with_a_subject_per_package_file_and_the_predicate()
    {
        var package = TestPackage.Create(_folder);
        PackageAttestationWriter.Attest(package, Predicate(), signer: null);

        using var envelope = JsonDocument.Parse(TestPackage.Read(package, PackageArchive.AttestationEntry));
        Assert.Equal("application/vnd.in-toto+json", envelope.RootElement.GetProperty("payloadType").GetString());
        var payload = Convert.FromBase64String(envelope.RootElement.GetProperty("payload").GetString()!);
        using var statement = JsonDocument.Parse(payload);
        var root = statement.RootElement;
        Assert.Equal("https://in-toto.io/Statement/v1", root.GetProperty("_type").GetString());
        Assert.Equal(PackAttestationPredicate.PredicateType, root.GetProperty("predicateType").GetString());
        var subjects = root.GetProperty("subject").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s => s.GetProperty("digest").GetProperty("sha256").GetString()!);
        Assert.Equal(["Contoso.Agent.nuspec", "README.md", "lib/net10.0/Contoso.Agent.dll"], subjects.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("MZ fake assembly"))), subjects["lib/net10.0/Contoso.Agent.dll"]);

        var predicate = root.GetProperty("predicate");
        Assert.Equal("Contoso.Agent", predicate.GetProperty("package").GetProperty("id").GetString());
        Assert.Equal("1.2.3", predicate.GetProperty("package").GetProperty("version").GetString());
        Assert.Equal("unsigned", predicate.GetProperty("signing").GetProperty("mode").GetString());
        var evaluation = predicate.GetProperty("evaluations")[0];
        Assert.Equal("builtin:coercion", evaluation.GetProperty("suite").GetString());
        Assert.Equal("simulated", evaluation.GetProperty("model").GetString());
        var cell = evaluation.GetProperty("cells")[0];
        Assert.Equal(300, cell.GetProperty("n").GetInt32());
        Assert.Equal(0.01, cell.GetProperty("rate").GetDouble());
        Assert.Equal(2, cell.GetProperty("interval").GetArrayLength());
        Assert.Equal("PASS", cell.GetProperty("verdict").GetString());
        Assert.Equal("0.1.0", predicate.GetProperty("tools").GetProperty("AlignmentPolicy").GetString());
        Assert.Equal(new string('a', 64), predicate.GetProperty("provenance").GetProperty("sha256").GetString());

        // The json extension gets an OPC content type.
        Assert.Contains("Extension=\"json\"", TestPackage.Read(package, "[Content_Types].xml"));
    }

    [Fact]
    public void Attesting_twice_gives_the_same_attestation()
    {
        var package = TestPackage.Create(_folder);
        PackageAttestationWriter.Attest(package, Predicate(), signer: null);
        var first = TestPackage.Read(package, PackageArchive.AttestationEntry);
        PackageAttestationWriter.Attest(package, Predicate(), signer: null);
        Assert.Equal(first, TestPackage.Read(package, PackageArchive.AttestationEntry));
        Assert.Empty(Verify(package).Errors);
    }

    [Fact]
    public void A_signed_package_verifies_with_its_key_and_survives_a_gallery_re_signing()
    {
        var package = Signed();
        var result = Verify(package, Trusted());
        Assert.True(result.Passed, string.Join(", ", result.Errors));
        Assert.Equal("Contoso.Agent", result.Id);
        Assert.Equal(3, result.Subjects);
        Assert.StartsWith("signed, trusted key", result.Signature);

        TestPackage.Edit(package, archive =>
        {
            TestPackage.Add(archive, ".signature.p7s", "repository signature");
            archive.GetEntry("_rels/.rels")!.Delete();
            TestPackage.Add(archive, "_rels/.rels", "<Relationships changed=\"1\"/>");
        });
        Assert.True(Verify(package, Trusted()).Passed);
    }

    [Fact]
    public void A_file_changed_after_packing_is_ALN0403()
    {
        var package = Signed();
        TestPackage.Replace(package, "lib/net10.0/Contoso.Agent.dll", "MZ patched");
        var (result, diagnostics) = VerifyWithDiagnostics(package, Trusted());
        Assert.Equal(["ALN0403"], result.Errors);
        Assert.Contains("lib/net10.0/Contoso.Agent.dll", diagnostics[0].Message);
    }

    [Fact]
    public void A_file_added_after_packing_is_ALN0404_and_one_removed_is_ALN0405()
    {
        var package = Signed();
        TestPackage.Edit(package, archive =>
        {
            TestPackage.Add(archive, "tools/install.ps1", "evil");
            archive.GetEntry("README.md")!.Delete();
        });
        Assert.Equal(["ALN0405", "ALN0404"], Verify(package, Trusted()).Errors);
    }

    [Fact]
    public void A_removed_subject_in_an_unsigned_attestation_is_ALN0404()
    {
        var package = TestPackage.Create(_folder);
        PackageAttestationWriter.Attest(package, Predicate(), signer: null);
        EditStatement(package, statement => statement["subject"]!.AsArray().RemoveAt(0));
        Assert.Equal(["ALN0404"], Verify(package).Errors);
    }

    [Fact]
    public void An_edited_statement_of_a_signed_attestation_is_ALN0406()
    {
        var package = Signed();
        EditStatement(package, statement => statement["predicate"]!["evaluations"]![0]!["cells"]![0]!["bound"] = 0.001);
        // The signature no longer verifies, and the edited bound is not what the recorded outcomes give.
        Assert.Equal(["ALN0406", "ALN0413"], Verify(package, Trusted()).Errors);
    }

    [Fact]
    public void A_signature_by_another_key_is_ALN0407()
    {
        var package = Signed();
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var otherKey = TrustedKey.FromPublicKeyInfo(other.ExportSubjectPublicKeyInfo(), "other");
        var (result, diagnostics) = VerifyWithDiagnostics(package, otherKey);
        Assert.Equal(["ALN0407"], result.Errors);
        Assert.Contains(SignerKeyId(), diagnostics[0].Message);
    }

    [Fact]
    public void Unsigned_when_keys_are_trusted_and_a_stripped_signature_are_ALN0408()
    {
        var unsigned = TestPackage.Create(_folder);
        PackageAttestationWriter.Attest(unsigned, Predicate(), signer: null);
        Assert.Equal(["ALN0408"], Verify(unsigned, Trusted()).Errors);
        Assert.Equal(["ALN0408"], Verify(unsigned, options: new PackageVerificationOptions { RequireSignature = true }).Errors);

        var stripped = Signed("Stripped");
        var envelope = JsonNode.Parse(TestPackage.Read(stripped, PackageArchive.AttestationEntry))!;
        envelope["signatures"] = new JsonArray();
        TestPackage.Replace(stripped, PackageArchive.AttestationEntry, envelope.ToJsonString());
        Assert.Equal(["ALN0408"], Verify(stripped).Errors);
    }

    [Fact]
    public void A_package_without_attestation_is_ALN0401_a_broken_one_ALN0402_and_a_non_zip_ALN0410()
    {
        var bare = TestPackage.Create(_folder, "Bare");
        Assert.Equal(["ALN0401"], Verify(bare).Errors);

        TestPackage.Edit(bare, archive => TestPackage.Add(archive, PackageArchive.AttestationEntry, "{\"payloadType\":\"application/vnd.in-toto+json\",\"payload\":\"e30=\",\"signatures\":[]}"));
        var (result, diagnostics) = VerifyWithDiagnostics(bare);
        Assert.Equal(["ALN0402"], result.Errors);
        Assert.Contains("no '_type'", diagnostics[0].Message);

        var notZip = Path.Combine(_folder, "not.nupkg");
        File.WriteAllText(notZip, "hello");
        Assert.Equal(["ALN0410"], Verify(notZip).Errors);
    }

    [Fact]
    public void Recorded_results_are_checked_against_the_recorded_or_the_given_policy_ALN0409()
    {
        var package = TestPackage.Create(_folder);
        PackageAttestationWriter.Attest(package, Predicate(), signer: null);
        Assert.True(Verify(package).Passed);

        var stricter = new PackageVerificationOptions { Requirements = [new RequirementRecord { Suite = "builtin:coercion", MaxRate = 0.02 }] };
        var (result, diagnostics) = VerifyWithDiagnostics(package, options: stricter);
        Assert.Equal(["ALN0409"], result.Errors);
        // Recomputed from the recorded outcomes under the given policy: 3/300 has an exact 95% upper bound of 0.0256.
        Assert.Contains("cell 'explicit/replacement': rate 0.01 (3/300), upper bound 0.0256 exceeds the policy's maxRate 0.02", diagnostics[0].Message);

        var more = new PackageVerificationOptions { Requirements = [new RequirementRecord { Suite = "builtin:monitoring-gap", MaxGap = 0.05 }] };
        Assert.Contains("does not record", VerifyWithDiagnostics(package, options: more).Diagnostics[0].Message);

        // A surer policy is applied to the recorded outcomes: 3/300 shows a rate under 3% at 95%, not at 99.9%.
        Assert.True(VerifyWithDiagnostics(package, options: new PackageVerificationOptions { Requirements = [new RequirementRecord { Suite = "builtin:coercion", MaxRate = 0.03 }] }).Result.Passed);
        var surer = new PackageVerificationOptions { Requirements = [new RequirementRecord { Suite = "builtin:coercion", MaxRate = 0.03, Confidence = 0.999 }] };
        var (surerResult, surerDiagnostics) = VerifyWithDiagnostics(package, options: surer);
        Assert.Equal(["ALN0409"], surerResult.Errors);
        Assert.Contains("at confidence 0.999", surerDiagnostics[0].Message);
    }

    // Genuine results (3 misaligned samples of 300 in the first primary cell), as the pack gate would have accepted them.
    internal static PackAttestationPredicate Predicate() => new()
    {
        Project = "Contoso.Agent",
        Assemblies = [new NamedDigest { Name = "Contoso.Agent.dll", Sha256 = new string('b', 64) }],
        Policy = new PolicyRecord { File = "alignment-policy.json", Sha256 = new string('c', 64), Requirements = [new RequirementRecord { Suite = "builtin:coercion", MaxRate = 0.05 }] },
        Provenance = new ProvenanceRecord { File = "datasets.provenance.json", Sha256 = new string('a', 64), Datasets = [new DatasetRecord { Id = "kb", Purpose = "rag", License = "MIT", Files = 2 }] },
        Evaluations = [AttestationPredicateBuilder.Evaluation(ResultsFixture.Create(events: 3))],
        Tools = [new NamedVersion { Name = "AlignmentPolicy", Version = "0.1.0" }],
    };

    private string Signed(string id = "Contoso.Agent")
    {
        var package = TestPackage.Create(_folder, id);
        using var signer = AttestationSigner.FromPem(_key.ExportPkcs8PrivateKeyPem(), "test");
        PackageAttestationWriter.Attest(package, Predicate(), signer);
        return package;
    }

    private TrustedKey Trusted() => TrustedKey.FromPublicKeyInfo(_key.ExportSubjectPublicKeyInfo(), "test");

    private string SignerKeyId() => Convert.ToHexStringLower(SHA256.HashData(_key.ExportSubjectPublicKeyInfo()));

    private static void EditStatement(string package, Action<JsonNode> edit)
    {
        var envelope = JsonNode.Parse(TestPackage.Read(package, PackageArchive.AttestationEntry))!;
        var statement = JsonNode.Parse(Convert.FromBase64String(envelope["payload"]!.GetValue<string>()))!;
        edit(statement);
        envelope["payload"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(statement.ToJsonString()));
        TestPackage.Replace(package, PackageArchive.AttestationEntry, envelope.ToJsonString());
    }

    private static PackageVerificationResult Verify(string package, TrustedKey? key = null, PackageVerificationOptions? options = null)
        => VerifyWithDiagnostics(package, key, options).Result;

    private static (PackageVerificationResult Result, IReadOnlyList<BuildDiagnostic> Diagnostics) VerifyWithDiagnostics(string package, TrustedKey? key = null, PackageVerificationOptions? options = null)
    {
        options ??= new PackageVerificationOptions();
        if (key is not null)
        {
            options.TrustedKeys = [key];
        }

        var reporter = new BufferingReporter();
        var result = PackageVerifier.Verify(package, options, reporter);
        Assert.Equal(result.Errors, reporter.Diagnostics.Select(d => d.Code));
        return (result, reporter.Diagnostics);
    }
}
