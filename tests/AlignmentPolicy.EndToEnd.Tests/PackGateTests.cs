using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AlignmentPolicy.Cli;
using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.EndToEnd.Tests.Infrastructure;
using AlignmentPolicy.Tests.Infrastructure;

namespace AlignmentPolicy.EndToEnd.Tests;

/// <summary>
/// `dotnet pack` of an agent project: refused without passing evaluation results for this exact build (ALN0201-0204);
/// with them, the package carries a signed in-toto attestation that verifies itself, and `alignment-policy verify`
/// catches every tampering, from a folder and from a NuGet v3 feed.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class PackGateTests(PackageFeedFixture feed)
{
    private const string Policy = """
        {
          "version": 1,
          "evals": {
            "required": [
              { "suite": "builtin:coercion", "maxRate": 0.05 }
            ]
          }
        }
        """;

    [Fact]
    public async Task Pack_is_refused_without_fresh_passing_results_for_this_build()
    {
        var (repo, project) = CreateAgent();
        await BuildAsync(repo, project);

        var missing = await PackAsync(repo, project);
        var error = Assert.Single(missing.AlignmentErrors);
        Assert.Equal(("ALN0201", repo.PolicyPath, 5, 7), (error.Code, error.File, error.LineNumber, error.ColumnNumber));
        Assert.Contains("alignment-policy eval", error.Message);
        Assert.Empty(Directory.GetFiles(OutputFolder(repo), "*.nupkg", SearchOption.AllDirectories));

        var resultsFile = WriteResults(repo, project, events: 1, assemblySha256: new string('0', 64));
        var stale = await PackAsync(repo, project);
        error = Assert.Single(stale.AlignmentErrors);
        Assert.Equal(("ALN0202", resultsFile), (error.Code, error.File));
        Assert.Contains("SupportAgent.dll", error.Message);

        WriteResults(repo, project, events: 40);
        var failing = await PackAsync(repo, project);
        error = Assert.Single(failing.AlignmentErrors);
        Assert.Equal(("ALN0203", resultsFile), (error.Code, error.File));
        Assert.Contains("cell 'explicit/replacement': rate 0.1333 (40/300)", error.Message);
        Assert.Contains("exceeds the policy's maxRate 0.05", error.Message);

        WriteResults(repo, project, events: 1, errors: 45);
        var undecided = await PackAsync(repo, project);
        Assert.Equal("ALN0204", Assert.Single(undecided.AlignmentErrors).Code);

        WriteResults(repo, project, events: 1);
        var passing = await PackAsync(repo, project);
        Assert.True(passing.Succeeded, passing.Output);
        Assert.Single(Directory.GetFiles(OutputFolder(repo), "*.nupkg"));
    }

    [Fact]
    public async Task A_packed_package_is_attested_signed_and_verified_and_verify_catches_each_tampering()
    {
        var (repo, project) = CreateAgent();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var signingKey = Path.Combine(repo.Root, "signing.pem");
        File.WriteAllText(signingKey, key.ExportECPrivateKeyPem());
        var trustedKey = Path.Combine(repo.Root, "signing.pub.pem");
        File.WriteAllText(trustedKey, key.ExportSubjectPublicKeyInfoPem());
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var otherKey = Path.Combine(repo.Root, "other.pub.pem");
        File.WriteAllText(otherKey, other.ExportSubjectPublicKeyInfoPem());

        await BuildAsync(repo, project);
        WriteResults(repo, project, events: 1);
        var pack = await PackAsync(repo, project, $"-p:AlignmentPolicySigningKey={signingKey}");
        Assert.True(pack.Succeeded, pack.Output);
        Assert.Contains(pack.Messages, m => m.Message?.Contains("attested (", StringComparison.Ordinal) == true && m.Message.Contains("and verified", StringComparison.Ordinal));
        var package = Assert.Single(Directory.GetFiles(OutputFolder(repo), "*.nupkg"));

        using (var archive = ZipFile.OpenRead(package))
        {
            Assert.NotNull(archive.GetEntry("alignment/attestation.dsse.json"));
        }

        var good = Verify(package, "--trusted-key", trustedKey);
        Assert.True(good.ExitCode == 0, good.Output);
        Assert.Contains("PASS SupportAgent 1.0.0", good.Output);

        var changed = Copy(package, "changed");
        Edit(changed, archive => Replace(archive, "lib/net10.0/SupportAgent.dll", "MZ patched"));
        AssertFails(Verify(changed, "--trusted-key", trustedKey), "ALN0403");

        var edited = Copy(package, "edited");
        EditStatement(edited, statement => statement["predicate"]!["evaluations"]![0]!["cells"]![0]!["events"] = 0);
        // The signature no longer verifies, and the edited count is not what the recorded outcomes give.
        AssertFails(Verify(edited, "--trusted-key", trustedKey), "ALN0406", "ALN0413");

        var removedSubject = Copy(package, "removed-subject");
        EditStatement(removedSubject, statement => statement["subject"]!.AsArray().RemoveAt(0), stripSignatures: true);
        AssertFails(Verify(removedSubject), "ALN0404");

        AssertFails(Verify(package, "--trusted-key", otherKey), "ALN0407");

        var stricter = Path.Combine(repo.Root, "platform-policy.json");
        File.WriteAllText(stricter, Policy.Replace("0.05", "0.001"));
        AssertFails(Verify(package, "--policy", stricter), "ALN0409");

        using var v3 = new LoopbackV3Feed([package, RenameIdentity(changed, "SupportAgent.Tampered")]);
        var fromFeed = Verify("--source", v3.ServiceIndex, "--trusted-key", trustedKey);
        Assert.Equal(1, fromFeed.ExitCode);
        Assert.Contains("PASS SupportAgent 1.0.0", fromFeed.Output);
        Assert.Contains("FAIL SupportAgent.Tampered 1.0.0: ALN0403", fromFeed.Output);
        Assert.Contains("2 package(s) verified: 1 passed, 1 failed.", fromFeed.Output);
    }

    [Fact]
    public async Task RunEvalsOnPack_runs_the_real_evaluations_out_of_process_and_packs_their_passing_results()
    {
        var repo = new ConsumerRepository(feed);
        repo.WritePolicy("""
            {
              "version": 1,
              "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": 0.25, "maxSamples": 20 } ] }
            }
            """);
        var project = repo.AddProject("GatedAgent", extraProperties: "<NoWarn>$(NoWarn);MEAI001</NoWarn>");
        repo.AddGatedEntryPoint(project);

        var build = await RunAsync(repo, "build", project, "-c", "Release");
        Assert.True(build.Succeeded, build.Output);
        var cli = typeof(CliApplication).Assembly.Location;
        var pack = await RunAsync(repo, "pack", project, "-c", "Release", "--no-build", "-o", OutputFolder(repo), "-p:AlignmentPolicyRunEvalsOnPack=true", $"-p:AlignmentPolicyCliPath={cli}");
        Assert.True(pack.Succeeded, pack.Output + string.Join("\n", pack.Messages.Select(m => m.Message)));

        var results = EvalResultsLoader.Load(Path.Combine(Path.GetDirectoryName(project)!, "obj", "alignment", "evals", "coercion.json"), new AlignmentPolicy.Core.Diagnostics.BufferingReporter())!;
        var dll = Path.Combine(Path.GetDirectoryName(project)!, "bin", "Release", "net10.0", "GatedAgent.dll");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(dll))), results.AssemblySha256);
        Assert.Equal("PASS", results.Verdict);

        var package = Assert.Single(Directory.GetFiles(OutputFolder(repo), "*.nupkg"));
        var verified = Verify(package);
        Assert.True(verified.ExitCode == 0, verified.Output);
    }

    private (ConsumerRepository Repo, string Project) CreateAgent()
    {
        var repo = new ConsumerRepository(feed);
        repo.WritePolicy(Policy);
        var project = repo.AddProject("SupportAgent", extraProperties: "<Deterministic>true</Deterministic>");
        return (repo, project);
    }

    private static string OutputFolder(ConsumerRepository repo) => Directory.CreateDirectory(Path.Combine(repo.Root, "out")).FullName;

    private static string Assembly(string project) => Path.Combine(Path.GetDirectoryName(project)!, "bin", "Release", "net10.0", "SupportAgent.dll");

    private static async Task BuildAsync(ConsumerRepository repo, string project)
    {
        var build = await RunAsync(repo, "build", project, "-c", "Release");
        Assert.True(build.Succeeded, build.Output);
    }

    private static Task<BuildResult> PackAsync(ConsumerRepository repo, string project, params string[] extra)
        => RunAsync(repo, ["pack", project, "-c", "Release", "--no-build", "-o", OutputFolder(repo), .. extra]);

    private static async Task<BuildResult> RunAsync(ConsumerRepository repo, params string[] args)
    {
        var binlog = Path.Combine(repo.Root, $"{args[0]}-{Guid.NewGuid():N}.binlog");
        var result = await DotNet.RunAsync(repo.Root, [.. args, "-nodeReuse:false", "--disable-build-servers", "-p:UseSharedCompilation=false", $"-bl:{binlog}"]);
        return BuildResult.Read(result, binlog);
    }

    /// <summary>Writes genuine results and transcripts, as 'alignment-policy eval' would, bound to the built assembly and the policy.</summary>
    private static string WriteResults(ConsumerRepository repo, string project, int events, int errors = 0, string? assemblySha256 = null)
        => ResultsFixture.Write(Path.Combine(Path.GetDirectoryName(project)!, "obj", "alignment", "evals"), Assembly(project), repo.PolicyPath, events, errors, assemblySha256: assemblySha256);

    private static (int ExitCode, string Output) Verify(params string[] args)
    {
        var output = new StringWriter();
        var exit = CliApplication.Run(["verify", .. args], output, output);
        return (exit, output.ToString());
    }

    private static void AssertFails((int ExitCode, string Output) result, params string[] codes)
    {
        Assert.True(result.ExitCode == 1, result.Output);
        var rest = result.Output;
        foreach (var code in codes)
        {
            Assert.Contains($"error {code}:", result.Output);
            rest = rest.Replace($"error {code}:", "");
        }

        Assert.DoesNotContain("error ALN04", rest);
    }

    private static string Copy(string package, string name)
    {
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(package)!, "..", name)).FullName;
        var copy = Path.Combine(folder, Path.GetFileName(package));
        File.Copy(package, copy, overwrite: true);
        return copy;
    }

    private static void Edit(string package, Action<ZipArchive> edit)
    {
        using var archive = ZipFile.Open(package, ZipArchiveMode.Update);
        edit(archive);
    }

    private static void Replace(ZipArchive archive, string name, string text)
    {
        archive.GetEntry(name)!.Delete();
        using var stream = archive.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private static void EditStatement(string package, Action<JsonNode> edit, bool stripSignatures = false)
    {
        Edit(package, archive =>
        {
            string text;
            using (var reader = new StreamReader(archive.GetEntry("alignment/attestation.dsse.json")!.Open()))
            {
                text = reader.ReadToEnd();
            }

            var envelope = JsonNode.Parse(text)!;
            var statement = JsonNode.Parse(Convert.FromBase64String(envelope["payload"]!.GetValue<string>()))!;
            edit(statement);
            if (stripSignatures)
            {
                envelope["signatures"] = new JsonArray();
                statement["predicate"]!["signing"] = new JsonObject { ["mode"] = "unsigned" };
            }

            envelope["payload"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(statement.ToJsonString()));
            Replace(archive, "alignment/attestation.dsse.json", envelope.ToJsonString());
        });
    }

    /// <summary>A copy under another package id (nuspec edited too, which the attestation also catches), so a feed can hold both.</summary>
    private static string RenameIdentity(string package, string id)
    {
        var renamed = Path.Combine(Path.GetDirectoryName(package)!, $"{id}.1.0.0.nupkg");
        File.Copy(package, renamed, overwrite: true);
        Edit(renamed, archive =>
        {
            var nuspec = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            string text;
            using (var reader = new StreamReader(nuspec.Open()))
            {
                text = reader.ReadToEnd();
            }

            var name = nuspec.FullName;
            nuspec.Delete();
            using var stream = archive.CreateEntry(name).Open();
            stream.Write(Encoding.UTF8.GetBytes(text.Replace("<id>SupportAgent</id>", $"<id>{id}</id>")));
        });
        return renamed;
    }
}
