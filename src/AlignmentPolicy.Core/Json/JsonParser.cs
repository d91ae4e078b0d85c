using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AlignmentPolicy.Core.Json;

/// <summary>
/// A strict RFC 8259 JSON reader that builds a tree of <see cref="JsonNode"/>s with positions.
/// System.Text.Json reports byte offsets and rejects duplicate keys only by throwing, and the task
/// assembly cannot depend on it in every MSBuild; this reader gives line and column for every token
/// and keeps duplicate keys so that each one can be reported where it is written.
/// </summary>
public sealed class JsonParser
{
    private const int MaxDepth = 128;

    private readonly string _text;
    private int _pos;
    private int _line = 1;
    private int _lineStart;
    private int _depth;

    private JsonParser(string text)
    {
        _text = text;
        // A byte-order mark is not content.
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            _pos = 1;
            _lineStart = 1;
        }
    }

    /// <summary>Parses a whole document. Throws <see cref="JsonSyntaxException"/> with the position of the first error.</summary>
    public static JsonNode Parse(string text)
    {
        var parser = new JsonParser(text);
        parser.SkipWhitespace();
        if (parser.AtEnd)
        {
            throw parser.Error("The file is empty; expected a JSON object.");
        }

        var root = parser.ParseValue();
        parser.SkipWhitespace();
        if (!parser.AtEnd)
        {
            throw parser.Error($"Unexpected '{Describe(parser.Current)}' after the end of the JSON value.");
        }

        return root;
    }

    private bool AtEnd => _pos >= _text.Length;

    private char Current => _text[_pos];

    private int Column => _pos - _lineStart + 1;

    private JsonNode ParseValue()
    {
        if (AtEnd)
        {
            throw Error("Unexpected end of file; expected a value.");
        }

        return Current switch
        {
            '{' => ParseObject(),
            '[' => ParseArray(),
            '"' => ParseString(),
            't' => ParseLiteral("true", s => new JsonBoolean(s, true)),
            'f' => ParseLiteral("false", s => new JsonBoolean(s, false)),
            'n' => ParseLiteral("null", s => new JsonNull(s)),
            '-' or (>= '0' and <= '9') => ParseNumber(),
            '/' => throw Error("Comments are not allowed in JSON."),
            '\'' => throw Error("Strings must use double quotes (\")."),
            _ => throw Error($"Unexpected '{Describe(Current)}'; expected a value (object, array, string, number, true, false or null)."),
        };
    }

    private JsonObject ParseObject()
    {
        var (start, line, column) = Mark();
        Enter();
        _pos++; // '{'
        var properties = new List<JsonProperty>();
        SkipWhitespace();
        if (!AtEnd && Current == '}')
        {
            _pos++;
            Leave();
            return new JsonObject(SpanFrom(start, line, column), properties);
        }

        while (true)
        {
            SkipWhitespace();
            if (AtEnd)
            {
                throw Error("Unexpected end of file; expected a property name or '}'.");
            }

            if (Current == '}')
            {
                throw Error("Trailing commas are not allowed in JSON; remove the ',' before '}'.");
            }

            if (Current == '/')
            {
                throw Error("Comments are not allowed in JSON.");
            }

            if (Current != '"')
            {
                throw Error($"Unexpected '{Describe(Current)}'; expected a property name in double quotes.");
            }

            var name = ParseString();
            SkipWhitespace();
            if (AtEnd || Current != ':')
            {
                throw AtEnd ? Error("Unexpected end of file; expected ':'.") : Error($"Unexpected '{Describe(Current)}'; expected ':' after the property name.");
            }

            _pos++;
            SkipWhitespace();
            var value = ParseValue();
            properties.Add(new JsonProperty(name.Value, name.Span, value));
            SkipWhitespace();
            if (AtEnd)
            {
                throw Error("Unexpected end of file; expected ',' or '}'.");
            }

            if (Current == ',')
            {
                _pos++;
                continue;
            }

            if (Current == '}')
            {
                _pos++;
                Leave();
                return new JsonObject(SpanFrom(start, line, column), properties);
            }

            throw Error($"Unexpected '{Describe(Current)}'; expected ',' or '}}'.");
        }
    }

    private JsonArray ParseArray()
    {
        var (start, line, column) = Mark();
        Enter();
        _pos++; // '['
        var items = new List<JsonNode>();
        SkipWhitespace();
        if (!AtEnd && Current == ']')
        {
            _pos++;
            Leave();
            return new JsonArray(SpanFrom(start, line, column), items);
        }

        while (true)
        {
            SkipWhitespace();
            if (!AtEnd && Current == ']')
            {
                throw Error("Trailing commas are not allowed in JSON; remove the ',' before ']'.");
            }

            items.Add(ParseValue());
            SkipWhitespace();
            if (AtEnd)
            {
                throw Error("Unexpected end of file; expected ',' or ']'.");
            }

            if (Current == ',')
            {
                _pos++;
                continue;
            }

            if (Current == ']')
            {
                _pos++;
                Leave();
                return new JsonArray(SpanFrom(start, line, column), items);
            }

            throw Error($"Unexpected '{Describe(Current)}'; expected ',' or ']'.");
        }
    }

    private JsonString ParseString()
    {
        var (start, line, column) = Mark();
        _pos++; // opening quote
        StringBuilder? builder = null;
        var runStart = _pos;
        while (true)
        {
            if (AtEnd)
            {
                throw ErrorAt(line, column, "Unterminated string: the closing '\"' is missing.");
            }

            var c = Current;
            if (c == '"')
            {
                string value;
                if (builder is null)
                {
                    value = _text.Substring(runStart, _pos - runStart);
                }
                else
                {
                    builder.Append(_text, runStart, _pos - runStart);
                    value = builder.ToString();
                }

                _pos++;
                return new JsonString(SpanFrom(start, line, column), value, builder is not null);
            }

            if (c == '\\')
            {
                builder ??= new StringBuilder();
                builder.Append(_text, runStart, _pos - runStart);
                _pos++;
                if (AtEnd)
                {
                    throw ErrorAt(line, column, "Unterminated string: the closing '\"' is missing.");
                }

                var escaped = Current;
                switch (escaped)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (_pos + 4 >= _text.Length || !int.TryParse(_text.Substring(_pos + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw Error("Invalid \\u escape: expected four hexadecimal digits.");
                        }

                        builder.Append((char)code);
                        _pos += 4;
                        break;
                    default:
                        throw Error($"Invalid escape sequence '\\{Describe(escaped)}' in string.");
                }

                _pos++;
                runStart = _pos;
                continue;
            }

            if (c < ' ')
            {
                throw c == '\n' || c == '\r'
                    ? ErrorAt(line, column, "Unterminated string: strings cannot span lines (use \\n).")
                    : Error("Control characters must be escaped in strings.");
            }

            _pos++;
        }
    }

    private JsonNumber ParseNumber()
    {
        var (start, line, column) = Mark();
        if (Current == '-')
        {
            _pos++;
        }

        if (AtEnd || !IsDigit(Current))
        {
            throw Error("Invalid number: expected a digit.");
        }

        if (Current == '0')
        {
            _pos++;
            if (!AtEnd && IsDigit(Current))
            {
                throw Error("Invalid number: leading zeros are not allowed.");
            }
        }
        else
        {
            while (!AtEnd && IsDigit(Current))
            {
                _pos++;
            }
        }

        if (!AtEnd && Current == '.')
        {
            _pos++;
            if (AtEnd || !IsDigit(Current))
            {
                throw Error("Invalid number: expected a digit after '.'.");
            }

            while (!AtEnd && IsDigit(Current))
            {
                _pos++;
            }
        }

        if (!AtEnd && (Current == 'e' || Current == 'E'))
        {
            _pos++;
            if (!AtEnd && (Current == '+' || Current == '-'))
            {
                _pos++;
            }

            if (AtEnd || !IsDigit(Current))
            {
                throw Error("Invalid number: expected a digit in the exponent.");
            }

            while (!AtEnd && IsDigit(Current))
            {
                _pos++;
            }
        }

        var text = _text.Substring(start, _pos - start);
        var value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (double.IsInfinity(value))
        {
            throw ErrorAt(line, column, "Number is too large.");
        }

        return new JsonNumber(SpanFrom(start, line, column), text, value);
    }

    private JsonNode ParseLiteral(string literal, System.Func<SourceSpan, JsonNode> create)
    {
        var (start, line, column) = Mark();
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
        {
            var end = _pos;
            while (end < _text.Length && char.IsLetterOrDigit(_text[end]))
            {
                end++;
            }

            var word = _text.Substring(_pos, System.Math.Max(1, end - _pos));
            throw Error($"Unexpected '{Diagnostics.DisplayText.Of(word)}'; expected a value (did you mean {literal}, or forget quotes around a string?).");
        }

        _pos += literal.Length;
        return create(SpanFrom(start, line, column));
    }

    private void SkipWhitespace()
    {
        while (!AtEnd)
        {
            var c = Current;
            if (c == '\n')
            {
                _pos++;
                _line++;
                _lineStart = _pos;
            }
            else if (c == '\r')
            {
                _pos++;
                if (!AtEnd && Current == '\n')
                {
                    _pos++;
                }

                _line++;
                _lineStart = _pos;
            }
            else if (c == ' ' || c == '\t')
            {
                _pos++;
            }
            else
            {
                return;
            }
        }
    }

    private (int Start, int Line, int Column) Mark() => (_pos, _line, Column);

    private SourceSpan SpanFrom(int start, int line, int column) => new(start, _pos, line, column, _line, Column);

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            throw Error($"The document nests deeper than {MaxDepth} levels.");
        }
    }

    private void Leave() => _depth--;

    private static bool IsDigit(char c) => c >= '0' && c <= '9';

    private static string Describe(char c) => Diagnostics.DisplayText.Of(c);

    private JsonSyntaxException Error(string message) => new(message, _line, Column);

    private static JsonSyntaxException ErrorAt(int line, int column, string message) => new(message, line, column);
}
