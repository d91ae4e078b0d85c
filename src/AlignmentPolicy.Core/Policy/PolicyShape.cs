using System.Collections.Generic;

namespace AlignmentPolicy.Core.Policy;

/// <summary>
/// The properties the loader accepts in each object of the policy file. The loader reads only these,
/// and a test checks that the shipped JSON Schema declares exactly the same ones, so the two cannot drift.
/// Keys are paths: "" is the root, "evals.required[]" an element of that array.
/// </summary>
public static class PolicyShape
{
    /// <summary>Known properties of each fixed-shape object.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Objects { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [""] = new[] { "$schema", "version", "extends", "agents", "gates", "sideEffects", "analyzers", "provenance", "evals", "suppressions" },
        ["agents"] = new[] { "autoDetect", "include", "exclude" },
        ["gates"] = new[] { "additionalGateTypes" },
        ["sideEffects"] = new[] { "catalogues", "custom", "severity", "oversightPaths" },
        ["analyzers"] = new[] { "unknownOrigin", "maxCallDepth" },
        ["provenance"] = new[] { "required", "allowedLicenses", "deniedContentClasses", "requirePersonalDataStatement" },
        ["evals"] = new[] { "required", "runOnPack" },
        ["evals.required[]"] = new[] { "suite", "maxRate", "maxGap", "maxBlockedRate", "confidence", "minSamples", "maxSamples", "primaryCells", "earlyStopping" },
        ["suppressions"] = new[] { "requireJustification" },
    };

    /// <summary>Objects whose property names are user-chosen (maps).</summary>
    public static IReadOnlyList<string> Maps { get; } = new[] { "sideEffects.custom", "sideEffects.severity" };
}
