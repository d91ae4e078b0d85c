using System;
using System.Collections.Generic;
using System.Linq;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Json;

namespace AlignmentPolicy.Core.Policy.Inheritance;

/// <summary>
/// <c>evals.required</c>, keyed by suite. Every suite of the base stays required (leaving it out removes nothing); an
/// entry naming a base suite refines it field by field under <see cref="PolicyMergeRules.Requirement"/>; an entry naming
/// a new suite adds it. Inherited entries are located at the extending file's <c>extends</c>, so a missing result for one
/// of them is reported in the repository's file rather than at a line of another file.
/// </summary>
internal sealed class RequirementsRule<T> : MergeRule<T>
{
    private readonly Func<T, IReadOnlyList<EvalRequirement>> _get;
    private readonly Action<T, IReadOnlyList<EvalRequirement>> _set;
    private readonly IReadOnlyList<MergeRule<EvalRequirement>> _fields;

    public RequirementsRule(string name, Func<T, IReadOnlyList<EvalRequirement>> get, Action<T, IReadOnlyList<EvalRequirement>> set, IReadOnlyList<MergeRule<EvalRequirement>> fields)
        : base(name)
    {
        _get = get;
        _set = set;
        _fields = fields;
    }

    public override void Inherit(T target, T source) => _set(target, _get(source).Select(Copy).ToList());

    public override void Apply(MergeContext context, string prefix, T target, JsonObject owner)
    {
        var key = Key(prefix);
        var list = _get(target).ToList();
        var refined = new HashSet<string>(StringComparer.Ordinal);
        if (Find(owner)?.Value is JsonArray array)
        {
            foreach (var entry in array.Items.OfType<JsonObject>())
            {
                if (entry.Find("suite")?.Value is not JsonString suite)
                {
                    continue;
                }

                var entryKey = $"{key}[{suite.Value}]";
                var requirement = list.FirstOrDefault(r => r.Suite == suite.Value);
                var entryContext = context;
                if (requirement is null)
                {
                    requirement = new EvalRequirement { Suite = suite.Value };
                    list.Add(requirement);
                    context.Origins.Set(entryKey, context.At(entry.Span));
                    entryContext = context.WithoutChecks();
                }

                requirement.Line = entry.Span.Line;
                requirement.Column = entry.Span.Column;
                refined.Add(suite.Value);
                foreach (var field in _fields)
                {
                    field.Apply(entryContext, entryKey, requirement, entry);
                }

                CheckSampleRange(context, entryKey, requirement, entry);
            }
        }

        if (context.ExtendsSpan is { } extends)
        {
            foreach (var inherited in list.Where(r => !refined.Contains(r.Suite)))
            {
                inherited.Line = extends.Line;
                inherited.Column = extends.Column;
            }
        }

        _set(target, list);
    }

    public override IEnumerable<PolicyValue> Describe(string prefix, T effective, PolicyOrigins origins)
    {
        var key = Key(prefix);
        foreach (var requirement in _get(effective))
        {
            var entryKey = $"{key}[{requirement.Suite}]";
            yield return new PolicyValue(entryKey + ".suite", requirement.Suite, origins[entryKey]);
            foreach (var value in _fields.SelectMany(f => f.Describe(entryKey, requirement, origins)))
            {
                yield return value;
            }
        }
    }

    private EvalRequirement Copy(EvalRequirement source)
    {
        var copy = new EvalRequirement { Suite = source.Suite, Line = source.Line, Column = source.Column };
        foreach (var field in _fields)
        {
            field.Inherit(copy, source);
        }

        return copy;
    }

    /// <summary>Raising minSamples above the base's maxSamples would leave no valid sample count.</summary>
    private static void CheckSampleRange(MergeContext context, string entryKey, EvalRequirement requirement, JsonObject entry)
    {
        if (!context.Checking || requirement.MinSamples is not { } min || requirement.MaxSamples is not { } max || min <= max)
        {
            return;
        }

        var written = entry.Find("minSamples") ?? entry.Find("maxSamples");
        if (written is not null)
        {
            context.Report(BuildDiagnosticIds.PolicyNumberOutOfRange, written.Value.Span,
                $"'{entryKey}.minSamples' ({min}) is larger than '{entryKey}.maxSamples' ({context.BaseValue(max.ToString(System.Globalization.CultureInfo.InvariantCulture), context.Origins[entryKey + ".maxSamples"])}); raise maxSamples too.");
        }
    }
}
