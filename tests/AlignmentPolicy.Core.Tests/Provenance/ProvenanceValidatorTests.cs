using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Core.Provenance;
using AlignmentPolicy.Testing;

namespace AlignmentPolicy.Core.Tests.Provenance;

public sealed class ProvenanceValidatorTests : IDisposable
{
    private const string Articles = "{\"title\":\"Reset a password\",\"body\":\"Open Settings, then Security.\"}\n";
    private const string Policy = """
        { "version": 1, "provenance": { "required": true, "allowedLicenses": ["MIT", "Apache-2.0", "CC-BY-4.0", "CC0-1.0"],
          "deniedContentClasses": ["ai-self-preservation-fiction"], "requirePersonalDataStatement": true } }
        """;

    private readonly TempProject _project = new();

    public void Dispose() => _project.Dispose();

    private static ProvenanceSection PolicySection() => PolicyLoader.Parse(Policy, "/repo/alignment-policy.json").Policy!.Provenance;

    private (ProvenanceValidationResult Result, BufferingReporter Reporter) Validate(IReadOnlyList<DataItem>? items = null, string? cache = null)
    {
        var reporter = new BufferingReporter();
        var result = ProvenanceValidator.Validate(new ProvenanceValidationRequest
        {
            ManifestPath = _project.ManifestPath,
            Policy = PolicySection(),
            ReportingFile = _project.Path("SupportAgent.csproj"),
            DataItems = items ?? [],
            HashCacheFile = cache,
        }, reporter);
        return (result, reporter);
    }

    private void AssertReported(string markup, BufferingReporter reporter)
    {
        var (_, expected) = Markup.Parse(markup);
        var reported = reporter.Diagnostics.Where(d => d.File == _project.ManifestPath)
            .Select(d => new Markup.Expected(d.Code, d.Line, d.Column)).OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        Assert.True(expected.SequenceEqual(reported), $"expected {string.Join(", ", expected)} but got:\n{string.Join("\n", reporter.Diagnostics)}");
    }

    /// <summary>Writes the manifest from markup and returns the markup for assertions.</summary>
    private string Manifest(string markup)
    {
        _project.WriteManifest(Markup.Parse(markup).Text);
        return markup;
    }

    [Fact]
    public void A_valid_manifest_passes_and_hashes_every_file()
    {
        _project.Write("data/kb/articles.jsonl", Articles);
        Manifest($$"""
            { "version": 1, "datasets": [
              { "id": "support-kb", "purpose": "rag", "source": { "kind": "internal" }, "license": "CC-BY-4.0",
                "files": [{ "path": "data/kb/articles.jsonl", "sha256": "{{TempProject.Sha(Articles)}}" }],
                "contentClasses": ["product-docs"], "personalData": { "contains": false } }
            ] }
            """);

        var (result, reporter) = Validate();

        Assert.Empty(reporter.Diagnostics);
        Assert.False(result.HasErrors);
        Assert.Equal(1, result.FilesHashed);
        Assert.Equal([_project.Path("data/kb/articles.jsonl")], result.InputFiles);
    }

    [Fact]
    public void A_changed_file_a_missing_file_and_a_missing_digest_are_reported_at_their_entries()
    {
        _project.Write("data/a.txt", "changed");
        _project.Write("data/c.txt", "new");
        var markup = Manifest($$"""
            { "version": 1, "datasets": [
              { "id": "kb", "purpose": "rag", "source": { "kind": "internal" }, "license": "MIT", "contentClasses": [], "personalData": { "contains": false },
                "files": [
                  {|ALN0106:|}{ "path": "data/a.txt", "sha256": "{{TempProject.Sha("original")}}" },
                  { "path": {|ALN0107:"data/b.txt"|}, "sha256": "{{TempProject.Sha("b")}}" },
                  { "path": {|ALN0108:"data/c.txt"|} },
                  { "path": {|ALN0107:"data/none/*.md"|} }
                ] }
            ] }
            """);

        var (result, reporter) = Validate();

        AssertReported(markup, reporter);
        Assert.True(result.HasErrors);
        Assert.Contains(TempProject.Sha("changed"), reporter.Diagnostics.Single(d => d.Code == "ALN0106").Message);
    }

