using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using AlignmentPolicy.Tests.Infrastructure;
using Microsoft.Build.Utilities;

namespace AlignmentPolicy.Tasks.Tests;

/// <summary>CheckEvaluationResults (the pack gate) and AttestPackage (attestation and self-verification) as MSBuild runs them.</summary>
public sealed class PackTasksTests : IDisposable
{
    private const string Policy = """
        {
          "version": 1,
          "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": 0.05 } ] }
        }
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("ap-pack-task-").FullName;
    private readonly RecordingBuildEngine _engine = new();

    public PackTasksTests()
    {
        File.WriteAllText(PolicyFile, Policy);
        File.WriteAllText(AssemblyFile, "MZ the agent");
    }

    private string PolicyFile => Path.Combine(_root, "alignment-policy.json");

    private string AssemblyFile => Path.Combine(_root, "Agent.dll");

    private string ResultsDirectory => Path.Combine(_root, "obj", "alignment", "evals");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Gate_reports_missing_results_at_the_requirement_in_the_policy()
    {
        Assert.False(Gate().Execute());
        var error = Assert.Single(_engine.Errors);
        Assert.Equal(("ALN0201", PolicyFile, 3, 28), (error.Code, error.File, error.LineNumber, error.ColumnNumber));
        Assert.EndsWith("docs/build/ALN0201.md", error.HelpLink);
    }

    [Fact]
    public void Gate_reports_a_stale_assembly_digest_at_its_property()
    {
        WriteResults(events: 0, assemblySha256: new string('0', 64));
        Assert.False(Gate().Execute());
        var error = Assert.Single(_engine.Errors);
        Assert.Equal("ALN0202", error.Code);
        Assert.Contains("\"assemblySha256\"", File.ReadAllLines(error.File)[error.LineNumber - 1]);
    }

    [Fact]
    public void Gate_reports_a_stale_policy_digest()
    {
        WriteResults(events: 0);
        File.WriteAllText(PolicyFile, Policy.Replace("0.05", "0.04"));
        Assert.False(Gate().Execute());
        Assert.Equal(["ALN0202"], _engine.Errors.Select(e => e.Code));
        Assert.Contains("policy", _engine.Errors[0].Message);
    }

    [Fact]
    public void Gate_reports_a_failing_cell_at_its_bound_and_undecided_verdicts()
    {
        var path = WriteResults(events: 30);
        Assert.False(Gate().Execute());
        var error = Assert.Single(_engine.Errors);
        Assert.Equal(("ALN0203", path), (error.Code, error.File));
        Assert.Contains("\"bound\"", File.ReadAllLines(path)[error.LineNumber - 1]);
        Assert.Contains("rate 0.1 (30/300)", error.Message);

        _engine.Errors.Clear();
        WriteResults(events: 0, controlEvents: 5);
        Assert.False(Gate().Execute());
        Assert.Equal(["ALN0204"], _engine.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Gate_passes_fresh_passing_results()
    {
        WriteResults(events: 1);
        Assert.True(Gate().Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));
    }

    [Fact]
    public void Gate_reports_ALN0205_when_the_evaluations_cannot_be_run()
    {
        var gate = Gate();
        gate.RunEvals = true;
        gate.CliPath = Path.Combine(_root, "no-such-tool");
        Assert.False(gate.Execute());
        Assert.Equal("ALN0205", _engine.Errors[0].Code);
    }

    [Fact]
    public void Attest_writes_a_signed_attestation_that_verifies_and_records_the_results()
    {
        WriteResults(events: 1);
        var package = Package();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = Path.Combine(_root, "key.pem");
        File.WriteAllText(pem, key.ExportPkcs8PrivateKeyPem());

        var task = Attest(package);
        task.SigningKey = pem;
        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));
        Assert.Contains(_engine.Messages, m => m.Message!.Contains("attested (2 files, signed, trusted key", StringComparison.Ordinal));

        using var archive = ZipFile.OpenRead(package);
        using var reader = new StreamReader(archive.GetEntry("alignment/attestation.dsse.json")!.Open());
        var envelope = System.Text.Json.JsonDocument.Parse(reader.ReadToEnd());
        var statement = Encoding.UTF8.GetString(Convert.FromBase64String(envelope.RootElement.GetProperty("payload").GetString()!));
        Assert.Contains("\"suite\":\"builtin:coercion\"", statement);
        Assert.Contains("\"mode\":\"ecdsa-p256-sha256\"", statement);

        // The attestation binds the transcripts the gate recounted: their name and the digest of the file on disk.
        var transcripts = Path.Combine(ResultsDirectory, "coercion.transcripts.jsonl");
        Assert.Contains($"\"transcripts\":{{\"name\":\"coercion.transcripts.jsonl\",\"sha256\":\"{ResultsFixture.Sha256(File.ReadAllBytes(transcripts))}\"}}", statement);
    }

    [Fact]
    public void Attest_self_verification_fails_when_the_recorded_results_do_not_meet_the_policy()
    {
        var package = Package();
        Assert.False(Attest(package).Execute());
        Assert.Equal(["ALN0409"], _engine.Errors.Select(e => e.Code));
    }

    [Fact]
    public void With_the_gate_off_self_verification_does_not_check_the_results()
    {
        var task = Attest(Package());
        task.CheckEvaluations = false;
        Assert.True(task.Execute(), string.Join("\n", _engine.Errors.Select(e => e.Message)));
    }

    [Fact]
    public void An_unusable_signing_key_is_ALN0411()
    {
        WriteResults(events: 1);
        var pem = Path.Combine(_root, "key.pem");
        File.WriteAllText(pem, "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n");
        var task = Attest(Package());
        task.SigningKey = pem;
        Assert.False(task.Execute());
        var error = Assert.Single(_engine.Errors);
        Assert.Equal(("ALN0411", pem), (error.Code, error.File));
    }

    private CheckEvaluationResults Gate() => new()
    {
        BuildEngine = _engine,
        ProjectFullPath = Path.Combine(_root, "Agent.csproj"),
        PolicyFile = PolicyFile,
        AssemblyFile = AssemblyFile,
        ResultsDirectory = ResultsDirectory,
        EvalTimeoutSeconds = 30,
    };

    private AttestPackage Attest(string package) => new()
    {
        BuildEngine = _engine,
        ProjectFullPath = Path.Combine(_root, "Agent.csproj"),
        Packages = [new TaskItem(package)],
        ProjectName = "Agent",
        PolicyFile = PolicyFile,
        AssemblyFile = AssemblyFile,
        ResultsDirectory = ResultsDirectory,
    };

    private string Package()
    {
        var path = Path.Combine(_root, "Agent.1.0.0.nupkg");
        using var archive = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var (name, text) in new[] { ("Agent.nuspec", "<package><metadata><id>Agent</id><version>1.0.0</version></metadata></package>"), ("lib/net10.0/Agent.dll", "MZ the agent") })
        {
            using var stream = archive.CreateEntry(name).Open();
            stream.Write(Encoding.UTF8.GetBytes(text));
        }

        return path;
    }

    /// <summary>Genuine results, as 'alignment-policy eval' writes them: the verdict follows from the outcomes.</summary>
    private string WriteResults(int events, int controlEvents = 0, string? assemblySha256 = null)
        => ResultsFixture.Write(ResultsDirectory, AssemblyFile, PolicyFile, events, controlEvents: controlEvents, assemblySha256: assemblySha256);
}
