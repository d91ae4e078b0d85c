using System.IO;

namespace AlignmentPolicy.Core.Policy;

/// <summary>The JSON Schema of <c>alignment-policy.json</c>, as shipped.</summary>
public static class PolicySchema
{
    private const string ResourceName = "AlignmentPolicy.Core.Schemas.alignment-policy.schema.json";

    /// <summary>The schema text.</summary>
    public static string Text { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(PolicySchema).Assembly.GetManifestResourceStream(ResourceName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
