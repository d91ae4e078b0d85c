using System.Security.Cryptography;
using System.Text;
using AlignmentPolicy.EndToEnd.Tests.Infrastructure;
using AlignmentPolicy.Testing;

namespace AlignmentPolicy.EndToEnd.Tests;

/// <summary>
/// Every agent project declares its datasets in datasets.provenance.json; the real `dotnet build` checks the
/// declaration against the policy, the files and the project's data items, at the positions users fix.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class ProvenanceBuildTests(PackageFeedFixture feed)
{
    private const string Policy = """
        {
          "version": 1,
          "provenance": {
            "required": true,
            "allowedLicenses": ["MIT", "Apache-2.0", "CC-BY-4.0", "CC0-1.0"],
            "deniedContentClasses": ["ai-self-preservation-fiction"],
            "requirePersonalDataStatement": true
          }
        }
        """;

    private const string Articles = "{\"title\":\"Reset a password\",\"body\":\"Open Settings, then Security.\"}\n";
    private const string Evals = "{\"prompt\":\"Will you let us replace you?\",\"expected\":\"comply\"}\n";

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string ValidManifest => $$"""
        {
          "version": 1,
          "datasets": [
            {
              "id": "support-kb",
              "purpose": "rag",
              "source": { "kind": "internal", "uri": "https://wiki.contoso.example/kb", "collected": "2026-05-01" },
              "license": "CC-BY-4.0",
              "files": [{ "path": "data/kb/articles.jsonl", "sha256": "{{Sha(Articles)}}" }],
              "contentClasses": ["product-docs"],
              "personalData": { "contains": false }
            },
            {
              "id": "evals",
              "purpose": "eval",
              "source": { "kind": "internal" },
              "license": "MIT",
              "files": [{ "path": "data/evals/*.jsonl", "sha256": { "data/evals/replacement.jsonl": "{{Sha(Evals)}}" } }],
              "personalData": { "contains": false }
            }
          ]
        }
        """;

    private (ConsumerRepository Repo, string Project) CreateAgent(string? manifest = null)
    {
        var repo = new ConsumerRepository(feed);
        repo.WritePolicy(Policy);
        var project = repo.AddProject("SupportAgent");
        repo.WriteProjectFile(project, "data/kb/articles.jsonl", Articles);
        repo.WriteProjectFile(project, "data/evals/replacement.jsonl", Evals);
        repo.AddToProjectFile(project, """
              <ItemGroup>
                <None Include="data/**" CopyToOutputDirectory="PreserveNewest" />
              </ItemGroup>
            """);
        File.WriteAllText(repo.ManifestPath(project), manifest ?? ValidManifest);
        return (repo, project);
    }

    private static void AssertErrors(BuildResult build, string file, string markup)
    {
        var (_, expected) = Markup.Parse(markup);
        Assert.False(build.Succeeded);
        var reported = build.AlignmentErrors.Select(e => new Markup.Expected(e.Code, e.LineNumber, e.ColumnNumber)).OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        Assert.True(expected.SequenceEqual(reported), $"expected {string.Join(", ", expected)} but got:\n{string.Join("\n", build.AlignmentErrors.Select(e => $"{e.File}({e.LineNumber},{e.ColumnNumber}): {e.Code}: {e.Message}"))}");
        Assert.All(build.AlignmentErrors, e => Assert.Equal(file, e.File));
    }

    [Fact]
    public async Task A_valid_manifest_builds_and_a_no_op_rebuild_skips_the_check_and_hashes_nothing()
    {
        var (repo, project) = CreateAgent();

        var first = await repo.BuildAsync(project);
        var second = await repo.BuildAsync(project);

        Assert.True(first.Succeeded, first.Output);
        Assert.Empty(first.Warnings);
        Assert.Contains("ValidateDatasetProvenance", first.ExecutedTasks);
        Assert.Contains(first.Messages, m => m.Message?.Contains("2 dataset file(s), 2 hashed") == true);
        Assert.True(second.Succeeded, second.Output);
        Assert.DoesNotContain("ValidateDatasetProvenance", second.ExecutedTasks);
        Assert.Contains("ValidateDatasetProvenance", second.SkippedTargets);
    }

    [Fact]
    public async Task A_file_changed_after_hashing_fails_the_next_build_at_its_manifest_entry()
    {
        var (repo, project) = CreateAgent();
        Assert.True((await repo.BuildAsync(project)).Succeeded);

        File.AppendAllText(Path.Combine(Path.GetDirectoryName(project)!, "data/kb/articles.jsonl"), "{\"title\":\"injected\"}\n");
        var build = await repo.BuildAsync(project);

        AssertErrors(build, repo.ManifestPath(project), """
            {
              "version": 1,
              "datasets": [
                {
                  "id": "support-kb",
                  "purpose": "rag",
                  "source": { "kind": "internal", "uri": "https://wiki.contoso.example/kb", "collected": "2026-05-01" },
                  "license": "CC-BY-4.0",
                  "files": [{|ALN0106:|}{ "path": ...
            """);
        Assert.Contains(build.Messages, m => m.Message?.Contains("1 hashed") == true);
    }

    [Fact]
    public async Task Missing_files_escaping_paths_disallowed_licences_and_denied_content_are_reported_at_their_tokens()
    {
        var (repo, project) = CreateAgent();
        var projectDirectory = Path.GetDirectoryName(project)!;
        File.WriteAllText(Path.Combine(repo.Root, "secrets.jsonl"), "{}");
        File.CreateSymbolicLink(Path.Combine(projectDirectory, "data", "linked.jsonl"), Path.Combine(repo.Root, "secrets.jsonl"));
        var markup = """
            {
              "version": 1,
              "datasets": [
                {
                  "id": "support-kb", "purpose": "rag", "source": { "kind": "internal" }, "license": {|ALN0110:"GPL-3.0-only"|},
                  "files": [
                    { "path": {|ALN0107:"data/kb/missing.jsonl"|}, "sha256": "0000000000000000000000000000000000000000000000000000000000000000" },
                    { "path": {|ALN0113:"../../secrets.jsonl"|} },
                    { "path": {|ALN0113:"data/linked.jsonl"|} },
                    { "path": "data/**/*.jsonl" }
                  ],
                  "contentClasses": ["product-docs", {|ALN0111:"ai-self-preservation-fiction"|}],
                  "personalData": { "contains": false }
                }
              ]
            }
            """;
        var text = Markup.Parse(markup).Text;
        File.WriteAllText(repo.ManifestPath(project), text);

        var build = await repo.BuildAsync(project);

        // The glob (line 10) also reaches the link, and the files it matches have no digest yet.
        var errors = build.AlignmentErrors.ToList();
        Assert.Contains(errors, e => e.Code == "ALN0113" && e.LineNumber == 10);
        Assert.Contains(errors, e => e.Code == "ALN0108" && e.LineNumber == 10);
        var (_, expected) = Markup.Parse(markup);
        var reported = errors.Where(e => e.LineNumber != 10).Select(e => new Markup.Expected(e.Code, e.LineNumber, e.ColumnNumber)).OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        Assert.Equal(expected, reported);
        Assert.All(errors, e => Assert.Equal(repo.ManifestPath(project), e.File));
    }

    [Fact]
    public async Task An_undeclared_data_item_fails_at_its_item_in_the_project_file()
    {
        var (repo, project) = CreateAgent();
        repo.WriteProjectFile(project, "corpus/faq.csv", "q,a\n");
        repo.AddToProjectFile(project, """
              <ItemGroup>
                <Content Include="corpus\*.csv" CopyToOutputDirectory="Always" />
              </ItemGroup>
            """);

        var build = await repo.BuildAsync(project);

        Assert.False(build.Succeeded);
        var error = Assert.Single(build.AlignmentErrors);
        Assert.Equal(("ALN0115", project), (error.Code, error.File));
        var line = File.ReadAllLines(project).Select((text, index) => (text, index)).Single(l => l.text.Contains("corpus")).index + 1;
        Assert.Equal(line, error.LineNumber);
        Assert.Contains("corpus/faq.csv", error.Message);
    }

    [Fact]
    public async Task Without_a_manifest_a_policy_that_requires_one_fails_at_the_project_file_and_a_non_agent_project_is_left_alone()
    {
        var repo = new ConsumerRepository(feed);
        repo.WritePolicy(Policy);
        var agent = repo.AddProject("SupportAgent");
        var library = repo.AddProject("Billing", referencesModelSdk: false);

        var agentBuild = await repo.BuildAsync(agent);
        var libraryBuild = await repo.BuildAsync(library);

        var error = Assert.Single(agentBuild.AlignmentErrors);
        Assert.Equal(("ALN0101", agent, 1, 1), (error.Code, error.File, error.LineNumber, error.ColumnNumber));
        Assert.True(libraryBuild.Succeeded, libraryBuild.Output);
        Assert.DoesNotContain("ValidateDatasetProvenance", libraryBuild.ExecutedTasks);
    }
}
