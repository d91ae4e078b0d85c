using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis;

/// <summary>Small helpers on IOperation that every part of the analysis uses.</summary>
internal static class Operations
{
    /// <summary>The instance a method is called on, or the <c>this</c> argument of an extension method.</summary>
    public static IOperation? Receiver(IInvocationOperation invocation)
    {
        if (invocation.Instance is { } instance)
        {
            return instance;
        }

        if (invocation.TargetMethod.IsExtensionMethod)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == 0)
                {
                    return argument.Value;
                }
            }
        }

        return null;
    }

    /// <summary>The value under conversions, parentheses and await.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                case IAwaitOperation awaited:
                    operation = awaited.Operation;
                    continue;
                case IInvocationOperation { TargetMethod.Name: "GetResult", Arguments.Length: 0, Instance: IInvocationOperation { TargetMethod.Name: "GetAwaiter", Arguments.Length: 0, Instance: { } task } }:
                    // CreateAgentAsync().GetAwaiter().GetResult(): the task's result, as if awaited.
                    operation = task;
                    continue;
                default:
                    return operation;
            }
        }
    }

    /// <summary>The outermost operation (the method body, or the field initializer).</summary>
    public static IOperation Root(IOperation operation)
    {
        var current = operation;
        while (current.Parent is { } parent)
        {
            current = parent;
        }

        return current;
    }

    public static bool IsNullConstant(IOperation operation)
        => Unwrap(operation) is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation;

    /// <summary>
    /// The elements of a collection literal: an array initializer or a collection expression
    /// (<c>[a, b]</c>; Roslyn 4.8 has no operation type for it, so it is recognised by its syntax).
    /// </summary>
    public static IEnumerable<IOperation> Elements(IOperation value)
    {
        switch (value)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                return initializer.ElementValues;
            case { Syntax: CollectionExpressionSyntax }:
                return value.ChildOperations;
            case IObjectCreationOperation { Initializer: { } collection }:
                return collection.Initializers.OfType<IInvocationOperation>().SelectMany(i => i.Arguments.Select(a => a.Value));
            default:
                return Enumerable.Empty<IOperation>();
        }
    }

    /// <summary>
    /// The method an invocation that did not bind would call (a code base scanned without all its packages:
    /// an argument or receiver of a type that is not referenced): the single or first candidate symbol.
    /// </summary>
    public static IMethodSymbol? CandidateMethod(IInvalidOperation invalid)
    {
        if (invalid.Syntax is not InvocationExpressionSyntax || invalid.SemanticModel is not { } model)
        {
            return null;
        }

        var info = model.GetSymbolInfo(invalid.Syntax);
        return (info.Symbol ?? (info.CandidateSymbols.Length > 0 ? info.CandidateSymbols[0] : null)) as IMethodSymbol;
    }

    /// <summary>file(line), for messages.</summary>
    public static string Where(IOperation operation)
    {
        var span = operation.Syntax.GetLocation().GetLineSpan();
        return $"{System.IO.Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1})";
    }

    /// <summary>
    /// The value a local is declared with, when it is declared in the same body: from the body's one walk (<see cref="LocalValues"/>),
    /// which every question about the body's locals shares, not a walk of the body per question.
    /// </summary>
    public static IOperation? InitialValue(ILocalReferenceOperation local) => LocalValues.DeclaredValue(Root(local), local.Local);
}
