using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis.Gates;

/// <summary>
/// Whether a filter, middleware or delegating client always calls through: is there a path through its
/// body (on Roslyn's control-flow graph) from the entry to the exit, or to a throw, that passes no use of
/// the continuation (<c>next</c>, the inner client or agent)? Such a path denies, skips or substitutes a
/// result, which is what makes it a gate. A use that hands the continuation to a source method counts
/// only when that method itself always calls it.
/// </summary>
internal static class Continuations
{
    private const int MaxHandOffDepth = 3;

    /// <summary>The body of a method or a lambda, with the operations that use its continuation.</summary>
    /// <remarks>
    /// The graph is built only when the body's top-level statements cannot answer: most filters and middleware
    /// run straight-line code around <c>await next(context)</c>, and a statement that calls the continuation
    /// unconditionally, reached before any statement that can leave the body, settles it without a graph.
    /// </remarks>
    public static bool CanSkip(Func<ControlFlowGraph?> graph, IOperation body, Func<IOperation, bool> isUse, Func<IOperation, bool> alwaysCallsThrough)
    {
        var uses = new HashSet<SyntaxNode>();
        var useOperations = new List<IOperation>();
        foreach (var operation in body.DescendantsAndSelf())
        {
            if (isUse(operation) && alwaysCallsThrough(operation))
            {
                uses.Add(operation.Syntax);
                useOperations.Add(operation);
            }
        }

        if (uses.Count == 0)
        {
            return true;
        }

        if (CallsBeforeLeaving(body, useOperations))
        {
            return false;
        }

        return graph() is { } built && HasPathAvoiding(built, uses);
    }

    /// <summary>
    /// Whether some top-level statement of the body uses the continuation on every path through it (the use is
    /// evaluated whenever the statement is: not under a condition, a <c>?.</c>, <c>&amp;&amp;</c> or a lambda), and no
    /// statement before it can leave the body (return, throw, goto). Then every path from the entry passes a use
    /// before it reaches the exit or a throw, which is what the graph search would find. False when unsure.
    /// </summary>
    private static bool CallsBeforeLeaving(IOperation body, List<IOperation> uses)
    {
        var block = body switch
        {
            IMethodBodyOperation { BlockBody: { } blockBody, ExpressionBody: null } => blockBody,
            IMethodBodyOperation { BlockBody: null, ExpressionBody: { } expressionBody } => expressionBody,
            IBlockOperation lambdaBody when body.Parent is IAnonymousFunctionOperation => lambdaBody,
            _ => null,
        };
        if (block is null)
        {
            return false;
        }

        foreach (var statement in block.Operations)
        {
            // `return await next(context);` leaves after the use; a throw expression or a switch expression with no
            // matching arm elsewhere in the statement may leave before it.
            var leavesInside = statement is IReturnOperation { Kind: OperationKind.Return, ReturnedValue: { } returned } ? MayLeave(returned) : MayLeave(statement);
            if (!leavesInside)
            {
                foreach (var use in uses)
                {
                    if (IsUnconditionalIn(use, statement))
                    {
                        return true;
                    }
                }
            }

            if (MayLeave(statement))
            {
                return false;
            }
        }

        return false;
    }

    // The use's way up to its statement passes only operations that evaluate that child whenever they run.
    private static bool IsUnconditionalIn(IOperation use, IOperation statement)
    {
        var child = use;
        for (var parent = use.Parent; parent is not null; child = parent, parent = parent.Parent)
        {
            if (parent == statement)
            {
                return statement is IExpressionStatementOperation or IVariableDeclarationGroupOperation or IReturnOperation { Kind: OperationKind.Return };
            }

            var evaluated = parent switch
            {
                IInvocationOperation invocation => child == invocation.Instance || child is IArgumentOperation,
                IObjectCreationOperation => child is IArgumentOperation,
                ISimpleAssignmentOperation assignment => child == assignment.Value,
                IArgumentOperation or IAwaitOperation or IConversionOperation or IVariableInitializerOperation or IVariableDeclaratorOperation or IVariableDeclarationOperation => true,
                _ => false,
            };
            if (!evaluated)
            {
                return false;
            }
        }

        return false;
    }

    // A return, throw, goto or yield, or a switch expression (the graph throws when no arm matches), outside the
    // lambdas and local functions the operation declares.
    private static bool MayLeave(IOperation statement)
    {
        var pending = new Stack<IOperation>();
        pending.Push(statement);
        while (pending.Count > 0)
        {
            var operation = pending.Pop();
            switch (operation)
            {
                case IReturnOperation or IThrowOperation or IBranchOperation { BranchKind: BranchKind.GoTo } or ISwitchExpressionOperation:
                    return true;
                case IAnonymousFunctionOperation or ILocalFunctionOperation:
                    continue;
            }

            foreach (var child in operation.ChildOperations)
            {
                pending.Push(child);
            }
        }

        return false;
    }

    private static bool HasPathAvoiding(ControlFlowGraph graph, HashSet<SyntaxNode> uses)
    {
        var blocks = graph.Blocks;
        var seen = new bool[blocks.Length];
        var queue = new Queue<BasicBlock>();
        queue.Enqueue(blocks[0]);
        seen[0] = true;
        while (queue.Count > 0)
        {
            var block = queue.Dequeue();
            if (block.Kind == BasicBlockKind.Exit)
            {
                return true;
            }

            if (ContainsUse(block, uses))
            {
                continue;
            }

            foreach (var branch in new[] { block.FallThroughSuccessor, block.ConditionalSuccessor })
            {
                if (branch is null)
                {
                    continue;
                }

                if (branch.Semantics is ControlFlowBranchSemantics.Throw or ControlFlowBranchSemantics.Rethrow)
                {
                    return true; // a path that throws before calling through denies
                }

                if (branch.Destination is { } destination && !seen[destination.Ordinal])
                {
                    seen[destination.Ordinal] = true;
                    queue.Enqueue(destination);
                }
            }
        }

        return false;
    }

