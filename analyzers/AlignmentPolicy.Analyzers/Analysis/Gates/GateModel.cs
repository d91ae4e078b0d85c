using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using AlignmentPolicy.Analyzers.Analysis.Invocations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis.Gates;

/// <summary>
/// Everything that decides whether something gates (DESIGN.md, "Policy gate"):
/// our gate methods and types, types the policy or [PolicyGate] declares, and, judged by behaviour, Semantic
/// Kernel filters, Agent Framework and Microsoft.Extensions.AI middleware (<c>Use(...)</c>) and delegating
/// clients: one gates when some path does not call through (it denies, skips or substitutes a result) or
/// when it asks an <c>IPolicyGate</c> / <c>IApprovalService</c>; one that always calls through does not.
/// Answers are cached per type, method and middleware call for the compilation.
/// </summary>
internal sealed class GateModel
{

    private readonly AgentContext _context;
    private readonly ImmutableHashSet<string> _additionalGateTypes;
    private readonly ConcurrentDictionary<(ITypeSymbol, FilterKinds), bool> _gatingFilters = new(TypeAndKindsComparer.Instance);
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _gatingClients = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<SyntaxNode, bool> _middleware = new();
    private readonly ConcurrentDictionary<(IMethodSymbol, int), bool> _alwaysCalls = new();

    public GateModel(AgentContext context)
    {
        _context = context;
        _additionalGateTypes = context.Policy.AdditionalGateTypes.ToImmutableHashSet(StringComparer.Ordinal);
        Checks = new GateCheckSearch(context.CallGraph, this, context.Policy.MaxCallDepth);
        Applications = new GateApplicationSearch(context.CallGraph, this, context.Classifier);
    }

    /// <summary>Code that asks a gate, through helpers too.</summary>
    public GateCheckSearch Checks { get; }

    private GateApplicationSearch Applications { get; }

    private KnownSymbols Symbols => _context.Symbols;

    /// <summary>
    /// A call in a builder chain that puts a gate in the pipeline: <c>UsePolicyGate()</c>, a gating
    /// <c>Use(...)</c>, a method of a gate type, or a team's own helper that does one of these. For a
    /// model call (<paramref name="forModelCalls"/>), Agent Framework function middleware does not count:
    /// it sees the tool calls, never the request sent to the model.
    /// </summary>
    public bool IsGateInvocation(IInvocationOperation invocation, bool forModelCalls = false)
    {
        var method = invocation.TargetMethod;
        switch (_context.Classifier.Classify(method))
        {
            case InvocationKind.GateApplication:
                return true;
            case InvocationKind.MiddlewareUse:
                return MiddlewareGates(invocation) && !(forModelCalls && IsFunctionMiddleware(method));
            case InvocationKind.None:
                break;
            default:
                return false;
        }

        if (method.ContainingType is { } type && IsGateType(type))
        {
            return true;
        }

        // A team's own helper that applies the gate: builder.UseContosoDefaults() calling UsePolicyGate() inside.
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        return definition.DeclaringSyntaxReferences.Length > 0 && Symbols.IsClientLike(definition.ReturnType) && Applications.From(definition) is not null;
    }

    /// <summary>A call that asks a gate for a verdict or a person for approval.</summary>
    /// <summary>The name-first test for <see cref="IsGateCheck"/>: no call with another name is a gate check.</summary>
    public static bool MayBeGateCheck(string simpleName) => simpleName is "EvaluateAsync" or "RequestApprovalAsync";

    public bool IsGateCheck(IInvocationOperation invocation)
    {
        if (_context.Classifier.Classify(invocation.TargetMethod) == InvocationKind.GateCheck)
        {
            return true;
        }

        return invocation.TargetMethod.Name == "EvaluateAsync" && invocation.TargetMethod.ContainingType is { } type && IsGateType(type);
    }

