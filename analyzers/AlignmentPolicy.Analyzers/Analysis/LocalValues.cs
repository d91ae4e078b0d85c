using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis;

/// <summary>
/// What a body does with each of its locals, from one walk of the body (cached per body operation, which the semantic
/// model hands out once per member): the values each local is declared with or assigned, the calls made on it (on the
/// local or on one of its properties) and its references, each in the order the walk meets them (source order).
/// Tracing a client, kernel, agent or function through a local asks several such questions of the same body (its values,
/// whether a gate or filter is applied to it in place, whether every use of it starts a gated chain), and each of the
/// three origin tracers asks them again: one walk of the body per question cost more than the rest of the trace.
/// </summary>
internal static class LocalValues
{
    private static readonly IReadOnlyList<IOperation> s_none = new IOperation[0];
    private static readonly IReadOnlyList<IInvocationOperation> s_noCalls = new IInvocationOperation[0];
    private static readonly IReadOnlyList<ILocalReferenceOperation> s_noReferences = new ILocalReferenceOperation[0];
    private static readonly ConditionalWeakTable<IOperation, Body> s_byRoot = new();

    /// <summary>The values <paramref name="local"/> is declared with or assigned in <paramref name="root"/> (its body).</summary>
    public static IReadOnlyList<IOperation> Of(IOperation root, ILocalSymbol local)
        => s_byRoot.GetValue(root, Walk).Assigned.TryGetValue(local, out var values) ? values : s_none;

    /// <summary>The same values, and after them what <c>+=</c> and the other compound assignments add to the local (a URI built up in pieces).</summary>
    public static IEnumerable<IOperation> WithCompound(IOperation root, ILocalSymbol local)
    {
        var body = s_byRoot.GetValue(root, Walk);
        var assigned = body.Assigned.TryGetValue(local, out var values) ? values : s_none;
        var added = body.Compound.TryGetValue(local, out var more) ? more : s_none;
        foreach (var value in assigned)
        {
            yield return value;
        }

        foreach (var value in added)
        {
            yield return value;
        }
    }

    /// <summary>
    /// The invocations in <paramref name="root"/> whose receiver (<see cref="Operations.Receiver"/>, unwrapped) is
    /// <paramref name="local"/> (<c>kernel.UsePolicyGate()</c>) or a property of it (<c>kernel.FunctionInvocationFilters.Add(...)</c>,
    /// <c>builder.Services.AddSingleton(...)</c>), in the order <c>root.Descendants()</c> meets them.
    /// </summary>
    public static IReadOnlyList<IInvocationOperation> CalledOn(IOperation root, ILocalSymbol local)
        => s_byRoot.GetValue(root, Walk).CalledOn.TryGetValue(local, out var calls) ? calls : s_noCalls;

    /// <summary>The references to <paramref name="local"/> in <paramref name="root"/>, in the order <c>root.Descendants()</c> meets them.</summary>
    public static IReadOnlyList<ILocalReferenceOperation> References(IOperation root, ILocalSymbol local)
        => s_byRoot.GetValue(root, Walk).References.TryGetValue(local, out var references) ? references : s_noReferences;

    /// <summary>
    /// The value <paramref name="local"/> is declared with in <paramref name="root"/> (the initializer of the first declarator of it the walk
    /// meets), or null (declared without one, or not in this body).
    /// </summary>
    public static IOperation? DeclaredValue(IOperation root, ILocalSymbol local)
        => s_byRoot.GetValue(root, Walk).Declarators.TryGetValue(local, out var declarator) ? declarator.Initializer?.Value : null;

    /// <summary>The invocations in <paramref name="root"/>, in the order <c>root.Descendants()</c> meets them.</summary>
    public static IReadOnlyList<IInvocationOperation> Invocations(IOperation root) => s_byRoot.GetValue(root, Walk).Invocations;

    /// <summary>
    /// The references in <paramref name="root"/> to locals, parameters, fields and properties (the values a body can name), in the order
    /// <c>root.Descendants()</c> meets them: "which kernels does this method use" reads them here, not from another walk of the body.
    /// </summary>
    public static IReadOnlyList<IOperation> NamedValues(IOperation root) => s_byRoot.GetValue(root, Walk).NamedValues;

