using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Gates;

/// <summary>Finds a tool's side-effect categories: from the options (by name), from <see cref="SideEffectAttribute"/>
/// on the function's method, or from the function's <c>side_effects</c> additional property. Cached per function.</summary>
internal static class SideEffectResolver
{
    /// <summary>The <see cref="AITool.AdditionalProperties"/> key that can list a tool's categories.</summary>
    public const string PropertyName = "side_effects";

    private static readonly ConditionalWeakTable<AIFunction, string[]> Cache = [];

    public static IReadOnlyList<string> Resolve(AIFunction? function, string name, PolicyGateOptions options)
    {
        if (options.ToolSideEffects.Count > 0 && options.ToolSideEffects.TryGetValue(name, out var configured))
        {
            return Canonical(configured);
        }

        return function is null ? [] : FromFunction(function);
    }

    public static string[] FromFunction(AIFunction function)
    {
        if (Cache.TryGetValue(function, out var cached))
        {
            return cached;
        }

        return Cache.GetValue(function, Compute);
    }

    public static AIFunction? FindTool(IList<AITool>? tools, string name)
    {
        if (tools is null)
        {
            return null;
        }

        for (var i = 0; i < tools.Count; i++)
        {
            if (tools[i] is AIFunction function && string.Equals(function.Name, name, StringComparison.Ordinal))
            {
                return function;
            }
        }

        return null;
    }

    private static string[] Compute(AIFunction function)
    {
        var categories = new List<string>();
        if (function.GetService(typeof(GatedAIFunction)) is GatedAIFunction gated && gated.DeclaredSideEffects is { } declared)
        {
            categories.AddRange(declared);
        }

        if (function.UnderlyingMethod is { } method)
        {
            foreach (var attribute in method.GetCustomAttributes<SideEffectAttribute>(inherit: true))
            {
                categories.Add(attribute.Category);
            }
        }

        if (function.AdditionalProperties.TryGetValue(PropertyName, out var value))
        {
            switch (value)
            {
                case string single:
                    categories.AddRange(single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
                    break;
                case IEnumerable<string> many:
                    categories.AddRange(many);
                    break;
            }
        }

        return categories.Count == 0 ? [] : Canonical(categories);
    }

    // Former names ("file-write", "http-write") are the categories they became, so gates, the policy and the analyzers agree.
    private static string[] Canonical(IEnumerable<string> categories)
        => [.. categories.Select(AlignmentPolicy.Vocabulary.SideEffectVocabulary.Canonical).Distinct(StringComparer.OrdinalIgnoreCase)];
}