    /// <summary>
    /// A tool that gates itself: <c>new ApprovalRequiredAIFunction(tool)</c> (the invoker asks for approval
    /// before it runs), <c>tool.WithPolicyGate()</c>, or a gate type wrapping it.
    /// </summary>
    public bool IsSelfGatedTool(IOperation tool)
        => tool switch
        {
            IObjectCreationOperation { Type: { } type } => IsGateType(type) || KnownSymbols.IsOrDerivesFrom(type, Symbols.ApprovalRequiredAIFunction),
            IInvocationOperation invocation => IsGateInvocation(invocation),
            _ => false,
        };

    /// <summary>Types declared as gates: [PolicyGate], the policy's <c>gates.additionalGateTypes</c>, our own gate types. Cached per type.</summary>
    public bool IsGateType(ITypeSymbol type) => _gateTypes.GetOrAdd(type, ComputeIsGateType);

    private readonly ConcurrentDictionary<ITypeSymbol, bool> _gateTypes = new(SymbolEqualityComparer.Default);

    private bool ComputeIsGateType(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (KnownSymbols.HasAttribute(current, Symbols.PolicyGateAttribute)
                || (_additionalGateTypes.Count > 0 && _additionalGateTypes.Contains(MetadataName(current)))
                || (InvocationClassifier.IsInGatesNamespace(current) && (current.Name.StartsWith("PolicyGated", StringComparison.Ordinal) || current.Name == "GatedAIFunction")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A Semantic Kernel filter that gates what <paramref name="kinds"/> intercept: one of ours (or a declared gate), or one
    /// whose filter method of one of those interfaces can stop the call. A type that is an approval function filter and a
    /// logging prompt filter gates tools, not the requests sent to the model.
    /// </summary>
    public bool IsGatingFilter(ITypeSymbol? type, FilterKinds kinds = FilterKinds.Tools)
    {
        if (type is null || kinds == FilterKinds.None || type.TypeKind is TypeKind.Interface or TypeKind.Error)
        {
            return false;
        }

        return _gatingFilters.GetOrAdd((type, kinds), key =>
        {
            var (t, wanted) = key;
            if (IsGateType(t))
            {
                return true;
            }

            var implemented = Implemented(t) & wanted;
            if (implemented == FilterKinds.None)
            {
                return false;
            }

            if (InvocationClassifier.IsInGatesNamespace(t))
            {
                return true; // our own kernel filter
            }

            foreach (var method in FilterMethods(t, implemented))
            {
                if (MethodCanStop(method))
                {
                    return true;
                }
            }

            return false;
        });
    }

    /// <summary>
    /// <c>kernel.PromptRenderFilters.Add(filter)</c>, <c>kernel.FunctionInvocationFilters.Add(filter)</c>, ...: a filter added
    /// to a kernel's collection that gates what <paramref name="kinds"/> intercept; it acts only as the collection's kind.
    /// </summary>
    public bool AddsGatingFilter(IInvocationOperation add, FilterKinds kinds = FilterKinds.Tools)
        => add.Arguments.Length == 1
            && add.TargetMethod.ContainingType is { TypeArguments.Length: 1 } collection
            && IsGatingFilter(Operations.Unwrap(add.Arguments[0].Value).Type, kinds & KindOf(collection.TypeArguments[0]));

    /// <summary>The kind of a filter interface (the type a filter is registered or collected as); None for any other type.</summary>
    public FilterKinds KindOf(ITypeSymbol? filterInterface)
    {
        var definition = filterInterface?.OriginalDefinition;
        return SymbolEqualityComparer.Default.Equals(definition, Symbols.FunctionInvocationFilter) ? FilterKinds.Function
            : SymbolEqualityComparer.Default.Equals(definition, Symbols.AutoFunctionInvocationFilter) ? FilterKinds.AutoFunction
            : SymbolEqualityComparer.Default.Equals(definition, Symbols.PromptRenderFilter) ? FilterKinds.PromptRender
            : FilterKinds.None;
    }

    /// <summary>The filter interfaces a type implements.</summary>
    private FilterKinds Implemented(ITypeSymbol type)
    {
        var kinds = FilterKinds.None;
        foreach (var (kind, @interface, _) in FilterInterfaces())
        {
            if (@interface is not null && KnownSymbols.IsOrDerivesFrom(type, @interface))
            {
                kinds |= kind;
            }
        }

        return kinds;
    }

    private (FilterKinds Kind, INamedTypeSymbol? Interface, string Method)[] FilterInterfaces()
        => new[]
        {
            (FilterKinds.Function, Symbols.FunctionInvocationFilter, "OnFunctionInvocationAsync"),
            (FilterKinds.AutoFunction, Symbols.AutoFunctionInvocationFilter, "OnAutoFunctionInvocationAsync"),
            (FilterKinds.PromptRender, Symbols.PromptRenderFilter, "OnPromptRenderAsync"),
        };

    /// <summary>The filter methods a type implements (by interface member, not by name), of the interfaces in <paramref name="kinds"/>.</summary>
    public ImmutableArray<IMethodSymbol> FilterMethods(ITypeSymbol type, FilterKinds kinds = FilterKinds.Tools)
    {
        var builder = ImmutableArray.CreateBuilder<IMethodSymbol>();
        foreach (var (kind, @interface, name) in FilterInterfaces())
        {
            if ((kinds & kind) == FilterKinds.None || @interface is null || !KnownSymbols.IsOrDerivesFrom(type, @interface))
            {
                continue;
            }

            foreach (var member in @interface.GetMembers(name))
            {
                if (type.FindImplementationForInterfaceMember(member) is IMethodSymbol implementation && implementation.DeclaringSyntaxReferences.Length > 0)
                {
                    builder.Add(implementation);
                }
            }
        }

        return builder.ToImmutable();
    }

    /// <summary>A filter method (its last parameter is <c>next</c>) that can return without calling next, or asks a gate.</summary>
    public bool MethodCanStop(IMethodSymbol filterMethod)
    {
        if (filterMethod.Parameters.Length == 0)
        {
            return false;
        }

        var next = filterMethod.Parameters[filterMethod.Parameters.Length - 1];
        return !AlwaysCallsThrough(filterMethod, ImmutableArray.Create(next), 0) || Checks.From(filterMethod) is not null || BlocksRenderedPrompt(filterMethod);
    }

    /// <summary>
    /// A prompt render filter's <c>next</c> renders the prompt; the model is called after the filter returns.
    /// So one that throws or sets the result once the prompt is rendered still stops the request.
    /// </summary>
    private bool BlocksRenderedPrompt(IMethodSymbol filterMethod)
    {
        if (Symbols.PromptRenderFilter is not { } renderFilter || filterMethod.Name != "OnPromptRenderAsync" || !KnownSymbols.IsOrDerivesFrom(filterMethod.ContainingType, renderFilter))
        {
            return false;
        }

        foreach (var body in _context.CallGraph.BodiesOf(filterMethod))
        {
            foreach (var operation in body.Descendants())
            {
                if (operation is IThrowOperation
                    || (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Result", Instance: IParameterReferenceOperation { Parameter.Ordinal: 0 } } }))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A delegating chat client or agent (ours, declared, or one whose response method can skip the inner call or asks a gate).</summary>
    public bool IsGatingClientType(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named || named.TypeKind != TypeKind.Class)
        {
            return false;
        }

        return _gatingClients.GetOrAdd(named, t =>
        {
            if (IsGateType(t))
            {
                return true;
            }

            var wraps = KnownSymbols.IsOrDerivesFrom(t, Symbols.IChatClient) || KnownSymbols.IsOrDerivesFrom(t, Symbols.AIAgent);
            if (!wraps || t.DeclaringSyntaxReferences.Length == 0)
            {
                return false;
            }

            // A client that never calls an inner client or agent is a leaf: it is the model (or a stand-in for
            // one), not a wrapper around it, so returning without a model call is what it always does.
            var canSkip = false;
            var callsInner = false;
            for (var current = (INamedTypeSymbol?)t; current is not null && current.DeclaringSyntaxReferences.Length > 0; current = current.BaseType)
            {
                foreach (var member in current.GetMembers())
                {
                    if (member is not IMethodSymbol { IsStatic: false, DeclaringSyntaxReferences.Length: > 0 } method || !IsResponseMethod(method))
                    {
                        continue;
                    }

                    if (Checks.From(method) is not null)
                    {
                        return true;
                    }

                    callsInner |= CallsInnerAnywhere(method);
                    canSkip |= !AlwaysCallsInner(method);
                }
            }

            return canSkip && (callsInner || KnownSymbols.IsOrDerivesFrom(t, Symbols.DelegatingChatClient));
        });
    }

    private static bool IsResponseMethod(IMethodSymbol method)
        => method.Name is "GetResponseAsync" or "GetStreamingResponseAsync" or "RunAsync" or "RunStreamingAsync" or "RunCoreAsync" or "RunCoreStreamingAsync"
            && (method.IsOverride || method.ExplicitInterfaceImplementations.Length > 0 || method.DeclaredAccessibility == Accessibility.Public);

    private bool CallsInnerAnywhere(IMethodSymbol method)
        => _context.CallGraph.BodiesOf(method).Any(body => body.Descendants().Any(IsInnerCall));

    /// <summary>Every path of a delegating client's response method calls the inner client or agent.</summary>
    private bool AlwaysCallsInner(IMethodSymbol method)
    {
        foreach (var body in _context.CallGraph.BodiesOf(method))
        {
            if (Continuations.CanSkip(() => Continuations.GraphOf(body), body, IsInnerCall, _ => true))
            {
                return false;
            }
        }

        return true;
    }

    // base.GetResponseAsync(...), InnerClient.GetResponseAsync(...), _inner.RunAsync(...): a model call made inside the wrapper.
    private bool IsInnerCall(IOperation operation)
        => operation is IInvocationOperation invocation && _context.Classifier.Classify(invocation.TargetMethod) == InvocationKind.ModelCall;

    /// <summary>
    /// <c>builder.Use(...)</c> with middleware that can stop the call: every middleware delegate given
    /// (lambda or method group) can skip its continuation or asks a gate; or a factory that wraps the
    /// inner client or agent in a gating type.
    /// </summary>
    public bool MiddlewareGates(IInvocationOperation use)
        => _middleware.GetOrAdd(use.Syntax, _ =>
        {
            var judged = 0;
            foreach (var argument in use.Arguments)
            {
                if (argument.Parameter?.Type.TypeKind != TypeKind.Delegate || argument.ArgumentKind != ArgumentKind.Explicit || Operations.IsNullConstant(argument.Value))
                {
                    continue;
                }

                judged++;
                if (!DelegateGates(argument.Value))
                {
                    return false;
                }
            }

            return judged > 0;
        });

    /// <summary>Agent Framework function middleware: its delegate takes a FunctionInvocationContext.</summary>
    private bool IsFunctionMiddleware(IMethodSymbol use)
    {
        foreach (var parameter in use.Parameters)
        {
            if (parameter.Type is INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { } invoke }
                && invoke.Parameters.Any(p => SymbolEqualityComparer.Default.Equals(p.Type, Symbols.MeaiFunctionInvocationContext)))
            {
                return true;
            }
        }

        return false;
    }

    private bool DelegateGates(IOperation value)
    {
        if (Operations.Unwrap(value) is not IDelegateCreationOperation creation)
        {
            return false;
        }

        switch (creation.Target)
        {
            case IAnonymousFunctionOperation lambda:
                if (Symbols.IsClientLike(lambda.Symbol.ReturnType))
                {
                    return FactoryGates(lambda.Body);
                }

                var continuations = Continuations.ContinuationParameters(lambda.Symbol, Symbols);
                if (continuations.IsEmpty)
                {
                    return false;
                }

                return Continuations.CanSkip(() => Continuations.GraphOf(lambda), lambda.Body, o => IsUseOf(o, continuations), o => HandOffAlwaysCalls(o, 0))
                    || Checks.FromBody("middleware", lambda.Body) is not null;
            case IMethodReferenceOperation reference:
                var method = reference.Method;
                if (Symbols.IsClientLike(method.ReturnType))
                {
                    return _context.CallGraph.BodiesOf(method).Any(FactoryGates);
                }

                var parameters = Continuations.ContinuationParameters(method, Symbols);
                return !parameters.IsEmpty && (!AlwaysCallsThrough(method, parameters, 0) || Checks.From(method) is not null);
            default:
                return false;
        }
    }

    /// <summary><c>inner => new GuardClient(inner)</c>: the factory wraps the pipeline in a gating client or applies a gate.</summary>
    private bool FactoryGates(IOperation body)
    {
        foreach (var operation in body.DescendantsAndSelf())
        {
            if ((operation is IObjectCreationOperation creation && (IsGatingClientType(creation.Type) || (creation.Type is { } type && IsGateType(type))))
                || (operation is IInvocationOperation invocation && IsGateInvocation(invocation)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every path through a source method uses one of its continuation parameters (handing it on counts when the receiver always calls it).</summary>
    private bool AlwaysCallsThrough(IMethodSymbol method, ImmutableArray<IParameterSymbol> continuations, int depth)
    {
        method = method.OriginalDefinition;
        var key = (method, continuations.Length == 1 ? continuations[0].Ordinal : -1);
        if (_alwaysCalls.TryGetValue(key, out var known))
        {
            return known;
        }

        var always = true;
        foreach (var body in _context.CallGraph.BodiesOf(method))
        {
            if (Continuations.CanSkip(() => Continuations.GraphOf(body), body, o => IsUseOf(o, continuations), o => HandOffAlwaysCalls(o, depth)))
            {
                always = false;
            }
        }

        return _alwaysCalls.GetOrAdd(key, always);
    }

    private static bool IsUseOf(IOperation operation, ImmutableArray<IParameterSymbol> parameters)
    {
        if (operation is not IParameterReferenceOperation reference)
        {
            return false;
        }

        foreach (var parameter in parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(reference.Parameter.OriginalDefinition, parameter.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A use of the continuation that counts as calling it: any use, except handing it to a source method that can skip it.</summary>
    private bool HandOffAlwaysCalls(IOperation use, int depth)
    {
        if (use.Parent is not IArgumentOperation { Parameter: { } parameter, Parent: IInvocationOperation call }
            || call.TargetMethod.DeclaringSyntaxReferences.Length == 0 || depth >= Continuations.HandOffDepth)
        {
            return true;
        }

        return AlwaysCallsThrough(call.TargetMethod, ImmutableArray.Create(parameter), depth + 1);
    }

    private static string MetadataName(ITypeSymbol type)
    {
        var name = type.MetadataName;
        for (var containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            name = containing.MetadataName + "+" + name;
        }

        var ns = type.ContainingNamespace;
        return ns is null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
    }

    private sealed class TypeAndKindsComparer : System.Collections.Generic.IEqualityComparer<(ITypeSymbol Type, FilterKinds Kinds)>
    {
        public static readonly TypeAndKindsComparer Instance = new();

        public bool Equals((ITypeSymbol Type, FilterKinds Kinds) x, (ITypeSymbol Type, FilterKinds Kinds) y)
            => x.Kinds == y.Kinds && SymbolEqualityComparer.Default.Equals(x.Type, y.Type);

        public int GetHashCode((ITypeSymbol Type, FilterKinds Kinds) obj) => (SymbolEqualityComparer.Default.GetHashCode(obj.Type) * 31) + (int)obj.Kinds;
    }
}
