using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Json;
using AlignmentPolicy.Core.Licensing;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Core.Provenance;

namespace AlignmentPolicy.Core.Tests.Hostile;

/// <summary>
/// Recursive grammars against deeply nested and very long input: a coded error at the offending position, on a
/// 256 KB stack, instead of a stack overflow that ends the process (exit 134; inside MSBuild, the build node).
/// </summary>
public sealed class DeepNestingTests
{
    private const int Depth = 100_000;

    [Fact]
    public void A_licence_expression_nested_100000_deep_is_ALN0109_at_the_first_parenthesis_past_the_limit()
    {
        var license = new string('(', Depth) + "MIT" + new string(')', Depth);
        var text = "{ \"version\": 1, \"datasets\": [ { \"id\": \"kb\", \"purpose\": \"eval\", \"source\": { \"kind\": \"internal\" },\n  \"license\": \"" + license + "\", \"files\": [ { \"path\": \"kb.jsonl\" } ] } ] }";

        var load = Guard.Run(() => ProvenanceManifestLoader.Parse(text, "/repo/Agent/datasets.provenance.json"));

        var error = Assert.Single(load.Diagnostics, d => d.Code == "ALN0109");
        var valueColumn = "  \"license\": ".Length + 1;
        Assert.Equal((2, valueColumn + 1 + SpdxExpressionParser.MaxNesting), (error.Line, error.Column));
        Assert.Contains("nest deeper than 32 levels", error.Message);
        Assert.True(error.Message.Length < 600, error.Message.Length.ToString());
    }

    [Fact]
    public void A_licence_expression_of_200000_terms_parses_and_is_judged_and_printed_without_recursion()
    {
        var expression = string.Join(" AND ", Enumerable.Repeat("MIT", 200_000)) + " OR Apache-2.0";

        var (parsed, allowedMit, allowedApache, printed) = Guard.Run(() =>
        {
            Assert.True(SpdxExpression.TryParse(expression, out var e, out var error), error?.Message);
            return (e!, e!.IsSatisfiedBy(id => id == "MIT"), e.IsSatisfiedBy(id => id == "Apache-2.0"), e.ToString());
        });

        Assert.True(allowedMit);
        Assert.True(allowedApache);
        Assert.Equal(expression, printed);
        Assert.Equal(200_001, parsed.LicenseIds.Count());
    }

    [Fact]
    public void Nesting_at_the_limit_is_still_a_valid_expression()
    {
        var nested = new string('(', SpdxExpressionParser.MaxNesting) + "MIT OR Apache-2.0" + new string(')', SpdxExpressionParser.MaxNesting);
        Assert.True(Guard.Run(() => SpdxExpression.TryParse(nested, out _, out _)));
    }

    [Fact]
    public void A_documentation_comment_id_with_generic_arguments_nested_1300_deep_is_ALN0311_at_the_brace_past_the_limit()
    {
        // 1300 levels stay under the 4096-character limit (longer IDs are refused for their length first, below).
        var id = "M:Contoso.Pay.Charge(" + string.Concat(Enumerable.Repeat("G{", 1300)) + "T" + new string('}', 1300) + ")";
        var text = "{ \"version\": 1, \"sideEffects\": { \"custom\": { \"payments\": [\n\"" + id + "\"] } } }";

        var load = Guard.Run(() => PolicyLoader.Parse(text, "/repo/alignment-policy.json"));

        var error = Assert.Single(load.Diagnostics);
        Assert.Equal("ALN0311", error.Code);
        var braceIndex = "M:Contoso.Pay.Charge(".Length + (2 * DocumentationCommentIdSyntax.MaxNesting) + 1;
        Assert.Equal((2, 2 + braceIndex), (error.Line, error.Column));
        Assert.Contains("nest deeper than 32 levels", error.Message);
        Assert.True(error.Message.Length < 600, error.Message.Length.ToString());
    }

    [Fact]
    public void A_documentation_comment_id_of_ten_million_characters_is_ALN0311_quoted_short()
    {
        var id = "M:" + string.Join(".", Enumerable.Repeat("Name", 2_000_000)) + "()";
        var text = "{ \"version\": 1, \"sideEffects\": { \"custom\": { \"payments\": [\"" + id + "\"] } } }";

        var load = Guard.Run(() => PolicyLoader.Parse(text, "/repo/alignment-policy.json"));

        var error = Assert.Single(load.Diagnostics);
        Assert.Equal("ALN0311", error.Code);
        Assert.Contains("a documentation-comment ID has at most 4096", error.Message);
        Assert.Contains($"({id.Length} characters)", error.Message);
        Assert.True(error.Message.Length < 600, error.Message.Length.ToString());
    }

    [Fact]
    public void JSON_nested_100000_deep_is_a_syntax_error_at_the_level_past_the_limit()
    {
        var text = new string('[', Depth) + new string(']', Depth);

        var error = Guard.Run(() => Assert.Throws<JsonSyntaxException>(() => JsonParser.Parse(text)));

        Assert.Equal((1, 129), (error.Line, error.Column));
        Assert.Contains("deeper than 128 levels", error.Message);
    }
}