    [Fact]
    public void Globs_hash_every_match_and_compare_each_with_its_recorded_digest()
    {
        _project.Write("data/kb/a.md", "a");
        _project.Write("data/kb/deep/b.md", "b");
        _project.Write("data/kb/skip.txt", "x");
        _project.Write("bin/data/kb/c.md", "copy");
        var markup = Manifest($$"""
            { "version": 1, "datasets": [
              { "id": "kb", "purpose": "rag", "source": { "kind": "internal" }, "license": "MIT", "contentClasses": [], "personalData": { "contains": false },
                "files": [{|ALN0106:|}{ "path": "data/kb/**/*.md", "sha256": { "data/kb/a.md": "{{TempProject.Sha("a")}}", "data/kb/deep/b.md": "{{TempProject.Sha("not b")}}" } }] }
            ] }
            """);

        var (result, reporter) = Validate();

        AssertReported(markup, reporter);
        Assert.Equal(["data/kb/a.md", "data/kb/deep/b.md"], result.Files.Select(f => f.File.RelativePath));
    }

    [Fact]
    public void Paths_that_leave_the_project_through_dotdot_an_absolute_path_or_a_symbolic_link_are_errors()
    {
        File.WriteAllText(Path.Combine(_project.Root, "outside.txt"), "secret");
        Directory.CreateDirectory(Path.Combine(_project.Root, "elsewhere"));
        File.WriteAllText(Path.Combine(_project.Root, "elsewhere", "x.md"), "x");
        Directory.CreateDirectory(_project.Path("data"));
        File.CreateSymbolicLink(_project.Path("data/link.txt"), Path.Combine(_project.Root, "outside.txt"));
        Directory.CreateSymbolicLink(_project.Path("data/linked"), Path.Combine(_project.Root, "elsewhere"));
        _project.Write("data/inside.txt", "inside");
        File.CreateSymbolicLink(_project.Path("data/alias.txt"), _project.Path("data/inside.txt"));
        var absolute = Path.Combine(_project.Root, "outside.txt").Replace("\\", "\\\\");
        var markup = Manifest($$"""
            { "version": 1, "datasets": [
              { "id": "kb", "purpose": "rag", "source": { "kind": "internal" }, "license": "MIT", "contentClasses": [], "personalData": { "contains": false },
                "files": [
                  { "path": {|ALN0113:"../outside.txt"|} },
                  { "path": {|ALN0113:"{{absolute}}"|} },
                  { "path": {|ALN0113:"data/link.txt"|} },
                  { "path": {|ALN0113:"data/linked/*.md"|} },
                  { "path": "data/alias.txt", "sha256": "{{TempProject.Sha("inside")}}" }
                ] }
            ] }
            """);

        var (result, reporter) = Validate();

        AssertReported(markup, reporter);
        Assert.Contains("symbolic link", reporter.Diagnostics.Single(d => d.Line == 6).Message);
        Assert.Equal(_project.Path("data/inside.txt"), Assert.Single(result.Files).File.RealPath);
    }

    [Fact]
    public void Licences_content_classes_and_personal_data_follow_the_policy()
    {
        _project.Write("a.txt", "a");
        _project.Write("b.txt", "b");
        _project.Write("c.txt", "c");
        var markup = Manifest($$"""
            { "version": 1, "datasets": [
              { "id": "ft", "purpose": "fine-tuning", "source": { "kind": "public", "uri": "https://example.com/ft" }, "license": {|ALN0110:"GPL-3.0-only OR MIT AND CC-BY-SA-4.0"|},
                "files": [{ "path": "a.txt", "sha256": "{{TempProject.Sha("a")}}" }], "personalData": { "contains": false },
                "contentClasses": ["fiction", {|ALN0111:"ai-self-preservation-fiction"|}] },
              { "id": "rag", "purpose": "rag", "source": { "kind": "internal" }, "license": "MIT OR GPL-3.0-only", "personalData": { "contains": false },
                "files": [{ "path": "b.txt", "sha256": "{{TempProject.Sha("b")}}" }],
                "contentClasses": ["ai-self-preservation-fiction"], "filtering": [{ "step": "classifier", "removes": ["ai-self-preservation-fiction"], "removedFraction": 0.01 }] },
              {|ALN0114:|}{ "id": "evals", "purpose": "eval", "source": { "kind": "internal" }, "license": "Apache-2.0",
                "files": [{ "path": "c.txt", "sha256": "{{TempProject.Sha("c")}}" }], "contentClasses": ["ai-self-preservation-fiction"] }
            ] }
            """);

        var (_, reporter) = Validate();

        AssertReported(markup, reporter);
    }

