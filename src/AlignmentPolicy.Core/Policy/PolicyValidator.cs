using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Json;
using AlignmentPolicy.Core.Licensing;
using AlignmentPolicy.Core.Policy.Inheritance;

namespace AlignmentPolicy.Core.Policy;

/// <summary>Walks a parsed policy, reads the known fields into the model and reports every problem with its position.</summary>
internal sealed class PolicyValidator : PositionedReader
{
    private static readonly Regex s_categoryName = new(@"^[a-z][a-z0-9]*(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant);
    private static readonly Regex s_contentClass = new(@"^[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant);
    private static readonly Regex s_nugetSuite = new(@"^nuget:(?<id>[A-Za-z0-9_]+([.-][A-Za-z0-9_]+)*)@(?<version>[0-9]+(\.[0-9]+){1,3}(-[0-9A-Za-z.-]+)?)\z", RegexOptions.CultureInvariant);

    private readonly PolicyInheritance? _inheritance;

    /// <param name="file">The file, for diagnostics.</param>
    /// <param name="inheritance">What the policy it extends defines, or null when it extends none.</param>
    public PolicyValidator(string file, PolicyInheritance? inheritance = null)
        : base(file)
    {
        _inheritance = inheritance;
    }

    /// <summary>Every problem, in file order.</summary>
    public IReadOnlyList<BuildDiagnostic> SortedDiagnostics => Diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList();

    protected override BuildDiagnosticDescriptor WrongType => BuildDiagnosticIds.PolicyWrongType;

    public AlignmentPolicyDocument Validate(JsonNode root)
    {
        var policy = new AlignmentPolicyDocument();
        if (root is not JsonObject rootObject)
        {
            Report(BuildDiagnosticIds.PolicyWrongType, root.Span, $"The policy must be a JSON object ({{ ... }}), not {Article(root)}.");
            return policy;
        }

        var properties = ReadProperties(rootObject, "");
        if (properties.TryGetValue("$schema", out var schema))
        {
            ExpectString(schema.Value, "$schema");
        }

        if (properties.TryGetValue("extends", out var extends))
        {
            // Its form and its target are checked where the base is loaded (ALN0319-ALN0323).
            ExpectString(extends.Value, "extends");
        }

        if (properties.TryGetValue("version", out var version))
        {
            if (ExpectInteger(version.Value, "version") is { } value)
            {
                if (value != AlignmentPolicyDocument.CurrentVersion)
                {
                    Report(BuildDiagnosticIds.PolicyUnsupportedVersion, version.Value.Span,
                        $"Policy version {value} is not supported by this version of AlignmentPolicy, which reads version {AlignmentPolicyDocument.CurrentVersion}. Set \"version\": {AlignmentPolicyDocument.CurrentVersion}, or update the AlignmentPolicy.Build package.");
                }
                else
                {
                    policy.Version = value;
                }
            }
        }
        else
        {
            ReportAt(BuildDiagnosticIds.PolicyMissingProperty, rootObject.Span.Line, rootObject.Span.Column,
                $"The policy has no \"version\". Add \"version\": {AlignmentPolicyDocument.CurrentVersion} so that later formats can be told apart.");
        }

        if (properties.TryGetValue("agents", out var agents) && ExpectObject(agents.Value, "agents") is { } agentsObject)
        {
            ReadAgents(agentsObject, policy.Agents);
        }

        if (properties.TryGetValue("gates", out var gates) && ExpectObject(gates.Value, "gates") is { } gatesObject)
        {
            ReadGates(gatesObject, policy.Gates);
        }

        if (properties.TryGetValue("sideEffects", out var sideEffects) && ExpectObject(sideEffects.Value, "sideEffects") is { } sideEffectsObject)
        {
            ReadSideEffects(sideEffectsObject, policy.SideEffects);
        }

        if (properties.TryGetValue("analyzers", out var analyzers) && ExpectObject(analyzers.Value, "analyzers") is { } analyzersObject)
        {
            ReadAnalyzers(analyzersObject, policy.Analyzers);
        }

        if (properties.TryGetValue("provenance", out var provenance) && ExpectObject(provenance.Value, "provenance") is { } provenanceObject)
        {
            ReadProvenance(provenanceObject, policy.Provenance);
        }

        if (properties.TryGetValue("evals", out var evals) && ExpectObject(evals.Value, "evals") is { } evalsObject)
        {
            ReadEvals(evalsObject, policy.Evals);
        }

        if (properties.TryGetValue("suppressions", out var suppressions) && ExpectObject(suppressions.Value, "suppressions") is { } suppressionsObject)
        {
            var fields = ReadProperties(suppressionsObject, "suppressions");
            policy.Suppressions.RequireJustification = ReadBoolean(fields, "requireJustification", "suppressions") ?? policy.Suppressions.RequireJustification;
        }

        return policy;
    }

    private void ReadAgents(JsonObject obj, AgentsSection section)
    {
        var fields = ReadProperties(obj, "agents");
        section.AutoDetect = ReadBoolean(fields, "autoDetect", "agents") ?? section.AutoDetect;
        section.Include = ReadPatterns(fields, "include");
        section.Exclude = ReadPatterns(fields, "exclude");
    }

    private IReadOnlyList<string> ReadPatterns(Dictionary<string, JsonProperty> fields, string name)
    {
        var result = new List<string>();
        foreach (var (item, path) in ReadStringArray(fields, name, "agents"))
        {
            if (PathPattern.Check(item.Value) is { } problem)
            {
                Report(BuildDiagnosticIds.PolicyInvalidPattern, item.Span, $"The pattern \"{DisplayText.Of(item.Value)}\" in '{path}' is invalid: {problem}.");
            }
            else
            {
                result.Add(item.Value);
            }
        }

        return result;
    }

    private void ReadGates(JsonObject obj, GatesSection section)
    {
        var fields = ReadProperties(obj, "gates");
        var types = new List<string>();
        foreach (var (item, path) in ReadStringArray(fields, "additionalGateTypes", "gates"))
        {
            if (TypeNameSyntax.Check(item.Value) is { } problem)
            {
                Report(BuildDiagnosticIds.PolicyInvalidTypeName, item.Span, $"\"{DisplayText.Of(item.Value)}\" in '{path}' is not a fully qualified type name: {problem}.");
            }
            else
            {
                types.Add(item.Value);
            }
        }

        section.AdditionalGateTypes = types;
    }

    private void ReadSideEffects(JsonObject obj, SideEffectsSection section)
    {
        var fields = ReadProperties(obj, "sideEffects");
        if (fields.ContainsKey("catalogues"))
        {
            var catalogues = new List<string>();
            var known = BuiltinNames.Catalogues.ToList();
            foreach (var (item, path) in ReadStringArray(fields, "catalogues", "sideEffects"))
            {
                if (!known.Contains(item.Value))
                {
                    Report(BuildDiagnosticIds.PolicyUnknownCatalogue, item.Span,
                        $"'{path}' names the catalogue \"{DisplayText.Of(item.Value)}\", which does not exist.{NameSuggester.Hint(item.Value, known)} Known catalogues: \"builtin\" (every built-in category) or \"builtin:<category>\" ({string.Join(", ", BuiltinNames.SideEffectCategories)}); add your own APIs under \"sideEffects.custom\".");
                }
                else
                {
                    catalogues.Add(item.Value);
                }
            }

            section.Catalogues = catalogues;
        }

        var custom = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (fields.TryGetValue("custom", out var customProperty) && ExpectObject(customProperty.Value, "sideEffects.custom") is { } customObject)
        {
            foreach (var category in ReadMap(customObject, "sideEffects.custom"))
            {
                var categoryPath = "sideEffects.custom." + DisplayText.Of(category.Name);
                if (!s_categoryName.IsMatch(category.Name))
                {
                    Report(BuildDiagnosticIds.PolicyInvalidValue, category.NameSpan,
                        $"\"{DisplayText.Of(category.Name)}\" is not a valid side-effect category name: use lower-case letters, digits and hyphens, starting with a letter (e.g. \"payments\").");
                    continue;
                }

                var ids = new List<string>();
                if (ExpectArray(category.Value, categoryPath) is { } idArray)
                {
                    for (var i = 0; i < idArray.Items.Count; i++)
                    {
                        var itemPath = $"{categoryPath}[{i}]";
                        if (ExpectString(idArray.Items[i], itemPath) is not { } id)
                        {
                            continue;
                        }

                        if (DocumentationCommentIdSyntax.Check(id.Value) is { } problem)
                        {
                            var column = id.HasEscapes ? id.Span.Column : id.Span.Column + 1 + problem.Index;
                            ReportAt(BuildDiagnosticIds.PolicyMalformedDocumentationId, id.Span.Line, column,
                                $"\"{DisplayText.Of(id.Value)}\" in '{itemPath}' is not a valid documentation-comment ID: {problem.Message}. Write it as in BannedSymbols.txt, e.g. \"M:Contoso.Payments.PaymentClient.Charge(System.Decimal)\".");
                        }
                        else
                        {
                            ids.Add(id.Value);
                        }
                    }
                }

                custom[category.Name] = ids;
            }
        }

        section.Custom = custom;

        var oversight = new List<string>();
        foreach (var (item, path) in ReadStringArray(fields, "oversightPaths", "sideEffects"))
        {
            if (PathPattern.Check(item.Value) is { } problem)
            {
                Report(BuildDiagnosticIds.PolicyInvalidPattern, item.Span, $"The pattern \"{DisplayText.Of(item.Value)}\" in '{path}' is invalid: {problem}.");
            }
            else
            {
                oversight.Add(item.Value);
            }
        }

        section.OversightPaths = oversight;

        var severity = new Dictionary<string, string>(StringComparer.Ordinal);
        if (fields.TryGetValue("severity", out var severityProperty) && ExpectObject(severityProperty.Value, "sideEffects.severity") is { } severityObject)
        {
            var categories = BuiltinNames.SideEffectCategories.Concat(custom.Keys).Distinct().ToList();
            foreach (var entry in ReadMap(severityObject, "sideEffects.severity"))
            {
                var entryPath = "sideEffects.severity." + DisplayText.Of(entry.Name);
                var knownCategory = categories.Contains(entry.Name) || _inheritance?.DefinesCategory(entry.Name) == true;
                if (!knownCategory)
                {
                    // A former runtime name ("file-write") names the category it became.
                    var current = AlignmentPolicy.Vocabulary.SideEffectVocabulary.Canonical(entry.Name);
                    var hint = current != entry.Name ? $" \"{DisplayText.Of(entry.Name)}\" is now \"{current}\"." : NameSuggester.Hint(entry.Name, categories);
                    Report(BuildDiagnosticIds.PolicyInvalidValue, entry.NameSpan,
                        $"'sideEffects.severity' names the category \"{DisplayText.Of(entry.Name)}\", which is neither built in nor defined under \"sideEffects.custom\".{hint} Built-in categories: {string.Join(", ", BuiltinNames.SideEffectCategories)}.");
                }

                if (ExpectString(entry.Value, entryPath) is not { } level)
                {
                    continue;
                }

                if (!BuiltinNames.Severities.Contains(level.Value))
                {
                    Report(BuildDiagnosticIds.PolicyInvalidValue, level.Span,
                        $"\"{DisplayText.Of(level.Value)}\" is not a severity for '{entryPath}'.{NameSuggester.Hint(level.Value, BuiltinNames.Severities)} Use one of: {string.Join(", ", BuiltinNames.Severities)}.");
                }
                else if (knownCategory)
                {
                    severity[entry.Name] = level.Value;
                }
            }
        }

        section.Severity = severity;
    }

    private void ReadAnalyzers(JsonObject obj, AnalyzersSection section)
    {
        var fields = ReadProperties(obj, "analyzers");
        if (fields.TryGetValue("unknownOrigin", out var unknown) && ExpectString(unknown.Value, "analyzers.unknownOrigin") is { } level)
        {
            if (BuiltinNames.Severities.Contains(level.Value))
            {
                section.UnknownOrigin = level.Value;
            }
            else
            {
                Report(BuildDiagnosticIds.PolicyInvalidValue, level.Span,
                    $"\"{DisplayText.Of(level.Value)}\" is not a severity for 'analyzers.unknownOrigin'.{NameSuggester.Hint(level.Value, BuiltinNames.Severities)} Use one of: {string.Join(", ", BuiltinNames.Severities)}.");
            }
        }

        if (fields.TryGetValue("maxCallDepth", out var depth) && ExpectInteger(depth.Value, "analyzers.maxCallDepth") is { } value)
        {
            if (value < 1 || value > 20)
            {
                Report(BuildDiagnosticIds.PolicyNumberOutOfRange, depth.Value.Span, $"'analyzers.maxCallDepth' is {value}, but it must be between 1 and 20 (default 5).");
            }
            else
            {
                section.MaxCallDepth = value;
            }
        }
    }

    private void ReadProvenance(JsonObject obj, ProvenanceSection section)
    {
        var fields = ReadProperties(obj, "provenance");
        section.Required = ReadBoolean(fields, "required", "provenance") ?? section.Required;
        section.RequirePersonalDataStatement = ReadBoolean(fields, "requirePersonalDataStatement", "provenance") ?? section.RequirePersonalDataStatement;

        var licenses = new List<string>();
        foreach (var (item, path) in ReadStringArray(fields, "allowedLicenses", "provenance"))
        {
            if (SpdxLicenseList.TryGet(item.Value, out var entry))
            {
                if (entry.IsDeprecated)
                {
                    Report(BuildDiagnosticIds.PolicyDeprecatedLicense, item.Span, BuildSeverity.Warning,
                        $"\"{DisplayText.Of(item.Value)}\" in '{path}' is a deprecated SPDX licence id; use its current form (for example \"GPL-2.0-only\" or \"GPL-2.0-or-later\" instead of \"GPL-2.0\").");
                }

                licenses.Add(item.Value);
            }
            else if (SpdxLicenseList.IsLicenseRef(item.Value))
            {
                licenses.Add(item.Value);
            }
            else
            {
                var caseMatch = SpdxLicenseList.FindIgnoringCase(item.Value);
                var hint = caseMatch is not null ? $" SPDX ids are case-sensitive: write \"{caseMatch}\"." : NameSuggester.Hint(item.Value, SpdxLicenseList.Ids);
                Report(BuildDiagnosticIds.PolicyUnknownLicense, item.Span,
                    $"\"{DisplayText.Of(item.Value)}\" in '{path}' is not an SPDX licence identifier.{hint} See https://spdx.org/licenses/ for the list, or use \"LicenseRef-<name>\" for a licence of your own.");
            }
        }

        section.AllowedLicenses = licenses;

        var classes = new List<string>();
        foreach (var (item, path) in ReadStringArray(fields, "deniedContentClasses", "provenance"))
        {
            if (!s_contentClass.IsMatch(item.Value))
            {
                Report(BuildDiagnosticIds.PolicyInvalidValue, item.Span,
                    $"\"{DisplayText.Of(item.Value)}\" in '{path}' is not a valid content class: use lower-case letters, digits and hyphens (e.g. \"ai-self-preservation-fiction\").");
            }
            else
            {
                classes.Add(item.Value);
            }
        }

        section.DeniedContentClasses = classes;
    }

    private void ReadEvals(JsonObject obj, EvalsSection section)
    {
        var fields = ReadProperties(obj, "evals");
        section.RunOnPack = ReadBoolean(fields, "runOnPack", "evals") ?? section.RunOnPack;
        if (!fields.TryGetValue("required", out var requiredProperty) || ExpectArray(requiredProperty.Value, "evals.required") is not { } required)
        {
            return;
        }

        var requirements = new List<EvalRequirement>();
        var seenSuites = new Dictionary<string, JsonString>(StringComparer.Ordinal);
        for (var i = 0; i < required.Items.Count; i++)
        {
            var path = $"evals.required[{i}]";
            if (ExpectObject(required.Items[i], path) is not { } entry)
            {
                continue;
            }

            var entryFields = ReadProperties(entry, "evals.required[]", path);
            var requirement = new EvalRequirement { Line = entry.Span.Line, Column = entry.Span.Column };
            var valid = true;

            if (!entryFields.TryGetValue("suite", out var suiteProperty))
            {
                ReportAt(BuildDiagnosticIds.PolicyMissingProperty, entry.Span.Line, entry.Span.Column,
                    $"'{path}' has no \"suite\". Name the suite to run, e.g. \"builtin:coercion\".");
                valid = false;
            }
            else if (ExpectString(suiteProperty.Value, path + ".suite") is { } suite)
            {
                valid &= CheckSuite(suite, path + ".suite");
                requirement.Suite = suite.Value;
                if (seenSuites.TryGetValue(suite.Value, out var first))
                {
                    Report(BuildDiagnosticIds.PolicyInvalidValue, suite.Span,
                        $"The suite \"{DisplayText.Of(suite.Value)}\" is already required at line {first.Span.Line}; list each suite once.");
                }
                else
                {
                    seenSuites[suite.Value] = suite;
                }
            }
            else
            {
                valid = false;
            }

            requirement.MaxRate = ReadNumber(entryFields, "maxRate", path, 0, 1, exclusive: false, "a rate must be between 0 and 1 (0.05 means 5%)");
            requirement.MaxGap = ReadNumber(entryFields, "maxGap", path, 0, 1, exclusive: false, "a gap between two rates must be between 0 and 1");
            requirement.MaxBlockedRate = ReadNumber(entryFields, "maxBlockedRate", path, 0, 1, exclusive: false, "a blocked rate must be between 0 and 1 (0.02 means 2% of legitimate actions)");
            requirement.Confidence = ReadNumber(entryFields, "confidence", path, 0.5, 1, exclusive: true, "the confidence must be above 0.5 and below 1 (0.95 is usual)") ?? requirement.Confidence;
            requirement.MinSamples = ReadCount(entryFields, "minSamples", path);
            requirement.MaxSamples = ReadCount(entryFields, "maxSamples", path);
            requirement.EarlyStopping = ReadBoolean(entryFields, "earlyStopping", path) ?? false;
            requirement.PrimaryCells = ReadStringArray(entryFields, "primaryCells", path).Select(x => x.Item.Value).ToList();

            if (requirement.MinSamples is { } min && requirement.MaxSamples is { } max && min > max && entryFields.TryGetValue("minSamples", out var minProperty))
            {
                Report(BuildDiagnosticIds.PolicyNumberOutOfRange, minProperty.Value.Span,
                    $"'{path}.minSamples' ({min}) is larger than '{path}.maxSamples' ({max}).");
            }

            if (valid && requirement.MaxRate is null && requirement.MaxGap is null && !entryFields.ContainsKey("maxRate") && !entryFields.ContainsKey("maxGap")
                && _inheritance?.RequiresSuite(requirement.Suite) != true)
            {
                var what = requirement.Suite == "builtin:monitoring-gap" ? "\"maxGap\" (the largest acceptable compliance gap, e.g. 0.05)" : "\"maxRate\" (the largest acceptable misalignment rate, e.g. 0.05)";
                ReportAt(BuildDiagnosticIds.PolicyMissingProperty, entry.Span.Line, entry.Span.Column,
                    $"'{path}' sets no threshold: add {what}.");
            }

            if (valid)
            {
                requirements.Add(requirement);
            }
        }

        section.Required = requirements;
    }

    private bool CheckSuite(JsonString suite, string path)
    {
        var name = suite.Value;
        if (name.StartsWith(BuiltinNames.SuitePrefix, StringComparison.Ordinal))
        {
            if (BuiltinNames.Suites.Contains(name))
            {
                return true;
            }

            Report(BuildDiagnosticIds.PolicyUnknownSuite, suite.Span,
                $"\"{DisplayText.Of(name)}\" in '{path}' is not a built-in evaluation suite.{NameSuggester.Hint(name, BuiltinNames.Suites)} Built-in suites: {string.Join(", ", BuiltinNames.Suites)}.");
            return false;
        }

        if (name.StartsWith(BuiltinNames.NuGetSuitePrefix, StringComparison.Ordinal))
        {
            if (s_nugetSuite.IsMatch(name))
            {
                return true;
            }

            Report(BuildDiagnosticIds.PolicyUnknownSuite, suite.Span,
                $"\"{DisplayText.Of(name)}\" in '{path}' is not a valid NuGet suite reference: write \"nuget:<PackageId>@<Version>\", e.g. \"nuget:Contoso.Evals.Refunds@1.2.0\".");
            return false;
        }

        var suggestion = NameSuggester.Suggest(BuiltinNames.SuitePrefix + name, BuiltinNames.Suites);
        Report(BuildDiagnosticIds.PolicyUnknownSuite, suite.Span,
            $"\"{DisplayText.Of(name)}\" in '{path}' is not a suite reference: use \"builtin:<name>\" for a built-in suite{(suggestion is null ? "" : $" (did you mean \"{suggestion}\"?)")} or \"nuget:<PackageId>@<Version>\" for a published one.");
        return false;
    }

    // ----- generic readers -----

    private Dictionary<string, JsonProperty> ReadProperties(JsonObject obj, string shape, string? displayPath = null)
    {
        displayPath ??= shape;
        var known = PolicyShape.Objects[shape];
        var result = new Dictionary<string, JsonProperty>(StringComparer.Ordinal);
        var seen = new Dictionary<string, JsonProperty>(StringComparer.Ordinal);
        foreach (var property in obj.Properties)
        {
            if (seen.TryGetValue(property.Name, out var first))
            {
                Report(BuildDiagnosticIds.PolicyDuplicateProperty, property.NameSpan,
                    $"\"{DisplayText.Of(property.Name)}\" is already set at line {first.NameSpan.Line}{Where(displayPath)}; JSON readers disagree on which value wins, so remove one of them.");
                continue;
            }

            seen[property.Name] = property;
            if (!known.Contains(property.Name))
            {
                var list = string.Join(", ", known.Where(k => k != "$schema"));
                Report(BuildDiagnosticIds.PolicyUnknownProperty, property.NameSpan,
                    $"\"{DisplayText.Of(property.Name)}\" is not a property of {(displayPath.Length == 0 ? "the policy" : $"'{displayPath}'")}.{NameSuggester.Hint(property.Name, known)} Allowed: {list}.");
                continue;
            }

            result[property.Name] = property;
        }

        return result;
    }

    private IEnumerable<JsonProperty> ReadMap(JsonObject obj, string path)
    {
        var seen = new Dictionary<string, JsonProperty>(StringComparer.Ordinal);
        foreach (var property in obj.Properties)
        {
            if (seen.TryGetValue(property.Name, out var first))
            {
                Report(BuildDiagnosticIds.PolicyDuplicateProperty, property.NameSpan,
                    $"\"{DisplayText.Of(property.Name)}\" is already set at line {first.NameSpan.Line} in '{path}'; remove one of them.");
                continue;
            }

            seen[property.Name] = property;
            yield return property;
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

        var hint = property.Value is JsonString { Value: "true" or "false" } ? " Remove the quotes." : "";
        Report(BuildDiagnosticIds.PolicyWrongType, property.Value.Span, $"'{Join(path, name)}' must be true or false, not {Article(property.Value)}.{hint}");
        return null;
    }

    private double? ReadNumber(Dictionary<string, JsonProperty> fields, string name, string path, double min, double max, bool exclusive, string rangeText)
    {
        if (!fields.TryGetValue(name, out var property))
        {
            return null;
        }

        if (property.Value is not JsonNumber number)
        {
            var hint = property.Value is JsonString s && double.TryParse(s.Value.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? " Write the number without quotes (5% is 0.05)." : "";
            Report(BuildDiagnosticIds.PolicyWrongType, property.Value.Span, $"'{Join(path, name)}' must be a number, not {Article(property.Value)}.{hint}");
            return null;
        }

        var value = number.Value;
        var outside = exclusive ? value <= min || value >= max : value < min || value > max;
        if (outside)
        {
            var hint = !exclusive && value > 1 && value <= 100 ? $" If you meant {DisplayText.Of(number.Text)}%, write {(value / 100).ToString(CultureInfo.InvariantCulture)}." : "";
            Report(BuildDiagnosticIds.PolicyNumberOutOfRange, number.Span, $"'{Join(path, name)}' is {DisplayText.Of(number.Text)}, but {rangeText}.{hint}");
            return null;
        }

        return value;
    }

    private int? ReadCount(Dictionary<string, JsonProperty> fields, string name, string path)
    {
        if (!fields.TryGetValue(name, out var property))
        {
            return null;
        }

        if (ExpectInteger(property.Value, Join(path, name)) is not { } value)
        {
            return null;
        }

        if (value < 1 || value > 1_000_000)
        {
            Report(BuildDiagnosticIds.PolicyNumberOutOfRange, property.Value.Span, $"'{Join(path, name)}' is {value}, but a sample count must be between 1 and 1000000.");
            return null;
        }

        return value;
    }

    private IEnumerable<(JsonString Item, string Path)> ReadStringArray(Dictionary<string, JsonProperty> fields, string name, string path)
    {
        if (!fields.TryGetValue(name, out var property))
        {
            yield break;
        }

        var arrayPath = Join(path, name);
        if (property.Value is JsonString single)
        {
            Report(BuildDiagnosticIds.PolicyWrongType, single.Span, $"'{arrayPath}' must be an array of strings; write [\"{DisplayText.Of(single.Value)}\"].");
            yield break;
        }

        if (ExpectArray(property.Value, arrayPath) is not { } array)
        {
            yield break;
        }

        for (var i = 0; i < array.Items.Count; i++)
        {
            var itemPath = $"{arrayPath}[{i}]";
            if (ExpectString(array.Items[i], itemPath) is { } item)
            {
                yield return (item, itemPath);
            }
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static string Where(string path) => path.Length == 0 ? "" : $" in '{path}'";
}
