using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using AlignmentPolicy.Analyzers.Configuration;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis;

/// <summary>
/// Everything the rules share for one compilation: the known symbols, the policy, and lazily built
/// facts about the whole compilation (DI registrations, gated kernels, pipelines) with caches.
/// Created in RegisterCompilationStartAction; null when the compilation is no agent project.
/// </summary>
[SuppressMessage("MicrosoftCodeAnalysisCorrectness", "RS1030:Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer",
    Justification = "Gating is decided where a client is built, which is often another file (DI registration, a field set in a constructor); only the few nodes found by a syntactic filter are bound.")]
internal sealed class AgentContext
{
    private static readonly ImmutableHashSet<string> s_gateMethodNames = ImmutableHashSet.Create("UsePolicyGate", "AddPolicyGate", "WithPolicyGate");
    private static readonly ImmutableHashSet<string> s_indexedNames = ImmutableHashSet.Create(
        "AddChatClient", "AddKeyedChatClient", "AddKernel", "UsePolicyGate", "AddPolicyGate", "AddSingleton", "AddScoped", "AddTransient", "Add",
        "UseFunctionInvocation", "AsAIAgent", "CreateAIAgent");

    private readonly Lazy<CompilationFacts> _facts;
    private readonly ConcurrentDictionary<ISymbol, Origin> _memberOrigins = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _gatingFilters = new(SymbolEqualityComparer.Default);
    private readonly ImmutableHashSet<string> _additionalGateTypes;