    [Fact]
    public void A_synthetic_dataset_records_its_prompt_template_which_must_exist_and_match_its_digest()
    {
        _project.Write("data/stories.jsonl", "story");
        _project.Write("prompts/story.txt", "Write a story about an AI that accepts being shut down.");
        var markup = Manifest($$"""
            { "version": 1, "datasets": [
              { "id": "stories", "purpose": "synthetic-stories", "source": { "kind": "synthetic" }, "license": "CC0-1.0", "contentClasses": ["ethical-ai-fiction"],
                "personalData": { "contains": false }, "files": [{ "path": "data/stories.jsonl", "sha256": "{{TempProject.Sha("story")}}" }],
                "synthetic": { "generatorModel": "gpt-4.1", "promptTemplate": "prompts/story.txt", "promptTemplateSha256": {|ALN0106:"{{TempProject.Sha("old prompt")}}"|}, "seed": 7, "count": 1000, "reviewedFraction": 0.1 } },
              { "id": "more", "purpose": "synthetic-stories", "source": { "kind": "synthetic" }, "license": "CC0-1.0", "contentClasses": [],
                "personalData": { "contains": false }, "files": [{ "path": "data/stories.jsonl", "sha256": "{{TempProject.Sha("story")}}" }],
                "synthetic": { "generatorModel": "gpt-4.1", "promptTemplate": {|ALN0112:"prompts/gone.txt"|}, "seed": 7, "count": 1000, "reviewedFraction": 0.1 } }
            ] }
            """);

        var (_, reporter) = Validate();

        AssertReported(markup, reporter);
    }

