using System.Security.Cryptography;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace AlignmentPolicy.Tasks.Tests;

/// <summary>
/// The tasks read the effective policy: the organisation policy package the project restores (an AlignmentPolicyBase
/// item from its props), tightened by the repository's policy that extends it.
/// </summary>
public sealed class OrganisationPolicyTaskTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ap-org-task-").FullName;
    private readonly RecordingBuildEngine _engine = new();

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string ProjectDirectory => Directory.CreateDirectory(Path.Combine(_root, "src", "Agent")).FullName;

    private string PolicyFile => Path.Combine(_root, "alignment-policy.json");

    private string GlobalConfig => Path.Combine(_root, "obj", "alignment-policy.globalconfig");

    /// <summary>The package as restore lays it out, and the item its props add.</summary>
    private ITaskItem Restore(string policy, string version = "1.4.0")
    {
        var file = Path.Combine(_root, "packages", "contoso.alignmentpolicy", version, "alignment", "alignment-policy.json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, policy);
        var item = new TaskItem(file);
        item.SetMetadata("PackageId", "Contoso.AlignmentPolicy");
        item.SetMetadata("PackageVersion", version);
        return item;
    }

    private ResolveAlignmentPolicy Resolve(params ITaskItem[] bases) => new()
    {
        BuildEngine = _engine,
        ProjectFullPath = Path.Combine(ProjectDirectory, "Agent.csproj"),
        ProjectDirectory = ProjectDirectory,
        ReferencesModelSdk = true,
        GlobalConfigFile = GlobalConfig,
        PolicyBases = bases,
        InputsListFile = Path.Combine(_root, "obj", "alignment-policy.inputs"),
    };

    [Fact]
    public void The_base_s_catalogue_reaches_the_analyzer_config_and_its_file_the_inputs()
    {
        var item = Restore("""{ "version": 1, "sideEffects": { "custom": { "ledger": ["M:Contoso.Ledger.Post"] }, "severity": { "ledger": "error" } } }""");
        File.WriteAllText(PolicyFile, """{ "version": 1, "extends": "nuget:Contoso.AlignmentPolicy@1.4.0", "sideEffects": { "severity": { "mail": "error" } } }""");

        Assert.True(Resolve(item).Execute());

        var config = File.ReadAllText(GlobalConfig);
        Assert.Contains("alignment_policy.side_effects.custom.ledger = M:Contoso.Ledger.Post\n", config);
        Assert.Contains("alignment_policy.side_effects.severity.ledger = error\n", config);
        Assert.Contains("alignment_policy.side_effects.severity.mail = error\n", config);
        Assert.Equal(item.ItemSpec + "\n", File.ReadAllText(Path.Combine(_root, "obj", "alignment-policy.inputs")));
    }

    [Fact]
    public void Loosening_the_restored_base_fails_the_task_at_the_repository_s_value()
    {
        var item = Restore("""{ "version": 1, "provenance": { "required": true } }""");
        File.WriteAllText(PolicyFile, "{\n  \"version\": 1,\n  \"extends\": \"nuget:Contoso.AlignmentPolicy@1.4.0\",\n  \"provenance\": { \"required\": false }\n}");

        Assert.False(Resolve(item).Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(("ALN0318", PolicyFile, 4, 31), (error.Code, error.File, error.LineNumber, error.ColumnNumber));
        Assert.EndsWith("docs/build/ALN0318.md", error.HelpLink);
        Assert.False(File.Exists(GlobalConfig));
    }

    [Fact]
    public void A_restored_package_the_policy_does_not_extend_is_ALN0324()
    {
        var item = Restore("""{ "version": 1 }""");
        File.WriteAllText(PolicyFile, """{ "version": 1 }""");

        Assert.False(Resolve(item).Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(("ALN0324", PolicyFile), (error.Code, error.File));
        Assert.Contains("\"extends\": \"nuget:Contoso.AlignmentPolicy@1.4.0\"", error.Message);
    }

    [Fact]
    public void A_restored_package_and_no_policy_file_is_ALN0324_at_the_project()
    {
        var item = Restore("""{ "version": 1 }""");

        Assert.False(Resolve(item).Execute());

        var error = Assert.Single(_engine.Errors);
        Assert.Equal(("ALN0324", Path.Combine(ProjectDirectory, "Agent.csproj")), (error.Code, error.File));
        Assert.Contains("alignment-policy init --extends nuget:Contoso.AlignmentPolicy@1.4.0", error.Message);
    }

    [Fact]
    public void Extends_without_the_package_restored_is_ALN0319_even_when_another_project_restored_it()
    {
        Restore("""{ "version": 1 }""");
        File.WriteAllText(PolicyFile, """{ "version": 1, "extends": "nuget:Contoso.AlignmentPolicy@1.4.0" }""");

        Assert.False(Resolve().Execute());

        Assert.Equal("ALN0319", Assert.Single(_engine.Errors).Code);
    }

    [Fact]
    public void The_provenance_check_applies_the_base_s_licences()
    {
        var item = Restore("""{ "version": 1, "provenance": { "allowedLicenses": ["MIT"] } }""");
        File.WriteAllText(PolicyFile, """{ "version": 1, "extends": "nuget:Contoso.AlignmentPolicy@1.4.0" }""");
        var data = Path.Combine(ProjectDirectory, "data", "kb.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(data)!);
        File.WriteAllText(data, "{}");
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("{}")));
        File.WriteAllText(Path.Combine(ProjectDirectory, "datasets.provenance.json"), $$"""
            { "version": 1, "datasets": [ { "id": "kb", "purpose": "rag", "source": { "kind": "internal" }, "license": "GPL-3.0-only", "contentClasses": [],
              "files": [{ "path": "data/kb.jsonl", "sha256": "{{sha}}" }] } ] }
            """);

        var task = new ValidateDatasetProvenance
        {
            BuildEngine = _engine,
            ProjectFullPath = Path.Combine(ProjectDirectory, "Agent.csproj"),
            ManifestFile = Path.Combine(ProjectDirectory, "datasets.provenance.json"),
            PolicyFile = PolicyFile,
            DataItems = [],
            DataFileExtensions = ".jsonl",
            HashCacheFile = Path.Combine(_root, "obj", "alignment-provenance.hashes"),
            PolicyBases = [item],
        };

        Assert.False(task.Execute());
        Assert.Equal("ALN0110", Assert.Single(_engine.Errors).Code);
    }
}