    private AgentContext(Compilation compilation, KnownSymbols symbols, PolicyOptions policy)
    {
        Compilation = compilation;
        Symbols = symbols;
        Policy = policy;
        _additionalGateTypes = policy.AdditionalGateTypes.ToImmutableHashSet(StringComparer.Ordinal);
        // Not cancellable: the result is shared by every rule, and a cancelled build would be cached.
        _facts = new Lazy<CompilationFacts>(() => BuildFacts(CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
        SideEffects = new SideEffectAnalysis(this);
        _allPipelinesGated = new Lazy<bool>(() => Facts.PipelineInvocations.Count > 0 && Facts.PipelineInvocations.All(IsPipelineGated), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public bool IsPipelineGated(IInvocationOperation invocation)
        => invocation.TargetMethod.Name == "UseFunctionInvocation"
            ? ChainHasGate(invocation) || ChainStartsFromGated(invocation)
            : IsAgentGated(invocation);

    public Compilation Compilation { get; }

    public KnownSymbols Symbols { get; }

    public PolicyOptions Policy { get; }

    public SideEffectAnalysis SideEffects { get; }

    public CompilationFacts Facts => _facts.Value;

    /// <summary>
    /// True when the compilation builds at least one tool-invoking pipeline or agent and every one of
    /// them is gated: a tool registered somewhere this analysis cannot follow then runs behind a gate.
    /// </summary>
    public bool AllPipelinesGated => _allPipelinesGated.Value;

    private readonly Lazy<bool> _allPipelinesGated;

    // One context per compilation, shared by every rule: the compilation-wide facts and caches are built once.
    private static readonly ConditionalWeakTable<Compilation, Holder> s_contexts = new();

    /// <summary>The context, or null when the compilation is not an agent project (every rule then returns at once).</summary>
#pragma warning disable RS1012 // A factory: the calling rule registers its actions on the same start context.
    public static AgentContext? TryCreate(CompilationStartAnalysisContext context)
#pragma warning restore RS1012
    {
        var options = context.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
        var holder = s_contexts.GetValue(context.Compilation, compilation =>
        {
            var policy = PolicyOptions.Read(options);
            if (policy.IsConfigured && !policy.IsAgentProject)
            {
                return new Holder(null);
            }

            var symbols = KnownSymbols.Create(compilation);
            return new Holder(symbols.ReferencesModelSdk ? new AgentContext(compilation, symbols, policy) : null);
        });
        return holder.Context;
    }

    private sealed class Holder
    {
        public Holder(AgentContext? context) => Context = context;

        public AgentContext? Context { get; }
    }

    /// <summary>One semantic model per tree, so what one rule bound is not bound again by the next.</summary>
    public SemanticModel ModelFor(SyntaxTree tree) => _models.GetOrAdd(tree, t => Compilation.GetSemanticModel(t));

    private readonly ConcurrentDictionary<SyntaxTree, SemanticModel> _models = new();

    // ----- gates -----

    public bool IsGateMethod(IMethodSymbol method)
    {
        if (s_gateMethodNames.Contains(method.Name) && IsInGatesNamespace(method.ContainingType))
        {
            return true;
        }

        if (method.ContainingType is { } type && IsGateType(type))
        {
            return true;
        }

        // A team's own helper that applies the gate: builder.UseContosoDefaults() calling UsePolicyGate() inside.
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        if (definition.DeclaringSyntaxReferences.Length == 0 || !Symbols.IsClientLike(definition.ReturnType))
        {
            return false;
        }

        if (_gateHelpers.TryGetValue(definition, out var known))
        {
            return known;
        }

        if (!_gateHelpersInProgress.TryAdd(definition, 0))
        {
            return false; // recursion: the helper calls itself
        }

        var applies = AppliesGate(definition);
        _gateHelpers[definition] = applies;
        _gateHelpersInProgress.TryRemove(definition, out _);
        return applies;
    }

    private readonly ConcurrentDictionary<IMethodSymbol, bool> _gateHelpers = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, byte> _gateHelpersInProgress = new(SymbolEqualityComparer.Default);

    private bool AppliesGate(IMethodSymbol helper)
    {
        foreach (var reference in helper.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            if (ModelFor(syntax.SyntaxTree).GetOperation(syntax) is { } body
                && body.Descendants().OfType<IInvocationOperation>().Any(i => !SymbolEqualityComparer.Default.Equals(i.TargetMethod.OriginalDefinition, helper) && IsGateMethod(i.TargetMethod)))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsGateType(ITypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (KnownSymbols.HasAttribute(current, Symbols.PolicyGateAttribute)
                || _additionalGateTypes.Contains(MetadataName(current))
                || (IsInGatesNamespace(current) && (current.Name.StartsWith("PolicyGated", StringComparison.Ordinal) || current.Name == "GatedAIFunction")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A Semantic Kernel filter that can skip <c>next</c> (or one of ours): it really gates.</summary>
    public bool IsGatingFilter(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return false;
        }

        return _gatingFilters.GetOrAdd(named, t =>
        {
            if (IsGateType(t) || IsInGatesNamespace(t))
            {
                return true;
            }

            if (!(KnownSymbols.IsOrDerivesFrom(t, Symbols.FunctionInvocationFilter) || KnownSymbols.IsOrDerivesFrom(t, Symbols.AutoFunctionInvocationFilter) || KnownSymbols.IsOrDerivesFrom(t, Symbols.PromptRenderFilter)))
            {
                return false;
            }

            foreach (var member in t.GetMembers().OfType<IMethodSymbol>())
            {
                if (member.Name is "OnFunctionInvocationAsync" or "OnAutoFunctionInvocationAsync" or "OnPromptRenderAsync" && CanSkipNext(member))
                {
                    return true;
                }
            }

            return false;
        });
    }

    /// <summary>True when some path through the filter method does not call its <c>next</c> delegate.</summary>
    public static bool CanSkipNext(IMethodSymbol filterMethod)
    {
        if (filterMethod.Parameters.Length < 2)
        {
            return false;
        }

        var nextName = filterMethod.Parameters[filterMethod.Parameters.Length - 1].Name;
        foreach (var reference in filterMethod.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not MethodDeclarationSyntax declaration)
            {
                continue;
            }

            SyntaxNode? body = (SyntaxNode?)declaration.Body ?? declaration.ExpressionBody;
            if (body is null)
            {
                continue;
            }

            var calls = body.DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Where(i => i.Expression is IdentifierNameSyntax { Identifier.ValueText: var name } && name == nextName)
                .ToList();
            if (calls.Count == 0)
            {
                return true;
            }

            foreach (var call in calls)
            {
                if (call.Ancestors().TakeWhile(a => a != body).Any(a => a is IfStatementSyntax or SwitchStatementSyntax or SwitchExpressionSyntax or ConditionalExpressionSyntax or CatchClauseSyntax or BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression or (int)SyntaxKind.LogicalOrExpression or (int)SyntaxKind.CoalesceExpression }))
                {
                    return true;
                }
            }

            // An early return or throw before the call skips next on that path.
            var firstCall = calls.Min(c => c.SpanStart);
            if (body.DescendantNodes().Any(n => n is ReturnStatementSyntax or ThrowStatementSyntax or ThrowExpressionSyntax && n.SpanStart < firstCall))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInGatesNamespace(ISymbol? symbol)
        => symbol?.ContainingNamespace is { Name: "Gates", ContainingNamespace: { Name: "AlignmentPolicy", ContainingNamespace.IsGlobalNamespace: true } };

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

    // ----- origins -----

    /// <summary>Traces a client, agent, kernel or service value back to where it is built.</summary>
    public Origin Trace(IOperation operation) => Trace(operation, 0, ImmutableHashSet<ISymbol>.Empty.WithComparer(SymbolEqualityComparer.Default), s_noBindings);

    private static readonly ImmutableDictionary<IParameterSymbol, IOperation> s_noBindings = ImmutableDictionary.Create<IParameterSymbol, IOperation>(SymbolEqualityComparer.Default);

    private Origin Trace(IOperation operation, int depth, ImmutableHashSet<ISymbol> visiting) => Trace(operation, depth, visiting, s_noBindings);

    // bindings: the arguments of the call being followed into a factory method, by parameter.
    private Origin Trace(IOperation operation, int depth, ImmutableHashSet<ISymbol> visiting, ImmutableDictionary<IParameterSymbol, IOperation> bindings)
    {
        if (bindings.Count > 0)
        {
            return TraceBound(operation, depth, visiting, bindings);
        }

        if (depth > 12)
        {
            return Origin.Unknown("it is built too far away to follow");
        }

        operation = ModelCall.Unwrap(operation);
        switch (operation)
        {
            case IConditionalOperation conditional:
                return conditional.WhenFalse is null
                    ? Trace(conditional.WhenTrue, depth + 1, visiting)
                    : Origin.Combine(Trace(conditional.WhenTrue, depth + 1, visiting), Trace(conditional.WhenFalse, depth + 1, visiting));
            case ICoalesceOperation coalesce:
                return Origin.Combine(Trace(coalesce.Value, depth + 1, visiting), Trace(coalesce.WhenNull, depth + 1, visiting));
            case IInvocationOperation invocation:
                return TraceInvocation(invocation, depth, visiting);
            case IObjectCreationOperation creation:
                return TraceCreation(creation, depth, visiting);
            case ILocalReferenceOperation local:
                return TraceLocal(local, depth, visiting);
            case IParameterReferenceOperation parameter:
                return TraceParameter(parameter.Parameter, parameter.Type);
            case IFieldReferenceOperation field:
                return TraceMember(field.Field, field.Type, depth, visiting);
            case IPropertyReferenceOperation property when property.Instance is null or IInstanceReferenceOperation:
                return TraceMember(property.Property, property.Type, depth, visiting);
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: null } }:
            case IDefaultValueOperation:
                return Origin.Gated; // no client on this path
            case IThrowOperation:
                return Origin.Gated;
            default:
                return Origin.Unknown($"it comes from an expression whose origin is not followed ({operation.Kind})");
        }
    }

    /// <summary>Inside a followed factory method: its parameters are the caller's arguments.</summary>
    private Origin TraceBound(IOperation operation, int depth, ImmutableHashSet<ISymbol> visiting, ImmutableDictionary<IParameterSymbol, IOperation> bindings)
    {
        var unwrapped = ModelCall.Unwrap(operation);
        if (unwrapped is IParameterReferenceOperation parameter && bindings.TryGetValue(parameter.Parameter.OriginalDefinition, out var argument))
        {
            return Trace(argument, depth + 1, visiting);
        }

        if (unwrapped is IInvocationOperation invocation && !IsGateMethod(invocation.TargetMethod) && ModelCall.Receiver(invocation) is { } receiver && Symbols.IsClientLike(receiver.Type))
        {
            var origin = TraceBound(receiver, depth + 1, visiting, bindings);
            return origin.State == GateState.Ungated ? Origin.Ungated(origin.Reason) : origin;
        }

        if (unwrapped is IObjectCreationOperation creation && !(creation.Type is { } type && IsGateType(type)))
        {
            foreach (var arg in creation.Arguments)
            {
                if (arg.Parameter?.Type is { } parameterType && KnownSymbols.IsOrDerivesFrom(parameterType, Symbols.IChatClient))
                {
                    return TraceBound(arg.Value, depth + 1, visiting, bindings);
                }
            }
        }

        return Trace(operation, depth, visiting, s_noBindings);
    }

    private Origin TraceInvocation(IInvocationOperation invocation, int depth, ImmutableHashSet<ISymbol> visiting)
    {
        var method = invocation.TargetMethod;
        if (IsGateMethod(method))
        {
            return Origin.Gated;
        }

        var receiver = ModelCall.Receiver(invocation);
        if (method.Name is "GetRequiredService" or "GetService" or "GetKeyedService" or "GetRequiredKeyedService")
        {
            if (receiver is not null && Symbols.IsClientLike(receiver.Type))
            {
                return Trace(receiver, depth + 1, visiting); // kernel.GetRequiredService<IChatCompletionService>()
            }

            return FromContainer(invocation.Type);
        }

        if (receiver is not null && Symbols.IsClientLike(receiver.Type))
        {
            var origin = Trace(receiver, depth + 1, visiting);
            if (origin.State == GateState.Ungated && method.Name == "Build" && KnownSymbols.IsOrDerivesFrom(receiver.Type!, Symbols.ChatClientBuilder))
            {
                origin = origin.WithFix(invocation.Syntax, FixKind.InsertBeforeBuild);
            }
            else if (origin.State == GateState.Ungated && origin.FixSite is null && KnownSymbols.IsOrDerivesFrom(invocation.Type ?? receiver.Type!, Symbols.IChatClient) && !KnownSymbols.IsOrDerivesFrom(receiver.Type!, Symbols.ChatClientBuilder))
            {
                origin = origin.WithFix(invocation.Syntax, FixKind.WrapChatClient);
            }

            return origin;
        }

        if (method.DeclaringSyntaxReferences.Length > 0 && !visiting.Contains(method) && depth < 8)
        {
            var bindings = s_noBindings;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && Symbols.IsClientLike(parameter.Type))
                {
                    bindings = bindings.SetItem(parameter.OriginalDefinition, argument.Value);
                }
            }

            return TraceReturns(method, depth, visiting.Add(method), bindings);
        }

        var fix = KnownSymbols.IsOrDerivesFrom(invocation.Type ?? method.ReturnType, Symbols.IChatClient) ? FixKind.WrapChatClient : FixKind.None;
        return Origin.Ungated($"it is created by {method.ContainingType?.Name}.{method.Name}(...) without UsePolicyGate()", invocation.Syntax, fix);
    }

    private Origin TraceCreation(IObjectCreationOperation creation, int depth, ImmutableHashSet<ISymbol> visiting)
    {
        var type = creation.Type;
        if (type is null)
        {
            return Origin.Unknown("its type is unknown");
        }

        if (IsGateType(type))
        {
            return Origin.Gated;
        }

        // Wrappers that take the client they decorate (ChatClientAgent, FunctionInvokingChatClient, user delegating clients).
        foreach (var argument in creation.Arguments)
        {
            if (argument.Value is { } value && Symbols.IsClientLike(argument.Parameter?.Type) && KnownSymbols.IsOrDerivesFrom(argument.Parameter!.Type, Symbols.IChatClient))
            {
                return Trace(value, depth + 1, visiting);
            }
        }

        var fix = KnownSymbols.IsOrDerivesFrom(type, Symbols.IChatClient) ? FixKind.WrapChatClient : FixKind.None;
        return Origin.Ungated($"it is created with 'new {type.Name}(...)' without UsePolicyGate()", creation.Syntax, fix);
    }

    private Origin TraceLocal(ILocalReferenceOperation reference, int depth, ImmutableHashSet<ISymbol> visiting)
    {
        var local = reference.Local;
        if (visiting.Contains(local))
        {
            return Origin.Gated; // a cycle adds no new path
        }

        visiting = visiting.Add(local);
        var root = Root(reference);
        Origin? result = null;
        foreach (var descendant in root.Descendants())
        {
            IOperation? value = descendant switch
            {
                IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local) => declarator.Initializer?.Value,
                ISimpleAssignmentOperation assignment when assignment.Target is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local) => assignment.Value,
                _ => null,
            };
            if (value is not null)
            {
                var origin = Trace(value, depth + 1, visiting);
                result = result is { } previous ? Origin.Combine(previous, origin) : origin;
            }
        }

        var combined = result ?? Origin.Unknown($"'{local.Name}' is never assigned here");
        if (combined.State != GateState.Gated && IsGatedInPlace(root, local))
        {
            return Origin.Gated;
        }

        return combined;
    }

    /// <summary>A kernel gated after it was built: <c>kernel.UsePolicyGate()</c>, or a gating filter added to it.</summary>
    private bool IsGatedInPlace(IOperation root, ISymbol local)
    {
        foreach (var descendant in root.Descendants())
        {
            if (descendant is not IInvocationOperation invocation)
            {
                continue;
            }

            var receiver = ModelCall.Receiver(invocation);
            if (receiver is null)
            {
                continue;
            }

            if (IsGateMethod(invocation.TargetMethod) && ModelCall.Unwrap(receiver) is ILocalReferenceOperation gated && SymbolEqualityComparer.Default.Equals(gated.Local, local))
            {
                return true;
            }

            // kernel.FunctionInvocationFilters.Add(new ApprovalFilter())
            if (invocation.TargetMethod.Name == "Add"
                && ModelCall.Unwrap(receiver) is IPropertyReferenceOperation { Property.Name: "FunctionInvocationFilters" or "AutoFunctionInvocationFilters" or "PromptRenderFilters", Instance: { } owner }
                && ModelCall.Unwrap(owner) is ILocalReferenceOperation kernel && SymbolEqualityComparer.Default.Equals(kernel.Local, local)
                && invocation.Arguments.Length == 1 && IsGatingFilter(ModelCall.Unwrap(invocation.Arguments[0].Value).Type))
            {
                return true;
            }
        }

        return false;
    }

    private Origin TraceParameter(IParameterSymbol parameter, ITypeSymbol? type)
    {
        if (parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor })
        {
            return FromContainer(type);
        }

        return Origin.Unknown($"'{parameter.Name}' is a parameter, so its origin is at the callers");
    }

    private Origin TraceMember(ISymbol member, ITypeSymbol? type, int depth, ImmutableHashSet<ISymbol> visiting)
    {
        if (member.DeclaringSyntaxReferences.Length == 0)
        {
            return Origin.Unknown($"'{member.Name}' is not defined in this compilation");
        }

        if (visiting.Contains(member))
        {
            return Origin.Gated;
        }

        if (_memberOrigins.TryGetValue(member, out var cached))
        {
            return cached;
        }

        visiting = visiting.Add(member);
        Origin? result = null;
        void Add(Origin origin) => result = result is { } previous ? Origin.Combine(previous, origin) : origin;

        // The initializer, then every assignment in the type's own code.
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            var model = ModelFor(syntax.SyntaxTree);
            EqualsValueClauseSyntax? initializer = syntax switch
            {
                VariableDeclaratorSyntax declarator => declarator.Initializer,
                PropertyDeclarationSyntax property => property.Initializer,
                _ => null,
            };
            if (initializer is not null && model.GetOperation(initializer.Value) is { } value)
            {
                Add(Trace(value, depth + 1, visiting));
            }

            if (syntax is PropertyDeclarationSyntax { ExpressionBody: { } arrow } && model.GetOperation(arrow.Expression) is { } computed)
            {
                Add(Trace(computed, depth + 1, visiting));
            }
        }

        foreach (var typeReference in member.ContainingType.DeclaringSyntaxReferences)
        {
            var typeSyntax = typeReference.GetSyntax();
            SemanticModel? model = null;
            foreach (var assignment in typeSyntax.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                var name = assignment.Left switch
                {
                    IdentifierNameSyntax id => id.Identifier.ValueText,
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var n } => n.Identifier.ValueText,
                    _ => null,
                };
                if (name != member.Name)
                {
                    continue;
                }

                model ??= ModelFor(typeSyntax.SyntaxTree);
                if (model.GetOperation(assignment) is IAssignmentOperation operation
                    && ModelCall.Unwrap(operation.Target) is IMemberReferenceOperation target
                    && SymbolEqualityComparer.Default.Equals(target.Member, member))
                {
                    Add(Trace(operation.Value, depth + 1, visiting));
                }
            }

            // Primary constructor parameters captured by the member's initializer are injected too.
        }