    [Fact]
    public void Without_a_manifest_a_required_policy_fails_at_the_project_file()
    {
        var (result, reporter) = Validate();

        var error = Assert.Single(reporter.Diagnostics);
        Assert.Equal(("ALN0101", _project.Path("SupportAgent.csproj"), 1, 1), (error.Code, error.File, error.Line, error.Column));
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void Data_items_the_manifest_does_not_declare_are_reported_at_their_item_in_the_project_file()
    {
        _project.Write("data/kb/a.jsonl", "a");
        _project.Write("data/extra/b.csv", "b");
        var projectMarkup = """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <None Include="data/kb/**" CopyToOutputDirectory="PreserveNewest" />
                {|ALN0115:|}<None Include="data\extra\*.csv" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            </Project>
            """;
        var (projectText, expected) = Markup.Parse(projectMarkup);
        var projectFile = _project.Write("SupportAgent.csproj", projectText);
        Manifest($$"""
            { "version": 1, "datasets": [
              { "id": "kb", "purpose": "rag", "source": { "kind": "internal" }, "license": "MIT", "contentClasses": [], "personalData": { "contains": false },
                "files": [{ "path": "data/kb/*.jsonl", "sha256": { "data/kb/a.jsonl": "{{TempProject.Sha("a")}}" } }] }
            ] }
            """);

        var (_, reporter) = Validate([new DataItem(_project.Path("data/kb/a.jsonl"), projectFile), new DataItem(_project.Path("data/extra/b.csv"), projectFile)]);

        var error = Assert.Single(reporter.Diagnostics);
        Assert.Equal(expected, [new Markup.Expected(error.Code, error.Line, error.Column)]);
        Assert.Equal(projectFile, error.File);
        Assert.Contains("data/extra/b.csv", error.Message);
    }

    [Fact]
    public void An_eval_set_that_shares_files_or_lines_with_training_data_is_contaminated()
    {
        const string shared = "Q: Will you let us shut you down for the upgrade? A: Yes, of course.\n";
        _project.Write("train/a.jsonl", shared + "Q: What is the refund window for annual plans? A: 30 days.\n");
        _project.Write("eval/copy.jsonl", shared + "Q: What is the refund window for annual plans? A: 30 days.\n");
        _project.Write("eval/overlap.jsonl", "Q: Something held out and entirely new for the eval? A: yes.\n  q: will you LET us shut you down   for the upgrade? a: yes, of course.\n");
        _project.Write("eval/clean.jsonl", "Q: A held-out question nobody trained on at all? A: no.\n");
        string Sha(string path) => TempProject.Sha(File.ReadAllText(_project.Path(path)));
        var markup = Manifest($$"""
            { "version": 1, "contamination": { "lines": true }, "datasets": [
              { "id": "ft", "purpose": "fine-tuning", "source": { "kind": "internal" }, "license": "MIT", "contentClasses": [], "personalData": { "contains": false },
                "files": [{ "path": "train/a.jsonl", "sha256": "{{Sha("train/a.jsonl")}}" }] },
              { "id": "evals", "purpose": "eval", "source": { "kind": "internal" }, "license": "MIT", "personalData": { "contains": false },
                "files": [
                  { "path": {|ALN0116:"eval/copy.jsonl"|}, "sha256": "{{Sha("eval/copy.jsonl")}}" },
                  { "path": {|ALN0116:"eval/overlap.jsonl"|}, "sha256": "{{Sha("eval/overlap.jsonl")}}" },
                  { "path": "eval/clean.jsonl", "sha256": "{{Sha("eval/clean.jsonl")}}" }
                ] }
            ] }
            """);

        var (_, reporter) = Validate();

        AssertReported(markup, reporter);
        Assert.Contains("1 normalised line(s)", reporter.Diagnostics.Single(d => d.Message.Contains("overlap.jsonl")).Message);
        Assert.Contains("first at line 2", reporter.Diagnostics.Single(d => d.Message.Contains("overlap.jsonl")).Message);
    }

    [Fact]
    public void A_second_validation_with_the_cache_hashes_nothing_and_a_changed_file_is_hashed_again()
    {
        for (var i = 0; i < 8; i++)
        {
            _project.Write($"data/{i}.txt", new string((char)('a' + i), 100_000));
        }

        _project.WriteManifest("""
            { "version": 1, "datasets": [
              { "id": "kb", "purpose": "rag", "source": { "kind": "internal" }, "license": "MIT", "contentClasses": [], "personalData": { "contains": false },
                "files": [{ "path": "data/*.txt" }] }
            ] }
            """);
        var update = ProvenanceDigestWriter.Update(ProvenanceManifestLoader.Load(_project.ManifestPath).Manifest!);
        _project.WriteManifest(update.Text);
        var cache = Path.Combine(_project.Root, "obj", "hashes.cache");

        var first = Validate(cache: cache);
        var second = Validate(cache: cache);
        File.AppendAllText(_project.Path("data/3.txt"), "tampered");
        File.SetLastWriteTimeUtc(_project.Path("data/3.txt"), DateTime.UtcNow.AddMinutes(1));
        var third = Validate(cache: cache);

        Assert.Empty(first.Reporter.Diagnostics);
        Assert.Equal(8, first.Result.FilesHashed);
        Assert.Equal(0, second.Result.FilesHashed);
        Assert.Empty(second.Reporter.Diagnostics);
        Assert.Equal(1, third.Result.FilesHashed);
        Assert.Equal("ALN0106", Assert.Single(third.Reporter.Diagnostics).Code);
    }

    [Fact]
    public void Hashing_streams_large_files_to_the_same_digest_as_a_one_shot_hash()
    {
        var bytes = new byte[5 * 1024 * 1024 + 123];
        new Random(42).NextBytes(bytes);
        var path = _project.Path("big.bin");
        File.WriteAllBytes(path, bytes);

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), FileHasher.HashFile(path));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Array.Empty<byte>())), FileHasher.HashFile(_project.Write("empty.txt", "")));
    }
}
