using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis;

/// <summary>
/// The values each local of a body is declared with or assigned, in source order, from one walk of the body
/// (cached per body operation, which the semantic model hands out once per member): tracing a client, kernel or
/// function through a local asks for every call made on it, and one walk of the body per question cost more than
/// the rest of the trace.
/// </summary>
internal static class LocalValues
{
    private static readonly IReadOnlyList<IOperation> s_none = new IOperation[0];
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

    private static Body Walk(IOperation root)
    {
        var body = new Body();
        foreach (var descendant in root.Descendants())
        {
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
    }

    private static void Add(Dictionary<ILocalSymbol, List<IOperation>> values, ILocalSymbol local, IOperation value)
    {
        if (!values.TryGetValue(local, out var list))
        {
            values[local] = list = new List<IOperation>();
        }

        list.Add(value);
    }
}
