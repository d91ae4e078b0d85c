using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AlignmentPolicy.CodeFixes.Json;

/// <summary>An object to write: members in the order added (a manifest's key order is part of its formatting).</summary>
internal sealed class JsonMembers : IEnumerable<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _members = new();

    /// <summary>Adds a member; the value is a string, a bool, null, a <see cref="JsonMembers"/> or an array of those.</summary>
    public void Add(string name, object? value) => _members.Add(new KeyValuePair<string, object?>(name, value));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _members.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// Writes JSON text. The code fixes are netstandard2.0 assemblies loaded by the compiler and the IDE, which cannot bring
/// System.Text.Json along, so this is the small writer they use: every string goes through <see cref="Quote"/>, never
/// through concatenation.
/// </summary>
internal static class JsonWriter
{
    /// <summary>
    /// A JSON string literal for <paramref name="value"/>: quote, backslash and control characters escaped (RFC 8259), and
    /// also U+2028/U+2029 (line breaks to JavaScript and to some editors) and unpaired surrogates (which have no UTF-8
    /// form, so written raw they would be lost when the file is saved). Everything else, non-ASCII included, stays readable.
    /// </summary>
    public static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case '\b':
                    builder.Append("\\b");
                    break;
                case '\f':
                    builder.Append("\\f");
                    break;
                default:
                    var unpaired = char.IsHighSurrogate(c) ? i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])
                        : char.IsLowSurrogate(c) && (i == 0 || !char.IsHighSurrogate(value[i - 1]));
                    if (c < ' ' || c == '\u007F' || c == '\u2028' || c == '\u2029' || unpaired)
                    {
                        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A value on one line: <c>{ "a": 1, "b": [] }</c>, or <c>{"a":1,"b":[]}</c> when <paramref name="spaced"/> is false.</summary>
    public static string Inline(object? value, bool spaced)
    {
        var builder = new StringBuilder();
        WriteInline(builder, value, spaced);
        return builder.ToString();
    }

    /// <summary>
    /// An object with one member per line: braces at <paramref name="indent"/>, members one <paramref name="unit"/> deeper,
    /// nested values on one line.
    /// </summary>
    public static string Block(JsonMembers members, string indent, string unit, string newLine, bool spaced)
    {
        var builder = new StringBuilder().Append(indent).Append('{');
        var first = true;
        foreach (var member in members)
        {
            builder.Append(first ? "" : ",").Append(newLine).Append(indent).Append(unit).Append(Quote(member.Key)).Append(spaced ? ": " : ":");
            WriteInline(builder, member.Value, spaced);
            first = false;
        }

        return builder.Append(newLine).Append(indent).Append('}').ToString();
    }

    private static void WriteInline(StringBuilder builder, object? value, bool spaced)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                break;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                break;
            case string text:
                builder.Append(Quote(text));
                break;
            case JsonMembers members:
                builder.Append('{');
                var firstMember = true;
                foreach (var member in members)
                {
                    builder.Append(firstMember ? (spaced ? " " : "") : (spaced ? ", " : ",")).Append(Quote(member.Key)).Append(spaced ? ": " : ":");
                    WriteInline(builder, member.Value, spaced);
                    firstMember = false;
                }

                builder.Append(firstMember || !spaced ? "}" : " }");
                break;
            case IEnumerable<object?> items:
                builder.Append('[');
                var firstItem = true;
                foreach (var item in items)
                {
                    builder.Append(firstItem ? "" : spaced ? ", " : ",");
                    WriteInline(builder, item, spaced);
                    firstItem = false;
                }

                builder.Append(']');
                break;
            default:
                throw new System.ArgumentException("Only strings, booleans, null, objects and arrays are written.", nameof(value));
        }
    }
}
