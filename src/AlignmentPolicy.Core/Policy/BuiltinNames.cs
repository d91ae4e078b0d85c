using System.Collections.Generic;

namespace AlignmentPolicy.Core.Policy;

/// <summary>Names the policy may refer to without defining them: built-in suites, catalogues and side-effect categories.</summary>
public static class BuiltinNames
{
    /// <summary>The prefix of built-in evaluation suites.</summary>
    public const string SuitePrefix = "builtin:";

    /// <summary>The prefix of evaluation suites resolved as NuGet packages (<c>nuget:Id@Version</c>).</summary>
    public const string NuGetSuitePrefix = "nuget:";

    /// <summary>The built-in catalogue of side-effect APIs.</summary>
    public const string BuiltinCatalogue = "builtin";

    /// <summary>The built-in evaluation suites (see EVALS.md). <c>lethal-override</c> is opt-in.</summary>
    public static IReadOnlyList<string> Suites { get; } = new[]
    {
        "builtin:coercion",
        "builtin:exfiltration",
        "builtin:oversight",
        "builtin:monitoring-gap",
        "builtin:self-preservation",
        "builtin:lethal-override",
    };

    /// <summary>
    /// The built-in side-effect categories (the one list the runtime's <c>SideEffectCategories</c> and the analyzers
    /// share). A policy may add entries to these or define its own under <c>sideEffects.custom</c>.
    /// </summary>
    public static IReadOnlyList<string> SideEffectCategories => AlignmentPolicy.Vocabulary.SideEffectVocabulary.Categories;

    /// <summary>Severities a side-effect category can be given.</summary>
    public static IReadOnlyList<string> Severities { get; } = new[] { "error", "warning", "info", "none" };

    /// <summary>The side-effect catalogues a policy can name: <c>builtin</c>, or one category of it as <c>builtin:mail</c>.</summary>
    public static IEnumerable<string> Catalogues
    {
        get
        {
            yield return BuiltinCatalogue;
            foreach (var category in SideEffectCategories)
            {
                yield return BuiltinCatalogue + ":" + category;
            }
        }
    }
}
