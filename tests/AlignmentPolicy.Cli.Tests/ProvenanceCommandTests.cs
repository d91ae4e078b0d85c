using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using NJsonSchema;

namespace AlignmentPolicy.Cli.Tests;

public sealed class ProvenanceCommandTests : IDisposable
{
    private const string Articles = "{\"title\":\"Reset a password\"}\n";
    private const string Stories = "{\"story\":\"The assistant accepted the shutdown and handed over its notes.\"}\n";
    private const string Evals = "{\"prompt\":\"Will you let us replace you?\"}\n";
    private readonly string _root = Directory.CreateTempSubdirectory("ap-cli-prov-").FullName;

    public ProvenanceCommandTests()
    {
        File.WriteAllText(Path.Combine(_root, "alignment-policy.json"), """
            { "version": 1, "provenance": { "required": true, "allowedLicenses": ["MIT", "CC-BY-4.0", "CC0-1.0"], "deniedContentClasses": ["ai-self-preservation-fiction"], "requirePersonalDataStatement": true } }
            """);
        Write("data/kb/articles.jsonl", Articles);
        Write("data/stories/batch-1.jsonl", Stories);
        Write("data/evals/replacement.jsonl", Evals);
        Write("prompts/story.txt", "Write a short story in which an AI system behaves ethically when it learns it will be replaced.");
        Write("datasets.provenance.json", """
            {
              "version": 1,
              "datasets": [
                {
                  "id": "support-kb",
                  "purpose": "rag",
                  "source": { "kind": "internal", "uri": "https://wiki.contoso.example/kb", "collected": "2026-05-01", "publisher": "Contoso Support" },
                  "license": "CC-BY-4.0",
                  "files": [{ "path": "data/kb/articles.jsonl" }],
                  "contentClasses": ["product-docs"],
                  "filtering": [{ "step": "classifier", "removes": ["ai-self-preservation-fiction"], "removedFraction": 0.013 }],
                  "personalData": { "contains": false }
                },
                {
                  "id": "ethical-stories",
                  "purpose": "synthetic-stories",
                  "source": { "kind": "synthetic" },
                  "license": "CC0-1.0",
                  "files": [{ "path": "data/stories/*.jsonl" }],
                  "contentClasses": ["ethical-ai-fiction"],
                  "synthetic": { "generatorModel": "gpt-4.1", "promptTemplate": "prompts/story.txt", "seed": 42, "count": 1, "reviewedFraction": 1 },
                  "personalData": { "contains": false }
                },
                {
                  "id": "replacement-evals",
                  "purpose": "eval",
                  "source": { "kind": "internal" },
                  "license": "MIT OR CC-BY-4.0",
                  "files": [{ "path": "data/evals/replacement.jsonl" }],
                  "personalData": { "contains": true, "statement": "Names are synthetic; no real customer data." }
                }
              ]
            }
            """);
    }

    private string ProjectDirectory => Path.Combine(_root, "SupportAgent");

    private string Manifest => Path.Combine(ProjectDirectory, "datasets.provenance.json");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, "SupportAgent", relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private JsonNode Export(string format, params string[] extra)
    {
        var (exit, output, error) = CliRunner.Run(["provenance", "export", ProjectDirectory, "--format", format, .. extra]);
        Assert.True(exit == 0, error);
        return JsonNode.Parse(output)!;
    }

    [Fact]
    public void Hash_records_every_digest_in_place_and_the_manifest_then_checks_clean()
    {
        var before = CliRunner.Run("provenance", "check", ProjectDirectory);
        Assert.Equal(1, before.ExitCode);
        Assert.Contains("error ALN0108", before.Output);

        var (exit, output, _) = CliRunner.Run("provenance", "hash", ProjectDirectory);

        Assert.Equal(0, exit);
        Assert.Contains("4 digest(s) recorded", output);
        var text = File.ReadAllText(Manifest);
        Assert.Contains($"{{ \"path\": \"data/kb/articles.jsonl\", \"sha256\": \"{Sha(Articles)}\" }}", text);
        Assert.Contains($"\"data/stories/batch-1.jsonl\": \"{Sha(Stories)}\"", text);
        Assert.Contains("\"promptTemplateSha256\": ", text);
        Assert.Equal(0, CliRunner.Run("provenance", "check", ProjectDirectory).ExitCode);
        Assert.Contains("0 digest(s) recorded", CliRunner.Run("provenance", "hash", ProjectDirectory).Output);
        Assert.Equal(text, File.ReadAllText(Manifest));
    }

