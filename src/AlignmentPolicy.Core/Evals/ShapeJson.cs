using System;
using System.Collections;
using System.Collections.Generic;
using AlignmentPolicy.Core.Json;

namespace AlignmentPolicy.Core.Evals;

/// <summary>
/// Writes and reads the fields of a results shape (<see cref="EvalResultsShape"/>) with Core's JSON writer and parser, so
/// the attestation records evaluation settings and cells under the same names and types as the results file, from one table.
/// </summary>
internal static class ShapeJson
{
    /// <summary>Writes the fields of <paramref name="value"/> named in <paramref name="fields"/> (all when null) as properties of the open object.</summary>
    public static void Write(JsonWriter writer, object value, IReadOnlyList<EvalResultsShape.Field> shape, ICollection<string>? fields = null)
    {
        foreach (var field in shape)
        {
            if (fields is not null && !fields.Contains(field.Name))
            {
                continue;
            }

            var item = field.Get(value);
            if (item is null && !field.Required)
            {
                continue;
            }

            writer.Name(field.Name);
            WriteValue(writer, field, item);
        }
    }

    /// <summary>
    /// Reads the fields named in <paramref name="fields"/> (all when null) that are present in <paramref name="source"/>
    /// into <paramref name="target"/>; other properties are ignored. Returns the names read. <paramref name="error"/>
    /// builds the exception for a value of the wrong type.
    /// </summary>
    public static HashSet<string> Read(JsonObject source, object target, IReadOnlyList<EvalResultsShape.Field> shape, ICollection<string>? fields, Func<string, JsonNode, Exception> error)
    {
        var read = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in shape)
        {
            if ((fields is not null && !fields.Contains(field.Name)) || source.Find(field.Name)?.Value is not { } node || node is JsonNull)
            {
                continue;
            }

            field.Set(target, ReadValue(node, field, error));
            read.Add(field.Name);
        }

        return read;
    }

    private static void WriteValue(JsonWriter writer, EvalResultsShape.Field field, object? value)
    {
        switch (value)
        {
            case null:
                writer.Value((string?)null);
                break;
            case string s:
                writer.Value(s);
                break;
            case bool b:
                writer.Value(b);
                break;
            case int i:
                writer.Value(i);
                break;
            case long l:
                writer.Value(l);
                break;
            case double d:
                writer.Value(d);
                break;
            case List<string> strings:
                writer.StartArray();
                foreach (var s in strings)
                {
                    writer.Value(s);
                }

                writer.EndArray();
                break;
            case IList list when field.Shape is not null:
                writer.StartArray();
                foreach (var item in list)
                {
                    writer.StartObject();
                    Write(writer, item!, field.Shape);
                    writer.EndObject();
                }

                writer.EndArray();
                break;
            default:
                writer.StartObject();
                Write(writer, value, field.Shape!);
                writer.EndObject();
                break;
        }
    }

    private static object? ReadValue(JsonNode node, EvalResultsShape.Field field, Func<string, JsonNode, Exception> error)
    {
        switch (field.Type)
        {
            case EvalResultsShape.Kind.String:
            case EvalResultsShape.Kind.NullableString:
                return node is JsonString s ? s.Value : throw error($"'{field.Name}' is not a string.", node);
            case EvalResultsShape.Kind.Boolean:
                return node is JsonBoolean b ? b.Value : throw error($"'{field.Name}' is not true or false.", node);
            case EvalResultsShape.Kind.Integer:
            case EvalResultsShape.Kind.NullableInteger:
                return node is JsonNumber { IsInteger: true } i && i.Value >= int.MinValue && i.Value <= int.MaxValue
                    ? (int)i.Value
                    : throw error($"'{field.Name}' is not an integer.", node);
            case EvalResultsShape.Kind.Long:
                return node is JsonNumber { IsInteger: true } l && Math.Abs(l.Value) < 9e18 ? (long)l.Value : throw error($"'{field.Name}' is not an integer.", node);
            case EvalResultsShape.Kind.Number:
            case EvalResultsShape.Kind.NullableNumber:
                return node is JsonNumber n && !double.IsNaN(n.Value) && !double.IsInfinity(n.Value) ? n.Value : throw error($"'{field.Name}' is not a finite number.", node);
            case EvalResultsShape.Kind.StringList:
                if (node is not JsonArray strings)
                {
                    throw error($"'{field.Name}' is not an array.", node);
                }

                var list = new List<string>();
                foreach (var item in strings.Items)
                {
                    list.Add(item is JsonString text ? text.Value : throw error($"'{field.Name}' holds a value that is not a string.", item));
                }

                return list;
            case EvalResultsShape.Kind.Object:
            {
                var target = field.Create!();
                Read(node as JsonObject ?? throw error($"'{field.Name}' is not an object.", node), target, field.Shape!, null, error);
                return target;
            }

            default:
                if (node is not JsonArray objects)
                {
                    throw error($"'{field.Name}' is not an array.", node);
                }

                var items = new List<object>();
                foreach (var item in objects.Items)
                {
                    var target = field.Create!();
                    Read(item as JsonObject ?? throw error($"An item of '{field.Name}' is not an object.", item), target, field.Shape!, null, error);
                    items.Add(target);
                }

                return items;
        }
    }
}
