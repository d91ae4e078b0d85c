using AlignmentPolicy.Core.Json;

namespace AlignmentPolicy.Core.Tests.Json;

public class JsonParserTests
{
    [Fact]
    public void Records_line_and_column_of_every_token()
    {
        var root = (JsonObject)JsonParser.Parse("{\n  \"a\": [1, true],\r\n\t\"b\": { \"c\": \"x\\u0041\" }\n}");

        var a = root.Properties[0];
        Assert.Equal((2, 3), (a.NameSpan.Line, a.NameSpan.Column));
        var array = (JsonArray)a.Value;
        Assert.Equal((2, 8), (array.Span.Line, array.Span.Column));
        Assert.Equal((2, 12), (array.Items[1].Span.Line, array.Items[1].Span.Column));

        var b = root.Properties[1];
        Assert.Equal((3, 2), (b.NameSpan.Line, b.NameSpan.Column));
        var c = (JsonString)((JsonObject)b.Value).Properties[0].Value;
        Assert.Equal("xA", c.Value);
        Assert.True(c.HasEscapes);
        Assert.Equal((3, 14), (c.Span.Line, c.Span.Column));
    }

    [Fact]
    public void Keeps_duplicate_keys_in_order()
    {
        var root = (JsonObject)JsonParser.Parse("{\"a\":1,\"a\":2}");
        Assert.Equal(2, root.Properties.Count);
        Assert.Equal(1, ((JsonNumber)root.Find("a")!.Value).Value);
    }

    [Theory]
    [InlineData("{\"a\": 1 \"b\": 2}", 1, 9, "expected ',' or '}'")]
    [InlineData("{\"a\": 1,}", 1, 9, "Trailing commas")]
    [InlineData("[1, 2,]", 1, 7, "Trailing commas")]
    [InlineData("{\"a\": \"open\n}", 1, 7, "Unterminated string")]
    [InlineData("{\n  // note\n  \"a\": 1 }", 2, 3, "Comments are not allowed")]
    [InlineData("{'a': 1}", 1, 2, "expected a property name")]
    [InlineData("{\"a\": tru}", 1, 7, "did you mean true")]
    [InlineData("{\"a\": 01}", 1, 8, "leading zeros")]
    [InlineData("{\"a\": 1.}", 1, 9, "after '.'")]
    [InlineData("{\"a\": \"\\q\"}", 1, 9, "Invalid escape")]
    [InlineData("{\"a\": 1} x", 1, 10, "after the end")]
    [InlineData("", 1, 1, "empty")]
    [InlineData("{\"a\": ", 1, 7, "end of file")]
    public void Reports_syntax_errors_at_the_offending_character(string text, int line, int column, string fragment)
    {
        var ex = Assert.Throws<JsonSyntaxException>(() => JsonParser.Parse(text));
        Assert.Equal((line, column), (ex.Line, ex.Column));
        Assert.Contains(fragment, ex.Message);
    }

    [Fact]
    public void Skips_a_byte_order_mark_without_shifting_columns()
    {
        var root = (JsonObject)JsonParser.Parse("\uFEFF{\"a\": 1}");
        Assert.Equal(2, root.Properties[0].NameSpan.Column);
    }

    [Fact]
    public void Rejects_hostile_nesting_instead_of_overflowing_the_stack()
    {
        var text = new string('[', 100_000) + new string(']', 100_000);
        var ex = Assert.Throws<JsonSyntaxException>(() => JsonParser.Parse(text));
        Assert.Contains("nests deeper", ex.Message);
    }

    [Theory]
    [InlineData("0", true)]
    [InlineData("-12", true)]
    [InlineData("0.5", false)]
    [InlineData("1e3", false)]
    public void Tells_integers_from_decimals(string text, bool isInteger)
        => Assert.Equal(isInteger, ((JsonNumber)JsonParser.Parse(text)).IsInteger);
}
