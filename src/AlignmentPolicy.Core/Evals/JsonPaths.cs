using System.Globalization;
using AlignmentPolicy.Core.Json;

namespace AlignmentPolicy.Core.Evals;

/// <summary>Positions of fields in parsed JSON, by a path of property names and array indexes separated by '/'.</summary>
internal static class JsonPaths
{
    /// <summary>The name of the deepest property the path reaches (an array item's start for an index); the root's start when none.</summary>
    public static SourceSpan Locate(JsonNode root, string path)
    {
        var node = root;
        var span = new SourceSpan(root.Span.Start, root.Span.Start, root.Span.Line, root.Span.Column, root.Span.Line, root.Span.Column);
        foreach (var segment in path.Split('/'))
        {
            if (node is JsonObject obj && obj.Find(segment) is { } property)
            {
                span = property.NameSpan;
                node = property.Value;
            }
            else if (node is JsonArray array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Items.Count)
            {
                node = array.Items[index];
                span = node.Span;
            }
            else
            {
                break;
            }
        }

        return span;
    }
}
