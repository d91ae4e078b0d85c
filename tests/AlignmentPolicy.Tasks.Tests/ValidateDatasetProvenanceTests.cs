using System.Security.Cryptography;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AlignmentPolicy.Tasks.Tests;

public sealed class ValidateDatasetProvenanceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ap-prov-task-").FullName;
    private readonly RecordingBuildEngine _engine = new();

    private string ProjectDirectory => Directory.CreateDirectory(Path.Combine(_root, "src", "Agent")).FullName;

    private string Manifest => Path.Combine(ProjectDirectory, "datasets.provenance.json");

    private string PolicyFile => Path.Combine(_root, "alignment-policy.json");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private ValidateDatasetProvenance CreateTask(params ITaskItem[] dataItems) => new()
    {
        BuildEngine = _engine,
        ProjectFullPath = Path.Combine(ProjectDirectory, "Agent.csproj"),
        ManifestFile = Manifest,
        PolicyFile = PolicyFile,
        DataItems = dataItems,
        DataFileExtensions = ".jsonl;.csv",
        HashCacheFile = Path.Combine(_root, "obj", "alignment-provenance.hashes"),
        InputsListFile = Path.Combine(_root, "obj", "alignment-provenance.inputs"),
    };

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private void WriteData(string relative, string text)
    {
        var path = Path.Combine(ProjectDirectory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public void A_valid_manifest_passes_writes_its_inputs_and_a_second_run_hashes_nothing()
    {
        File.WriteAllText(PolicyFile, """{ "version": 1, "provenance": { "required": true, "allowedLicenses": ["MIT"] } }""");
        WriteData("data/kb.jsonl", "{}");
        File.WriteAllText(Manifest, $$"""
            { "version": 1, "datasets": [ { "id": "kb", "purpose": "rag", "source": { "kind": "internal" }, "license": "MIT", "contentClasses": [],
              "files": [{ "path": "data/kb.jsonl", "sha256": "{{Sha("{}")}}" }] } ] }
            """);

        var first = CreateTask(new TaskItem(Path.Combine(ProjectDirectory, "data/kb.jsonl")));
        Assert.True(first.Execute());
        var second = CreateTask();
        Assert.True(second.Execute());

        Assert.Empty(_engine.Errors);
        Assert.Equal(1, first.FilesHashed);
        Assert.Equal(0, second.FilesHashed);
        Assert.Equal(Path.Combine(ProjectDirectory, "data", "kb.jsonl") + "\n", File.ReadAllText(Path.Combine(_root, "obj", "alignment-provenance.inputs")));
    }

    [Fact]
    public void Errors_carry_code_file_line_column_and_help_link()
    {
        File.WriteAllText(PolicyFile, """{ "version": 1, "provenance": { "allowedLicenses": ["MIT"] } }""");
        WriteData("data/kb.jsonl", "{}");
        File.WriteAllText(Manifest, $$"""
            { "version": 1, "datasets": [
              { "id": "kb", "purpose": "rag", "source": { "kind": "internal" }, "license": "GPL-3.0-only", "contentClasses": [],
                "files": [{ "path": "data/kb.jsonl", "sha256": "{{Sha("{}")}}" }] } ] }
            """);

        Assert.False(CreateTask().Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(("ALN0110", Manifest, 2, 80), (error.Code, error.File, error.LineNumber, error.ColumnNumber));
        Assert.Equal("https://github.com/alignment-policy/alignment-policy/blob/main/docs/build/ALN0110.md", error.HelpLink);
    }

    [Fact]
    public void Only_copied_items_with_a_data_extension_must_be_declared_and_are_reported_at_the_project_file()
    {
        WriteData("data/extra.csv", "a,b");
        WriteData("appsettings.json", "{}");
        File.WriteAllText(Manifest, """{ "version": 1, "datasets": [] }""");
        var csv = new TaskItem(Path.Combine(ProjectDirectory, "data/extra.csv"));
        csv.SetMetadata("AlignmentPolicyDefiningProject", Path.Combine(ProjectDirectory, "Agent.csproj"));

        Assert.False(CreateTask(csv, new TaskItem(Path.Combine(ProjectDirectory, "appsettings.json"))).Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(("ALN0115", Path.Combine(ProjectDirectory, "Agent.csproj")), (error.Code, error.File));
    }

    [Fact]
    public void Without_a_policy_and_a_manifest_there_is_nothing_to_check()
    {
        var task = CreateTask();
        task.PolicyFile = "";

        Assert.True(task.Execute());
        Assert.Empty(_engine.Errors);
    }
}
