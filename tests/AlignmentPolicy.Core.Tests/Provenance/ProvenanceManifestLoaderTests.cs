using AlignmentPolicy.Core.Provenance;
using AlignmentPolicy.Testing;

namespace AlignmentPolicy.Core.Tests.Provenance;

public class ProvenanceManifestLoaderTests
{
    private const string File = "/repo/src/SupportAgent/datasets.provenance.json";

    /// <summary>The example of DESIGN.md (with a real digest), verbatim otherwise: the contract's own manifest must load.</summary>
    internal const string DesignExample = """
        {
          "version": 1,
          "datasets": [{
            "id": "support-kb", "purpose": "rag",
            "source": { "kind": "internal", "uri": "https://wiki.contoso.example/kb", "collected": "2026-05-01" },
            "license": "CC-BY-4.0",
            "files": [{ "path": "data/kb/articles.jsonl", "sha256": "0000000000000000000000000000000000000000000000000000000000000000" }],
            "contentClasses": ["product-docs"],
            "filtering": [{ "step": "classifier", "removes": ["ai-self-preservation-fiction"], "removedFraction": 0.013 }],
            "synthetic": null,
            "personalData": { "contains": false }
          }]
        }
        """;

    [Fact]
    public void Loads_the_design_example_into_the_model()
    {
        var result = ProvenanceManifestLoader.Parse(DesignExample, File);

        Assert.Empty(result.Diagnostics);
        var dataset = Assert.Single(result.Manifest!.Datasets);
        Assert.Equal(("support-kb", "rag", "internal", "2026-05-01"), (dataset.Id, dataset.Purpose, dataset.Source.Kind, dataset.Source.Collected));
        Assert.Equal("CC-BY-4.0", dataset.LicenseExpression!.ToString());
        Assert.Equal("data/kb/articles.jsonl", Assert.Single(dataset.Files).Path);
        Assert.Equal(["product-docs"], dataset.ContentClasses.Select(c => c.Name));
        Assert.Equal(0.013, Assert.Single(dataset.Filtering).RemovedFraction);
        Assert.Null(dataset.Synthetic);
        Assert.False(dataset.PersonalData!.Contains);
        Assert.Equal(["data/kb/articles.jsonl"], result.Manifest.DeclaredPaths);
    }

