using System.Text.Json.Nodes;
using AlignmentPolicy.Core.Provenance;

namespace AlignmentPolicy.Cli.Provenance;

/// <summary>
/// SPDX 3.0.1 JSON-LD with the AI and Dataset profiles: the agent as an <c>ai_AIPackage</c>, each dataset as a
/// <c>dataset_DatasetPackage</c> with its files (<c>software_File</c> with SHA-256), its licence expression, and
/// relationships from the agent: trainedOn (fine-tuning, synthetic stories), testedOn (eval), dependsOn (RAG, few-shot).
/// </summary>
internal static class Spdx3Exporter
{
    public const string Context = "https://spdx.org/rdf/3.0.1/spdx-context.jsonld";

    public static JsonObject Export(ProvenanceExportInput input)
    {
        var ns = $"https://spdx.org/spdxdocs/alignment-policy/{input.DocumentKey}#";
        const string creationInfo = "_:creationinfo";
        var graph = new JsonArray();
        var elements = new JsonArray();
        var relationships = 0;

        void Add(JsonObject element)
        {
            graph.Add(element);
            if (element["spdxId"] is JsonValue id)
            {
                elements.Add(id.GetValue<string>());
            }
        }

        void Relate(string from, string type, IEnumerable<string> to)
        {
            var targets = new JsonArray(to.Select(t => (JsonNode)JsonValue.Create(t)!).ToArray());
            if (targets.Count == 0)
            {
                return;
            }

            Add(new JsonObject
            {
                ["type"] = "Relationship",
                ["spdxId"] = $"{ns}relationship-{++relationships}",
                ["creationInfo"] = creationInfo,
                ["from"] = from,
                ["relationshipType"] = type,
                ["to"] = targets,
                ["completeness"] = "complete",
            });
        }

        graph.Add(new JsonObject
        {
            ["type"] = "CreationInfo",
            ["@id"] = creationInfo,
            ["specVersion"] = "3.0.1",
            ["created"] = input.CreatedText,
            ["createdBy"] = new JsonArray($"{ns}creator"),
            ["createdUsing"] = new JsonArray($"{ns}tool"),
        });
        Add(new JsonObject { ["type"] = "Organization", ["spdxId"] = $"{ns}creator", ["creationInfo"] = creationInfo, ["name"] = input.AgentName + " maintainers" });
        Add(new JsonObject { ["type"] = "Tool", ["spdxId"] = $"{ns}tool", ["creationInfo"] = creationInfo, ["name"] = "alignment-policy" });

        var agentId = $"{ns}agent";
        Add(new JsonObject
        {
            ["type"] = "ai_AIPackage",
            ["spdxId"] = agentId,
            ["creationInfo"] = creationInfo,
            ["name"] = input.AgentName,
            ["description"] = "An LLM agent whose datasets are declared in datasets.provenance.json.",
            ["software_primaryPurpose"] = "application",
            ["ai_autonomyType"] = "noAssertion",
            ["ai_informationAboutTraining"] = "Datasets are listed as trainedOn (fine-tuning, synthetic stories), testedOn (evaluation) and dependsOn (retrieval corpora, few-shot examples) relationships.",
        });

        var byPurpose = new Dictionary<string, List<string>>();
        foreach (var dataset in input.Datasets)
        {
            var datasetId = $"{ns}dataset-{ProvenanceExportInput.Slug(dataset.Id)}";
            var package = new JsonObject
            {
                ["type"] = "dataset_DatasetPackage",
                ["spdxId"] = datasetId,
                ["creationInfo"] = creationInfo,
                ["name"] = dataset.Id,
                ["description"] = ProvenanceExportInput.Describe(dataset),
                ["software_primaryPurpose"] = "data",
                ["dataset_datasetType"] = new JsonArray("text"),
                ["dataset_intendedUse"] = dataset.Purpose,
                ["dataset_dataCollectionProcess"] = ProvenanceExportInput.Collection(dataset),
                ["dataset_hasSensitivePersonalInformation"] = dataset.PersonalData is null ? "noAssertion" : dataset.PersonalData.Contains ? "yes" : "no",
            };
            if (dataset.Source.Uri is { } uri)
            {
                package["software_downloadLocation"] = uri;
            }

            if (dataset.Source.Collected is { } collected)
            {
                package["builtTime"] = collected + "T00:00:00Z";
            }

            var steps = ProvenanceExportInput.FilteringSteps(dataset).ToList();
            if (steps.Count > 0)
            {
                package["dataset_dataPreprocessing"] = new JsonArray(steps.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray());
            }

            if (dataset.ContentClasses.Count > 0)
            {
                package["comment"] = "Content classes: " + string.Join(", ", dataset.ContentClasses.Select(c => c.Name)) + ".";
            }

            Add(package);

            var licenseId = $"{ns}license-{ProvenanceExportInput.Slug(dataset.Id)}";
            Add(new JsonObject
            {
                ["type"] = "simplelicensing_LicenseExpression",
                ["spdxId"] = licenseId,
                ["creationInfo"] = creationInfo,
                ["simplelicensing_licenseExpression"] = dataset.License,
            });
            Relate(datasetId, "hasDeclaredLicense", [licenseId]);

            var fileIds = new List<string>();
            foreach (var file in input.FilesOf(dataset))
            {
                var fileId = $"{ns}file-{ProvenanceExportInput.Slug(dataset.Id)}-{file.Digest![..16]}-{ProvenanceExportInput.Slug(file.File.RelativePath)}";
                fileIds.Add(fileId);
                Add(new JsonObject
                {
                    ["type"] = "software_File",
                    ["spdxId"] = fileId,
                    ["creationInfo"] = creationInfo,
                    ["name"] = file.File.RelativePath,
                    ["software_primaryPurpose"] = "data",
                    ["verifiedUsing"] = new JsonArray(new JsonObject { ["type"] = "Hash", ["algorithm"] = "sha256", ["hashValue"] = file.Digest }),
                });
            }

            Relate(datasetId, "hasDataFile", fileIds);
            var relation = dataset.Purpose switch
            {
                DatasetPurposes.FineTuning or DatasetPurposes.SyntheticStories => "trainedOn",
                DatasetPurposes.Eval => "testedOn",
                _ => "dependsOn",
            };
            (byPurpose.TryGetValue(relation, out var list) ? list : byPurpose[relation] = []).Add(datasetId);
        }

        foreach (var (relation, datasets) in byPurpose.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Relate(agentId, relation, datasets);
        }

        graph.Insert(1, new JsonObject
        {
            ["type"] = "SpdxDocument",
            ["spdxId"] = $"{ns}document",
            ["creationInfo"] = creationInfo,
            ["name"] = $"Dataset provenance of {input.AgentName}",
            ["profileConformance"] = new JsonArray("core", "software", "simpleLicensing", "dataset", "ai"),
            ["rootElement"] = new JsonArray(agentId),
            ["element"] = elements,
        });

        return new JsonObject { ["@context"] = Context, ["@graph"] = graph };
    }
}
