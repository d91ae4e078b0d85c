using System;
using System.Collections.Generic;
using AlignmentPolicy.Core.Json;

namespace AlignmentPolicy.Core.Policy.Inheritance;

/// <summary>Makes the rules of <see cref="PolicyMergeRules"/>: one call per field, named for the way it may be tightened.</summary>
internal static class Rule
{
    /// <summary>A rate or gap: the extending file may lower it.</summary>
    public static MergeRule<T> Lower<T>(string name, Func<T, double?> get, Action<T, double?> set)
        => new ScalarRule<T>(name, t => get(t), (t, v) => set(t, (double?)v), ReadNumber, v => (double?)v, Tightening.Lower);

    /// <summary>A minimum such as the confidence: the extending file may raise it.</summary>
    public static MergeRule<T> Higher<T>(string name, Func<T, double> get, Action<T, double> set)
        => new ScalarRule<T>(name, t => get(t), (t, v) => set(t, (double)v!), ReadNumber, v => (double?)v, Tightening.Higher);

    /// <summary>A count such as the samples: the extending file may raise it.</summary>
    public static MergeRule<T> Higher<T>(string name, Func<T, int?> get, Action<T, int?> set)
        => new ScalarRule<T>(name, t => get(t), (t, v) => set(t, (int?)v), ReadInteger, v => (int?)v, Tightening.Higher);

    /// <summary>A count that always has a value, such as the call depth: the extending file may raise it.</summary>
    public static MergeRule<T> Higher<T>(string name, Func<T, int> get, Action<T, int> set)
        => new ScalarRule<T>(name, t => get(t), (t, v) => set(t, (int)v!), ReadInteger, v => (int?)v, Tightening.Higher);

    /// <summary>A severity: the extending file may raise it (none &lt; info &lt; warning &lt; error).</summary>
    public static MergeRule<T> Severity<T>(string name, Func<T, string> get, Action<T, string> set)
        => new ScalarRule<T>(name, t => get(t), (t, v) => set(t, (string)v!), ReadString, v => Inheritance.Severity.Rank(v as string), Tightening.Higher);

    /// <summary>A requirement: the extending file may turn it on, not off.</summary>
    public static MergeRule<T> Requirement<T>(string name, Func<T, bool> get, Action<T, bool> set)
        => new ScalarRule<T>(name, t => get(t), (t, v) => set(t, (bool)v!), ReadBoolean, v => v is true ? 1 : 0, Tightening.TurnOn);

    /// <summary>An allowance (early stopping): the extending file may turn it off, not on.</summary>
    public static MergeRule<T> Allowance<T>(string name, Func<T, bool> get, Action<T, bool> set)
        => new ScalarRule<T>(name, t => get(t), (t, v) => set(t, (bool)v!), ReadBoolean, v => v is true ? 1 : 0, Tightening.TurnOff);

    /// <summary>A setting about how, not whether, the policy applies: the extending file decides.</summary>
    public static MergeRule<T> Free<T>(string name, Func<T, bool> get, Action<T, bool> set)
        => new ScalarRule<T>(name, t => get(t), (t, v) => set(t, (bool)v!), ReadBoolean, _ => null, Tightening.Free);

    /// <summary>A list where more is tighter: entries are added to the base's.</summary>
    public static MergeRule<T> Union<T>(string name, Func<T, IReadOnlyList<string>> get, Action<T, IReadOnlyList<string>> set)
        => new UnionRule<T>(name, get, set, emptyIsDefault: false);

    /// <summary>A list that, empty, means the suite's default: entries are added to a named list; a default one stays the base's choice.</summary>
    public static MergeRule<T> UnionOfNamed<T>(string name, Func<T, IReadOnlyList<string>> get, Action<T, IReadOnlyList<string>> set)
        => new UnionRule<T>(name, get, set, emptyIsDefault: true);

    /// <summary>A list where fewer is tighter: the extending file's list replaces the base's and holds only entries of it.</summary>
    public static MergeRule<T> Subset<T>(string name, Func<T, IReadOnlyList<string>> get, Action<T, IReadOnlyList<string>> set, bool emptyAllowsAll, string verb, string why)
        => new SubsetRule<T>(name, get, set, emptyAllowsAll, new SubsetWording(verb, why));

    private static object? ReadNumber(JsonNode node) => node is JsonNumber number ? number.Value : null;

    private static object? ReadInteger(JsonNode node) => node is JsonNumber { IsInteger: true } number && number.Value >= int.MinValue && number.Value <= int.MaxValue ? (int)number.Value : null;

    private static object? ReadString(JsonNode node) => node is JsonString s ? s.Value : null;

    private static object? ReadBoolean(JsonNode node) => node is JsonBoolean b ? b.Value : null;
}
