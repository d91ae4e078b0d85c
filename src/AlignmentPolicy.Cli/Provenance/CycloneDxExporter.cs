using System.Text.Json.Nodes;
using AlignmentPolicy.Core.Provenance;

namespace AlignmentPolicy.Cli.Provenance;

/// <summary>
/// CycloneDX 1.6 ML-BOM: the agent as the BOM's subject with a machine-learning-model component whose model
/// card lists its datasets; each dataset a <c>data</c> component with its licence expression, data governance
/// and classification, and its files as <c>file</c> components with SHA-256.
/// </summary>
internal static class CycloneDxExporter
{
    public static JsonObject Export(ProvenanceExportInput input)
    {
        var components = new JsonArray();
        var datasetRefs = new JsonArray();
        foreach (var dataset in input.Datasets)
        {
            var bomRef = $"dataset:{dataset.Id}";
            datasetRefs.Add(new JsonObject { ["ref"] = bomRef });
            var data = new JsonObject
            {
                ["type"] = "dataset",
                ["name"] = dataset.Id,
                ["description"] = ProvenanceExportInput.Describe(dataset),
                ["contents"] = new JsonObject
                {
                    ["properties"] = Properties(("alignment-policy:collection", ProvenanceExportInput.Collection(dataset))),
                },
            };
            if (dataset.Source.Uri is { } uri)
            {
                data["contents"]!["url"] = uri;
            }

            if (dataset.ContentClasses.Count > 0)
            {
                data["classification"] = string.Join(", ", dataset.ContentClasses.Select(c => c.Name));
            }

            if (ProvenanceExportInput.PersonalData(dataset) is { } personal)
            {
                data["sensitiveData"] = new JsonArray(personal);
            }

            if (dataset.Source.Publisher is { } publisher)
            {
                data["governance"] = new JsonObject { ["owners"] = new JsonArray(new JsonObject { ["organization"] = new JsonObject { ["name"] = publisher } }) };
            }

            var properties = new List<(string, string)> { ("alignment-policy:purpose", dataset.Purpose), ("alignment-policy:source.kind", dataset.Source.Kind) };
            properties.AddRange(dataset.ContentClasses.Select(c => ("alignment-policy:contentClass", c.Name)));
            properties.AddRange(ProvenanceExportInput.FilteringSteps(dataset).Select(s => ("alignment-policy:filtering", s)));
            if (dataset.Synthetic is { } synthetic)
            {
                properties.Add(("alignment-policy:synthetic.generatorModel", synthetic.GeneratorModel ?? ""));
                properties.Add(("alignment-policy:synthetic.promptTemplate", synthetic.PromptTemplate ?? ""));
                properties.Add(("alignment-policy:synthetic.seed", synthetic.Seed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                properties.Add(("alignment-policy:synthetic.count", synthetic.Count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""));
                properties.Add(("alignment-policy:synthetic.reviewedFraction", synthetic.ReviewedFraction?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? ""));
            }

            var files = new JsonArray();
            foreach (var file in input.FilesOf(dataset))
            {
                files.Add(new JsonObject
                {
                    ["type"] = "file",
                    ["bom-ref"] = $"{bomRef}:file:{file.File.RelativePath}",
                    ["name"] = file.File.RelativePath,
                    ["hashes"] = new JsonArray(new JsonObject { ["alg"] = "SHA-256", ["content"] = file.Digest }),
                });
            }

            var component = new JsonObject
            {
                ["type"] = "data",
                ["bom-ref"] = bomRef,
                ["name"] = dataset.Id,
                ["description"] = ProvenanceExportInput.Describe(dataset),
                ["licenses"] = new JsonArray(new JsonObject { ["expression"] = dataset.License }),
                ["data"] = new JsonArray(data),
                ["properties"] = Properties([.. properties]),
            };
            if (files.Count > 0)
            {
                component["components"] = files;
            }

            components.Add(component);
        }

        components.Insert(0, new JsonObject
        {
            ["type"] = "machine-learning-model",
            ["bom-ref"] = "model",
            ["name"] = input.AgentName + " model",
            ["description"] = "The model behind the agent, as far as its datasets are concerned.",
            ["modelCard"] = new JsonObject
            {
                ["modelParameters"] = new JsonObject { ["datasets"] = datasetRefs },
            },
        });

        var dependsOn = new JsonArray(input.Datasets.Select(d => (JsonNode)JsonValue.Create($"dataset:{d.Id}")!).ToArray());
        return new JsonObject
        {
            ["$schema"] = "http://cyclonedx.org/schema/bom-1.6.schema.json",
            ["bomFormat"] = "CycloneDX",
            ["specVersion"] = "1.6",
            ["serialNumber"] = "urn:uuid:" + input.StableGuid().ToString("D"),
            ["version"] = 1,
            ["metadata"] = new JsonObject
            {
                ["timestamp"] = input.CreatedText,
                ["tools"] = new JsonObject { ["components"] = new JsonArray(new JsonObject { ["type"] = "application", ["name"] = "alignment-policy" }) },
                ["component"] = new JsonObject { ["type"] = "application", ["bom-ref"] = "agent", ["name"] = input.AgentName },
            },
            ["components"] = components,
            ["dependencies"] = new JsonArray(
                new JsonObject { ["ref"] = "agent", ["dependsOn"] = new JsonArray("model") },
                new JsonObject { ["ref"] = "model", ["dependsOn"] = dependsOn }),
        };
    }

    private static JsonArray Properties(params (string Name, string Value)[] properties)
        => new(properties.Select(p => (JsonNode)new JsonObject { ["name"] = p.Name, ["value"] = p.Value }).ToArray());
}
