using System.Text.Json.Nodes;
using AlignmentPolicy.Core.Provenance;

namespace AlignmentPolicy.Cli.Provenance;

/// <summary>
/// Croissant 1.0 with the Responsible AI vocabulary: one <c>sc:Dataset</c> per declared dataset, its files
/// as <c>cr:FileObject</c>s with SHA-256, and the <c>rai:</c> properties filled from the manifest
/// (collection, preprocessing, personal data, use cases, synthetic data).
/// </summary>
internal static class CroissantExporter
{
    public const string ConformsTo = "http://mlcommons.org/croissant/1.0";

    public static JsonObject Export(ProvenanceExportInput input, DatasetDeclaration dataset)
    {
        var distribution = new JsonArray();
        foreach (var file in input.FilesOf(dataset))
        {
            distribution.Add(new JsonObject
            {
                ["@type"] = "cr:FileObject",
                ["@id"] = file.File.RelativePath,
                ["name"] = file.File.RelativePath,
                ["contentUrl"] = file.File.RelativePath,
                ["encodingFormat"] = EncodingFormat(file.File.RelativePath),
                ["sha256"] = file.Digest,
            });
        }

        var document = new JsonObject
        {
            ["@context"] = Context(),
            ["@type"] = "sc:Dataset",
            ["name"] = dataset.Id,
            ["description"] = ProvenanceExportInput.Describe(dataset),
            ["conformsTo"] = ConformsTo,
            ["license"] = LicenseUrl(dataset.License),
            ["url"] = dataset.Source.Uri ?? $"urn:alignment-policy:{ProvenanceExportInput.Slug(input.AgentName)}:{dataset.Id}",
            ["creator"] = new JsonObject { ["@type"] = "sc:Organization", ["name"] = dataset.Source.Publisher ?? input.AgentName + " maintainers" },
            ["datePublished"] = dataset.Source.Collected ?? input.Created.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["keywords"] = new JsonArray(dataset.ContentClasses.Select(c => (JsonNode)JsonValue.Create(c.Name)!).ToArray()),
            ["distribution"] = distribution,
            ["rai:dataCollection"] = ProvenanceExportInput.Collection(dataset),
            ["rai:dataCollectionType"] = new JsonArray(CollectionType(dataset)),
            ["rai:dataUseCases"] = UseCase(dataset.Purpose),
        };
        var steps = ProvenanceExportInput.FilteringSteps(dataset).ToList();
        if (steps.Count > 0)
        {
            document["rai:dataPreprocessingProtocol"] = new JsonArray(steps.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray());
        }

        if (ProvenanceExportInput.PersonalData(dataset) is { } personal)
        {
            document["rai:personalSensitiveInformation"] = personal;
        }

        if (dataset.Synthetic is { } synthetic)
        {
            document["rai:machineAnnotationTools"] = new JsonArray(synthetic.GeneratorModel ?? "");
        }

        return document;
    }

    /// <summary>The recommended context of the Croissant 1.0 specification (Appendix 1), with the RAI namespace.</summary>
    public static JsonObject Context() => new()
    {
        ["@language"] = "en",
        ["@vocab"] = "https://schema.org/",
        ["citeAs"] = "cr:citeAs",
        ["column"] = "cr:column",
        ["conformsTo"] = "dct:conformsTo",
        ["cr"] = "http://mlcommons.org/croissant/",
        ["rai"] = "http://mlcommons.org/croissant/RAI/",
        ["data"] = new JsonObject { ["@id"] = "cr:data", ["@type"] = "@json" },
        ["dataType"] = new JsonObject { ["@id"] = "cr:dataType", ["@type"] = "@vocab" },
        ["dct"] = "http://purl.org/dc/terms/",
        ["examples"] = new JsonObject { ["@id"] = "cr:examples", ["@type"] = "@json" },
        ["extract"] = "cr:extract",
        ["field"] = "cr:field",
        ["fileProperty"] = "cr:fileProperty",
        ["fileObject"] = "cr:fileObject",
        ["fileSet"] = "cr:fileSet",
        ["format"] = "cr:format",
        ["includes"] = "cr:includes",
        ["isLiveDataset"] = "cr:isLiveDataset",
        ["jsonPath"] = "cr:jsonPath",
        ["key"] = "cr:key",
        ["md5"] = "cr:md5",
        ["parentField"] = "cr:parentField",
        ["path"] = "cr:path",
        ["recordSet"] = "cr:recordSet",
        ["references"] = "cr:references",
        ["regex"] = "cr:regex",
        ["repeated"] = "cr:repeated",
        ["replace"] = "cr:replace",
        ["sc"] = "https://schema.org/",
        ["separator"] = "cr:separator",
        ["source"] = "cr:source",
        ["subField"] = "cr:subField",
        ["transform"] = "cr:transform",
    };

    private static string LicenseUrl(string expression)
        => expression.IndexOfAny([' ', '(']) < 0 && !expression.StartsWith("LicenseRef-", StringComparison.Ordinal)
            ? $"https://spdx.org/licenses/{expression.TrimEnd('+')}.html"
            : expression;

    private static string CollectionType(DatasetDeclaration dataset) => dataset.Source.Kind switch
    {
        "synthetic" => "Software Collection",
        "public" => "Web Scraping",
        "user-contributed" => "Crowdsourcing",
        "licensed" or "vendor" => "Secondary Data Analysis",
        _ => "Manual Human Curation",
    };

    private static string UseCase(string purpose) => purpose switch
    {
        DatasetPurposes.FineTuning => "Fine-tuning the agent's model.",
        DatasetPurposes.Rag => "Retrieval-augmented generation: documents retrieved into the agent's context.",
        DatasetPurposes.Eval => "Evaluating the agent's behaviour; never used for training.",
        DatasetPurposes.FewShot => "Few-shot examples placed in the agent's prompts.",
        _ => "Synthetic stories used to train the model toward helpful, honest and harmless behaviour.",
    };

    private static string EncodingFormat(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jsonl" or ".ndjson" => "application/jsonlines",
        ".json" => "application/json",
        ".csv" => "text/csv",
        ".tsv" => "text/tab-separated-values",
        ".parquet" => "application/x-parquet",
        ".md" => "text/markdown",
        ".txt" => "text/plain",
        ".html" => "text/html",
        ".xml" => "application/xml",
        ".pdf" => "application/pdf",
        _ => "application/octet-stream",
    };
}
