using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis.Calls;

/// <summary>
/// A question asked of the call graph (does this method reach a side effect? does it check a gate?):
/// a visitor plus a cache of answers per root method for the compilation. Each answer is computed once
/// (Lazy, ExecutionAndPublication) by a walk that depends on the root alone, so it does not depend on
/// which thread asks first.
/// </summary>
internal abstract class CallGraphQuery<T> : ICallVisitor<T>, ICallNameFilter
    where T : class
{
    private readonly ConcurrentDictionary<IMethodSymbol, Lazy<T?>> _answers = new(SymbolEqualityComparer.Default);

    protected CallGraphQuery(CallGraph graph) => Graph = graph;

    protected CallGraph Graph { get; }

    /// <summary>How many levels of calls below the root the walk follows.</summary>
    protected abstract int MaxDepth { get; }

    /// <summary>The answer for a source method (cached per method).</summary>
    public T? From(IMethodSymbol root)
    {
        root = (root.ReducedFrom ?? root).OriginalDefinition;
        return _answers.GetOrAdd(root, r => new Lazy<T?>(() => Graph.MayMatter(r, this) ? Graph.Walk(this, r.Name, r, Graph.CallsOf(r), MaxDepth) : null, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>
    /// Whether <see cref="From"/> would bind a body to answer for this source method: its answer is not known yet and the names its
    /// syntax spells do not settle it. A caller with another question to ask (is the tool's pipeline gated?) asks that one first
    /// when it is the cheaper, as both must hold for a finding. A method with no source here binds nothing.
    /// </summary>
    public bool WouldBind(IMethodSymbol root)
    {
        root = (root.ReducedFrom ?? root).OriginalDefinition;
        return !root.DeclaringSyntaxReferences.IsEmpty
            && !(_answers.TryGetValue(root, out var answer) && answer.IsValueCreated)
            && Graph.MayMatter(root, this, count: false);
    }

    /// <summary>The answer for a lambda or another body that is no method of its own (not cached: each body is asked once).</summary>
    public T? FromBody(string name, IOperation body) => Graph.Walk(this, name, null, CallGraph.CallsIn(body), MaxDepth);

    public abstract T? Visit(IOperation call, CallChain chain);

    public virtual bool ShouldFollow(IInvocationOperation call) => true;

    /// <summary>False unless the query says: gate searches answer only from calls that bind.</summary>
    public virtual bool FollowsUnboundCalls => false;

    /// <summary>Whether <see cref="Visit"/> can report a call to a method with this simple name (true unless the query says: then every body is bound).</summary>
    public virtual bool MayFindCall(string simpleName) => true;

    /// <summary>Whether <see cref="Visit"/> can report creating a type with this simple name (null: <c>new(...)</c>).</summary>
    public virtual bool MayFindCreation(string? typeName) => true;
}
