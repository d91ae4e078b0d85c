using System;
using System.Collections.Generic;
using AlignmentPolicy.Core.Json;

namespace AlignmentPolicy.Core.Policy.Inheritance;

/// <summary>Which way a scalar may move when a file extends a base.</summary>
internal enum Tightening
{
    /// <summary>Lower is tighter (rates, gaps).</summary>
    Lower,
    /// <summary>Higher is tighter (confidence, sample counts, call depth, severities).</summary>
    Higher,
    /// <summary>true is tighter (a requirement); false loosens.</summary>
    TurnOn,
    /// <summary>false is tighter (an allowance such as early stopping); true loosens.</summary>
    TurnOff,
    /// <summary>Neither: the extending file decides (how evaluations run, not whether).</summary>
    Free,
}

/// <summary>A number, a severity or a flag: overridden by the extending file when it moves the tighter way.</summary>
internal sealed class ScalarRule<T> : MergeRule<T>
{
    private readonly Func<T, object?> _get;
    private readonly Action<T, object?> _set;
    private readonly Func<JsonNode, object?> _read;
    private readonly Func<object?, double?> _rank;
    private readonly Tightening _tightening;

    public ScalarRule(string name, Func<T, object?> get, Action<T, object?> set, Func<JsonNode, object?> read, Func<object?, double?> rank, Tightening tightening)
        : base(name)
    {
        _get = get;
        _set = set;
        _read = read;
        _rank = rank;
        _tightening = tightening;
    }

    public override void Inherit(T target, T source) => _set(target, _get(source));

    public override void Apply(MergeContext context, string prefix, T target, JsonObject owner)
    {
        if (Find(owner) is not { } property || _read(property.Value) is not { } value)
        {
            return;
        }

        var key = Key(prefix);
        var current = _get(target);
        if (context.Checking && _tightening != Tightening.Free && _rank(current) is { } baseRank && _rank(value) is { } rank && Loosens(rank, baseRank))
        {
            context.Loosens(property.Value.Span, Message(key, value, context.BaseValue(PolicyValue.Format(current), context.Origins[key])));
            return;
        }

        _set(target, value);
        context.Origins.Set(key, context.At(property.Value.Span));
    }

    public override IEnumerable<PolicyValue> Describe(string prefix, T effective, PolicyOrigins origins)
    {
        if (_get(effective) is { } value)
        {
            yield return new PolicyValue(Key(prefix), value, origins[Key(prefix)]);
        }
    }

    private bool Loosens(double rank, double baseRank) => _tightening is Tightening.Lower or Tightening.TurnOff ? rank > baseRank : rank < baseRank;

    private string Message(string key, object value, string baseValue)
    {
        var text = PolicyValue.Format(value);
        return _tightening switch
        {
            Tightening.Lower => $"'{key}' is {text}, above the base's {baseValue}: a repository may lower it but not raise it. Use the base's value or less, or leave '{Name}' out to inherit it.",
            Tightening.TurnOn => $"'{key}' is {text}, but the base requires {baseValue}: a repository may turn a requirement on but not off. Leave '{Name}' out to inherit it.",
            Tightening.TurnOff => $"'{key}' is {text}, but the base sets {baseValue}: only the base may allow this. Leave '{Name}' out to inherit it.",
            _ when value is string => $"'{key}' is {text}, lower than the base's {baseValue}: a repository may raise a severity but not lower it (none < info < warning < error). Use the base's severity or higher, or leave it out to inherit it.",
            _ => $"'{key}' is {text}, below the base's {baseValue}: a repository may raise it but not lower it. Use the base's value or more, or leave '{Name}' out to inherit it.",
        };
    }
}