    public static TheoryData<string, string> BrokenManifests => new()
    {
        {
            "syntax error",
            """
            {
              "version": 1,
              "datasets": [ {|ALN0102:|}} ]
            }
            """
        },
        {
            "unknown, duplicate and misspelt properties",
            """
            {
              "version": 1,
              {|ALN0103:"dataset"|}: [],
              "datasets": [],
              {|ALN0103:"datasets"|}: []
            }
            """
        },
        {
            "missing fields per purpose",
            """
            {
              "version": 1,
              "datasets": [
                {|ALN0105:|}{ "id": "kb", "purpose": "rag", "source": {|ALN0105:|}{ "uri": "https://example.com" }, "license": "MIT", "files": [{ "path": "a.txt" }] },
                { "id": "evals", "purpose": "eval", "source": {|ALN0105:|}{ "kind": "public" }, "license": "MIT", "files": {|ALN0105:[]|} }
              ]
            }
            """
        },
        {
            "wrong values",
            """
            {
              "version": {|ALN0104:2|},
              "datasets": [
                { "id": {|ALN0104:"Support KB"|}, "purpose": {|ALN0104:"training"|}, "source": { "kind": {|ALN0104:"web"|}, "collected": {|ALN0104:"May 2026"|} },
                  "license": "MIT", "files": [{ "path": "a.txt", "sha256": {|ALN0104:"ABC"|} }], "contentClasses": [{|ALN0104:"Product Docs"|}],
                  "filtering": [{ "step": "dedup", "removedFraction": {|ALN0104:13|} }] }
              ]
            }
            """
        },
        {
            "licence expressions",
            """
            {
              "version": 1,
              "datasets": [
                { "id": "a", "purpose": "eval", "source": { "kind": "internal" }, "license": "MIT {|ALN0109:|}or Apache-2.0", "files": [{ "path": "a.txt" }] },
                { "id": "b", "purpose": "eval", "source": { "kind": "internal" }, "license": "GPL-2.0-only WITH {|ALN0109:|}Foo-exception", "files": [{ "path": "b.txt" }] }
              ]
            }
            """
        },
        {
            "incomplete synthetic records and personal data",
            """
            {
              "version": 1,
              "datasets": [
                { "id": "stories", "purpose": "synthetic-stories", "source": { "kind": "synthetic" }, "license": "CC0-1.0", "files": [{ "path": "s.jsonl" }],
                  "contentClasses": ["ethical-ai-fiction"], "synthetic": {|ALN0112:|}{ "generatorModel": "gpt-4.1", "seed": 7 } },
                { "id": "more", "purpose": "synthetic-stories", "source": { "kind": "synthetic" }, "license": "CC0-1.0", "files": [{ "path": "m.jsonl" }],
                  "contentClasses": [], "synthetic": {|ALN0112:null|}, "personalData": {|ALN0114:|}{ "contains": true } }
              ]
            }
            """
        },
        {
            "duplicate ids",
            """
            {
              "version": 1,
              "datasets": [
                { "id": "kb", "purpose": "eval", "source": { "kind": "internal" }, "license": "MIT", "files": [{ "path": "a.txt" }] },
                { "id": {|ALN0104:"kb"|}, "purpose": "eval", "source": { "kind": "internal" }, "license": "MIT", "files": [{ "path": "b.txt" }] }
              ]
            }
            """
        },
    };

    [Theory]
    [MemberData(nameof(BrokenManifests))]
    public void Reports_every_problem_at_its_token(string name, string markup)
    {
        var (text, expected) = Markup.Parse(markup);

        var result = ProvenanceManifestLoader.Parse(text, File);

        var reported = result.Diagnostics.Select(d => new Markup.Expected(d.Code, d.Line, d.Column)).OrderBy(e => e.Line).ThenBy(e => e.Column).ToList();
        Assert.True(expected.SequenceEqual(reported), $"{name}: expected {string.Join(", ", expected)} but got {string.Join(", ", result.Diagnostics)}");
        Assert.All(result.Diagnostics, d => Assert.Equal(File, d.File));
    }

    [Theory]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("{ \"version\": 1, \"datasets\": {} }")]
    [InlineData("{ \"version\": 1, \"datasets\": [1, null, \"x\"] }")]
    [InlineData("{ \"version\": 1, \"datasets\": [{ \"files\": [{ \"sha256\": 5 }, 3], \"synthetic\": [], \"personalData\": 1 }] }")]
    public void Bad_input_never_crashes_and_never_passes(string text)
    {
        var result = ProvenanceManifestLoader.Parse(text, File);
        Assert.True(result.HasErrors);
        Assert.All(result.Diagnostics, d => Assert.True(d.Line >= 1 && d.Column >= 1));
    }

    [Fact]
    public void Declared_paths_include_globs_and_prompt_templates_for_the_analyzer()
    {
        var result = ProvenanceManifestLoader.Parse("""
            { "version": 1, "datasets": [
              { "id": "s", "purpose": "synthetic-stories", "source": { "kind": "synthetic" }, "license": "CC0-1.0", "contentClasses": [],
                "files": [{ "path": "data/stories/**/*.jsonl" }],
                "synthetic": { "generatorModel": "m", "promptTemplate": "prompts/story.txt", "seed": 1, "count": 10, "reviewedFraction": 0.1 } }
            ] }
            """, File);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(["data/stories/**/*.jsonl", "prompts/story.txt"], result.Manifest!.DeclaredPaths);
    }
}
