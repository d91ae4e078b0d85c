using System.Collections.Generic;
using System.Globalization;
using System.Text;
using AlignmentPolicy.Core.Json;

namespace AlignmentPolicy.Core.Policy.Inheritance;

/// <summary>One value of an effective policy, with where it was written: what <c>alignment-policy check</c> prints.</summary>
public sealed class PolicyValue
{
    internal PolicyValue(string path, object value, PolicyValueOrigin origin)
    {
        Path = path;
        Value = value;
        Origin = origin;
    }

    /// <summary>The value's path: "provenance.required", "evals.required[builtin:coercion].maxRate", "agents.exclude[0]".</summary>
    public string Path { get; }

    /// <summary>A string, a double, an int, a bool, or an empty string array for an empty list.</summary>
    public object Value { get; }

    /// <summary>Where the value was written.</summary>
    public PolicyValueOrigin Origin { get; }

    /// <summary>The value as JSON text.</summary>
    public string Text => Format(Value);

    internal static string Format(object? value) => value switch
    {
        null => "null",
        string s => Quote(s),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        int i => i.ToString(CultureInfo.InvariantCulture),
        IReadOnlyList<string> list => list.Count == 0 ? "[]" : "[" + string.Join(", ", FormatAll(list)) + "]",
        _ => value.ToString() ?? "",
    };

    private static IEnumerable<string> FormatAll(IReadOnlyList<string> list)
    {
        foreach (var item in list)
        {
            yield return Quote(item);
        }
    }

    private static string Quote(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        JsonWriter.AppendString(builder, value);
        return builder.ToString();
    }
}
