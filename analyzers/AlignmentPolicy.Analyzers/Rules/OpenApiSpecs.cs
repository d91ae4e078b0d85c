using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AlignmentPolicy.Analyzers.Rules;

/// <summary>One operation of an OpenAPI (or Swagger 2.0) spec: its HTTP method (lower case) and its operationId (may be null).</summary>
internal readonly struct OpenApiOperation
{
    public OpenApiOperation(string method, string? id)
    {
        Method = method;
        Id = id;
    }

    public string Method { get; }

    public string? Id { get; }

    /// <summary>GET, HEAD, OPTIONS and TRACE read; every other method may change state on the server.</summary>
    public bool Writes => Method is not ("get" or "head" or "options" or "trace");
}

/// <summary>
/// The operations of an OpenAPI spec handed to the compiler as an additional file (AlignmentPolicy.Build passes the
/// project's JSON and YAML files; `alignment-policy scan` the project's OpenAPI documents). A plugin import names its spec by
/// a path or a resource name (<c>"Resources/Plugins/RepairServicePlugin/repair-service.json"</c>,
/// <c>EmbeddedResource.ReadStream("repair-service.json")</c>); the additional file whose path ends with that name is the spec.
/// Only the <c>paths</c> object is read: each path item's method keys and their <c>operationId</c>. Parsed once per file.
/// </summary>
internal static class OpenApiSpecs
{
    private static readonly ConditionalWeakTable<AdditionalText, Parsed> s_parsed = new();