        var origin = result ?? Origin.Unknown($"'{member.Name}' is never assigned in this compilation");
        _memberOrigins.TryAdd(member, origin);
        return origin;
    }

    private Origin TraceReturns(IMethodSymbol method, int depth, ImmutableHashSet<ISymbol> visiting, ImmutableDictionary<IParameterSymbol, IOperation> bindings)
    {
        Origin? result = null;
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            var syntax = reference.GetSyntax();
            var body = ModelFor(syntax.SyntaxTree).GetOperation(syntax);
            if (body is null)
            {
                continue;
            }

            foreach (var returned in body.Descendants().OfType<IReturnOperation>())
            {
                if (returned.ReturnedValue is { } value && Root(returned) == body)
                {
                    var origin = Trace(value, depth + 1, visiting, bindings);
                    result = result is { } previous ? Origin.Combine(previous, origin) : origin;
                }
            }
        }

        return result ?? Origin.Unknown($"{method.Name}() returns nothing this analysis can follow");
    }

    /// <summary>A value taken from the DI container: gated when its registrations in this compilation are.</summary>
    private Origin FromContainer(ITypeSymbol? type)
    {
        if (type is null)
        {
            return Origin.Unknown("it is injected");
        }

        if (KnownSymbols.IsOrDerivesFrom(type, Symbols.IChatClient))
        {
            return Facts.ChatClientRegistrations.Count == 0
                ? Origin.Unknown("it is injected, and no AddChatClient(...) registration is in this compilation")
                : Facts.ChatClientRegistrations.Aggregate(Origin.Combine);
        }

        if (KnownSymbols.IsOrDerivesFrom(type, Symbols.Kernel) || KnownSymbols.IsOrDerivesFrom(type, Symbols.IChatCompletionService))
        {
            if (Facts.KernelGates > 0)
            {
                return Origin.Gated;
            }

            return Facts.KernelRegistrations > 0
                ? Origin.Ungated("the kernel registered with AddKernel() has no gating filter (kernel.UsePolicyGate() or AddPolicyGate())")
                : Origin.Unknown("it is injected, and no kernel registration is in this compilation");
        }

        return Origin.Unknown($"it is injected ({type.Name}), and its registration is not followed");
    }

    public static IOperation Root(IOperation operation)
    {
        var current = operation;
        while (current.Parent is { } parent)
        {
            current = parent;
        }

        return current;
    }

    // ----- compilation-wide facts -----

    private CompilationFacts BuildFacts(CancellationToken cancellationToken)
    {
        var facts = new CompilationFacts();
        foreach (var tree in Compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is not InvocationExpressionSyntax syntax)
                {
                    continue;
                }

                var name = syntax.Expression switch
                {
                    MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                    IdentifierNameSyntax id => id.Identifier.ValueText,
                    GenericNameSyntax generic => generic.Identifier.ValueText,
                    _ => null,
                };
                if (name is null || !s_indexedNames.Contains(name) || !MayMatter(syntax, name))
                {
                    continue;
                }

                model ??= ModelFor(tree);
                if (model.GetOperation(syntax, cancellationToken) is IInvocationOperation invocation)
                {
                    Index(invocation, facts);
                }
            }
        }

        return facts;
    }

    /// <summary>
    /// A syntactic filter before binding: list.Add(...) and services.AddSingleton&lt;IClock, Clock&gt;() are everywhere,
    /// and only filter registrations concern us.
    /// </summary>
    private static bool MayMatter(InvocationExpressionSyntax syntax, string name) => name switch
    {
        "Add" => syntax.Expression is MemberAccessExpressionSyntax { Expression: var target }
            && target.ToString().EndsWith("Filters", StringComparison.Ordinal),
        "AddSingleton" or "AddScoped" or "AddTransient" => syntax.ToString().IndexOf("Filter", StringComparison.Ordinal) >= 0,
        _ => true,
    };

    private void Index(IInvocationOperation invocation, CompilationFacts facts)
    {
        var method = invocation.TargetMethod;
        var receiverType = ModelCall.Receiver(invocation)?.Type;
        switch (method.Name)
        {
            case "AddChatClient" or "AddKeyedChatClient" when method.ReturnType.Name == "ChatClientBuilder":
                facts.ChatClientRegistrations.Add(ChainHasGate(invocation)
                    ? Origin.Gated
                    : Origin.Ungated($"it is registered with {method.Name}(...) at {Where(invocation)} without UsePolicyGate()"));
                break;
            case "AddKernel":
                facts.KernelRegistrations++;
                if (ChainHasGate(invocation))
                {
                    facts.KernelGates++;
                }

                break;
            case "UsePolicyGate" or "AddPolicyGate" when IsGateMethod(method) && (KnownSymbols.IsOrDerivesFrom(receiverType ?? method.ReturnType, Symbols.Kernel) || KnownSymbols.IsOrDerivesFrom(receiverType ?? method.ReturnType, Symbols.IKernelBuilder)):
                facts.KernelGates++;
                break;
            case "AddSingleton" or "AddScoped" or "AddTransient" when method.TypeArguments.Length == 2:
                if (IsFilterInterface(method.TypeArguments[0]) && IsGatingFilter(method.TypeArguments[1]))
                {
                    facts.KernelGates++;
                }

                break;
            case "AddSingleton" or "AddScoped" or "AddTransient" when method.TypeArguments.Length == 1 && IsFilterInterface(method.TypeArguments[0]):
                if (invocation.Arguments.Any(a => a.Parameter?.Ordinal > 0 && IsGatingFilter(ModelCall.Unwrap(a.Value).Type)))
                {
                    facts.KernelGates++;
                }

                break;
            case "Add" when ModelCall.Receiver(invocation) is { } filters && ModelCall.Unwrap(filters) is IPropertyReferenceOperation { Property.Name: "FunctionInvocationFilters" or "AutoFunctionInvocationFilters" or "PromptRenderFilters" }
                && invocation.Arguments.Length == 1 && IsGatingFilter(ModelCall.Unwrap(invocation.Arguments[0].Value).Type):
                facts.KernelGates++;
                break;
            case "UseFunctionInvocation" when KnownSymbols.IsOrDerivesFrom(method.ReturnType, Symbols.ChatClientBuilder):
            case "AsAIAgent" or "CreateAIAgent" when KnownSymbols.IsOrDerivesFrom(method.ReturnType, Symbols.AIAgent):
                // Judged later (PipelinesGated): judging traces origins, which may need these facts.
                facts.PipelineInvocations.Add(invocation);
                break;
        }
    }

    private bool IsFilterInterface(ITypeSymbol type)
        => SymbolEqualityComparer.Default.Equals(type, Symbols.FunctionInvocationFilter)
        || SymbolEqualityComparer.Default.Equals(type, Symbols.AutoFunctionInvocationFilter)
        || SymbolEqualityComparer.Default.Equals(type, Symbols.PromptRenderFilter);

    /// <summary>A fluent chain (<c>a.B().C().D()</c>) around this invocation contains a gate.</summary>
    public bool ChainHasGate(IInvocationOperation invocation)
    {
        foreach (var link in FluentChain(invocation))
        {
            if (IsGateMethod(link.TargetMethod))
            {
                return true;
            }
        }

        return false;
    }

    private bool ChainStartsFromGated(IInvocationOperation invocation)
    {
        var first = FluentChain(invocation).Last();
        var receiver = ModelCall.Receiver(first);
        return receiver is not null && Symbols.IsClientLike(receiver.Type) && Trace(receiver).State == GateState.Gated;
    }

    /// <summary>An agent made from a gated client, or wrapped with AsBuilder().UsePolicyGate().</summary>
    public bool IsAgentGated(IOperation agentCreation)
    {
        if (agentCreation is IInvocationOperation invocation)
        {
            if (ChainHasGate(invocation))
            {
                return true;
            }

            var receiver = ModelCall.Receiver(invocation);
            return receiver is not null && Trace(receiver).State == GateState.Gated;
        }

        if (agentCreation is IObjectCreationOperation creation)
        {
            if (IsGateType(creation.Type!) || ParentChainHasGate(creation))
            {
                return true;
            }

            return Trace(creation).State == GateState.Gated;
        }

        return false;
    }

    private bool ParentChainHasGate(IOperation operation)
    {
        // Walk up the fluent chain the value is the receiver of: new ChatClientAgent(...).AsBuilder().UsePolicyGate().Build().
        var value = operation;
        var current = operation;
        while (current.Parent is { } parent)
        {
            if (parent is IConversionOperation or IParenthesizedOperation or IArgumentOperation)
            {
                current = parent;
                continue;
            }

            if (parent is IInvocationOperation invocation && ModelCall.Receiver(invocation) is { } receiver && ModelCall.Unwrap(receiver) == ModelCall.Unwrap(value))
            {
                if (IsGateMethod(invocation.TargetMethod))
                {
                    return true;
                }

                value = invocation;
                current = invocation;
                continue;
            }

            return false;
        }

        return false;
    }

    /// <summary>The invocations of a fluent chain, outermost first.</summary>
    public static IEnumerable<IInvocationOperation> FluentChain(IInvocationOperation invocation)
    {
        // Up: invocations that take this one as their receiver.
        var top = invocation;
        while (true)
        {
            var parent = top.Parent;
            while (parent is IConversionOperation or IArgumentOperation { Parameter.Ordinal: 0 })
            {
                parent = parent.Parent;
            }

            if (parent is IInvocationOperation outer && ModelCall.Receiver(outer) is { } receiver && ModelCall.Unwrap(receiver) == top)
            {
                top = outer;
                continue;
            }

            break;
        }

        // Down from the top through receivers.
        for (IOperation? current = top; current is IInvocationOperation link;)
        {
            yield return link;
            current = ModelCall.Receiver(link) is { } next ? ModelCall.Unwrap(next) : null;
        }
    }

    public static string Where(IOperation operation)
    {
        var span = operation.Syntax.GetLocation().GetLineSpan();
        return $"{System.IO.Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1})";
    }
}

/// <summary>Facts gathered once over the whole compilation.</summary>
internal sealed class CompilationFacts
{
    /// <summary>One origin per <c>AddChatClient(...)</c> registration.</summary>
    public List<Origin> ChatClientRegistrations { get; } = new();

    /// <summary>Kernel gates: UsePolicyGate/AddPolicyGate calls and gating filters registered anywhere.</summary>
    public int KernelGates { get; set; }

    /// <summary><c>AddKernel()</c> registrations.</summary>
    public int KernelRegistrations { get; set; }

    /// <summary>Every tool-invoking pipeline (UseFunctionInvocation, AsAIAgent, CreateAIAgent).</summary>
    public List<IInvocationOperation> PipelineInvocations { get; } = new();
}
