using System.Reflection;
using AlignmentPolicy.Analyzers.Configuration;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Core.Provenance;
using AlignmentPolicy.Gates;
using AlignmentPolicy.Vocabulary;

namespace AlignmentPolicy.Analyzers.Tests.Shared;

/// <summary>
/// The runtime, the build and the analyzers share one side-effect vocabulary and one glob matcher as source; these
/// tests hold the three ends against each other (this project sees all three), not against a copy.
/// </summary>
public class SharedVocabularyTests
{
    private static IEnumerable<FieldInfo> Constants(bool obsolete)
        => typeof(SideEffectCategories).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && (f.GetCustomAttribute<ObsoleteAttribute>() is not null) == obsolete);

    [Fact]
    public void The_runtime_constants_the_policy_and_the_analyzers_name_the_same_categories()
    {
        var runtime = Constants(obsolete: false).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(runtime, BuiltinNames.SideEffectCategories.Order(StringComparer.Ordinal));
        Assert.Equal(runtime, SideEffectVocabulary.Categories.Order(StringComparer.Ordinal));
        Assert.All(runtime, c => Assert.DoesNotContain("perform '", SideEffectVocabulary.Describe(c), StringComparison.Ordinal));
    }

    [Fact]
    public void Every_former_runtime_name_is_a_category_the_policy_accepts()
    {
        foreach (var field in Constants(obsolete: true))
        {
            Assert.Contains((string)field.GetRawConstantValue()!, BuiltinNames.SideEffectCategories);
        }

        Assert.Equal("filesystem", SideEffectVocabulary.Canonical("file-write"));
        Assert.Equal("http", SideEffectVocabulary.Canonical("HTTP-WRITE"));
        Assert.Equal("tickets", SideEffectVocabulary.Canonical("tickets"));
    }

    [Fact]
    public void A_policy_that_names_a_former_category_is_told_its_new_name()
    {
        var result = PolicyLoader.Parse("""{ "version": 1, "sideEffects": { "severity": { "file-write": "error" } } }""", "/repo/alignment-policy.json");

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Contains("\"file-write\" is now \"filesystem\"", diagnostic.Message, StringComparison.Ordinal);
    }

    // What the IDE's ALN0100 calls declared and what the build's dataset resolution (ALN0107 and the manifest checks)
    // finds on disk must be the same files, case and '**' included.
    [Theory]
    [InlineData("data/**")]
    [InlineData("data/**/*.jsonl")]
    [InlineData("./data/*.JSONL")]
    [InlineData("data\\train\\*.jsonl")]
    [InlineData("**/eval-?.csv")]
    [InlineData("data/**/deep/*")]
    [InlineData("data/top.jsonl")]
    public void The_analyzers_and_the_build_declare_the_same_files(string pattern)
    {
        var root = Directory.CreateTempSubdirectory("ap-globs-").FullName;
        try
        {
            string[] files =
            [
                "data/train/part-1.jsonl", "data/train/part-2.JSONL", "data/eval-1.csv", "data/x/deep/a.txt", "data/deep/b.txt",
                "eval-2.csv", "data/notes.md", "other/eval-3.csv", "data/top.jsonl",
            ];
            foreach (var file in files)
            {
                var full = Path.Combine(root, file);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, "x");
            }

            var manifest = ProvenanceManifestIndex.TryRead($$"""{ "datasets": [ { "files": [ { "path": {{System.Text.Json.JsonSerializer.Serialize(pattern)}} } ] } ] }""")!;
            var analyzer = files.Where(manifest.Declares).Order(StringComparer.Ordinal).ToList();

            var resolution = new DatasetPaths(root).Resolve(pattern);
            var build = resolution.Files.Select(f => f.RelativePath).Order(StringComparer.Ordinal).ToList();

            Assert.Equal(build, analyzer);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
