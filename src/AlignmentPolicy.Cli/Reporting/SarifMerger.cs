using System.Text.Json;
using System.Text.Json.Nodes;

namespace AlignmentPolicy.Cli.Reporting;

/// <summary>
/// Merges SARIF 2.1.0 logs into one log with one run per tool. The compiler writes one log per project
/// (<c>-p:ErrorLog=...</c>), and GitHub code scanning refuses an upload with several runs of one tool and category:
/// the runs of a tool become one, its rules are united by id and every result's <c>ruleIndex</c> follows its rule.
/// </summary>
internal static class SarifMerger
{
    public static JsonObject Merge(IEnumerable<(string Path, JsonObject Log)> logs)
    {
        var runs = new List<JsonObject>();
        foreach (var (path, log) in logs)
        {
            if (log["version"]?.GetValue<string>() != "2.1.0" || log["runs"] is not JsonArray fileRuns)
            {
                throw new InvalidDataException($"'{path}' is not a SARIF 2.1.0 log (no \"version\": \"2.1.0\" with \"runs\"). Let the compiler write 2.1: -p:ErrorLog=file.sarif%2Cversion=2.1.");
            }

            foreach (var run in fileRuns.OfType<JsonObject>())
            {
                var target = runs.FirstOrDefault(r => SameTool(r, run));
                if (target is null)
                {
                    runs.Add(Normalise((JsonObject)run.DeepClone()));
                }
                else
                {
                    Append(target, run);
                }
            }
        }

        return new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray([.. runs]),
        };
    }

    private static bool SameTool(JsonObject a, JsonObject b)
        => Driver(a, "name") == Driver(b, "name") && Driver(a, "version") == Driver(b, "version");

    private static string? Driver(JsonObject run, string property) => run["tool"]?["driver"]?[property]?.GetValue<string>();

    /// <summary>A first run as the base: results keyed to rules by id, artifact indexes dropped (the merged run has no artifacts table).</summary>
    private static JsonObject Normalise(JsonObject run)
    {
        var results = run["results"] as JsonArray ?? [];
        run.Remove("results");
        run.Remove("artifacts");
        run["results"] = new JsonArray();
        Append(run, new JsonObject { ["results"] = results.DeepClone(), ["tool"] = run["tool"]!.DeepClone() });
        return run;
    }

    private static void Append(JsonObject target, JsonObject run)
    {
        var driver = (JsonObject)target["tool"]!["driver"]!;
        var rules = driver["rules"] as JsonArray ?? (JsonArray)(driver["rules"] = new JsonArray());
        var sourceRules = run["tool"]?["driver"]?["rules"] as JsonArray ?? [];
        var targetResults = (JsonArray)target["results"]!;
        foreach (var result in (run["results"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var copy = (JsonObject)result.DeepClone();
            var ruleId = copy["ruleId"]?.GetValue<string>()
                ?? (copy["ruleIndex"]?.GetValue<int>() is int i && i < sourceRules.Count ? sourceRules[i]?["id"]?.GetValue<string>() : null);
            copy.Remove("ruleIndex");
            if (ruleId is not null)
            {
                var index = IndexOf(rules, ruleId);
                if (index < 0 && sourceRules.OfType<JsonObject>().FirstOrDefault(r => r["id"]?.GetValue<string>() == ruleId) is { } rule)
                {
                    rules.Add(rule.DeepClone());
                    index = rules.Count - 1;
                }

                if (index >= 0)
                {
                    copy["ruleIndex"] = index;
                }
            }

            foreach (var location in (copy["locations"] as JsonArray ?? []).OfType<JsonObject>())
            {
                (location["physicalLocation"]?["artifactLocation"] as JsonObject)?.Remove("index");
            }

            targetResults.Add(copy);
        }
    }

    private static int IndexOf(JsonArray rules, string id)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i]?["id"]?.GetValue<string>() == id)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Reads every <c>*.sarif</c> file named or under a folder named; the output file itself is skipped.</summary>
    public static IReadOnlyList<(string Path, JsonObject Log)> Read(IEnumerable<string> inputs, string outputPath)
    {
        var files = inputs.SelectMany(i => Directory.Exists(i) ? Directory.EnumerateFiles(i, "*.sarif", SearchOption.AllDirectories) : [i])
            .Select(Path.GetFullPath)
            .Where(f => f != Path.GetFullPath(outputPath))
            .Distinct()
            .Order(StringComparer.Ordinal);
        var logs = new List<(string, JsonObject)>();
        foreach (var file in files)
        {
            try
            {
                logs.Add((file, JsonNode.Parse(File.ReadAllText(file)) as JsonObject ?? throw new InvalidDataException($"'{file}' is not a JSON object.")));
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"'{file}' is not JSON: {e.Message}");
            }
        }

        return logs;
    }
}