    private static readonly string[] s_methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    /// <summary>The operations of the spec named <paramref name="name"/>, or null when no additional file is that spec (then nothing is known).</summary>
    public static ImmutableArray<OpenApiOperation>? Find(ImmutableArray<AdditionalText> files, string name)
    {
        var wanted = Normalize(name);
        if (wanted.Length == 0 || files.IsDefaultOrEmpty)
        {
            return null;
        }

        ImmutableArray<OpenApiOperation>? found = null;
        foreach (var file in files)
        {
            var path = Normalize(file.Path);
            if (!(path == wanted || path.EndsWith("/" + wanted, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (s_parsed.GetValue(file, f => new Parsed(Read(f))).Operations is { } operations)
            {
                // Two files of the same name (two projects' copies): the import may read either, so both count.
                found = found is { } earlier ? earlier.AddRange(operations) : operations;
            }
        }

        return found;
    }

    /// <summary>Whether a constant names a spec file: a relative path or resource name ending in .json, .yaml or .yml.</summary>
    public static bool IsSpecName(string value)
        => !value.Contains("://")
            && (value.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".yml", StringComparison.OrdinalIgnoreCase));

    private static string Normalize(string path) => path.Replace('\\', '/').TrimStart('.', '/');

    private static ImmutableArray<OpenApiOperation>? Read(AdditionalText file)
    {
        var text = file.GetText();
        if (text is null || text.Length > 4_000_000)
        {
            return null;
        }

        var content = text.ToString();
        var trimmed = content.TrimStart();
        return trimmed.StartsWith("{", StringComparison.Ordinal) ? ReadJson(content) : ReadYaml(text);
    }

    /// <summary>JSON: the value of the top-level "paths"; in each path item, the method keys and their "operationId".</summary>
    private static ImmutableArray<OpenApiOperation>? ReadJson(string content)
    {
        var reader = new JsonReader(content);
        // A spec that does not parse (cut short, an unclosed object) says nothing: the import is judged as without a spec.
        if (reader.ReadValue() is not Dictionary<string, object?> root || reader.Broken || !(root.ContainsKey("openapi") || root.ContainsKey("swagger"))
            || !root.TryGetValue("paths", out var pathsValue) || pathsValue is not Dictionary<string, object?> paths)
        {
            return null;
        }

        var operations = ImmutableArray.CreateBuilder<OpenApiOperation>();
        foreach (var item in paths.Values.OfType<Dictionary<string, object?>>())
        {
            foreach (var pair in item)
            {
                var method = pair.Key.ToLowerInvariant();
                if (Array.IndexOf(s_methods, method) >= 0 && pair.Value is Dictionary<string, object?> operation)
                {
                    operations.Add(new OpenApiOperation(method, operation.TryGetValue("operationId", out var id) ? id as string : null));
                }
            }
        }

        return operations.ToImmutable();
    }

    /// <summary>YAML, by indentation: under a top-level <c>paths:</c>, path keys, their method keys and each method's <c>operationId:</c>.</summary>
    private static ImmutableArray<OpenApiOperation>? ReadYaml(SourceText text)
    {
        var isSpec = false;
        var inPaths = false;
        int pathIndent = -1, methodIndent = -1;
        string? method = null;
        string? id = null;
        var operations = ImmutableArray.CreateBuilder<OpenApiOperation>();

        void Flush()
        {
            if (method is not null)
            {
                operations.Add(new OpenApiOperation(method, id));
            }

            method = null;
            id = null;
        }

        foreach (var line in text.Lines)
        {
            var raw = line.ToString();
            var content = raw.TrimStart();
            if (content.Length == 0 || content[0] == '#')
            {
                continue;
            }

            var indent = raw.Length - content.Length;
            var colon = content.IndexOf(':');
            var key = colon > 0 ? content.Substring(0, colon).Trim().Trim('"', '\'') : null;
            if (indent == 0)
            {
                Flush();
                isSpec |= key is "openapi" or "swagger";
                inPaths = key == "paths";
                pathIndent = methodIndent = -1;
                continue;
            }

            if (!inPaths || key is null)
            {
                continue;
            }

            if (pathIndent < 0 || indent <= pathIndent)
            {
                Flush();
                pathIndent = indent;
                methodIndent = -1;
                continue;
            }

            if (methodIndent < 0 || indent <= methodIndent)
            {
                Flush();
                methodIndent = indent;
                var lower = key.ToLowerInvariant();
                method = Array.IndexOf(s_methods, lower) >= 0 ? lower : null;
                continue;
            }

            if (method is not null && id is null && key == "operationId")
            {
                id = content.Substring(colon + 1).Trim().Trim('"', '\'');
            }
        }

        Flush();
        return isSpec ? operations.ToImmutable() : null;
    }

    private sealed class Parsed
    {
        public Parsed(ImmutableArray<OpenApiOperation>? operations) => Operations = operations;

        public ImmutableArray<OpenApiOperation>? Operations { get; }
    }

    /// <summary>A small JSON reader: objects to dictionaries, arrays to lists, strings, and other scalars as their text.</summary>
    private sealed class JsonReader
    {
        private readonly string _text;
        private int _position;

        public JsonReader(string text) => _text = text;

        /// <summary>Whether the text ended inside a value or a container was not closed: what was read is incomplete.</summary>
        public bool Broken { get; private set; }

        public object? ReadValue(int depth = 0)
        {
            SkipWhitespace();
            if (_position >= _text.Length || depth > 64)
            {
                Broken = true;
                return null;
            }

            switch (_text[_position])
            {
                case '{':
                    _position++;
                    var obj = new Dictionary<string, object?>(StringComparer.Ordinal);
                    while (true)
                    {
                        SkipWhitespace();
                        if (_position >= _text.Length)
                        {
                            Broken = true;
                            return obj;
                        }

                        if (_text[_position] == '}')
                        {
                            _position++;
                            return obj;
                        }

                        if (_text[_position] == ',')
                        {
                            _position++;
                            continue;
                        }

                        if (ReadValue(depth + 1) is not string key)
                        {
                            Broken = true;
                            return obj;
                        }

                        SkipWhitespace();
                        if (_position < _text.Length && _text[_position] == ':')
                        {
                            _position++;
                        }

                        obj[key] = ReadValue(depth + 1);
                    }

                case '[':
                    _position++;
                    var list = new List<object?>();
                    while (true)
                    {
                        SkipWhitespace();
                        if (_position >= _text.Length)
                        {
                            Broken = true;
                            return list;
                        }

                        if (_text[_position] == ']')
                        {
                            _position++;
                            return list;
                        }

                        if (_text[_position] == ',')
                        {
                            _position++;
                            continue;
                        }

                        var before = _position;
                        list.Add(ReadValue(depth + 1));
                        if (_position == before)
                        {
                            Broken = true;
                            return list;
                        }
                    }

                case '"':
                    return ReadString();
                default:
                    var start = _position;
                    while (_position < _text.Length && _text[_position] is not (',' or '}' or ']' or ' ' or '\t' or '\r' or '\n'))
                    {
                        _position++;
                    }

                    return _text.Substring(start, _position - start);
            }
        }

        private string ReadString()
        {
            _position++;
            var builder = new StringBuilder();
            while (_position < _text.Length && _text[_position] != '"')
            {
                if (_text[_position] == '\\' && _position + 1 < _text.Length)
                {
                    _position++;
                    builder.Append(_text[_position] switch { 'n' => '\n', 't' => '\t', 'r' => '\r', var c => c });
                    if (_text[_position] == 'u' && _position + 4 < _text.Length
                        && int.TryParse(_text.Substring(_position + 1, 4), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture, out var code))
                    {
                        builder.Length--;
                        builder.Append((char)code);
                        _position += 4;
                    }
                }
                else
                {
                    builder.Append(_text[_position]);
                }

                _position++;
            }

            _position++;
            return builder.ToString();
        }

        private void SkipWhitespace()
        {
            while (_position < _text.Length && char.IsWhiteSpace(_text[_position]))
            {
                _position++;
            }
        }
    }
}