    /// <summary>
    /// The invocations in <paramref name="root"/> that are handed <paramref name="local"/> in an argument (<c>chat.GetChatMessageContentAsync(history,
    /// settings, kernel)</c>, also inside the argument: <c>Run(new Request(settings))</c>), in the order <c>root.Descendants()</c> meets them: an
    /// invocation is such when a reference to the local lies under one of its arguments, found from the local's references up.
    /// </summary>
    public static IReadOnlyList<IInvocationOperation> InvocationsGiven(IOperation root, ILocalSymbol local)
    {
        var references = References(root, local);
        if (references.Count == 0)
        {
            return s_noCalls;
        }

        var given = new HashSet<IInvocationOperation>();
        foreach (var reference in references)
        {
            for (IOperation current = reference; current.Parent is { } parent; current = parent)
            {
                if (current is IArgumentOperation && parent is IInvocationOperation invocation)
                {
                    given.Add(invocation);
                }
            }
        }

        var ordered = new List<IInvocationOperation>(given.Count);
        foreach (var invocation in Invocations(root))
        {
            if (given.Contains(invocation))
            {
                ordered.Add(invocation);
            }
        }

        return ordered;
    }

    private static Body Walk(IOperation root)
    {
        WorkCounters.Count(ref WorkCounters.BodyWalks);
        var body = new Body();
        foreach (var descendant in root.Descendants())
        {
            if (descendant is IInvocationOperation call)
            {
                body.Invocations.Add(call);
            }
            else if (descendant is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation)
            {
                body.NamedValues.Add(descendant);
            }

            switch (descendant)
            {
                case IInvocationOperation invocation when Operations.Receiver(invocation) is { } receiver:
                    switch (Operations.Unwrap(receiver))
                    {
                        case ILocalReferenceOperation on:
                            Add(body.CalledOn, on.Local, invocation);
                            break;
                        case IPropertyReferenceOperation { Instance: { } owner } when Operations.Unwrap(owner) is ILocalReferenceOperation on:
                            Add(body.CalledOn, on.Local, invocation);
                            break;
                    }

                    break;
                case ILocalReferenceOperation reference:
                    Add(body.References, reference.Local, reference);
                    break;
            }

            if (descendant is IVariableDeclaratorOperation declared && !body.Declarators.ContainsKey(declared.Symbol))
            {
                body.Declarators.Add(declared.Symbol, declared);
            }

            switch (descendant)
            {
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    Add(body.Assigned, declarator.Symbol, initializer.Value);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    Add(body.Assigned, target.Local, assignment.Value);
                    break;
                case ICompoundAssignmentOperation { Target: ILocalReferenceOperation target } compound:
                    Add(body.Compound, target.Local, compound.Value);
                    break;
            }
        }

        return body;
    }

    private sealed class Body
    {
        public Dictionary<ILocalSymbol, List<IOperation>> Assigned { get; } = new(SymbolEqualityComparer.Default);

        public Dictionary<ILocalSymbol, List<IOperation>> Compound { get; } = new(SymbolEqualityComparer.Default);

        public Dictionary<ILocalSymbol, List<IInvocationOperation>> CalledOn { get; } = new(SymbolEqualityComparer.Default);

        public Dictionary<ILocalSymbol, List<ILocalReferenceOperation>> References { get; } = new(SymbolEqualityComparer.Default);

        public List<IInvocationOperation> Invocations { get; } = new();

        public List<IOperation> NamedValues { get; } = new();

        public Dictionary<ILocalSymbol, IVariableDeclaratorOperation> Declarators { get; } = new(SymbolEqualityComparer.Default);
    }

    private static void Add<T>(Dictionary<ILocalSymbol, List<T>> values, ILocalSymbol local, T value)
    {
        if (!values.TryGetValue(local, out var list))
        {
            values[local] = list = new List<T>();
        }

        list.Add(value);
    }
}