    // The graph rewrites expressions (captures, synthesized references whose syntax is a whole conditional),
    // but keeps the parameter references themselves: a block uses the continuation when it holds one of them,
    // or a lambda whose code holds one (a retry helper calling next).
    private static bool ContainsUse(BasicBlock block, HashSet<SyntaxNode> uses)
    {
        foreach (var operation in BlockOperations(block))
        {
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                if (uses.Contains(descendant.Syntax) && descendant is not (IFlowCaptureReferenceOperation or IFlowCaptureOperation))
                {
                    return true;
                }

                if (descendant is IFlowAnonymousFunctionOperation function)
                {
                    foreach (var use in uses)
                    {
                        if (function.Syntax.Span.Contains(use.Span) && function.Syntax.SyntaxTree == use.SyntaxTree)
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The control-flow graph of a source method's body (a local function's is found in its enclosing body's graph), or null.</summary>
    public static ControlFlowGraph? GraphOf(IOperation methodBody)
    {
        try
        {
            return methodBody switch
            {
                IMethodBodyOperation method => Counted(ControlFlowGraph.Create(method)),
                IConstructorBodyOperation constructor => Counted(ControlFlowGraph.Create(constructor)),
                ILocalFunctionOperation local => OuterGraph(Analysis.Operations.Root(local)) is { } outer ? FindLocal(outer, local.Symbol, 0) : null,
                _ => null,
            };
        }
        catch (ArgumentException)
        {
            return null; // a body with errors
        }
    }

    private static ControlFlowGraph? OuterGraph(IOperation root) => root switch
    {
        IMethodBodyOperation method => Counted(ControlFlowGraph.Create(method)),
        IConstructorBodyOperation constructor => Counted(ControlFlowGraph.Create(constructor)),
        IFieldInitializerOperation field => Counted(ControlFlowGraph.Create(field)),
        IPropertyInitializerOperation property => Counted(ControlFlowGraph.Create(property)),
        IBlockOperation block when block.SemanticModel is { } model => Counted(ControlFlowGraph.Create(block.Syntax, model)),
        _ => null,
    };

    private static ControlFlowGraph? FindLocal(ControlFlowGraph graph, IMethodSymbol local, int depth)
    {
        if (depth > 4)
        {
            return null;
        }

        foreach (var candidate in graph.LocalFunctions)
        {
            var inner = graph.GetLocalFunctionControlFlowGraph(candidate);
            if (SymbolEqualityComparer.Default.Equals(candidate, local))
            {
                return inner;
            }

            if (FindLocal(inner, local, depth + 1) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    /// <summary>The control-flow graph of a lambda, found in its enclosing body's graph.</summary>
    public static ControlFlowGraph? GraphOf(IAnonymousFunctionOperation lambda)
    {
        ControlFlowGraph? outer;
        try
        {
            outer = OuterGraph(Analysis.Operations.Root(lambda));
        }
        catch (ArgumentException)
        {
            return null;
        }

        return outer is null ? null : Find(outer, lambda.Symbol, 0);
    }

    private static ControlFlowGraph? Find(ControlFlowGraph graph, IMethodSymbol lambda, int depth)
    {
        if (depth > 4)
        {
            return null;
        }

        foreach (var block in graph.Blocks)
        {
            foreach (var operation in BlockOperations(block))
            {
                foreach (var descendant in operation.DescendantsAndSelf())
                {
                    if (descendant is not IFlowAnonymousFunctionOperation function)
                    {
                        continue;
                    }

                    var inner = graph.GetAnonymousFunctionControlFlowGraph(function);
                    if (SymbolEqualityComparer.Default.Equals(function.Symbol, lambda))
                    {
                        return inner;
                    }

                    if (Find(inner, lambda, depth + 1) is { } nested)
                    {
                        return nested;
                    }
                }
            }
        }

        foreach (var local in graph.LocalFunctions)
        {
            if (Find(graph.GetLocalFunctionControlFlowGraph(local), lambda, depth + 1) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    private static IEnumerable<IOperation> BlockOperations(BasicBlock block)
    {
        foreach (var operation in block.Operations)
        {
            yield return operation;
        }

        if (block.BranchValue is { } branch)
        {
            yield return branch;
        }
    }

    private static ControlFlowGraph? Counted(ControlFlowGraph? graph)
    {
        WorkCounters.Count(ref WorkCounters.FlowGraphs);
        return graph;
    }

    /// <summary>How deep a continuation handed to helper methods is followed.</summary>
    public static int HandOffDepth => MaxHandOffDepth;

    /// <summary>The parameters through which a middleware calls on: delegates, or the inner client or agent.</summary>
    public static ImmutableArray<IParameterSymbol> ContinuationParameters(IMethodSymbol method, KnownSymbols symbols)
    {
        var builder = ImmutableArray.CreateBuilder<IParameterSymbol>();
        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.TypeKind == TypeKind.Delegate
                || (symbols.IChatClient is { } client && KnownSymbols.IsOrDerivesFrom(parameter.Type, client))
                || (symbols.AIAgent is { } agent && KnownSymbols.IsOrDerivesFrom(parameter.Type, agent)))
            {
                builder.Add(parameter);
            }
        }

        return builder.ToImmutable();
    }
}
