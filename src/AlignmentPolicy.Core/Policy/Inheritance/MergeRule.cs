using System.Collections.Generic;
using AlignmentPolicy.Core.Json;

namespace AlignmentPolicy.Core.Policy.Inheritance;

/// <summary>
/// How one field of the policy (or of an <c>evals.required</c> entry) is inherited from a base and tightened by the
/// file that extends it: copied from the base, checked and overridden or extended by what the file writes, and
/// described with its origin. <see cref="PolicyMergeRules"/> lists one rule per field.
/// </summary>
internal abstract class MergeRule<T>
{
    protected MergeRule(string name) => Name = name;

    /// <summary>The field's JSON path relative to <typeparamref name="T"/>: "provenance.required", "maxRate".</summary>
    public string Name { get; }

    /// <summary>Copies the field from <paramref name="source"/> (the base) to <paramref name="target"/>.</summary>
    public abstract void Inherit(T target, T source);

    /// <summary>
    /// Applies what <paramref name="owner"/> writes for the field, if anything: a value that loosens the one already in
    /// <paramref name="target"/> (the base's) is reported and not applied. <paramref name="prefix"/> is the path of
    /// <paramref name="owner"/> ("" for the policy, "evals.required[builtin:coercion]" for an entry).
    /// </summary>
    public abstract void Apply(MergeContext context, string prefix, T target, JsonObject owner);

    /// <summary>The field's effective values with their origins.</summary>
    public abstract IEnumerable<PolicyValue> Describe(string prefix, T effective, PolicyOrigins origins);

    protected string Key(string prefix) => prefix.Length == 0 ? Name : prefix + "." + Name;

    /// <summary>The property the owner writes for this field (its path may go through nested objects), or null.</summary>
    protected JsonProperty? Find(JsonObject owner)
    {
        var segments = Name.Split('.');
        var current = owner;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            if (current.Find(segments[i])?.Value is not JsonObject next)
            {
                return null;
            }

            current = next;
        }

        return current.Find(segments[segments.Length - 1]);
    }

    protected static string ItemKey(string key, string item) => key + "[" + item + "]";
}