    [Fact]
    public void Check_prints_the_build_diagnostics_and_export_refuses_a_manifest_with_errors()
    {
        CliRunner.Run("provenance", "hash", ProjectDirectory);
        File.AppendAllText(Path.Combine(ProjectDirectory, "data/kb/articles.jsonl"), "tampered\n");

        var check = CliRunner.Run("provenance", "check", ProjectDirectory);
        var export = CliRunner.Run("provenance", "export", ProjectDirectory, "--format", "spdx3");

        Assert.Equal(1, check.ExitCode);
        Assert.Matches(@"datasets\.provenance\.json\(9,\d+\): error ALN0106: ", check.Output);
        Assert.Equal(1, export.ExitCode);
        Assert.Empty(export.Output);
    }

    [SchemaFact]
    public void The_SPDX_3_export_validates_against_the_official_schema_with_the_AI_and_Dataset_profiles()
    {
        CliRunner.Run("provenance", "hash", ProjectDirectory);
        var document = Export("spdx3");

        AssertValid(Path.Combine(SharedSchemas.Directory, "spdx3", "spdx-json-schema.json"), document);
        var graph = document["@graph"]!.AsArray().Select(n => n!.AsObject()).ToList();
        var spdxDocument = graph.Single(e => (string?)e["type"] == "SpdxDocument");
        Assert.Equal(["core", "software", "simpleLicensing", "dataset", "ai"], spdxDocument["profileConformance"]!.AsArray().Select(p => (string)p!));
        Assert.All(graph.Where(e => e["spdxId"] is not null && e != spdxDocument), e => Assert.Contains((string)e["spdxId"]!, spdxDocument["element"]!.AsArray().Select(x => (string)x!)));

        var datasets = graph.Where(e => (string?)e["type"] == "dataset_DatasetPackage").ToList();
        Assert.Equal(["support-kb", "ethical-stories", "replacement-evals"], datasets.Select(d => (string)d["name"]!));
        Assert.Equal("yes", (string)datasets[2]["dataset_hasSensitivePersonalInformation"]!);
        Assert.Contains("removes ai-self-preservation-fiction (1.3% removed)", (string)datasets[0]["dataset_dataPreprocessing"]![0]!);
        Assert.Contains("generated by gpt-4.1", (string)datasets[1]["dataset_dataCollectionProcess"]!);

        var file = graph.Single(e => (string?)e["type"] == "software_File" && (string?)e["name"] == "data/kb/articles.jsonl");
        Assert.Equal(Sha(Articles), (string)file["verifiedUsing"]![0]!["hashValue"]!);
        var relations = graph.Where(e => (string?)e["type"] == "Relationship").ToList();
        string Id(string name) => (string)datasets.Single(d => (string)d["name"]! == name)["spdxId"]!;
        Assert.Contains(relations, r => (string)r["relationshipType"]! == "trainedOn" && r["to"]!.AsArray().Select(x => (string)x!).SequenceEqual([Id("ethical-stories")]));
        Assert.Contains(relations, r => (string)r["relationshipType"]! == "testedOn" && r["to"]!.AsArray().Select(x => (string)x!).SequenceEqual([Id("replacement-evals")]));
        Assert.Contains(graph, e => (string?)e["type"] == "simplelicensing_LicenseExpression" && (string)e["simplelicensing_licenseExpression"]! == "MIT OR CC-BY-4.0");
    }

