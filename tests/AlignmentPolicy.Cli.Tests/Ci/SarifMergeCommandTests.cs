using System.Text.Json;
using NJsonSchema;

namespace AlignmentPolicy.Cli.Tests.Ci;

/// <summary>
/// <c>alignment-policy sarif merge</c>: the compiler's per-project logs (one run each, same tool) become one run, as GitHub code
/// scanning requires; every result keeps its rule, whose index now points into the united rule table.
/// </summary>
public sealed class SarifMergeCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("ap-sarif-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [SchemaFact]
    public async Task Per_project_compiler_logs_become_one_valid_run_with_rule_indexes_renumbered()
    {
        Directory.CreateDirectory(Path.Combine(_root, "sarif"));
        File.WriteAllText(Path.Combine(_root, "sarif", "Support.sarif"), CompilerLog(("ALN0001", "Support.cs", 12), ("CS0168", "Support.cs", 20)));
        File.WriteAllText(Path.Combine(_root, "sarif", "Billing.sarif"), CompilerLog(("CS0168", "Billing.cs", 3), ("ALN0002", "Billing.cs", 7)));
        var merged = Path.Combine(_root, "merged.sarif");

        var (exitCode, output, error) = CliRunner.Run("sarif", "merge", Path.Combine(_root, "sarif"), "-o", merged);

        Assert.True(exitCode == 0, error);
        Assert.Contains("2 log(s) merged into 1 run(s) with 4 result(s).", output);
        var text = File.ReadAllText(merged);
        var schema = await JsonSchema.FromFileAsync(Path.Combine(SharedSchemas.Directory, "sarif", "sarif-schema-2.1.0.json"));
        Assert.Empty(schema.Validate(text));
        using var document = JsonDocument.Parse(text);
        var run = Assert.Single(document.RootElement.GetProperty("runs").EnumerateArray());
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(["ALN0002", "CS0168", "ALN0001"], rules);
        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[result.GetProperty("ruleIndex").GetInt32()]);
        }

        Assert.Equal(["Billing.cs:3", "Billing.cs:7", "Support.cs:12", "Support.cs:20"], run.GetProperty("results").EnumerateArray()
            .Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation"))
            .Select(l => $"{Path.GetFileName(l.GetProperty("artifactLocation").GetProperty("uri").GetString())}:{l.GetProperty("region").GetProperty("startLine").GetInt32()}"));
    }

    [Fact]
    public void A_file_that_is_not_SARIF_2_1_is_a_usage_error_naming_it()
    {
        var file = Path.Combine(_root, "old.sarif");
        File.WriteAllText(file, """{ "version": "1.0.0", "runLogs": [] }""");

        var (exitCode, _, error) = CliRunner.Run("sarif", "merge", file, "-o", Path.Combine(_root, "merged.sarif"));

        Assert.Equal(2, exitCode);
        Assert.Contains($"'{file}' is not a SARIF 2.1.0 log", error);
    }

    /// <summary>A log as the compiler writes it with ErrorLog=...,version=2.1: rules in first-seen order, results pointing at them by index.</summary>
    private static string CompilerLog(params (string Rule, string File, int Line)[] results)
    {
        var rules = results.Select(r => r.Rule).Distinct().Reverse().ToList();
        return JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["$schema"] = "http://json.schemastore.org/sarif-2.1.0",
            ["version"] = "2.1.0",
            ["runs"] = new[]
            {
                new
                {
                    results = results.Select(r => new
                    {
                        ruleId = r.Rule,
                        ruleIndex = rules.IndexOf(r.Rule),
                        level = "warning",
                        message = new { text = "finding" },
                        locations = new[] { new { physicalLocation = new { artifactLocation = new { uri = "file:///src/" + r.File }, region = new { startLine = r.Line, startColumn = 1 } } } },
                    }),
                    tool = new { driver = new { name = "Microsoft (R) Visual C# Compiler", version = "5.0.0", rules = rules.Select(id => new { id, shortDescription = new { text = id } }) } },
                    columnKind = "utf16CodeUnits",
                },
            },
        });
    }
}
