using System.Text.Json;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Core.Policy.Inheritance;

namespace AlignmentPolicy.Cli.Policy;

/// <summary><c>check --json</c>: the diagnostics, the chain of files and every effective value with its origin.</summary>
internal static class EffectivePolicyJson
{
    public static string Write(string target, PolicyResolution resolution, IReadOnlyList<BuildDiagnostic> diagnostics)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            var policy = resolution.Policy;
            json.WriteStartObject();
            json.WriteString("policy", resolution.PolicyPath ?? target);
            json.WriteBoolean("valid", !diagnostics.Any(d => d.Severity == BuildSeverity.Error));
            json.WriteStartArray("diagnostics");
            foreach (var d in diagnostics)
            {
                json.WriteStartObject();
                json.WriteString("code", d.Code);
                json.WriteString("severity", d.Severity.ToString().ToLowerInvariant());
                json.WriteString("file", d.File);
                json.WriteNumber("line", d.Line);
                json.WriteNumber("column", d.Column);
                json.WriteString("message", d.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (policy is not null && resolution.PolicyPath is not null)
            {
                json.WriteString("sha256", policy.Sha256);
                json.WriteString("extends", policy.Extends);
                json.WriteStartArray("bases");
                foreach (var file in policy.Bases)
                {
                    json.WriteStartObject();
                    json.WriteString("package", file.PackageId);
                    json.WriteString("version", file.PackageVersion);
                    json.WriteString("file", file.FullPath);
                    json.WriteString("sha256", file.Sha256);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("values");
                foreach (var value in EffectivePolicy.Values(policy))
                {
                    json.WriteStartObject();
                    json.WriteString("path", value.Path);
                    json.WritePropertyName("value");
                    WriteValue(json, value.Value);
                    json.WritePropertyName("origin");
                    WriteOrigin(json, value.Origin, policy.FilePath);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case double d: json.WriteNumberValue(d); break;
            case int i: json.WriteNumberValue(i); break;
            default: json.WriteStartArray(); json.WriteEndArray(); break;
        }
    }

    /// <summary><c>{ "kind": "default" }</c>, or the kind (repository or base) with the file and position.</summary>
    private static void WriteOrigin(Utf8JsonWriter json, PolicyValueOrigin origin, string? repositoryFile)
    {
        json.WriteStartObject();
        if (origin.File is null)
        {
            json.WriteString("kind", "default");
            json.WriteEndObject();
            return;
        }

        json.WriteString("kind", origin.File.FullPath == repositoryFile ? "repository" : "base");
        json.WriteString("file", origin.File.FullPath);
        if (origin.File.PackageId is not null)
        {
            json.WriteString("package", origin.File.PackageId);
            json.WriteString("version", origin.File.PackageVersion);
            json.WriteString("pathInPackage", origin.File.PathInPackage);
        }

        json.WriteNumber("line", origin.Line);
        json.WriteNumber("column", origin.Column);
        json.WriteEndObject();
    }
}
