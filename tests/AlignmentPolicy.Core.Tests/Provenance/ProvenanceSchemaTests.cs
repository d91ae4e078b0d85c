using AlignmentPolicy.Core.Provenance;
using NJsonSchema;

namespace AlignmentPolicy.Core.Tests.Provenance;

public class ProvenanceSchemaTests
{
    private static readonly Lazy<JsonSchema> s_schema = new(() => JsonSchema.FromJsonAsync(ProvenanceSchema.Text).GetAwaiter().GetResult());

    public static TheoryData<string> ShippedManifests()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "samples"), ProvenanceManifest.FileName, SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
        {
            data.Add(Path.GetRelativePath(RepoPaths.Root, file));
        }

        if (data.Count == 0)
        {
            data.Add("");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ShippedManifests))]
    public void Every_sample_manifest_is_valid_for_the_schema_and_the_loader(string relativePath)
    {
        if (relativePath.Length == 0)
        {
            return; // no sample declares data yet
        }

        var path = Path.Combine(RepoPaths.Root, relativePath);
        Assert.Empty(s_schema.Value.Validate(File.ReadAllText(path)));
        Assert.Empty(ProvenanceManifestLoader.Load(path).Diagnostics);
    }

    [Fact]
    public void Copies_of_the_schema_in_the_repository_are_the_shipped_schema()
    {
        var copies = Directory.EnumerateFiles(RepoPaths.Root, "datasets.provenance.schema.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}artifacts{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.NotEmpty(copies);
        Assert.All(copies, copy => Assert.Equal(ProvenanceSchema.Text, File.ReadAllText(copy)));
    }

    [Fact]
    public void The_design_example_is_valid_for_the_schema()
        => Assert.Empty(s_schema.Value.Validate(ProvenanceManifestLoaderTests.DesignExample));

    [Fact]
    public void The_schema_and_the_loader_accept_the_same_properties()
    {
        var schemaObjects = new Dictionary<string, IReadOnlyList<string>>();
        Collect(s_schema.Value, "", schemaObjects);

        Assert.Equal(ProvenanceShape.Objects.Keys.Order(), schemaObjects.Keys.Order());
        foreach (var (path, fields) in ProvenanceShape.Objects)
        {
            Assert.Equal(fields.Order(), schemaObjects[path].Order());
        }
    }

    [Fact]
    public void The_schema_enumerates_the_same_purposes_and_source_kinds_as_the_loader()
    {
        var dataset = s_schema.Value.Definitions["dataset"];
        Assert.Equal(DatasetPurposes.All.Order(), dataset.ActualProperties["purpose"].ActualSchema.Enumeration.Cast<string>().Order());
        Assert.Equal(DatasetSourceKinds.All.Order(), dataset.ActualProperties["source"].ActualSchema.ActualProperties["kind"].ActualSchema.Enumeration.Cast<string>().Order());
    }

    public static TheoryData<string> InvalidForBoth => new()
    {
        """{ "version": 1 }""",
        """{ "version": 2, "datasets": [] }""",
        """{ "version": 1, "datasets": [], "extra": 1 }""",
        """{ "version": 1, "datasets": [ { "id": "a", "purpose": "training", "source": { "kind": "internal" }, "license": "MIT", "files": [{ "path": "a" }] } ] }""",
        """{ "version": 1, "datasets": [ { "id": "a", "purpose": "eval", "source": { "kind": "internal" }, "license": "MIT", "files": [] } ] }""",
        """{ "version": 1, "datasets": [ { "id": "a", "purpose": "eval", "source": { "kind": "internal" }, "license": "MIT", "files": [{ "path": "a", "sha256": "xyz" }] } ] }""",
        """{ "version": 1, "datasets": [ { "id": "a", "purpose": "eval", "source": { "kind": "internal" }, "license": "MIT", "files": [{ "path": "a" }], "synthetic": { "seed": 1 } } ] }""",
        """{ "version": 1, "datasets": [ { "id": "A B", "purpose": "eval", "source": { "kind": "internal" }, "license": "MIT", "files": [{ "path": "a" }] } ] }""",
        """{ "version": 1, "datasets": [ { "id": "a", "purpose": "eval", "source": { "kind": "internal" }, "license": "MIT", "files": [{ "path": "a" }], "personalData": {} } ] }""",
    };

    [Theory]
    [MemberData(nameof(InvalidForBoth))]
    public void The_schema_and_the_loader_reject_the_same_mistakes(string text)
    {
        Assert.NotEmpty(s_schema.Value.Validate(text));
        Assert.True(ProvenanceManifestLoader.Parse(text, "/p/datasets.provenance.json").HasErrors);
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
