using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Json;
using AlignmentPolicy.Core.Licensing;
using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Core.Provenance;

/// <summary>
/// Reads a parsed manifest into the model and reports every structural problem (unknown properties,
/// types, required fields per purpose, licence syntax, incomplete synthetic records) at its position.
/// Checks that need the policy or the file system are in <see cref="ProvenanceValidator"/>.
/// </summary>
internal sealed class ProvenanceManifestReader : PositionedReader
{
    internal static readonly Regex DatasetId = new(@"^[a-z0-9][a-z0-9._-]*\z", RegexOptions.CultureInvariant);
    internal static readonly Regex ContentClass = new(@"^[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant);
    internal static readonly Regex Sha256Hex = new(@"^[0-9a-f]{64}\z", RegexOptions.CultureInvariant);
    /// <summary>Dataset ids name files (one Croissant document per dataset): kept well below file-name limits.</summary>
    internal const int MaxDatasetIdLength = 100;

    private static readonly Regex s_date = new(@"^\d{4}-\d{2}-\d{2}\z", RegexOptions.CultureInvariant);

    public ProvenanceManifestReader(string file)
        : base(file)
    {
    }

    protected override BuildDiagnosticDescriptor WrongType => BuildDiagnosticIds.ProvenanceInvalidValue;

    public ProvenanceManifest Read(JsonNode root)
    {
        var manifest = new ProvenanceManifest();
        if (root is not JsonObject rootObject)
        {
            Report(BuildDiagnosticIds.ProvenanceInvalidValue, root.Span, $"The provenance manifest must be a JSON object ({{ \"version\": 1, \"datasets\": [ ... ] }}), not {Article(root)}.");
            return manifest;
        }

        var fields = ReadProperties(rootObject, "", "the manifest");
        if (fields.TryGetValue("$schema", out var schema))
        {
            ExpectString(schema.Value, "$schema");
        }

        if (!fields.TryGetValue("version", out var version))
        {
            ReportAt(BuildDiagnosticIds.ProvenanceMissingField, rootObject.Span,
                $"The manifest has no \"version\". Add \"version\": {ProvenanceManifest.CurrentVersion}.");
        }
        else if (ExpectInteger(version.Value, "version") is { } value)
        {
            if (value != ProvenanceManifest.CurrentVersion)
            {
                Report(BuildDiagnosticIds.ProvenanceInvalidValue, version.Value.Span,
                    $"Manifest version {value} is not supported; this version of AlignmentPolicy reads version {ProvenanceManifest.CurrentVersion}. Set \"version\": {ProvenanceManifest.CurrentVersion}, or update AlignmentPolicy.Build.");
            }
        }

        if (fields.TryGetValue("contamination", out var contamination) && ExpectObject(contamination.Value, "contamination") is { } contaminationObject)
        {
            var contaminationFields = ReadProperties(contaminationObject, "contamination", "'contamination'");
            manifest.ContaminationLines = ReadBoolean(contaminationFields, "lines", "contamination") ?? false;
        }

        var datasets = new List<DatasetDeclaration>();
        if (!fields.TryGetValue("datasets", out var datasetsProperty))
        {
            ReportAt(BuildDiagnosticIds.ProvenanceMissingField, rootObject.Span,
                "The manifest has no \"datasets\". List the project's datasets, or write \"datasets\": [] if it uses none.");
        }
        else if (ExpectArray(datasetsProperty.Value, "datasets") is { } array)
        {
            var ids = new Dictionary<string, DatasetDeclaration>(StringComparer.Ordinal);
            for (var i = 0; i < array.Items.Count; i++)
            {
                if (ExpectObject(array.Items[i], $"datasets[{i}]") is not { } obj)
                {
                    continue;
                }

                var dataset = ReadDataset(obj, $"datasets[{i}]");
                if (dataset.Id.Length > 0)
                {
                    if (ids.TryGetValue(dataset.Id, out var first))
                    {
                        Report(BuildDiagnosticIds.ProvenanceInvalidValue, dataset.IdSpan,
                            $"The dataset id \"{DisplayText.Of(dataset.Id)}\" is already used at line {first.IdSpan.Line}; give each dataset its own id.");
                    }
                    else
                    {
                        ids[dataset.Id] = dataset;
                    }
                }

                datasets.Add(dataset);
            }
        }

        manifest.Datasets = datasets;
        return manifest;
    }

    private DatasetDeclaration ReadDataset(JsonObject obj, string path)
    {
        var dataset = new DatasetDeclaration { Span = obj.Span };
        var fields = ReadProperties(obj, "datasets[]", $"'{path}'");

        if (Required(fields, "id", obj, path, "a unique id such as \"support-kb\"") is { } idProperty && ExpectString(idProperty.Value, path + ".id") is { } id)
        {
            dataset.IdSpan = id.Span;
            if (id.Value.Length > MaxDatasetIdLength)
            {
                Report(BuildDiagnosticIds.ProvenanceInvalidValue, id.Span,
                    $"The dataset id \"{DisplayText.Of(id.Value)}\" is too long: a dataset id names export files and has at most {MaxDatasetIdLength} characters.");
            }
            else if (!DatasetId.IsMatch(id.Value))
            {
                Report(BuildDiagnosticIds.ProvenanceInvalidValue, id.Span,
                    $"\"{DisplayText.Of(id.Value)}\" is not a valid dataset id: use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit (e.g. \"support-kb\").");
            }
            else
            {
                dataset.Id = id.Value;
            }
        }
        else
        {
            dataset.IdSpan = obj.Span;
        }

        var name = dataset.Id.Length > 0 ? $"the dataset \"{DisplayText.Of(dataset.Id)}\"" : $"'{path}'";
        if (Required(fields, "purpose", obj, path, $"one of {string.Join(", ", DatasetPurposes.All)}") is { } purposeProperty && ExpectString(purposeProperty.Value, path + ".purpose") is { } purpose)
        {
            if (!DatasetPurposes.All.Contains(purpose.Value))
            {
                Report(BuildDiagnosticIds.ProvenanceInvalidValue, purpose.Span,
                    $"\"{DisplayText.Of(purpose.Value)}\" is not a dataset purpose.{NameSuggester.Hint(purpose.Value, DatasetPurposes.All)} Use one of: {string.Join(", ", DatasetPurposes.All)}.");
            }
            else
            {
                dataset.Purpose = purpose.Value;
            }
        }

        if (fields.TryGetValue("description", out var description) && ExpectString(description.Value, path + ".description") is { } descriptionValue)
        {
            dataset.Description = descriptionValue.Value;
        }

        if (Required(fields, "source", obj, path, "{ \"kind\": \"internal\", \"uri\": \"...\", \"collected\": \"2026-05-01\" }") is { } sourceProperty && ExpectObject(sourceProperty.Value, path + ".source") is { } sourceObject)
        {
            dataset.Source = ReadSource(sourceObject, path + ".source");
        }

        if (Required(fields, "license", obj, path, "an SPDX licence expression such as \"CC-BY-4.0\"") is { } licenseProperty && ExpectString(licenseProperty.Value, path + ".license") is { } license)
        {
            dataset.License = license.Value;
            dataset.LicenseSpan = license.Span;
            if (SpdxExpression.TryParse(license.Value, out var expression, out var error))
            {
                dataset.LicenseExpression = expression;
            }
            else
            {
                var column = license.HasEscapes ? license.Span.Column : license.Span.Column + 1 + error!.Index;
                ReportAt(BuildDiagnosticIds.ProvenanceInvalidLicense, license.Span.Line, column,
                    $"\"{DisplayText.Of(license.Value)}\" in '{path}.license' is not a valid SPDX licence expression: {error!.Message}.");
            }
        }

        if (Required(fields, "files", obj, path, "[{ \"path\": \"data/file.jsonl\" }] (then run 'alignment-policy provenance hash')") is { } filesProperty && ExpectArray(filesProperty.Value, path + ".files") is { } files)
        {
            if (files.Items.Count == 0)
            {
                Report(BuildDiagnosticIds.ProvenanceMissingField, files.Span, $"{Capitalize(name)} lists no files; declare at least one path or glob.");
            }

            var list = new List<DatasetFile>();
            for (var i = 0; i < files.Items.Count; i++)
            {
                if (ExpectObject(files.Items[i], $"{path}.files[{i}]") is { } fileObject && ReadFile(fileObject, $"{path}.files[{i}]") is { } file)
                {
                    list.Add(file);
                }
            }

            dataset.Files = list;
        }

        if (fields.TryGetValue("contentClasses", out var classesProperty))
        {
            var classes = new List<(string, SourceSpan)>();
            foreach (var (item, itemPath) in StringArray(classesProperty, path + ".contentClasses"))
            {
                if (!ContentClass.IsMatch(item.Value))
                {
                    Report(BuildDiagnosticIds.ProvenanceInvalidValue, item.Span,
                        $"\"{DisplayText.Of(item.Value)}\" in '{itemPath}' is not a valid content class: use lower-case letters, digits and hyphens (e.g. \"product-docs\").");
                }
                else
                {
                    classes.Add((item.Value, item.Span));
                }
            }

            dataset.ContentClasses = classes;
        }
        else if (DatasetPurposes.ShapesBehaviour(dataset.Purpose))
        {
            ReportAt(BuildDiagnosticIds.ProvenanceMissingField, obj.Span,
                $"{Capitalize(name)} ({dataset.Purpose}) has no \"contentClasses\": say what kinds of content it holds (e.g. [\"product-docs\"]) so the policy's denied classes can be checked.");
        }

        if (fields.TryGetValue("filtering", out var filteringProperty) && ExpectArray(filteringProperty.Value, path + ".filtering") is { } filtering)
        {
            var steps = new List<FilteringStep>();
            for (var i = 0; i < filtering.Items.Count; i++)
            {
                var stepPath = $"{path}.filtering[{i}]";
                if (ExpectObject(filtering.Items[i], stepPath) is not { } stepObject)
                {
                    continue;
                }

                var stepFields = ReadProperties(stepObject, "datasets[].filtering[]", $"'{stepPath}'");
                var step = new FilteringStep();
                if (Required(stepFields, "step", stepObject, stepPath, "what the step is, e.g. \"classifier\"") is { } stepName && ExpectString(stepName.Value, stepPath + ".step") is { } stepValue)
                {
                    step.Step = stepValue.Value;
                }

                step.Removes = StringArray(stepFields.TryGetValue("removes", out var removes) ? removes : null, stepPath + ".removes").Select(x => x.Item.Value).ToList();
                step.RemovedFraction = ReadFraction(stepFields, "removedFraction", stepPath);
                steps.Add(step);
            }

            dataset.Filtering = steps;
        }

        if (fields.TryGetValue("synthetic", out var syntheticProperty) && syntheticProperty.Value is not JsonNull
            && ExpectObject(syntheticProperty.Value, path + ".synthetic") is { } syntheticObject)
        {
            dataset.Synthetic = ReadSynthetic(syntheticObject, path + ".synthetic", name);
        }
        else if (dataset.Purpose == DatasetPurposes.SyntheticStories || dataset.Source.Kind == "synthetic")
        {
            var at = fields.TryGetValue("synthetic", out var nullSynthetic) ? nullSynthetic.Value.Span : obj.Span;
            ReportAt(BuildDiagnosticIds.ProvenanceIncompleteSynthetic, at,
                $"{Capitalize(name)} is synthetic but has no \"synthetic\" record: add {{ \"generatorModel\": ..., \"promptTemplate\": ..., \"seed\": ..., \"count\": ..., \"reviewedFraction\": ... }}.");
        }

        if (fields.TryGetValue("personalData", out var personalProperty) && ExpectObject(personalProperty.Value, path + ".personalData") is { } personalObject)
        {
            var personalFields = ReadProperties(personalObject, "datasets[].personalData", $"'{path}.personalData'");
            var statement = new PersonalDataStatement();
            if (Required(personalFields, "contains", personalObject, path + ".personalData", "true or false") is { })
            {
                statement.Contains = ReadBoolean(personalFields, "contains", path + ".personalData") ?? false;
            }

            if (personalFields.TryGetValue("statement", out var text) && ExpectString(text.Value, path + ".personalData.statement") is { } textValue && textValue.Value.Trim().Length > 0)
            {
                statement.Statement = textValue.Value;
            }

            if (statement.Contains && statement.Statement is null)
            {
                ReportAt(BuildDiagnosticIds.ProvenancePersonalDataMissing, personalObject.Span,
                    $"{Capitalize(name)} contains personal data but says nothing of how it is handled: add \"statement\" (legal basis, consent, anonymisation, retention).");
            }

            dataset.PersonalData = statement;
        }

        return dataset;
    }

    private DatasetSource ReadSource(JsonObject obj, string path)
    {
        var fields = ReadProperties(obj, "datasets[].source", $"'{path}'");
        var source = new DatasetSource();
        if (Required(fields, "kind", obj, path, $"one of {string.Join(", ", DatasetSourceKinds.All)}") is { } kindProperty && ExpectString(kindProperty.Value, path + ".kind") is { } kind)
        {
            if (!DatasetSourceKinds.All.Contains(kind.Value))
            {
                Report(BuildDiagnosticIds.ProvenanceInvalidValue, kind.Span,
                    $"\"{DisplayText.Of(kind.Value)}\" is not a source kind.{NameSuggester.Hint(kind.Value, DatasetSourceKinds.All)} Use one of: {string.Join(", ", DatasetSourceKinds.All)}.");
            }
            else
            {
                source.Kind = kind.Value;
            }
        }

        if (fields.TryGetValue("uri", out var uri) && ExpectString(uri.Value, path + ".uri") is { } uriValue)
        {
            if (!Uri.TryCreate(uriValue.Value, UriKind.Absolute, out _))
            {
                Report(BuildDiagnosticIds.ProvenanceInvalidValue, uriValue.Span, $"\"{DisplayText.Of(uriValue.Value)}\" in '{path}.uri' is not an absolute URI (e.g. \"https://wiki.contoso.example/kb\").");
            }
            else
            {
                source.Uri = uriValue.Value;
            }
        }
        else if (DatasetSourceKinds.IsExternal(source.Kind) && !fields.ContainsKey("uri"))
        {
            ReportAt(BuildDiagnosticIds.ProvenanceMissingField, obj.Span, $"'{path}' is of kind \"{source.Kind}\" but has no \"uri\": say where the data was obtained.");
        }

        if (fields.TryGetValue("collected", out var collected) && ExpectString(collected.Value, path + ".collected") is { } collectedValue)
        {
            if (!s_date.IsMatch(collectedValue.Value) || !DateTime.TryParseExact(collectedValue.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                Report(BuildDiagnosticIds.ProvenanceInvalidValue, collectedValue.Span, $"\"{DisplayText.Of(collectedValue.Value)}\" in '{path}.collected' is not a date: write YYYY-MM-DD, e.g. \"2026-05-01\".");
            }
            else
            {
                source.Collected = collectedValue.Value;
            }
        }

        if (fields.TryGetValue("publisher", out var publisher) && ExpectString(publisher.Value, path + ".publisher") is { } publisherValue)
        {
            source.Publisher = publisherValue.Value;
        }

        return source;
    }

    private DatasetFile? ReadFile(JsonObject obj, string path)
    {
        var fields = ReadProperties(obj, "datasets[].files[]", $"'{path}'");
        var file = new DatasetFile { Span = obj.Span, Node = obj };
        if (Required(fields, "path", obj, path, "a path relative to the manifest, e.g. \"data/kb/articles.jsonl\", or a glob such as \"data/kb/**/*.md\"") is not { } pathProperty
            || ExpectString(pathProperty.Value, path + ".path") is not { } pathValue)
        {
            return null;
        }

        file.Path = pathValue.Value;
        file.PathSpan = pathValue.Span;
        if (DatasetPaths.CheckSyntax(pathValue.Value) is { } problem)
        {
            Report(BuildDiagnosticIds.ProvenanceInvalidValue, pathValue.Span, $"\"{DisplayText.Of(pathValue.Value)}\" in '{path}.path' is not a valid path: {problem}.");
            return null;
        }

        if (!fields.TryGetValue("sha256", out var digest))
        {
            return file;
        }

        file.Sha256Span = digest.Value.Span;
        if (file.IsGlob)
        {
            if (digest.Value is not JsonObject map)
            {
                Report(BuildDiagnosticIds.ProvenanceInvalidValue, digest.Value.Span,
                    $"'{path}.sha256' of the glob \"{DisplayText.Of(file.Path)}\" must be an object mapping each matched file to its digest; run 'alignment-policy provenance hash' to fill it in.");
                return file;
            }

            var digests = new Dictionary<string, string>(StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in map.Properties)
            {
                if (!seen.Add(entry.Name))
                {
                    Report(BuildDiagnosticIds.ProvenanceUnknownProperty, entry.NameSpan, $"\"{DisplayText.Of(entry.Name)}\" is listed twice in '{path}.sha256'; remove one.");
                    continue;
                }

                if (ExpectDigest(entry.Value, $"{path}.sha256[\"{DisplayText.Of(entry.Name)}\"]") is { } value)
                {
                    digests[entry.Name.Replace('\\', '/')] = value;
                }
            }

            file.GlobSha256 = digests;
        }
        else
        {
            file.Sha256 = ExpectDigest(digest.Value, path + ".sha256");
        }

        return file;
    }

    private SyntheticRecord ReadSynthetic(JsonObject obj, string path, string name)
    {
        var fields = ReadProperties(obj, "datasets[].synthetic", $"'{path}'");
        var record = new SyntheticRecord { Span = obj.Span, Node = obj };
        var missing = new List<string>();

        if (fields.TryGetValue("generatorModel", out var model) && ExpectString(model.Value, path + ".generatorModel") is { } modelValue && modelValue.Value.Trim().Length > 0)
        {
            record.GeneratorModel = modelValue.Value;
        }
        else if (model is null || model.Value is JsonString)
        {
            missing.Add("\"generatorModel\" (the model that wrote the data)");
        }

        if (fields.TryGetValue("promptTemplate", out var template) && ExpectString(template.Value, path + ".promptTemplate") is { } templateValue)
        {
            if (DatasetPaths.CheckSyntax(templateValue.Value) is { } problem)
            {
                Report(BuildDiagnosticIds.ProvenanceInvalidValue, templateValue.Span, $"\"{DisplayText.Of(templateValue.Value)}\" in '{path}.promptTemplate' is not a valid path: {problem}.");
            }
            else if (templateValue.Value.IndexOfAny(new[] { '*', '?' }) >= 0)
            {
                Report(BuildDiagnosticIds.ProvenanceIncompleteSynthetic, templateValue.Span, $"'{path}.promptTemplate' must name one file, not a glob.");
            }
            else
            {
                record.PromptTemplate = templateValue.Value;
                record.PromptTemplateSpan = templateValue.Span;
            }
        }
        else if (template is null)
        {
            missing.Add("\"promptTemplate\" (the prompt template file)");
        }

        if (fields.TryGetValue("promptTemplateSha256", out var templateDigest))
        {
            record.PromptTemplateSha256 = ExpectDigest(templateDigest.Value, path + ".promptTemplateSha256");
            record.PromptTemplateSha256Span = templateDigest.Value.Span;
        }

        if (fields.TryGetValue("seed", out var seed))
        {
            record.Seed = ExpectLong(seed.Value, path + ".seed", 0);
        }
        else
        {
            missing.Add("\"seed\"");
        }

        if (fields.TryGetValue("count", out var count))
        {
            record.Count = ExpectLong(count.Value, path + ".count", 1);
        }
        else
        {
            missing.Add("\"count\" (how many records were generated)");
        }

        if (fields.ContainsKey("reviewedFraction"))
        {
            record.ReviewedFraction = ReadFraction(fields, "reviewedFraction", path);
        }
        else
        {
            missing.Add("\"reviewedFraction\" (the share people reviewed, 0 to 1)");
        }

        if (missing.Count > 0)
        {
            ReportAt(BuildDiagnosticIds.ProvenanceIncompleteSynthetic, obj.Span,
                $"The synthetic record of {name} is incomplete: add {string.Join(", ", missing)}.");
        }

        return record;
    }

    // ----- generic readers -----

    private JsonProperty? Required(Dictionary<string, JsonProperty> fields, string name, JsonObject owner, string path, string example)
    {
        if (fields.TryGetValue(name, out var property))
        {
            return property;
        }

        ReportAt(BuildDiagnosticIds.ProvenanceMissingField, owner.Span, $"'{path}' has no \"{name}\": add {example}.");
        return null;
    }

    private Dictionary<string, JsonProperty> ReadProperties(JsonObject obj, string shape, string displayName)
    {
        var known = ProvenanceShape.Objects[shape];
        var result = new Dictionary<string, JsonProperty>(StringComparer.Ordinal);
        foreach (var property in obj.Properties)
        {
            if (result.TryGetValue(property.Name, out var first))
            {
                Report(BuildDiagnosticIds.ProvenanceUnknownProperty, property.NameSpan,
                    $"\"{DisplayText.Of(property.Name)}\" is already set at line {first.NameSpan.Line} in {displayName}; JSON readers disagree on which value wins, so remove one of them.");
                continue;
            }

            if (!known.Contains(property.Name))
            {
                Report(BuildDiagnosticIds.ProvenanceUnknownProperty, property.NameSpan,
                    $"\"{DisplayText.Of(property.Name)}\" is not a property of {displayName}.{NameSuggester.Hint(property.Name, known)} Allowed: {string.Join(", ", known.Where(k => k != "$schema"))}.");
                result[property.Name] = property;
                continue;
            }

            result[property.Name] = property;
        }

        foreach (var unknown in result.Keys.Where(k => !known.Contains(k)).ToList())
        {
            result.Remove(unknown);
        }

        return result;
    }

    private IEnumerable<(JsonString Item, string Path)> StringArray(JsonProperty? property, string path)
    {
        if (property is null)
        {
            yield break;
        }

        if (property.Value is JsonString single)
        {
            Report(BuildDiagnosticIds.ProvenanceInvalidValue, single.Span, $"'{path}' must be an array of strings; write [\"{DisplayText.Of(single.Value)}\"].");
            yield break;
        }

        if (ExpectArray(property.Value, path) is not { } array)
        {
            yield break;
        }

        for (var i = 0; i < array.Items.Count; i++)
        {
            if (ExpectString(array.Items[i], $"{path}[{i}]") is { } item)
            {
                yield return (item, $"{path}[{i}]");
            }
        }
    }

    private bool? ReadBoolean(Dictionary<string, JsonProperty> fields, string name, string path)
    {
        if (!fields.TryGetValue(name, out var property))
        {
            return null;
        }

        if (property.Value is JsonBoolean boolean)
        {
            return boolean.Value;
        }

        Report(BuildDiagnosticIds.ProvenanceInvalidValue, property.Value.Span, $"'{path}.{name}' must be true or false, not {Article(property.Value)}.");
        return null;
    }

    private double? ReadFraction(Dictionary<string, JsonProperty> fields, string name, string path)
    {
        if (!fields.TryGetValue(name, out var property))
        {
            return null;
        }

        if (property.Value is not JsonNumber number)
        {
            Report(BuildDiagnosticIds.ProvenanceInvalidValue, property.Value.Span, $"'{path}.{name}' must be a number between 0 and 1, not {Article(property.Value)}.");
            return null;
        }

        if (number.Value < 0 || number.Value > 1)
        {
            var hint = number.Value > 1 && number.Value <= 100 ? $" If you meant {DisplayText.Of(number.Text)}%, write {(number.Value / 100).ToString(CultureInfo.InvariantCulture)}." : "";
            Report(BuildDiagnosticIds.ProvenanceInvalidValue, number.Span, $"'{path}.{name}' is {DisplayText.Of(number.Text)}, but a fraction must be between 0 and 1.{hint}");
            return null;
        }

        return number.Value;
    }

    private string? ExpectDigest(JsonNode node, string path)
    {
        if (ExpectString(node, path) is not { } value)
        {
            return null;
        }

        if (!Sha256Hex.IsMatch(value.Value))
        {
            var hint = Sha256Hex.IsMatch(value.Value.ToLowerInvariant()) ? " Write it in lower case." : " Run 'alignment-policy provenance hash' to compute it.";
            Report(BuildDiagnosticIds.ProvenanceInvalidValue, value.Span, $"'{path}' must be a SHA-256 digest: 64 lower-case hexadecimal digits.{hint}");
            return null;
        }

        return value.Value;
    }

    private long? ExpectLong(JsonNode node, string path, long min)
    {
        if (node is JsonNumber { IsInteger: true } number && number.Value >= min && number.Value <= 9007199254740991d)
        {
            return (long)number.Value;
        }

        Report(BuildDiagnosticIds.ProvenanceInvalidValue, node.Span, $"'{path}' must be a whole number of at least {min}, not {Article(node)}.");
        return null;
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text.Substring(1);

    /// <summary>Reports at the start of a span only (an object's opening brace), not its whole extent.</summary>
    private void ReportAt(BuildDiagnosticDescriptor descriptor, SourceSpan span, string message)
        => ReportAt(descriptor, span.Line, span.Column, message);
}
