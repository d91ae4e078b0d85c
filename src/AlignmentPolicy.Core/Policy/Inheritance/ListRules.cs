using System;
using System.Collections.Generic;
using System.Linq;
using AlignmentPolicy.Core.Json;

namespace AlignmentPolicy.Core.Policy.Inheritance;

/// <summary>
/// A list where more entries are tighter (gate types, catalogues, denied content classes, include patterns): the
/// extending file's entries are added to the base's; leaving an entry out removes nothing. With
/// <c>emptyIsDefault</c> an empty base list means "the suite's default" (primary cells), which a named list would narrow.
/// </summary>
internal sealed class UnionRule<T> : MergeRule<T>
{
    private readonly Func<T, IReadOnlyList<string>> _get;
    private readonly Action<T, IReadOnlyList<string>> _set;
    private readonly bool _emptyIsDefault;

    public UnionRule(string name, Func<T, IReadOnlyList<string>> get, Action<T, IReadOnlyList<string>> set, bool emptyIsDefault)
        : base(name)
    {
        _get = get;
        _set = set;
        _emptyIsDefault = emptyIsDefault;
    }

    public override void Inherit(T target, T source) => _set(target, _get(source).ToList());

    public override void Apply(MergeContext context, string prefix, T target, JsonObject owner)
    {
        if (Find(owner)?.Value is not JsonArray array)
        {
            return;
        }

        var key = Key(prefix);
        var list = _get(target).ToList();
        if (context.Checking && _emptyIsDefault && list.Count == 0 && array.Items.Count > 0)
        {
            context.Loosens(array.Span,
                $"'{key}' names cells, but the base leaves the deciding cells to the suite (its list is {context.BaseValue("[]", context.Origins[key])}): naming some would let the others go undecided, so a repository may not. Leave '{Name}' out, or have the base name the cells.");
            return;
        }

        if (list.Count == 0)
        {
            context.Origins.Set(key, context.At(array.Span));
        }

        foreach (var item in array.Items.OfType<JsonString>())
        {
            // An entry the base has only by default (the builtin catalogue) is the file's once it writes it.
            if (!list.Contains(item.Value) || context.Origins[ItemKey(key, item.Value)].IsDefault)
            {
                if (!list.Contains(item.Value))
                {
                    list.Add(item.Value);
                }

                context.Origins.Set(ItemKey(key, item.Value), context.At(item.Span));
            }
        }

        _set(target, list);
    }

    public override IEnumerable<PolicyValue> Describe(string prefix, T effective, PolicyOrigins origins) => ListRule.Describe(Key(prefix), _get(effective), origins);
}

/// <summary>How a narrowing list names what its entries do, for messages.</summary>
internal sealed class SubsetWording
{
    public SubsetWording(string verb, string why)
    {
        Verb = verb;
        Why = why;
    }

    /// <summary>"allows", "excludes".</summary>
    public string Verb { get; }

    /// <summary>Why a new entry loosens the base.</summary>
    public string Why { get; }
}

/// <summary>
/// A list where fewer entries are tighter (allowed licences, excluded projects): the extending file's list replaces the
/// base's and may hold only entries the base's holds. With <c>emptyAllowsAll</c> an empty list means "anything"
/// (allowed licences): any list narrows an empty base, and an empty list widens a non-empty one.
/// </summary>
internal sealed class SubsetRule<T> : MergeRule<T>
{
    private readonly Func<T, IReadOnlyList<string>> _get;
    private readonly Action<T, IReadOnlyList<string>> _set;
    private readonly bool _emptyAllowsAll;
    private readonly SubsetWording _wording;

    public SubsetRule(string name, Func<T, IReadOnlyList<string>> get, Action<T, IReadOnlyList<string>> set, bool emptyAllowsAll, SubsetWording wording)
        : base(name)
    {
        _get = get;
        _set = set;
        _emptyAllowsAll = emptyAllowsAll;
        _wording = wording;
    }

    public override void Inherit(T target, T source) => _set(target, _get(source).ToList());

    public override void Apply(MergeContext context, string prefix, T target, JsonObject owner)
    {
        if (Find(owner)?.Value is not JsonArray array)
        {
            return;
        }

        var key = Key(prefix);
        var items = array.Items.OfType<JsonString>().ToList();
        var baseList = _get(target);
        var baseText = context.BaseValue(PolicyValue.Format(baseList), context.Origins[key]);
        var loosened = false;
        if (context.Checking && !(_emptyAllowsAll && baseList.Count == 0))
        {
            if (_emptyAllowsAll && items.Count == 0)
            {
                context.Loosens(array.Span, $"'{key}' is empty, which {_wording.Verb} everything, but the base's list is {baseText}: {_wording.Why} List only entries of the base's list, or leave '{Name}' out to inherit it.");
                loosened = true;
            }

            foreach (var item in items.Where(i => !baseList.Contains(i.Value)))
            {
                context.Loosens(item.Span, $"'{key}' {_wording.Verb} \"{Diagnostics.DisplayText.Of(item.Value)}\", which the base's list {baseText} does not: {_wording.Why} List only entries of the base's list, or leave '{Name}' out to inherit it.");
                loosened = true;
            }
        }

        if (loosened)
        {
            return;
        }

        _set(target, items.Select(i => i.Value).Distinct().ToList());
        context.Origins.Set(key, context.At(array.Span));
        foreach (var item in items)
        {
            context.Origins.Set(ItemKey(key, item.Value), context.At(item.Span));
        }
    }

    public override IEnumerable<PolicyValue> Describe(string prefix, T effective, PolicyOrigins origins) => ListRule.Describe(Key(prefix), _get(effective), origins);
}

/// <summary>What both kinds of list share.</summary>
internal static class ListRule
{
    /// <summary>One value per entry ("agents.exclude[0]"), or the empty list itself.</summary>
    public static IEnumerable<PolicyValue> Describe(string key, IReadOnlyList<string> list, PolicyOrigins origins)
    {
        if (list.Count == 0)
        {
            yield return new PolicyValue(key, new string[0], origins[key]);
            yield break;
        }

        for (var i = 0; i < list.Count; i++)
        {
            yield return new PolicyValue($"{key}[{i}]", list[i], origins[key + "[" + list[i] + "]"]);
        }
    }
}
