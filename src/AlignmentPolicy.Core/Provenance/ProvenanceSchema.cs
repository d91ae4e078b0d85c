using System.IO;

namespace AlignmentPolicy.Core.Provenance;

/// <summary>The JSON Schema of <c>datasets.provenance.json</c>, as shipped.</summary>
public static class ProvenanceSchema
{
    private const string ResourceName = "AlignmentPolicy.Core.Schemas.datasets.provenance.schema.json";

    /// <summary>The schema text.</summary>
    public static string Text { get; } = Read();

    private static string Read()
    {
        using var stream = typeof(ProvenanceSchema).Assembly.GetManifestResourceStream(ResourceName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
