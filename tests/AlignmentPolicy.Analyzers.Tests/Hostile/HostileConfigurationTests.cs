using AlignmentPolicy.Globbing;
using AlignmentPolicy.Analyzers.Analysis;
using AlignmentPolicy.Analyzers.Configuration;
using AlignmentPolicy.Analyzers.Tests.Configuration;
using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Analyzers.Tests.Hostile;

/// <summary>
/// The analyzers' own readers of what the build hands them (the generated config, the manifest, globs, documentation-
/// comment IDs) against hostile values: nothing may split a config line, overflow the compiler's stack or hang it.
/// </summary>
public sealed class HostileConfigurationTests
{
    [Fact]
    public void Values_holding_every_line_break_Roslyn_knows_survive_its_globalconfig_parser()
    {
        string[] paths = ["prompts/a\u2028b.md", "x\u0085y.md", "p\u2029q.md", " lead.md", "trail.md ", "hash#semi;pct%.md", "ünï.md"];
        var json = string.Join(", ", paths.Select(p => "\"" + string.Concat(p.Select(c => c < 128 ? c.ToString() : $"\\u{(int)c:X4}")) + "\""));
        var policy = PolicyLoader.Parse($$"""{ "version": 1, "sideEffects": { "oversightPaths": [{{json}}] } }""", "/repo/with\u2028break/alignment-policy.json").Policy!;

        var options = PolicyOptions.Read(PolicyOptionsTests.ParseGlobalConfig(PolicyGlobalConfig.Render(policy, isAgentProject: true)));

        Assert.Equal(paths, options.OversightPaths);
        Assert.True(options.IsAgentProject);
    }

    [Fact]
    public void A_manifest_nested_100000_deep_is_not_read_and_does_not_overflow_the_stack()
    {
        var text = "{ \"datasets\": " + new string('[', 100_000) + new string(']', 100_000) + " }";
        ProvenanceManifestIndex? index = null;
        var thread = new Thread(() => index = ProvenanceManifestIndex.TryRead(text), 256 * 1024);
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(60)));

        Assert.Null(index);
    }

    [Fact]
    public void A_glob_of_many_stars_against_a_long_path_ends_at_once_and_globs_keep_their_meaning()
    {
        var hostile = PathGlob.Create(string.Concat(Enumerable.Repeat("*a", 30)) + "b");
        var result = true;
        var thread = new Thread(() => result = hostile.IsMatch(new string('a', 400)));
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(10)), "a backtracking match");
        Assert.False(result);

        Assert.True(PathGlob.Create("data/**/*.jsonl").IsMatch("data/a/b/c.jsonl"));
        Assert.True(PathGlob.Create("data/**/*.jsonl").IsMatch("data/c.jsonl"));
        Assert.True(PathGlob.Create("./data/*.csv").IsMatch("data/x.csv"));
        Assert.False(PathGlob.Create("data/*.csv").IsMatch("data/sub/x.csv"));
        Assert.True(PathGlob.Create("data/?.txt").IsMatch("data/a.txt"));
        Assert.False(PathGlob.Create("data/?.txt").IsMatch("data/ab.txt"));
        Assert.False(PathGlob.Create("data/a.txt").IsMatch("data/a.txt\n"));
        // One matcher with the build (PathGlob, shared as source): case is ignored there, so here too.
        Assert.True(PathGlob.Create("Data/a.txt").IsMatch("data/a.txt"));
    }

    [Fact]
    public void A_documentation_comment_id_deeper_than_the_build_allows_is_not_handed_to_the_compiler()
    {
        var deep = "M:A.B(" + string.Concat(Enumerable.Repeat("G{", 100_000)) + "T" + new string('}', 100_000) + ")";

        Assert.False(PolicyOptions.IsReadableDocumentationId(deep));
        Assert.False(PolicyOptions.IsReadableDocumentationId("M:" + new string('A', 5000)));
        Assert.True(PolicyOptions.IsReadableDocumentationId("M:Contoso.Repo`1.Save(System.Collections.Generic.List{System.Collections.Generic.List{`0}},System.Int32[])"));
    }
}
