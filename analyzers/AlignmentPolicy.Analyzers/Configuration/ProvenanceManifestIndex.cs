using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Linq;

namespace AlignmentPolicy.Analyzers.Configuration;

/// <summary>
/// What ALN0100 needs from <c>datasets.provenance.json</c>: the declared file paths and globs, and where the
/// <c>datasets</c> array ends (for the code fix). A small tolerant reader, so the analyzers stay
/// dependency-free; the build task validates the manifest properly (ALN01xx).
/// </summary>
internal sealed class ProvenanceManifestIndex
{
    private readonly ImmutableArray<Globbing.PathGlob> _patterns;

    private ProvenanceManifestIndex(ImmutableArray<string> paths, int datasetsEnd, bool datasetsEmpty)
    {
        Paths = paths;
        DatasetsArrayEnd = datasetsEnd;
        DatasetsEmpty = datasetsEmpty;
        _patterns = paths.Select(Globbing.PathGlob.Create).ToImmutableArray();
    }

    /// <summary>Every <c>datasets[].files[].path</c>, as written.</summary>
    public ImmutableArray<string> Paths { get; }

    /// <summary>Offset of the <c>]</c> closing the <c>datasets</c> array, or -1.</summary>
    public int DatasetsArrayEnd { get; }

    public bool DatasetsEmpty { get; }

    public bool Declares(string relativePath)
    {
        var normalized = Normalize(relativePath);
        foreach (var pattern in _patterns)
        {
            if (pattern.IsMatch(normalized))
            {
                return true;
            }
        }

        return false;
    }

    public static string Normalize(string path) => Globbing.PathGlob.Normalize(path);

    /// <summary>Reads the manifest; null when it is not JSON this reader understands (the build reports why).</summary>
    public static ProvenanceManifestIndex? TryRead(string text)
    {
        try
        {
            var reader = new Reader(text);
            var root = reader.ReadValue();
            if (root is not Dictionary<string, object?> obj || !obj.TryGetValue("datasets", out var datasets) || datasets is not List<object?> list)
            {
                return new ProvenanceManifestIndex(ImmutableArray<string>.Empty, -1, true);
            }

            var paths = ImmutableArray.CreateBuilder<string>();
            foreach (var dataset in list)
            {
                if (dataset is Dictionary<string, object?> d && d.TryGetValue("files", out var files) && files is List<object?> fileList)
                {
                    foreach (var file in fileList)
                    {
                        if (file is Dictionary<string, object?> f && f.TryGetValue("path", out var path) && path is string p)
                        {
                            paths.Add(p);
                        }
                        else if (file is string direct)
                        {
                            paths.Add(direct);
                        }
                    }
                }
            }

            return new ProvenanceManifestIndex(paths.ToImmutable(), reader.ArrayEnds.TryGetValue(list, out var end) ? end : -1, list.Count == 0);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>A minimal JSON reader: objects, arrays, strings, and scalars skipped over.</summary>
    private sealed class Reader
    {
        // Deeper nesting is no manifest; the reader recurses per level and must not overflow the compiler's stack.
        private const int MaxDepth = 128;
        private readonly string _text;
        private int _pos;
        private int _depth;

        public Reader(string text) => _text = text;

        public Dictionary<List<object?>, int> ArrayEnds { get; } = new();

        public object? ReadValue()
        {
            if (++_depth > MaxDepth)
            {
                throw new FormatException();
            }

            try
            {
                return ReadValueCore();
            }
            finally
            {
                _depth--;
            }
        }

        private object? ReadValueCore()
        {
            SkipWhitespace();
            if (_pos >= _text.Length)
            {
                throw new FormatException();
            }

            switch (_text[_pos])
            {
                case '{':
                    _pos++;
                    var obj = new Dictionary<string, object?>(StringComparer.Ordinal);
                    SkipWhitespace();
                    if (Peek() == '}')
                    {
                        _pos++;
                        return obj;
                    }

                    while (true)
                    {
                        SkipWhitespace();
                        var key = ReadString();
                        SkipWhitespace();
                        Expect(':');
                        obj[key] = ReadValue();
                        SkipWhitespace();
                        if (Peek() == ',')
                        {
                            _pos++;
                            continue;
                        }

                        Expect('}');
                        return obj;
                    }

                case '[':
                    _pos++;
                    var list = new List<object?>();
                    SkipWhitespace();
                    if (Peek() == ']')
                    {
                        ArrayEnds[list] = _pos;
                        _pos++;
                        return list;
                    }

                    while (true)
                    {
                        list.Add(ReadValue());
                        SkipWhitespace();
                        if (Peek() == ',')
                        {
                            _pos++;
                            continue;
                        }

                        ArrayEnds[list] = _pos;
                        Expect(']');
                        return list;
                    }

                case '"':
                    return ReadString();
                default:
                    var start = _pos;
                    while (_pos < _text.Length && ",]} \t\r\n".IndexOf(_text[_pos]) < 0)
                    {
                        _pos++;
                    }

                    if (_pos == start)
                    {
                        throw new FormatException();
                    }

                    return null;
            }
        }

        private string ReadString()
        {
            Expect('"');
            var builder = new StringBuilder();
            while (_pos < _text.Length && _text[_pos] != '"')
            {
                if (_text[_pos] == '\\' && _pos + 1 < _text.Length)
                {
                    _pos++;
                    var escaped = _text[_pos];
                    builder.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', 'b' => '\b', 'f' => '\f', _ => escaped });
                    if (escaped == 'u' && _pos + 4 < _text.Length)
                    {
                        builder.Length--;
                        builder.Append((char)Convert.ToInt32(_text.Substring(_pos + 1, 4), 16));
                        _pos += 4;
                    }
                }
                else
                {
                    builder.Append(_text[_pos]);
                }

                _pos++;
            }

            Expect('"');
            return builder.ToString();
        }

        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private void Expect(char c)
        {
            if (Peek() != c)
            {
                throw new FormatException();
            }

            _pos++;
        }

        private void SkipWhitespace()
        {
            while (_pos < _text.Length && char.IsWhiteSpace(_text[_pos]))
            {
                _pos++;
            }
        }
    }
}
