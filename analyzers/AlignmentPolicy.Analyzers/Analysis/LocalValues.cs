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
    private static readonly ConditionalWeakTable<IOperation, Dictionary<ILocalSymbol, List<IOperation>>> s_byRoot = new();

    /// <summary>The values <paramref name="local"/> is declared with or assigned in <paramref name="root"/> (its body).</summary>
    public static IReadOnlyList<IOperation> Of(IOperation root, ILocalSymbol local)
        => s_byRoot.GetValue(root, Walk).TryGetValue(local, out var values) ? values : s_none;

    private static Dictionary<ILocalSymbol, List<IOperation>> Walk(IOperation root)
    {
        var values = new Dictionary<ILocalSymbol, List<IOperation>>(SymbolEqualityComparer.Default);
        foreach (var descendant in root.Descendants())
        {
            switch (descendant)
            {
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    Add(values, declarator.Symbol, initializer.Value);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    Add(values, target.Local, assignment.Value);
                    break;
            }
        }

        return values;
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
