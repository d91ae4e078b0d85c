using System.Reflection;
using System.Text.Json;
using AlignmentPolicy.Analyzers;
using Microsoft.CodeAnalysis;

namespace AlignmentPolicy.Cli.Scanning;

/// <summary>
/// Writes a scan as SARIF 2.1.0: one run, the rules the analyzers support (with help URIs and default
/// levels), and one result per finding located relative to the scanned folder (<c>SRCROOT</c>).
/// </summary>
internal static class SarifWriter
{
    public const string SrcRoot = "SRCROOT";

    private static readonly Lazy<IReadOnlyDictionary<string, string>> RuleNames = new(() =>
        typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.GetRawConstantValue() is string value && value.StartsWith("ALN", StringComparison.Ordinal))
            .ToDictionary(f => (string)f.GetRawConstantValue()!, f => f.Name, StringComparer.Ordinal));

    public static void Write(Stream stream, ScanResult result, IReadOnlyList<DiagnosticDescriptor> rules)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();

        WriteTool(json, rules);

        json.WriteStartObject("originalUriBaseIds");
        json.WriteStartObject(SrcRoot);
        json.WriteString("uri", new Uri(EnsureTrailingSeparator(result.Root)).AbsoluteUri);
        json.WriteEndObject();
        json.WriteEndObject();

        var ruleIndex = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(p => p.Id, p => p.index, StringComparer.Ordinal);
        json.WriteStartArray("results");
        foreach (var finding in result.Findings)
        {
            WriteResult(json, finding, ruleIndex);
        }

        json.WriteEndArray();
        json.WriteString("columnKind", "utf16CodeUnits");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        DiagnosticSeverity.Info => "note",
        _ => "none",
    };

    /// <summary>A relative path as a SARIF URI reference: forward slashes, each segment escaped.</summary>
    public static string RelativeUri(string relativePath)
        => string.Join('/', relativePath.Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    private static void WriteTool(Utf8JsonWriter json, IReadOnlyList<DiagnosticDescriptor> rules)
    {
        var version = typeof(SarifWriter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "alignment-policy");
        json.WriteString("fullName", "AlignmentPolicy scan");
        json.WriteString("version", version);
        json.WriteString("semanticVersion", version);
        json.WriteString("informationUri", "https://github.com/alignment-policy/alignment-policy");
        json.WriteStartArray("rules");
        foreach (var rule in rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", RuleNames.Value.TryGetValue(rule.Id, out var name) ? name : rule.Id);
            WriteText(json, "shortDescription", rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var description = rule.Description.ToString(System.Globalization.CultureInfo.InvariantCulture);
            WriteText(json, "fullDescription", description.Length > 0 ? description : rule.Title.ToString(System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("helpUri", string.IsNullOrEmpty(rule.HelpLinkUri) ? DiagnosticIds.HelpLink(rule.Id) : rule.HelpLinkUri);
            json.WriteStartObject("defaultConfiguration");
            json.WriteBoolean("enabled", rule.IsEnabledByDefault);
            json.WriteString("level", Level(rule.DefaultSeverity));
            json.WriteEndObject();
            json.WriteStartObject("properties");
            json.WriteString("category", rule.Category);
            json.WriteStartArray("tags");
            foreach (var tag in rule.CustomTags)
            {
                json.WriteStringValue(tag);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, ScanFinding finding, IReadOnlyDictionary<string, int> ruleIndex)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.RuleId);
        if (ruleIndex.TryGetValue(finding.RuleId, out var index))
        {
            json.WriteNumber("ruleIndex", index);
        }

        json.WriteString("level", Level(finding.Severity));
        WriteText(json, "message", finding.Message);
        json.WriteStartArray("locations");
        json.WriteStartObject();
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", RelativeUri(finding.RelativePath));
        json.WriteString("uriBaseId", SrcRoot);
        json.WriteEndObject();
        json.WriteStartObject("region");
        json.WriteNumber("startLine", finding.StartLine);
        json.WriteNumber("startColumn", finding.StartColumn);
        json.WriteNumber("endLine", finding.EndLine);
        json.WriteNumber("endColumn", finding.EndColumn);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter json, string property, string? text)
    {
        if (text is null)
        {
            return;
        }

        json.WriteStartObject(property);
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    private static string EnsureTrailingSeparator(string path)
        => path.EndsWith(Path.DirectorySeparatorChar) ? path : path + Path.DirectorySeparatorChar;
}
