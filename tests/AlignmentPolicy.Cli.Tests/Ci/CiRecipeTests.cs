using System.Text.Json.Nodes;
using NJsonSchema;
using YamlDotNet.RepresentationModel;

namespace AlignmentPolicy.Cli.Tests.Ci;

/// <summary>
/// The CI recipes (docs/ci/) and this repository's own workflow validate against the schemas GitHub's and Azure's editors
/// use (vendored in Ci/schemas with their source and licence), and ci/run-recipe-locally.sh runs every dotnet and
/// alignment-policy command of each recipe verbatim and in the same order, so the local run proves what CI runs.
/// </summary>
public sealed class CiRecipeTests
{
    private static readonly string Root = SharedSchemas.RepoRoot;
    private static readonly string Schemas = Path.Combine(Root, "tests", "AlignmentPolicy.Cli.Tests", "Ci", "schemas");
    private static readonly Lazy<Task<JsonSchema>> GitHubSchema = new(() => JsonSchema.FromFileAsync(Path.Combine(Schemas, "github-workflow.json")));
    private static readonly Lazy<Task<JsonSchema>> AzureSchema = new(() => JsonSchema.FromFileAsync(Path.Combine(Schemas, "azure-pipelines.service-schema.json")));

    public static TheoryData<string> GitHubWorkflows => ["docs/ci/github-actions.yml", ".github/workflows/ci.yml"];

    [Theory]
    [MemberData(nameof(GitHubWorkflows))]
    public async Task GitHub_workflows_validate_against_SchemaStores_schema(string file)
    {
        var errors = (await GitHubSchema.Value).Validate(YamlJson.Convert(File.ReadAllText(Path.Combine(Root, file))).ToJsonString());
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    /// <summary>Tasks the public service schema does not list (it holds the tasks of Microsoft's public organisation, not GitHub
    /// Advanced Security for Azure DevOps'); their steps are checked against the inputs the task's documentation names.</summary>
    private static readonly Dictionary<string, string[]> TasksMissingFromTheSchema = new(StringComparer.Ordinal)
    {
        ["AdvancedSecurity-Publish@1"] = ["SarifsInputDirectory", "EnableRecursiveScanning", "Category", "WaitForProcessing", "WaitForProcessingInterval", "WaitForProcessingTimeout"],
    };

    [Fact]
    public async Task The_Azure_Pipelines_recipe_validates_against_the_service_schema()
    {
        var pipeline = YamlJson.Convert(File.ReadAllText(Path.Combine(Root, "docs/ci/azure-pipelines.yml")));
        foreach (var steps in pipeline["stages"]!.AsArray().SelectMany(s => s!["jobs"]!.AsArray()).Select(j => j!["steps"]!.AsArray()))
        {
            foreach (var step in steps.Where(s => s?["task"] is not null && TasksMissingFromTheSchema.ContainsKey(s["task"]!.GetValue<string>())).ToList())
            {
                Assert.All(step!["inputs"]!.AsObject(), input => Assert.Contains(input.Key, TasksMissingFromTheSchema[step["task"]!.GetValue<string>()]));
                steps.Remove(step);
            }
        }

        var errors = (await AzureSchema.Value).Validate(pipeline.ToJsonString());
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    [Fact]
    public async Task The_schemas_reject_a_broken_workflow_and_a_broken_pipeline()
    {
        // A misspelt key in each: the validation can fail, so a pass above means something.
        var workflow = File.ReadAllText(Path.Combine(Root, "docs/ci/github-actions.yml")).Replace("    runs-on: ubuntu-latest\n    strategy:", "    runs_on: ubuntu-latest\n    strategy:", StringComparison.Ordinal);
        Assert.NotEmpty((await GitHubSchema.Value).Validate(YamlJson.Convert(workflow).ToJsonString()));
        var pipeline = File.ReadAllText(Path.Combine(Root, "docs/ci/azure-pipelines.yml")).Replace("dependsOn: build", "dependson: build", StringComparison.Ordinal).Replace("  - stage: pack", "  - stages: pack", StringComparison.Ordinal);
        Assert.NotEmpty((await AzureSchema.Value).Validate(YamlJson.Convert(pipeline).ToJsonString()));
    }

    public static TheoryData<string> Recipes => ["docs/ci/github-actions.yml", "docs/ci/azure-pipelines.yml"];

    [Theory]
    [MemberData(nameof(Recipes))]
    public void The_local_script_runs_every_command_of_the_recipe_in_order(string recipe)
    {
        var commands = RecipeCommands(YamlJson.Convert(File.ReadAllText(Path.Combine(Root, recipe))));
        Assert.Contains(commands, c => c.StartsWith("dotnet build ", StringComparison.Ordinal) && c.Contains("-warnaserror", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("alignment-policy eval merge ", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("dotnet pack ", StringComparison.Ordinal) && c.Contains("AlignmentPolicySigningKey", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.StartsWith("alignment-policy verify --source ", StringComparison.Ordinal));

        var script = File.ReadAllLines(Path.Combine(Root, "ci", "run-recipe-locally.sh")).Select(l => l.Trim()).ToList();
        var position = -1;
        foreach (var command in commands)
        {
            var found = script.FindIndex(position + 1, line => line == command || line.StartsWith(command + " ||", StringComparison.Ordinal));
            Assert.True(found > position, $"ci/run-recipe-locally.sh does not run, after line {position + 1}, the recipe's command:\n{command}");
            position = found;
        }
    }

    /// <summary>The dotnet and alignment-policy command lines of every script step, in document order (installing the tool differs locally).</summary>
    private static List<string> RecipeCommands(JsonNode document)
    {
        var scripts = new List<string>();
        void Walk(JsonNode? node)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (key, value) in obj)
                    {
                        if (key is "run" or "bash" or "script" && value is JsonValue script)
                        {
                            scripts.Add(script.GetValue<string>());
                        }
                        else
                        {
                            Walk(value);
                        }
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        Walk(item);
                    }

                    break;
            }
        }

        Walk(document);
        return [.. scripts.SelectMany(s => s.Split('\n')).Select(l => l.Trim())
            .Select(l => l.EndsWith(" || true", StringComparison.Ordinal) ? l[..^" || true".Length] : l)
            .Where(l => (l.StartsWith("dotnet ", StringComparison.Ordinal) || l.StartsWith("alignment-policy ", StringComparison.Ordinal)) && !l.StartsWith("dotnet tool install", StringComparison.Ordinal))];
    }
}

/// <summary>
/// YAML to JSON with the YAML 1.2 core schema, as editors' YAML language servers read CI files before validating them: plain
/// true/false/null/numbers are typed, all else is a string (so GitHub's <c>on:</c> stays a key).
/// </summary>
internal static class YamlJson
{
    public static JsonNode Convert(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return Node(stream.Documents[0].RootNode)!;
    }

    private static JsonNode? Node(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value!, Node(p.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Node)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new NotSupportedException(node.NodeType.ToString()),
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != YamlDotNet.Core.ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            "" or "~" or "null" or "Null" or "NULL" => null,
            _ when long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var integer) => JsonValue.Create(integer),
            _ when double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number) && text.Any(char.IsDigit) => JsonValue.Create(number),
            _ => JsonValue.Create(text),
        };
    }
}
