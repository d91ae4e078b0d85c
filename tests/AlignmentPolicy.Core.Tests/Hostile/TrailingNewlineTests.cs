using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Core.Provenance;
using AlignmentPolicy.Testing;

namespace AlignmentPolicy.Core.Tests.Hostile;

/// <summary>
/// .NET's '$' matches before a final newline: names with a trailing "\n" passed validation and then split the generated
/// analyzer config or a file name. Each kind of name is checked to the end of the string, with its code at the value.
/// </summary>
public sealed class TrailingNewlineTests
{
    [Theory]
    [InlineData("""{ "version": 1, "sideEffects": { "custom": { {|ALN0307:"payments\n"|}: ["M:Contoso.Pay.Charge"] } } }""")]
    [InlineData("""{ "version": 1, "provenance": { "deniedContentClasses": [{|ALN0307:"ai-fiction\n"|}] } }""")]
    [InlineData("""{ "version": 1, "evals": { "required": [ { "suite": {|ALN0308:"nuget:Contoso.Evals@1.2.0\n"|}, "maxRate": 0.05 } ] } }""")]
    [InlineData("""{ "version": 1, "evals": { "required": [ { "suite": {|ALN0308:"nuget:Contoso.Evals@١.٢.٠"|}, "maxRate": 0.05 } ] } }""")]
    [InlineData("""{ "version": 1, "gates": { "additionalGateTypes": [{|ALN0317:"Contoso.Safety.Gate\n"|}] } }""")]
    [InlineData("""{ "version": 1, "sideEffects": { "custom": { "payments": [{|ALN0311:"M:Contoso.Pay.Charge\n"|}] } } }""")]
    [InlineData("""{ "version": 1, "agents": { "include": [{|ALN0315:"src/**/*.csproj\n"|}] } }""")]
    public void A_policy_name_with_a_trailing_newline_is_refused_at_the_value(string markup)
    {
        var (text, expected) = Markup.Parse(markup);

        var load = PolicyLoader.Parse(text, "/repo/alignment-policy.json");

        Assert.Null(load.Policy);
        var error = Assert.Single(load.Diagnostics);
        Assert.Equal(expected.Single(), new Markup.Expected(error.Code, error.Line, error.Column));
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("""{ "version": 1, "datasets": [ { "id": {|ALN0104:"support-kb\n"|}, "purpose": "eval", "source": { "kind": "internal" }, "license": "MIT", "files": [ { "path": "kb.jsonl" } ] } ] }""")]
    [InlineData("""{ "version": 1, "datasets": [ { "id": "kb", "purpose": "eval", "source": { "kind": "internal" }, "license": "MIT", "contentClasses": [{|ALN0104:"product-docs\n"|}], "files": [ { "path": "kb.jsonl" } ] } ] }""")]
    [InlineData("""{ "version": 1, "datasets": [ { "id": "kb", "purpose": "eval", "source": { "kind": "internal", "collected": {|ALN0104:"2026-05-01\n"|} }, "license": "MIT", "files": [ { "path": "kb.jsonl" } ] } ] }""")]
    [InlineData("""{ "version": 1, "datasets": [ { "id": "kb", "purpose": "eval", "source": { "kind": "internal" }, "license": "MIT", "files": [ { "path": "kb.jsonl", "sha256": {|ALN0104:"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n"|} } ] } ] }""")]
    public void A_manifest_name_with_a_trailing_newline_is_refused_at_the_value(string markup)
    {
        var (text, expected) = Markup.Parse(markup);

        var load = ProvenanceManifestLoader.Parse(text, "/repo/Agent/datasets.provenance.json");

        var error = Assert.Single(load.Diagnostics);
        Assert.Equal(expected.Single(), new Markup.Expected(error.Code, error.Line, error.Column));
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void No_value_can_split_a_line_of_the_generated_analyzer_config()
    {
        var policy = PolicyLoader.Parse("""
            { "version": 1, "sideEffects": { "oversightPaths": ["prompts/a\u2028b.txt", "x\u0085y", " spaced "] } }
            """, "/repo/with\u2029break/alignment-policy.json").Policy!;

        var text = PolicyGlobalConfig.Render(policy, isAgentProject: true);

        // Roslyn's reader ends a line at CR, LF, NEL, LS and PS; every line must still be a key = value line.
        var lines = text.Split(['\r', '\n', '\u0085', '\u2028', '\u2029'], StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines.Skip(2), line => Assert.StartsWith(PolicyGlobalConfig.KeyPrefix, line));
        Assert.Equal(text.Count(c => c == '\n'), lines.Length);
        Assert.Contains("alignment_policy.side_effects.oversight_paths = prompts/a%E2%80%A8b.txt|x%C2%85y|%20spaced%20", text);
    }
}
