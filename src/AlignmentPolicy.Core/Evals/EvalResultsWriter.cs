using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace AlignmentPolicy.Core.Evals;

/// <summary>Writes results files: indented, deterministic field order, invariant numbers (round-trippable).</summary>
public static class EvalResultsWriter
{
    /// <summary>The document as JSON text.</summary>
    public static string ToJson(EvalResultsDocument document)
    {
        if (document is null)
        {
            throw new ArgumentNullException(nameof(document));
        }

        var text = new StringBuilder();
        WriteObject(text, document, EvalResultsShape.Document, 0);
        text.Append('\n');
        return text.ToString();
    }

    /// <summary>Writes the document to <paramref name="path"/> (UTF-8, no BOM), creating the folder.</summary>
    public static void Write(EvalResultsDocument document, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(path, ToJson(document), new UTF8Encoding(false));
    }

    private static void WriteObject(StringBuilder text, object value, IReadOnlyList<EvalResultsShape.Field> shape, int depth)
    {
        text.Append("{\n");
        var first = true;
        foreach (var field in shape)
        {
            var fieldValue = field.Get(value);
            if (fieldValue is null && !field.Required)
            {
                continue;
            }

            if (!first)
            {
                text.Append(",\n");
            }

            first = false;
            Indent(text, depth + 1);
            WriteString(text, field.Name);
            text.Append(": ");
            WriteValue(text, field, fieldValue, depth + 1);
        }

        text.Append('\n');
        Indent(text, depth);
        text.Append('}');
    }

    private static void WriteValue(StringBuilder text, EvalResultsShape.Field field, object? value, int depth)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                WriteString(text, s);
                break;
            case bool b:
                text.Append(b ? "true" : "false");
                break;
            case int i:
                text.Append(i.ToString(CultureInfo.InvariantCulture));
                break;
            case long l:
                text.Append(l.ToString(CultureInfo.InvariantCulture));
                break;
            case double d:
                text.Append(double.IsNaN(d) || double.IsInfinity(d) ? "0" : d.ToString("R", CultureInfo.InvariantCulture));
                break;
            case List<string> strings:
                text.Append('[');
                for (var i = 0; i < strings.Count; i++)
                {
                    text.Append(i == 0 ? "" : ", ");
                    WriteString(text, strings[i]);
                }

                text.Append(']');
                break;
            case IList list when field.Shape is not null:
                if (list.Count == 0)
                {
                    text.Append("[]");
                    break;
                }

                text.Append("[\n");
                for (var i = 0; i < list.Count; i++)
                {
                    Indent(text, depth + 1);
                    WriteObject(text, list[i]!, field.Shape, depth + 1);
                    text.Append(i + 1 < list.Count ? ",\n" : "\n");
                }

                Indent(text, depth);
                text.Append(']');
                break;
            default:
                WriteObject(text, value, field.Shape!, depth);
                break;
        }
    }

    private static void Indent(StringBuilder text, int depth) => text.Append(' ', depth * 2);

    internal static void WriteString(StringBuilder text, string value) => Json.JsonWriter.AppendString(text, value);
}
