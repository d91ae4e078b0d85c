using AlignmentPolicy.Core.Policy;
using NJsonSchema;
using NJsonSchema.Validation;

namespace AlignmentPolicy.Core.Tests.Policy;

public class PolicySchemaTests
{
    private static readonly Lazy<JsonSchema> s_schema = new(() => JsonSchema.FromJsonAsync(PolicySchema.Text).GetAwaiter().GetResult());

    public static TheoryData<string> ShippedPolicies()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "samples"), "alignment-policy.json", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "templates"), "alignment-policy.json", SearchOption.AllDirectories))
            .Concat(Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "docs"), "*.json", SearchOption.AllDirectories).Where(f => f.EndsWith("alignment-policy.json", StringComparison.Ordinal))))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedPolicies))]
    public void Every_sample_policy_is_valid_for_the_schema_and_the_loader(string relativePath)
    {
        var path = Path.Combine(RepoPaths.Root, relativePath);
        var text = File.ReadAllText(path);

        Assert.Empty(s_schema.Value.Validate(text));
        Assert.Empty(PolicyLoader.Load(path).Diagnostics);
    }

    [Fact]
    public void The_starter_and_design_policies_are_valid_for_the_schema()
    {
        Assert.Empty(s_schema.Value.Validate(StarterPolicy.Text));
        Assert.Empty(s_schema.Value.Validate(PolicyLoaderTests.DesignExample));
        Assert.Empty(PolicyLoader.Parse(StarterPolicy.Text, "/starter.json").Diagnostics);
    }

    [Fact]
    public void Copies_of_the_schema_in_the_repository_are_the_shipped_schema()
    {
        var copies = Directory.EnumerateFiles(RepoPaths.Root, "alignment-policy.schema.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}artifacts{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(copies);
        Assert.All(copies, copy => Assert.Equal(PolicySchema.Text, File.ReadAllText(copy)));
    }

    [Fact]
    public void The_schema_and_the_loader_accept_the_same_properties()
    {
        var schemaObjects = new Dictionary<string, IReadOnlyList<string>>();
        Collect(s_schema.Value, "", schemaObjects);

        Assert.Equal(PolicyShape.Objects.Keys.Order(), schemaObjects.Keys.Order());
        foreach (var (path, fields) in PolicyShape.Objects)
        {
            Assert.Equal(fields.Order(), schemaObjects[path].Order());
        }
    }

    [Fact]
    public void The_schema_enumerates_the_same_built_in_names_as_the_loader()
    {
        var sideEffects = s_schema.Value.ActualProperties["sideEffects"].ActualSchema;
        var catalogues = sideEffects.ActualProperties["catalogues"].ActualSchema.Item!.ActualSchema.Enumeration.Cast<string>();
        Assert.Equal(BuiltinNames.Catalogues.Order(), catalogues.Order());

        var severities = sideEffects.ActualProperties["severity"].ActualSchema.AdditionalPropertiesSchema!.ActualSchema.Enumeration.Cast<string>();
        Assert.Equal(BuiltinNames.Severities.Order(), severities.Order());

        var suitePattern = s_schema.Value.Definitions["evalRequirement"].ActualProperties["suite"].Pattern!;
        foreach (var suite in BuiltinNames.Suites)
        {
            Assert.Matches(suitePattern, suite);
        }

        Assert.DoesNotMatch(suitePattern, "builtin:blackmail");
    }

    public static TheoryData<string> InvalidForBoth => new()
    {
        """{ "version": 1, "gatez": {} }""",
        """{ "agents": {} }""",
        """{ "version": 2 }""",
        """{ "version": 1, "evals": { "required": [ { "suite": "builtin:coercion", "maxRate": 1.5 } ] } }""",
        """{ "version": 1, "evals": { "required": [ { "suite": "builtin:coercion", "confidence": 0.5, "maxRate": 0.1 } ] } }""",
        """{ "version": 1, "evals": { "required": [ { "suite": "builtin:nope", "maxRate": 0.1 } ] } }""",
        """{ "version": 1, "evals": { "required": [ { "suite": "builtin:oversight" } ] } }""",
        """{ "version": 1, "sideEffects": { "catalogues": ["builtin:smtp"] } }""",
        """{ "version": 1, "sideEffects": { "severity": { "mail": "fatal" } } }""",
        """{ "version": 1, "sideEffects": { "custom": { "Payments": [] } } }""",
        """{ "version": 1, "agents": { "autoDetect": "yes" } }""",
    };

    [Theory]
    [MemberData(nameof(InvalidForBoth))]
    public void The_schema_and_the_loader_reject_the_same_mistakes(string text)
    {
        Assert.NotEmpty(s_schema.Value.Validate(text));
        Assert.True(PolicyLoader.Parse(text, "/p.json").HasErrors);
    }

    private static void Collect(JsonSchema schema, string path, Dictionary<string, IReadOnlyList<string>> objects)
    {
        schema = schema.ActualSchema;
        if (schema.ActualProperties.Count > 0)
        {
            objects[path] = schema.ActualProperties.Keys.ToList();
            foreach (var (name, property) in schema.ActualProperties)
            {
                var child = property.ActualSchema;
                var childPath = path.Length == 0 ? name : path + "." + name;
                if (child.Type.HasFlag(JsonObjectType.Array) && child.Item is { } item && item.ActualSchema.ActualProperties.Count > 0)
                {
                    Collect(item, childPath + "[]", objects);
                }
                else
                {
                    Collect(child, childPath, objects);
                }
            }
        }
    }
}
