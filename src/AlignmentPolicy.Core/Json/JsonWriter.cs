using System;
using System.Globalization;
using System.Text;

namespace AlignmentPolicy.Core.Json;

/// <summary>
/// A small forward-only JSON writer (RFC 8259): compact or two-space indented, invariant round-trippable numbers,
/// only the escapes JSON requires. Output is deterministic, so signed payloads are reproducible.
/// </summary>
public sealed class JsonWriter
{
    private readonly StringBuilder _text = new();
    private readonly bool _indented;
    private int _depth;
    private bool _needsComma;
    private bool _afterName;

    /// <summary>Creates a writer.</summary>
    public JsonWriter(bool indented = false) => _indented = indented;

    /// <summary>Starts an object.</summary>
    public JsonWriter StartObject() => Open('{');

    /// <summary>Ends an object.</summary>
    public JsonWriter EndObject() => Close('}');

    /// <summary>Starts an array.</summary>
    public JsonWriter StartArray() => Open('[');

    /// <summary>Ends an array.</summary>
    public JsonWriter EndArray() => Close(']');

    /// <summary>Writes a property name; the next call writes its value.</summary>
    public JsonWriter Name(string name)
    {
        BeforeValue();
        AppendString(_text, name);
        _text.Append(_indented ? ": " : ":");
        _afterName = true;
        return this;
    }

    /// <summary>Writes a string, or null.</summary>
    public JsonWriter Value(string? value)
    {
        BeforeValue();
        if (value is null)
        {
            _text.Append("null");
        }
        else
        {
            AppendString(_text, value);
        }

        _needsComma = true;
        return this;
    }

    /// <summary>Writes a number (round-trippable, invariant).</summary>
    public JsonWriter Value(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), "JSON has no NaN or infinity.");
        }

        BeforeValue();
        _text.Append(value.ToString("R", CultureInfo.InvariantCulture));
        _needsComma = true;
        return this;
    }

    /// <summary>Writes an integer.</summary>
    public JsonWriter Value(long value)
    {
        BeforeValue();
        _text.Append(value.ToString(CultureInfo.InvariantCulture));
        _needsComma = true;
        return this;
    }

    /// <summary>Writes a boolean.</summary>
    public JsonWriter Value(bool value)
    {
        BeforeValue();
        _text.Append(value ? "true" : "false");
        _needsComma = true;
        return this;
    }

    /// <summary>Writes a string property.</summary>
    public JsonWriter Property(string name, string? value) => Name(name).Value(value);

    /// <summary>Writes a number property.</summary>
    public JsonWriter Property(string name, double value) => Name(name).Value(value);

    /// <summary>Writes an integer property.</summary>
    public JsonWriter Property(string name, long value) => Name(name).Value(value);

    /// <summary>Writes a boolean property.</summary>
    public JsonWriter Property(string name, bool value) => Name(name).Value(value);

    /// <summary>The text written so far.</summary>
    public override string ToString() => _text.ToString();

    /// <summary>Appends <paramref name="value"/> as a quoted JSON string.</summary>
    public static void AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default:
                    if (c < 0x20)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    private JsonWriter Open(char bracket)
    {
        BeforeValue();
        _text.Append(bracket);
        _depth++;
        _needsComma = false;
        return this;
    }

    private JsonWriter Close(char bracket)
    {
        _depth--;
        if (_needsComma)
        {
            NewLine();
        }

        _text.Append(bracket);
        _needsComma = true;
        return this;
    }

    private void BeforeValue()
    {
        if (_afterName)
        {
            _afterName = false;
            return;
        }

        if (_needsComma)
        {
            _text.Append(',');
        }

        if (_depth > 0)
        {
            NewLine();
        }
    }

    private void NewLine()
    {
        if (_indented)
        {
            _text.Append('\n').Append(' ', 2 * _depth);
        }
    }
}
