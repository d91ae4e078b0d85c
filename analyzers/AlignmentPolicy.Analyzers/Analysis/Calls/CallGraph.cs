using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis.Calls;

/// <summary>
/// The compilation's call graph, built on demand: the calls in each source method's body (bound once,
/// cached), the source methods a call can land in (the method itself, or the compilation's
/// implementations of an interface, abstract or virtual member), and the one walk every interprocedural
/// question uses (<see cref="Walk{T}"/>).
/// </summary>
internal sealed class CallGraph
{
    private readonly AgentContext _context;
    private readonly ConcurrentDictionary<IMethodSymbol, Lazy<ImmutableArray<IOperation>>> _bodies = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IOperation>> _calls = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IOperation>> _returned = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _targets = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, ImmutableArray<IMethodSymbol>> _unbound = new(SymbolEqualityComparer.Default);
    private readonly Lazy<ImplementationIndex> _implementations;
    private readonly ConcurrentDictionary<IMethodSymbol, CallNames> _names = new(SymbolEqualityComparer.Default);
    private readonly Lazy<DeclaredNames> _declared;

    public CallGraph(AgentContext context)
    {
        _context = context;
        _implementations = new Lazy<ImplementationIndex>(() => ImplementationIndex.Build(context.Compilation), LazyThreadSafetyMode.ExecutionAndPublication);
        _declared = new Lazy<DeclaredNames>(() => DeclaredNames.Of(context.Compilation), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// Whether a walk with this filter can find anything in a source method's body or go on from it, judged from
    /// the names its syntax spells before the body is bound: a call spelled with a name the filter looks for or
    /// with the name of a method declared in the compilation (which the walk would follow), a creation of a type
    /// the filter looks for or spelled with a using alias. When no name can, the body is never bound (most helper
    /// methods a tool calls log, format or compute). A null filter (a visitor that does not say) binds everything.
    /// </summary>
    public bool MayMatter(IMethodSymbol method, ICallNameFilter? filter) => MayMatter(method, filter, count: true);

    /// <summary>
    /// <see cref="MayMatter(IMethodSymbol, ICallNameFilter?)"/>, with <paramref name="count"/> false for a question asked ahead of the
    /// walk (<see cref="CallGraphQuery{T}.WouldBind"/>): the method is counted as skipped when the walk skips it, not when it is asked about.
    /// </summary>
    public bool MayMatter(IMethodSymbol method, ICallNameFilter? filter, bool count)
    {
        if (filter is null)
        {
            return true;
        }

        method = (method.ReducedFrom ?? method).OriginalDefinition;
        var names = _names.GetOrAdd(method, m => CallNames.Of(m.DeclaringSyntaxReferences));
        if (names.MustBind || (names.AnyInvocation && filter.MayFindCall("Invoke")) || (names.ImplicitCreation && filter.MayFindCreation(null)))
        {
            return true;
        }

        var declared = _declared.Value;
        foreach (var name in names.Invoked)
        {
            if (filter.MayFindCall(name) || declared.Methods.Contains(name))
            {
                return true;
            }
        }

        foreach (var name in names.Created)
        {
            if (filter.MayFindCreation(name) || declared.Aliases.Contains(name))
            {
                return true;
            }
        }

        if (count)
        {
            WorkCounters.Count(ref WorkCounters.SkippedMethods);
        }

        return false;
    }

    /// <summary>
    /// The bodies of a source method (one per declaration; partial methods may have two), or empty. Cached per method: a
    /// filter is asked whether it always calls through, whether it asks a gate and whether it blocks a rendered prompt, a
    /// factory's returns are read at each of its call sites, and each would otherwise look the body up again.
    /// </summary>
    public ImmutableArray<IOperation> BodiesOf(IMethodSymbol method)
    {
        method = (method.ReducedFrom ?? method).OriginalDefinition;
        if (method.DeclaringSyntaxReferences.Length == 0)
        {
            return ImmutableArray<IOperation>.Empty;
        }

        return _bodies.GetOrAdd(method, m => new Lazy<ImmutableArray<IOperation>>(() =>
        {
            var refs = m.DeclaringSyntaxReferences;
            var builder = ImmutableArray.CreateBuilder<IOperation>(refs.Length);
            foreach (var reference in refs)
            {
                if (_context.OperationOf(reference.GetSyntax()) is { } body)
                {
                    builder.Add(body);
                }
            }

            return builder.ToImmutable();
        }, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>
    /// The values a source method returns (<c>return x;</c> in its own bodies, not in a lambda or local function inside),
    /// in source order; cached per method, as every call site of a factory asks.
    /// </summary>
    public ImmutableArray<IOperation> ReturnedValuesOf(IMethodSymbol method)
    {
        method = (method.ReducedFrom ?? method).OriginalDefinition;
        if (method.DeclaringSyntaxReferences.Length == 0)
        {
            return ImmutableArray<IOperation>.Empty;
        }

        return _returned.GetOrAdd(method, m =>
        {
            var builder = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var body in BodiesOf(m))
            {
                foreach (var descendant in body.Descendants())
                {
                    if (descendant is IReturnOperation { ReturnedValue: { } value } returned && ReturnsFrom(returned, body))
                    {
                        builder.Add(value);
                    }
                }
            }

            return builder.ToImmutable();
        });
    }

    /// <summary>Whether a return belongs to this body rather than to a lambda or local function inside it (a local function's own body included).</summary>
    private static bool ReturnsFrom(IReturnOperation returned, IOperation body)
    {
        for (var current = returned.Parent; current is not null; current = current.Parent)
        {
            if (current == body)
            {
                return true;
            }

            if (current is ILocalFunctionOperation or IAnonymousFunctionOperation)
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>The invocations and object creations in a source method (and calls that did not bind), in source order; cached per method.</summary>
    public ImmutableArray<IOperation> CallsOf(IMethodSymbol method)
    {
        method = (method.ReducedFrom ?? method).OriginalDefinition;
        if (method.DeclaringSyntaxReferences.Length == 0)
        {
            return ImmutableArray<IOperation>.Empty;
        }

        return _calls.GetOrAdd(method, m =>
        {
            WorkCounters.CountWalk();
            var builder = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var body in BodiesOf(m))
            {
                AddCalls(body, builder);
            }

            return builder.ToImmutable();
        });
    }

    /// <summary>The invocations and object creations in an operation (a lambda's body, a statement), in source order.</summary>
    public static ImmutableArray<IOperation> CallsIn(IOperation body)
    {
        var builder = ImmutableArray.CreateBuilder<IOperation>();
        AddCalls(body, builder);
        return builder.ToImmutable();
    }

    private static void AddCalls(IOperation body, ImmutableArray<IOperation>.Builder builder)
    {
        foreach (var operation in body.DescendantsAndSelf())
        {
            // A call that did not bind (its receiver's type is missing) is listed too: a visitor may judge it by its names
            // (SideEffects/ServiceClients); the walk never follows one.
            if (operation is IInvocationOperation or IObjectCreationOperation or IInvalidOperation { Syntax: Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax })
            {
                builder.Add(operation);
            }
        }
    }

    /// <summary>
    /// The methods that calls in a source method's body would call but that did not bind because an argument's type is
    /// missing (a type of another project of the solution, which a scan compiles alone: <c>state.AddAsync(item!)</c> with
    /// <c>item</c> of an unresolved <c>CatalogItem</c>), when the name has a single candidate. Read from the calls
    /// <see cref="CallsOf"/> listed (which holds the calls that did not bind too), so the body is bound and walked once
    /// for both. Cached per method; asked only by walks that follow such calls (<see cref="ICallVisitor{T}.FollowsUnboundCalls"/>).
    /// </summary>
    public ImmutableArray<IMethodSymbol> UnboundCallsOf(IMethodSymbol method)
    {
        method = (method.ReducedFrom ?? method).OriginalDefinition;
        if (method.DeclaringSyntaxReferences.Length == 0)
        {
            return ImmutableArray<IMethodSymbol>.Empty;
        }

        return _unbound.GetOrAdd(method, m =>
        {
            ImmutableArray<IMethodSymbol>.Builder? builder = null;
            foreach (var call in CallsOf(m))
            {
                if (call is IInvalidOperation { Syntax: Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax syntax, SemanticModel: { } model })
                {
                    var info = model.GetSymbolInfo(syntax);
                    if ((info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null)) is IMethodSymbol candidate)
                    {
                        (builder ??= ImmutableArray.CreateBuilder<IMethodSymbol>()).Add(candidate);
                    }
                }
            }

            return builder?.ToImmutable() ?? ImmutableArray<IMethodSymbol>.Empty;
        });
    }

    /// <summary>
    /// The source methods a call to <paramref name="method"/> can run: the method itself when it has a body
    /// here, else the compilation's implementations of the interface member or overrides of the abstract or
    /// virtual member (whether or not the interface itself is declared here: user code implements
    /// framework interfaces too). Cached per method.
    /// </summary>
    public ImmutableArray<IMethodSymbol> TargetsOf(IMethodSymbol method)
    {
        method = (method.ReducedFrom ?? method).OriginalDefinition;
        return _targets.GetOrAdd(method, m =>
        {
            if (m.DeclaringSyntaxReferences.Length > 0 && !m.IsAbstract && !m.IsVirtual && !m.IsOverride)
            {
                return ImmutableArray.Create(m);
            }

            var builder = ImmutableArray.CreateBuilder<IMethodSymbol>();
            if (m.DeclaringSyntaxReferences.Length > 0 && !m.IsAbstract)
            {
                builder.Add(m);
            }

            if (m.ContainingType is { } type && (m.IsAbstract || m.IsVirtual || m.IsOverride || type.TypeKind == TypeKind.Interface))
            {
                _implementations.Value.AddImplementations(m, builder);
            }

            return builder.ToImmutable();
        });
    }

    /// <summary>
    /// The one interprocedural walk: breadth first from the root's calls, level by level in source order,
    /// into every source method a call can land in, each method once, at most <paramref name="maxDepth"/>
    /// levels below the root. Returns the first finding the visitor reports, with the chain of methods that
    /// leads to it. It shares no state with other walks, so its answer depends only on the root: the same
    /// on every thread and in every order (callers cache it per root).
    /// </summary>
    public T? Walk<T>(ICallVisitor<T> visitor, string rootName, IMethodSymbol? root, ImmutableArray<IOperation> rootCalls, int maxDepth)
        where T : class
    {
        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        if (root is not null)
        {
            visited.Add((root.ReducedFrom ?? root).OriginalDefinition);
        }

        var level = new List<(ImmutableArray<IOperation> Calls, CallChain Chain, IMethodSymbol? Method)> { (rootCalls, new CallChain(rootName, null), root) };
        for (var depth = 0; level.Count > 0; depth++)
        {
            // A finding in this level wins over anything deeper: the shortest chain is reported.
            foreach (var (calls, chain, _) in level)
            {
                foreach (var call in calls)
                {
                    if (visitor.Visit(call, chain) is { } found)
                    {
                        return found;
                    }
                }
            }

            if (depth >= maxDepth)
            {
                break;
            }

            var next = new List<(ImmutableArray<IOperation>, CallChain, IMethodSymbol?)>();
            foreach (var (calls, chain, method) in level)
            {
                foreach (var call in calls)
                {
                    if (call is not IInvocationOperation invocation || !visitor.ShouldFollow(invocation))
                    {
                        continue;
                    }

                    foreach (var target in TargetsOf(invocation.TargetMethod))
                    {
                        if (visited.Add(target) && MayMatter(target, visitor as ICallNameFilter))
                        {
                            next.Add((CallsOf(target), new CallChain(CallChain.Display(target), chain), target));
                        }
                    }
                }

                if (visitor.FollowsUnboundCalls && method is not null)
                {
                    foreach (var unbound in UnboundCallsOf(method))
                    {
                        foreach (var target in TargetsOf(unbound))
                        {
                            if (visited.Add(target) && MayMatter(target, visitor as ICallNameFilter))
                            {
                                next.Add((CallsOf(target), new CallChain(CallChain.Display(target), chain), target));
                            }
                        }
                    }
                }
            }

            level = next;
        }

        return null;
    }
}

/// <summary>What a walk of the call graph looks for.</summary>
internal interface ICallVisitor<out T>
    where T : class
{
    /// <summary>A finding at this call (reached through <paramref name="chain"/>), or null to go on.</summary>
    T? Visit(IOperation call, CallChain chain);

    /// <summary>Whether the walk goes into the methods this call can land in.</summary>
    bool ShouldFollow(IInvocationOperation call);

    /// <summary>
    /// Whether the walk also goes into the source methods that calls which did not bind (an argument of a missing type) would call
    /// (<see cref="CallGraph.UnboundCallsOf"/>); those calls themselves are never visited.
    /// </summary>
    bool FollowsUnboundCalls { get; }
}

/// <summary>The methods a walk went through, innermost last: Tool -> Helper.Method -> ...</summary>
internal sealed class CallChain
{
    public CallChain(string name, CallChain? parent)
    {
        Name = name;
        Parent = parent;
    }

    public string Name { get; }

    public CallChain? Parent { get; }

    public ImmutableArray<string> With(string last)
    {
        var names = new List<string> { last };
        for (var current = this; current is not null; current = current.Parent)
        {
            names.Add(current.Name);
        }

        names.Reverse();
        return names.ToImmutableArray();
    }

    public static string Display(IMethodSymbol method)
    {
        method = method.ReducedFrom ?? method;
        return method.ContainingType is { } type && method.MethodKind != MethodKind.LocalFunction ? $"{type.Name}.{method.Name}" : method.Name;
    }

    public static string Display(IOperation call) => call switch
    {
        IInvocationOperation invocation => Display(invocation.TargetMethod),
        IObjectCreationOperation creation => $"new {creation.Type?.Name}",
        IInvalidOperation { Syntax: Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax { Expression: var called } } => string.Concat(System.Linq.Enumerable.Where(called.ToString(), c => !char.IsWhiteSpace(c))),
        _ => call.Syntax.ToString(),
    };
}