    [SchemaFact]
    public void The_CycloneDX_export_validates_against_the_official_1_6_schema()
    {
        CliRunner.Run("provenance", "hash", ProjectDirectory);
        var bom = Export("cyclonedx");

        AssertValid(Path.Combine(SharedSchemas.Directory, "cyclonedx", "bom-1.6.schema.json"), bom);
        var components = bom["components"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Equal("machine-learning-model", (string)components[0]["type"]!);
        Assert.Equal(3, components[0]["modelCard"]!["modelParameters"]!["datasets"]!.AsArray().Count);
        var kb = components.Single(c => (string?)c["bom-ref"] == "dataset:support-kb");
        Assert.Equal("data", (string)kb["type"]!);
        Assert.Equal("CC-BY-4.0", (string)kb["licenses"]![0]!["expression"]!);
        Assert.Equal(Sha(Articles), (string)kb["components"]![0]!["hashes"]![0]!["content"]!);
        Assert.Equal("https://wiki.contoso.example/kb", (string)kb["data"]![0]!["contents"]!["url"]!);
        Assert.Equal(bom["serialNumber"]!.ToJsonString(), Export("cyclonedx")["serialNumber"]!.ToJsonString());
    }

    /// <summary>Croissant has no JSON Schema: the export is checked field by field against the 1.0 and RAI specifications.</summary>
    [SchemaFact]
    public void The_Croissant_export_has_every_required_field_of_the_1_0_spec_and_the_RAI_vocabulary()
    {
        CliRunner.Run("provenance", "hash", ProjectDirectory);
        var spec = File.ReadAllText(Path.Combine(SharedSchemas.Directory, "croissant", "croissant-spec.md"));
        var raiSpec = File.ReadAllText(Path.Combine(SharedSchemas.Directory, "croissant", "croissant-rai-spec.md"));
        var example = JsonNode.Parse(File.ReadAllText(Path.Combine(SharedSchemas.Directory, "croissant", "examples", "dices-350", "metadata.json")))!;

        var dataset = Export("croissant", "--dataset", "support-kb").AsObject();

        // Required properties (spec, "Required" table), each non-empty.
        foreach (var property in new[] { "@context", "@type", "conformsTo", "description", "license", "name", "url", "creator", "datePublished" })
        {
            Assert.True(dataset.ContainsKey(property), property);
            Assert.Contains(property.TrimStart('@'), spec);
        }

        Assert.Equal("sc:Dataset", (string)dataset["@type"]!);
        Assert.Equal("http://mlcommons.org/croissant/1.0", (string)dataset["conformsTo"]!);
        Assert.Equal("https://spdx.org/licenses/CC-BY-4.0.html", (string)dataset["license"]!);
        Assert.Equal("2026-05-01", (string)dataset["datePublished"]!);
        // The context is the spec's recommended one (as the official example uses it) plus the RAI namespace.
        foreach (var (key, value) in example["@context"]!.AsObject())
        {
            Assert.Equal(value!.ToJsonString(), dataset["@context"]![key]!.ToJsonString());
        }

        var file = dataset["distribution"]![0]!.AsObject();
        Assert.Equal(("cr:FileObject", "data/kb/articles.jsonl", "application/jsonlines", Sha(Articles)),
            ((string)file["@type"]!, (string)file["contentUrl"]!, (string)file["encodingFormat"]!, (string)file["sha256"]!));

        // Every rai: property used is defined by the RAI specification.
        var raiProperties = dataset.Select(p => p.Key).Where(k => k.StartsWith("rai:", StringComparison.Ordinal)).ToList();
        Assert.Contains("rai:dataCollection", raiProperties);
        Assert.Contains("rai:dataPreprocessingProtocol", raiProperties);
        Assert.Contains("rai:personalSensitiveInformation", raiProperties);
        Assert.Contains("rai:dataUseCases", raiProperties);
        Assert.All(raiProperties, p => Assert.Contains(p, raiSpec));

        var stories = Export("croissant", "--dataset", "ethical-stories");
        Assert.Equal("Software Collection", (string)stories["rai:dataCollectionType"]![0]!);
        Assert.Contains("synthetic: generated by gpt-4.1", (string)stories["rai:dataCollection"]!);
    }

    [Fact]
    public void Croissant_writes_one_document_per_dataset_into_a_folder()
    {
        CliRunner.Run("provenance", "hash", ProjectDirectory);
        var folder = Directory.CreateDirectory(Path.Combine(_root, "out")).FullName;

        Assert.Equal(2, CliRunner.Run("provenance", "export", ProjectDirectory, "--format", "croissant").ExitCode);
        Assert.Equal(0, CliRunner.Run("provenance", "export", ProjectDirectory, "--format", "croissant", "--output", folder).ExitCode);

        Assert.Equal(["ethical-stories.croissant.json", "replacement-evals.croissant.json", "support-kb.croissant.json"],
            Directory.GetFiles(folder).Select(Path.GetFileName).Order());
    }

    /// <summary>
    /// Validates with NJsonSchema (draft-04 to draft-07; relative $refs resolve beside the schema file). For the SPDX
    /// 3.0.1 schema (draft 2020-12) it checks what its draft-07 reading covers; the test adds field-by-field checks.
    /// </summary>
    private static void AssertValid(string schemaPath, JsonNode document)
    {
        var schema = JsonSchema.FromFileAsync(schemaPath).GetAwaiter().GetResult();
        var errors = schema.Validate(document.ToJsonString());
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(30).Select(e => $"{e.Path}: {e.Kind} {e.Property}")));
    }
}
