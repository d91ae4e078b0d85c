using System.Collections.Generic;

namespace AlignmentPolicy.Core.Provenance;

/// <summary>
/// The properties the loader accepts in each object of <c>datasets.provenance.json</c>; a test checks
/// that the shipped JSON Schema declares exactly the same ones. "" is the root, "datasets[]" an element.
/// </summary>
public static class ProvenanceShape
{
    /// <summary>Known properties of each fixed-shape object.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Objects { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [""] = new[] { "$schema", "version", "datasets", "contamination" },
        ["contamination"] = new[] { "lines" },
        ["datasets[]"] = new[] { "id", "purpose", "description", "source", "license", "files", "contentClasses", "filtering", "synthetic", "personalData" },
        ["datasets[].source"] = new[] { "kind", "uri", "collected", "publisher" },
        ["datasets[].files[]"] = new[] { "path", "sha256" },
        ["datasets[].filtering[]"] = new[] { "step", "removes", "removedFraction" },
        ["datasets[].synthetic"] = new[] { "generatorModel", "promptTemplate", "promptTemplateSha256", "seed", "count", "reviewedFraction" },
        ["datasets[].personalData"] = new[] { "contains", "statement" },
    };
}
