using System;
using System.Collections.Generic;
using System.Text;

namespace AlignmentPolicy.CodeFixes.Json;

/// <summary>The kinds of JSON values.</summary>
internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>A JSON value and where it is in the text (<see cref="Start"/> inclusive, <see cref="End"/> exclusive).</summary>
internal sealed class JsonNode
{
    public JsonNode(JsonKind kind, int start)
    {
        Kind = kind;
        Start = start;
    }

    public JsonKind Kind { get; }

    public int Start { get; }

    public int End { get; set; }

    /// <summary>An object's members in order, each with where its name starts.</summary>
    public List<(string Name, int NameStart, JsonNode Value)> Members { get; } = new();

    /// <summary>An array's items in order.</summary>
    public List<JsonNode> Items { get; } = new();

    /// <summary>A string's value, unescaped.</summary>
    public string? Text { get; set; }
}

/// <summary>
/// A strict RFC 8259 reader that keeps positions, for code fixes that edit a JSON file in place: a fix may insert text
/// only into a document it understands completely. Anything else (comments, trailing commas, single quotes, unescaped
/// control characters, bad escapes or numbers, text after the root value, nesting deeper than <see cref="MaxDepth"/>)
/// gives null, and the fix is not offered. (The analyzers' own reader is tolerant on purpose: it only looks things up.)
/// </summary>
internal static class StrictJsonDocument
{
    public const int MaxDepth = 128;

    /// <summary>The root value, or null when <paramref name="text"/> is not exactly one JSON value.</summary>
    public static JsonNode? Parse(string text)
    {
        var reader = new Reader(text);
        try
        {
            // A byte-order mark may survive in a SourceText; it is not JSON but says nothing about the content.
            reader.Position = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            var root = reader.ReadValue(0);
            reader.SkipWhitespace();
            return reader.Position == text.Length ? root : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private sealed class Reader
    {
        private readonly string _text;

        public Reader(string text) => _text = text;

        public int Position { get; set; }

        public JsonNode ReadValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new FormatException();
            }

            SkipWhitespace();
            var start = Position;
            switch (Peek())
            {
                case '{':
                    return ReadObject(depth, start);
                case '[':
                    return ReadArray(depth, start);
                case '"':
                    var text = ReadString();
                    return new JsonNode(JsonKind.String, start) { Text = text, End = Position };
                case 't':
                    return ReadLiteral("true", JsonKind.True, start);
                case 'f':
                    return ReadLiteral("false", JsonKind.False, start);
                case 'n':
                    return ReadLiteral("null", JsonKind.Null, start);
                default:
                    ReadNumber();
                    return new JsonNode(JsonKind.Number, start) { End = Position };
            }
        }

        private JsonNode ReadObject(int depth, int start)
        {
            var node = new JsonNode(JsonKind.Object, start);
            Position++;
            SkipWhitespace();
            if (Peek() == '}')
            {
                Position++;
                node.End = Position;
                return node;
            }

            while (true)
            {
                SkipWhitespace();
                var nameStart = Position;
                if (Peek() != '"')
                {
                    throw new FormatException();
                }

                var name = ReadString();
                SkipWhitespace();
                Expect(':');
                node.Members.Add((name, nameStart, ReadValue(depth + 1)));
                SkipWhitespace();
                if (Peek() == ',')
                {
                    Position++;
                    continue;
                }

                Expect('}');
                node.End = Position;
                return node;
            }
        }

        private JsonNode ReadArray(int depth, int start)
        {
            var node = new JsonNode(JsonKind.Array, start);
            Position++;
            SkipWhitespace();
            if (Peek() == ']')
            {
                Position++;
                node.End = Position;
                return node;
            }

            while (true)
            {
                node.Items.Add(ReadValue(depth + 1));
                SkipWhitespace();
                if (Peek() == ',')
                {
                    Position++;
                    continue;
                }

                Expect(']');
                node.End = Position;
                return node;
            }
        }

        private string ReadString()
        {
            Expect('"');
            var builder = new StringBuilder();
            while (true)
            {
                if (Position >= _text.Length)
                {
                    throw new FormatException();
                }

                var c = _text[Position++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c < ' ')
                {
                    throw new FormatException(); // control characters must be escaped
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (Position >= _text.Length)
                {
                    throw new FormatException();
                }

                var escape = _text[Position++];
                switch (escape)
                {
                    case '"' or '\\' or '/':
                        builder.Append(escape);
                        break;
                    case 'b':
                        builder.Append('\b');
                        break;
                    case 'f':
                        builder.Append('\f');
                        break;
                    case 'n':
                        builder.Append('\n');
                        break;
                    case 'r':
                        builder.Append('\r');
                        break;
                    case 't':
                        builder.Append('\t');
                        break;
                    case 'u':
                        var code = 0;
                        for (var i = 0; i < 4; i++)
                        {
                            var digit = Position < _text.Length ? HexValue(_text[Position++]) : -1;
                            if (digit < 0)
                            {
                                throw new FormatException();
                            }

                            code = (code * 16) + digit;
                        }

                        builder.Append((char)code);
                        break;
                    default:
                        throw new FormatException();
                }
            }
        }

        private JsonNode ReadLiteral(string literal, JsonKind kind, int start)
        {
            if (string.CompareOrdinal(_text, Position, literal, 0, literal.Length) != 0)
            {
                throw new FormatException();
            }

            Position += literal.Length;
            return new JsonNode(kind, start) { End = Position };
        }

        /// <summary>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
        private void ReadNumber()
        {
            if (Peek() == '-')
            {
                Position++;
            }

            if (Peek() == '0')
            {
                Position++;
            }
            else if (!Digits())
            {
                throw new FormatException();
            }

            if (Peek() == '.')
            {
                Position++;
                if (!Digits())
                {
                    throw new FormatException();
                }
            }

            if (Peek() is 'e' or 'E')
            {
                Position++;
                if (Peek() is '+' or '-')
                {
                    Position++;
                }

                if (!Digits())
                {
                    throw new FormatException();
                }
            }
        }

        private bool Digits()
        {
            var start = Position;
            while (Peek() is >= '0' and <= '9')
            {
                Position++;
            }

            return Position > start;
        }

        /// <summary>JSON white space is exactly these four characters.</summary>
        public void SkipWhitespace()
        {
            while (Peek() is ' ' or '\t' or '\n' or '\r')
            {
                Position++;
            }
        }

        private char Peek() => Position < _text.Length ? _text[Position] : '\0';

        private void Expect(char c)
        {
            if (Position >= _text.Length || _text[Position] != c)
            {
                throw new FormatException();
            }

            Position++;
        }

        private static int HexValue(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'f' => c - 'a' + 10,
            >= 'A' and <= 'F' => c - 'A' + 10,
            _ => -1,
        };
    }
}
