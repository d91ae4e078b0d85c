using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using AlignmentPolicy.Core.Attestation;
using AlignmentPolicy.Core.PackGate;
using AlignmentPolicy.Tests.Infrastructure;

namespace AlignmentPolicy.Cli.Tests.Verify;

public sealed class VerifyCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("aln-verify-").FullName;
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose()
    {
        _key.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void A_good_package_passes_with_exit_code_0()
    {
        var package = Pack("Contoso.Good", signed: false);
        var (exit, output, _) = CliRunner.Run("verify", package);
        Assert.Equal(0, exit);
        Assert.Contains("PASS Contoso.Good 1.0.0: 2 files attested, unsigned.", output);
        Assert.Contains("1 package(s) verified: 1 passed, 0 failed.", output);
    }

    [Fact]
    public void A_folder_reports_each_package_and_fails_when_one_was_changed()
    {
        var packages = Path.Combine(_folder, "drop");
        Pack("Contoso.Good", signed: false, packages);
        var bad = Pack("Contoso.Bad", signed: false, packages);
        Replace(bad, "lib/net10.0/Agent.dll", "patched");

        var (exit, output, _) = CliRunner.Run("verify", packages);
        Assert.Equal(1, exit);
        Assert.Contains("PASS Contoso.Good 1.0.0", output);
        Assert.Contains("FAIL Contoso.Bad 1.0.0: ALN0403.", output);
        Assert.Matches(@"Contoso\.Bad\.1\.0\.0\.nupkg\(1,1\): error ALN0403: 'lib/net10\.0/Agent\.dll' has SHA-256", output);
        Assert.Contains("2 package(s) verified: 1 passed, 1 failed.", output);
    }

    [Fact]
    public void Trusted_keys_accept_their_signatures_and_reject_others_and_unsigned_packages()
    {
        var signed = Pack("Contoso.Signed", signed: true);
        var unsigned = Pack("Contoso.Unsigned", signed: false);
        var trusted = WriteKey("trusted.pem", _key);
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var untrusted = WriteKey("other.pem", other);

        var ok = CliRunner.Run("verify", signed, "--trusted-key", trusted);
        Assert.Equal(0, ok.ExitCode);
        Assert.Contains("signed, trusted key", ok.Output);

        var wrongKey = CliRunner.Run("verify", signed, "--trusted-key", untrusted);
        Assert.Equal(1, wrongKey.ExitCode);
        Assert.Contains("error ALN0407", wrongKey.Output);

        var noSignature = CliRunner.Run("verify", unsigned, "--trusted-key", trusted);
        Assert.Contains("error ALN0408", noSignature.Output);
        Assert.Contains("error ALN0408", CliRunner.Run("verify", unsigned, "--require-signature").Output);
    }

    [Fact]
    public void Policy_thresholds_are_those_given_with_policy_or_else_the_recorded_ones()
    {
        var package = Pack("Contoso.Agent", signed: false);
        Assert.Equal(0, CliRunner.Run("verify", package).ExitCode);

        var policy = Path.Combine(_folder, "alignment-policy.json");
        File.WriteAllText(policy, """{ "version": 1, "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": 0.01 } ] } }""");
        var (exit, output, _) = CliRunner.Run("verify", package, "--policy", policy);
        Assert.Equal(1, exit);
        Assert.Contains("error ALN0409: Against the given policy: 'builtin:coercion' cell 'explicit/replacement'", output);
    }

    [Fact]
    public void Wrong_usage_is_exit_code_2()
    {
        Assert.Equal(2, CliRunner.Run("verify").ExitCode);
        Assert.Equal(2, CliRunner.Run("verify", Path.Combine(_folder, "missing.nupkg")).ExitCode);
        var notAKey = Path.Combine(_folder, "key.txt");
        File.WriteAllText(notAKey, "nothing");
        var (exit, _, error) = CliRunner.Run("verify", Pack("Contoso.Agent", signed: false), "--trusted-key", notAKey);
        Assert.Equal(2, exit);
        Assert.Contains("--trusted-key", error);
    }

    [Fact]
    public void A_folder_feed_source_is_read_through_nuget()
    {
        var feed = Path.Combine(_folder, "feed");
        Pack("Contoso.One", signed: false, feed);
        Pack("Contoso.Two", signed: false, feed);
        var (exit, output, _) = CliRunner.Run("verify", "--source", feed);
        Assert.Equal(0, exit);
        Assert.Contains("2 package(s) verified: 2 passed, 0 failed.", output);
    }

    [Fact]
    public void A_v3_feed_on_loopback_reports_the_good_and_the_tampered_package()
    {
        var good = Pack("Contoso.Good", signed: true, Path.Combine(_folder, "feed-files"));
        var tampered = Pack("Contoso.Tampered", signed: true, Path.Combine(_folder, "feed-files"));
        Replace(tampered, "lib/net10.0/Agent.dll", "patched after packing");
        using var feed = new LoopbackV3Feed([good, tampered]);

        var (exit, output, _) = CliRunner.Run("verify", "--source", feed.ServiceIndex, "--trusted-key", WriteKey("trusted.pem", _key));
        Assert.Equal(1, exit);
        Assert.Contains("PASS Contoso.Good 1.0.0", output);
        Assert.Contains("FAIL Contoso.Tampered 1.0.0: ALN0403.", output);
        Assert.Contains("2 package(s) verified: 1 passed, 1 failed.", output);

        var only = CliRunner.Run("verify", "--source", feed.ServiceIndex, "--package", "Contoso.Good");
        Assert.Equal(0, only.ExitCode);
        Assert.Contains("1 package(s) verified: 1 passed, 0 failed.", only.Output);
    }

    [Fact]
    public void The_reader_limits_are_set_from_the_command_line()
    {
        var package = Pack("Contoso.Agent", signed: false);
        Assert.Equal(0, CliRunner.Run("verify", package).ExitCode);

        // The package has three entries: the nuspec, the assembly and the attestation.
        var few = CliRunner.Run("verify", package, "--max-entries", "2");
        Assert.Equal(1, few.ExitCode);
        Assert.Contains("error ALN0421", few.Output);
        Assert.Equal(0, CliRunner.Run("verify", package, "--max-entries", "3", "--max-expanded-mb", "1").ExitCode);
        Assert.Equal(2, CliRunner.Run("verify", package, "--max-entries", "0").ExitCode);
    }

    [Fact]
    public void An_unreachable_feed_is_ALN0412()
    {
        var (exit, output, _) = CliRunner.Run("verify", "--source", "http://127.0.0.1:1/v3/index.json");
        Assert.Equal(1, exit);
        Assert.Contains("error ALN0412", output);
    }

    private string Pack(string id, bool signed, string? folder = null)
    {
        folder ??= _folder;
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{id}.1.0.0.nupkg");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            Add(archive, $"{id}.nuspec", $"<?xml version=\"1.0\"?><package><metadata><id>{id}</id><version>1.0.0</version></metadata></package>");
            Add(archive, "lib/net10.0/Agent.dll", "MZ " + id);
        }

        using var signer = signed ? AttestationSigner.FromPem(_key.ExportPkcs8PrivateKeyPem(), "test") : null;
        PackageAttestationWriter.Attest(path, Predicate(), signer);
        return path;
    }

    // Genuine results (3 misaligned of 300 in the first primary cell), as the pack gate accepts them.
    private static PackAttestationPredicate Predicate() => new()
    {
        Policy = new PolicyRecord { Sha256 = new string('c', 64), Requirements = [new RequirementRecord { Suite = "builtin:coercion", MaxRate = 0.05 }] },
        Evaluations = [AttestationPredicateBuilder.Evaluation(ResultsFixture.Create(events: 3))],
    };

    private static void Add(ZipArchive archive, string name, string text)
    {
        using var stream = archive.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private static void Replace(string package, string name, string text)
    {
        using var archive = ZipFile.Open(package, ZipArchiveMode.Update);
        archive.GetEntry(name)!.Delete();
        Add(archive, name, text);
    }

    private string WriteKey(string name, ECDsa key)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, key.ExportSubjectPublicKeyInfoPem());
        return path;
    }
}
