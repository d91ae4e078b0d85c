using System;
using System.Collections.Generic;
using System.Linq;
using AlignmentPolicy.Core.Json;

namespace AlignmentPolicy.Core.Policy.Inheritance;

/// <summary>
/// <c>sideEffects.custom</c>, the organisation's side-effect catalogue: category to documentation-comment IDs. The
/// extending file adds categories and adds APIs to the base's categories; it removes none.
/// </summary>
internal sealed class CatalogueRule<T> : MergeRule<T>
{
    private readonly Func<T, IReadOnlyDictionary<string, IReadOnlyList<string>>> _get;
    private readonly Action<T, IReadOnlyDictionary<string, IReadOnlyList<string>>> _set;

    public CatalogueRule(string name, Func<T, IReadOnlyDictionary<string, IReadOnlyList<string>>> get, Action<T, IReadOnlyDictionary<string, IReadOnlyList<string>>> set)
        : base(name)
    {
        _get = get;
        _set = set;
    }

    public override void Inherit(T target, T source)
        => _set(target, _get(source).ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value.ToList(), StringComparer.Ordinal));

    public override void Apply(MergeContext context, string prefix, T target, JsonObject owner)
    {
        if (Find(owner)?.Value is not JsonObject map)
        {
            return;
        }

        var key = Key(prefix);
        var categories = _get(target).ToDictionary(p => p.Key, p => p.Value.ToList(), StringComparer.Ordinal);
        foreach (var category in map.Properties)
        {
            if (category.Value is not JsonArray ids)
            {
                continue;
            }

            var categoryKey = key + "." + category.Name;
            if (!categories.TryGetValue(category.Name, out var list))
            {
                categories[category.Name] = list = new List<string>();
                context.Origins.Set(categoryKey, context.At(category.NameSpan));
            }

            foreach (var id in ids.Items.OfType<JsonString>().Where(id => !list.Contains(id.Value)))
            {
                list.Add(id.Value);
                context.Origins.Set(ItemKey(categoryKey, id.Value), context.At(id.Span));
            }
        }

        _set(target, categories.ToDictionary(p => p.Key, p => (IReadOnlyList<string>)p.Value, StringComparer.Ordinal));
    }

    public override IEnumerable<PolicyValue> Describe(string prefix, T effective, PolicyOrigins origins)
        => _get(effective).OrderBy(p => p.Key, StringComparer.Ordinal).SelectMany(p => ListRule.Describe(Key(prefix) + "." + p.Key, p.Value, origins));
}

/// <summary>
/// <c>sideEffects.severity</c>: category to severity. The extending file may raise a category's severity (from the
/// base's, or from ALN0002's default, warning, when the base sets none) and may not lower it.
/// </summary>
internal sealed class SeverityMapRule<T> : MergeRule<T>
{
    /// <summary>ALN0002's severity for a category the policy gives none.</summary>
    public const string DefaultSeverity = "warning";

    private readonly Func<T, IReadOnlyDictionary<string, string>> _get;
    private readonly Action<T, IReadOnlyDictionary<string, string>> _set;

    public SeverityMapRule(string name, Func<T, IReadOnlyDictionary<string, string>> get, Action<T, IReadOnlyDictionary<string, string>> set)
        : base(name)
    {
        _get = get;
        _set = set;
    }

    public override void Inherit(T target, T source) => _set(target, new Dictionary<string, string>(_get(source).ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal));

    public override void Apply(MergeContext context, string prefix, T target, JsonObject owner)
    {
        if (Find(owner)?.Value is not JsonObject map)
        {
            return;
        }

        var key = Key(prefix);
        var severities = new Dictionary<string, string>(_get(target).ToDictionary(p => p.Key, p => p.Value), StringComparer.Ordinal);
        foreach (var entry in map.Properties)
        {
            if (entry.Value is not JsonString level || Severity.Rank(level.Value) is not { } rank)
            {
                continue;
            }

            var entryKey = key + "." + entry.Name;
            var current = severities.TryGetValue(entry.Name, out var set) ? set : DefaultSeverity;
            if (context.Checking && rank < Severity.Rank(current))
            {
                context.Loosens(level.Span,
                    $"'{entryKey}' is \"{level.Value}\", lower than the base's {context.BaseValue($"\"{current}\"", context.Origins[entryKey])}: a repository may raise a severity but not lower it (none < info < warning < error). Use \"{current}\" or higher, or leave \"{entry.Name}\" out to inherit it.");
                continue;
            }

            severities[entry.Name] = level.Value;
            context.Origins.Set(entryKey, context.At(level.Span));
        }

        _set(target, severities);
    }

    public override IEnumerable<PolicyValue> Describe(string prefix, T effective, PolicyOrigins origins)
        => _get(effective).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => new PolicyValue(Key(prefix) + "." + p.Key, p.Value, origins[Key(prefix) + "." + p.Key]));
}

/// <summary>The order of severities: none &lt; info &lt; warning &lt; error.</summary>
internal static class Severity
{
    public static double? Rank(string? severity)
    {
        var index = severity is null ? -1 : IndexOf(severity);
        return index < 0 ? null : index;
    }

    private static int IndexOf(string severity)
    {
        switch (severity)
        {
            case "none": return 0;
            case "info": return 1;
            case "warning": return 2;
            case "error": return 3;
            default: return -1;
        }
    }
}
