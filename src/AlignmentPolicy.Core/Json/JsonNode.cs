using System.Collections.Generic;
using System.Globalization;

namespace AlignmentPolicy.Core.Json;

/// <summary>The kind of a JSON value.</summary>
public enum JsonKind
{
    /// <summary>An object.</summary>
    Object,
    /// <summary>An array.</summary>
    Array,
    /// <summary>A string.</summary>
    String,
    /// <summary>A number.</summary>
    Number,
    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,
    /// <summary><c>null</c>.</summary>
    Null,
}

/// <summary>
/// A JSON value that remembers where it was written, so that validation can point at the exact
/// token. Lines and columns are 1-based; columns count UTF-16 code units, as MSBuild and editors do.
/// </summary>
public abstract class JsonNode
{
    private protected JsonNode(SourceSpan span) => Span = span;

    /// <summary>The kind of value.</summary>
    public abstract JsonKind Kind { get; }

    /// <summary>Where the value's text starts and ends.</summary>
    public SourceSpan Span { get; }

    /// <summary>The JSON type name used in messages ("object", "string", ...).</summary>
    public string KindName => KindToName(Kind);

    internal static string KindToName(JsonKind kind) => kind switch
    {
        JsonKind.Object => "object",
        JsonKind.Array => "array",
        JsonKind.String => "string",
        JsonKind.Number => "number",
        JsonKind.Boolean => "boolean",
        _ => "null",
    };
}

/// <summary>A position range in a text file: 1-based lines and columns, end exclusive.</summary>
public readonly struct SourceSpan
{
    /// <summary>Creates a span.</summary>
    public SourceSpan(int start, int end, int line, int column, int endLine, int endColumn)
    {
        Start = start;
        End = end;
        Line = line;
        Column = column;
        EndLine = endLine;
        EndColumn = endColumn;
    }

    /// <summary>Character offset of the first character.</summary>
    public int Start { get; }
    /// <summary>Character offset just past the last character.</summary>
    public int End { get; }
    /// <summary>1-based line of the first character.</summary>
    public int Line { get; }
    /// <summary>1-based column of the first character.</summary>
    public int Column { get; }
    /// <summary>1-based line of the end.</summary>
    public int EndLine { get; }
    /// <summary>1-based column just past the last character.</summary>
    public int EndColumn { get; }

    /// <inheritdoc />
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "({0},{1})", Line, Column);
}

/// <summary>A property of a JSON object, with the position of its name.</summary>
public sealed class JsonProperty
{
    internal JsonProperty(string name, SourceSpan nameSpan, JsonNode value)
    {
        Name = name;
        NameSpan = nameSpan;
        Value = value;
    }

    /// <summary>The property name, unescaped.</summary>
    public string Name { get; }
    /// <summary>Where the name token (with its quotes) is.</summary>
    public SourceSpan NameSpan { get; }
    /// <summary>The value.</summary>
    public JsonNode Value { get; }
}

/// <summary>A JSON object. Properties keep their order, and duplicates are kept so they can be reported.</summary>
public sealed class JsonObject : JsonNode
{
    internal JsonObject(SourceSpan span, IReadOnlyList<JsonProperty> properties) : base(span) => Properties = properties;

    /// <inheritdoc />
    public override JsonKind Kind => JsonKind.Object;

    /// <summary>Properties in document order, duplicates included.</summary>
    public IReadOnlyList<JsonProperty> Properties { get; }

    /// <summary>The first property with this exact (case-sensitive) name, or null.</summary>
    public JsonProperty? Find(string name)
    {
        foreach (var property in Properties)
        {
            if (property.Name == name)
            {
                return property;
            }
        }

        return null;
    }
}

/// <summary>A JSON array.</summary>
public sealed class JsonArray : JsonNode
{
    internal JsonArray(SourceSpan span, IReadOnlyList<JsonNode> items) : base(span) => Items = items;

    /// <inheritdoc />
    public override JsonKind Kind => JsonKind.Array;

    /// <summary>The elements in order.</summary>
    public IReadOnlyList<JsonNode> Items { get; }
}

/// <summary>A JSON string.</summary>
public sealed class JsonString : JsonNode
{
    internal JsonString(SourceSpan span, string value, bool hasEscapes) : base(span)
    {
        Value = value;
        HasEscapes = hasEscapes;
    }

    /// <inheritdoc />
    public override JsonKind Kind => JsonKind.String;

    /// <summary>The unescaped value.</summary>
    public string Value { get; }

    /// <summary>
    /// True when the source text used escape sequences, so character <c>i</c> of <see cref="Value"/>
    /// is not at column <c>Span.Column + 1 + i</c>.
    /// </summary>
    public bool HasEscapes { get; }
}

/// <summary>A JSON number, kept as its source text too so integers and decimals are told apart.</summary>
public sealed class JsonNumber : JsonNode
{
    internal JsonNumber(SourceSpan span, string text, double value) : base(span)
    {
        Text = text;
        Value = value;
    }

    /// <inheritdoc />
    public override JsonKind Kind => JsonKind.Number;

    /// <summary>The number as written.</summary>
    public string Text { get; }

    /// <summary>The value as a double.</summary>
    public double Value { get; }

    /// <summary>True when the number is written without a fraction or exponent.</summary>
    public bool IsInteger => Text.IndexOfAny(new[] { '.', 'e', 'E' }) < 0;
}

/// <summary>A JSON boolean.</summary>
public sealed class JsonBoolean : JsonNode
{
    internal JsonBoolean(SourceSpan span, bool value) : base(span) => Value = value;

    /// <inheritdoc />
    public override JsonKind Kind => JsonKind.Boolean;

    /// <summary>The value.</summary>
    public bool Value { get; }
}

/// <summary>A JSON null.</summary>
public sealed class JsonNull : JsonNode
{
    internal JsonNull(SourceSpan span) : base(span)
    {
    }

    /// <inheritdoc />
    public override JsonKind Kind => JsonKind.Null;
}
