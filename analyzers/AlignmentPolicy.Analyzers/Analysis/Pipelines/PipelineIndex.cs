using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AlignmentPolicy.Analyzers.Analysis.Gates;
using AlignmentPolicy.Analyzers.Analysis.Invocations;
using AlignmentPolicy.Analyzers.Analysis.Origins;
using AlignmentPolicy.Analyzers.Analysis.Sources;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis.Pipelines;

/// <summary>
/// Facts about the compilation's pipelines, judged per pipeline: the DI container's chat clients and kernel
/// (with the filters registered in that container), every kernel built, every tool-invoking pipeline and
/// agent, the kernels each plugin type is registered on, and the names of prompt plugins. Each fact is
/// gathered on first use from the source index, name first (only the trees whose text spells one of its
/// names are walked, only the invocations spelled with them are bound), and the "every ... is gated"
/// questions stop at the first one that is not. Evidence is per pipeline: a gate in one pipeline never
/// guards another.
/// </summary>
internal sealed class PipelineIndex
{
    private static readonly string[] s_chatClientRegistrations = new[] { "AddChatClient", "AddKeyedChatClient" }.Concat(UnboundRegistrations.HostIntegrationNames).ToArray();
    private static readonly string[] s_diKernelNames =
    {
        "AddKernel", "UsePolicyGate", "AddPolicyGate",
        "AddSingleton", "AddScoped", "AddTransient", "AddKeyedSingleton", "AddKeyedScoped", "AddKeyedTransient", "TryAddSingleton", "TryAddScoped", "TryAddTransient", "TryAddEnumerable",
    };

    private static readonly string[] s_addKernel = { "AddKernel" };
    private static readonly string[] s_build = { "Build" };
    private static readonly string[] s_pipelineNames = { "UseFunctionInvocation", "AsAIAgent", "CreateAIAgent" };
    private static readonly string[] s_pluginRegistrations =
    {
        "AddFromType", "AddFromObject", "ImportPluginFromType", "ImportPluginFromObject",
        "CreateFromType", "CreateFromObject", "CreatePluginFromType", "CreatePluginFromObject",
    };

    private readonly AgentContext _context;
    private readonly Lazy<List<(string? Key, Origin Origin)>> _chatClientRegistrations;
    private readonly Lazy<bool> _diKernelRegistered;
    private readonly Lazy<bool> _diKernelGated;
    private readonly Lazy<bool> _diKernelGatedForModelRequests;
    private readonly PromptPlugins _promptPlugins;
    private readonly Lazy<bool> _allPipelinesGated;
    private readonly Lazy<bool> _allKernelsGated;
    private readonly ConcurrentDictionary<ITypeSymbol, Lazy<bool>> _pluginGuarded = new(SymbolEqualityComparer.Default);

    // The plugin registrations' syntax (no binding), listed once, tree by tree: every plugin type asks about them, and merging
    // and sorting the trees' lists again per type made the question quadratic in the number of plugins. With it the words of
    // those trees' texts, so "which of them spell this plugin's name" reads the distinct words once per plugin type, not every
    // tree's text once per plugin type and registration.
    private readonly Lazy<(ImmutableArray<ImmutableArray<InvocationExpressionSyntax>> ByTree, TreeWords Words)> _pluginRegistrationSyntax;
    private readonly ConcurrentDictionary<InvocationExpressionSyntax, Lazy<(IInvocationOperation Invocation, ITypeSymbol Plugin)?>> _pluginRegistrations = new();
    private readonly ConcurrentDictionary<SyntaxTree, Lazy<bool>> _ungatedKernelIn = new();
    private readonly ConcurrentDictionary<SyntaxTree, Lazy<bool>> _ungatedPipelineIn = new();
    private readonly Lazy<List<IOperation?>> _processStarts;
    private readonly ConcurrentDictionary<IMethodSymbol, Lazy<IReadOnlyList<IInvocationOperation>>> _callers = new(SymbolEqualityComparer.Default);

    public PipelineIndex(AgentContext context)
    {
        _context = context;
        // Each fact is computed once, by whichever rule asks first, and shared (not cancellable for that reason).
        _chatClientRegistrations = new Lazy<List<(string?, Origin)>>(GatherChatClientRegistrations, LazyThreadSafetyMode.ExecutionAndPublication);
        _diKernelRegistered = new Lazy<bool>(HasKernelRegistration, LazyThreadSafetyMode.ExecutionAndPublication);
        _diKernelGated = new Lazy<bool>(() => IsDiKernelGated(FilterKinds.Tools), LazyThreadSafetyMode.ExecutionAndPublication);
        _diKernelGatedForModelRequests = new Lazy<bool>(() => IsDiKernelGated(FilterKinds.ModelRequests), LazyThreadSafetyMode.ExecutionAndPublication);
        _promptPlugins = new PromptPlugins(context);
        _allPipelinesGated = new Lazy<bool>(ComputeAllPipelinesGated, LazyThreadSafetyMode.ExecutionAndPublication);
        _allKernelsGated = new Lazy<bool>(ComputeAllKernelsGated, LazyThreadSafetyMode.ExecutionAndPublication);
        _processStarts = new Lazy<List<IOperation?>>(GatherProcessStarts, LazyThreadSafetyMode.ExecutionAndPublication);
        _pluginRegistrationSyntax = new Lazy<(ImmutableArray<ImmutableArray<InvocationExpressionSyntax>>, TreeWords)>(
            () => RegistrationsByTree(context.Sources.Invocations(s_pluginRegistrations)), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private OriginTracer Tracer => _context.Origins;

    /// <summary>Whether this compilation makes a plugin of this name from a prompt directory (or of prompt functions).</summary>
    public bool IsPromptPlugin(string name) => _promptPlugins.IsPromptPlugin(name);

    /// <summary>
    /// True when the compilation builds at least one tool-invoking pipeline or agent and every one of
    /// them is gated: a tool registered somewhere this analysis cannot follow then runs behind a gate.
    /// </summary>
    public bool AllPipelinesGated => _allPipelinesGated.Value;

    /// <summary>True when the compilation makes at least one kernel and every kernel it makes is gated.</summary>
    public bool AllKernelsGated => _allKernelsGated.Value;

    /// <summary>
    /// <see cref="AllKernelsGated"/>, asked from code in <paramref name="tree"/>: an ungated kernel built in that
    /// tree (most often in the asking method itself, which the driver has bound already) answers false without
    /// binding the compilation's registrations and kernel builds, which the full answer would bind first.
    /// </summary>
    public bool AllKernelsGatedFrom(SyntaxTree tree)
        => (_allKernelsGated.IsValueCreated || !HasUngated(_ungatedKernelIn, tree, t => KernelBuilds(t).Any(k => Tracer.TraceWithTarget(k).State != GateState.Gated)))
            && _allKernelsGated.Value;

    /// <summary>
    /// <see cref="AllPipelinesGated"/>, asked from code in <paramref name="tree"/>: an ungated pipeline or agent built
    /// in that tree answers false without binding the compilation's other pipelines.
    /// </summary>
    public bool AllPipelinesGatedFrom(SyntaxTree tree)
        => (_allPipelinesGated.IsValueCreated || !HasUngated(_ungatedPipelineIn, tree, t => PipelinesAndAgents(t).Any(p => !IsGated(p))))
            && _allPipelinesGated.Value;

    /// <summary>Whether something made in the tree is not gated: computed once per tree and question.</summary>
    private static bool HasUngated(ConcurrentDictionary<SyntaxTree, Lazy<bool>> cache, SyntaxTree tree, Func<SyntaxTree, bool> compute)
        => cache.GetOrAdd(tree, t => new Lazy<bool>(() => compute(t), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>
    /// A value taken from the DI container: gated when its registrations in this compilation are. A kernel (or its chat
    /// service) is judged by the container's filters of <paramref name="kernelFilters"/>' kinds.
    /// </summary>
    public Origin FromContainer(ITypeSymbol? type, string? key = null, FilterKinds kernelFilters = FilterKinds.Tools)
    {
        var symbols = _context.Symbols;
        if (type is null)
        {
            return Origin.Unknown("it is injected");
        }

        if (KnownSymbols.IsOrDerivesFrom(type, symbols.IChatClient))
        {
            // Per registration: [FromKeyedServices("safe")] gets the "safe" client, an unkeyed injection the unkeyed ones.
            var all = _chatClientRegistrations.Value;
            var registrations = all.Where(r => r.Key == key).Select(r => r.Origin).ToList();
            if (registrations.Count == 0 && key is null)
            {
                registrations = all.Select(r => r.Origin).ToList();
            }

            // builder.Services.AddSingleton(chatClient), AddSingleton<IChatClient>(sp => ...): the container's client as much as AddChatClient's.
            if (ServiceFactories.Of(type, key, _context) is { } registered)
            {
                registrations.Add(registered);
            }

            return registrations.Count == 0
                ? Origin.Unknown(key is null ? "it is injected, and no AddChatClient(...) registration is in this compilation" : $"it is injected with key '{key}', and no registration with that key is in this compilation")
                : registrations.Aggregate(Origin.Combine);
        }

        if ((KnownSymbols.IsOrDerivesFrom(type, symbols.IChatCompletionService) || KnownSymbols.IsOrDerivesFrom(type, symbols.ITextGenerationService)) && kernelFilters != FilterKinds.Tools)
        {
            return DiKernelOf(FilterKinds.DirectRequests); // an injected chat or text service is called straight: no kernel filter sees its requests
        }

        if (KnownSymbols.IsOrDerivesFrom(type, symbols.Kernel) || KnownSymbols.IsOrDerivesFrom(type, symbols.IChatCompletionService) || KnownSymbols.IsOrDerivesFrom(type, symbols.IKernelBuilder))
        {
            return DiKernelOf(kernelFilters);
        }

        return ServiceFactories.Of(type, key, _context) ?? Origin.Unknown($"it is injected ({type.Name}), and its registration is not followed");
    }

    /// <summary>The kernel the DI container builds, judged for the tools it invokes (<see cref="DiKernelOf"/>).</summary>
    public Origin DiKernel => DiKernelOf(FilterKinds.Tools);

    /// <summary>
    /// The kernel the DI container builds: gated by a gate in its AddKernel() chain or a filter of <paramref name="kinds"/>
    /// registered in the container that gates. Each question is answered once.
    /// </summary>
    public Origin DiKernelOf(FilterKinds kinds)
    {
        if (kinds == FilterKinds.DirectRequests)
        {
            // A request sent straight to the container's chat service (or by an agent on its kernel) passes no kernel filter.
            return _diKernelRegistered.Value
                ? Origin.Ungated("the container's kernel (AddKernel()) sends requests made straight to its chat service past every kernel filter, UsePolicyGate() and prompt-render filters included")
                : Origin.Unknown("it is injected, and no kernel registration is in this compilation");
        }

        if ((kinds == FilterKinds.ModelRequests ? _diKernelGatedForModelRequests : _diKernelGated).Value)
        {
            return Origin.Gated;
        }

        return _diKernelRegistered.Value
            ? Origin.Ungated(kinds == FilterKinds.ModelRequests
                ? "the kernel registered with AddKernel() has no gate and no prompt filter that can stop a request (function filters see only tool calls)"
                : "the kernel registered with AddKernel() has no gating filter (kernel.UsePolicyGate() or AddPolicyGate())")
            : Origin.Unknown("it is injected, and no kernel registration is in this compilation");
    }

    /// <summary>A UseFunctionInvocation() pipeline with a gate in its chain or built on a gated client.</summary>
    public bool IsPipelineGated(IInvocationOperation invocation)
    {
        if (_context.Classifier.Classify(invocation.TargetMethod) != InvocationKind.FunctionInvocation)
        {
            return IsAgentGated(invocation);
        }

        if (Tracer.ChainHasGate(invocation))
        {
            return true;
        }

        var first = OriginTracer.FluentChain(invocation).Last();
        var receiver = Operations.Receiver(first);
        return receiver is not null && _context.Symbols.IsClientLike(receiver.Type) && Tracer.Trace(receiver).State == GateState.Gated;
    }

    /// <summary>An agent made from a gated client, or wrapped with AsBuilder().UsePolicyGate() or gating middleware.</summary>
    public bool IsAgentGated(IOperation agentCreation)
    {
        if (agentCreation is IInvocationOperation invocation)
        {
            if (Tracer.ChainHasGate(invocation))
            {
                return true;
            }

            var receiver = Operations.Receiver(invocation);
            return (receiver is not null && Tracer.Trace(receiver).State == GateState.Gated) || OnlyUsedThroughGate(invocation);
        }

        if (agentCreation is IObjectCreationOperation creation)
        {
            if (_context.Gates.IsGateType(creation.Type!) || ParentChainHasGate(creation))
            {
                return true;
            }

            return Tracer.Trace(creation).State == GateState.Gated || OnlyUsedThroughGate(creation);
        }

        return false;
    }

    /// <summary>
    /// An agent kept in a local every use of which starts a chain that gates it (<c>var agent = ...; var gated =
    /// agent.AsBuilder().Use(approval).Build();</c>, and only <c>gated</c> is run): its tools run only through that gate.
    /// One use outside such a chain (<c>agent.RunAsync(...)</c>, handing it to a workflow) runs them ungated.
    /// </summary>
    private bool OnlyUsedThroughGate(IOperation agentCreation)
    {
        var current = agentCreation.Parent;
        while (current is IConversionOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        if (current is not IVariableInitializerOperation { Parent: IVariableDeclaratorOperation { Symbol: var local } })
        {
            return false;
        }

        var uses = LocalValues.References(Operations.Root(agentCreation), local); // from the body's one walk, not a walk per agent
        return uses.Count > 0 && uses.All(ParentChainHasGate);
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

            if (parent is IInvocationOperation invocation && Operations.Receiver(invocation) is { } receiver && Operations.Unwrap(receiver) == Operations.Unwrap(value))
            {
                if (_context.Gates.IsGateInvocation(invocation))
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

    /// <summary>
    /// The kernel functions of a plugin type are guarded when every kernel the type is registered on is
    /// gated; when no registration is visible (generic helpers, reflection), when every kernel of the
    /// compilation is.
    /// </summary>
    public bool IsPluginGuarded(ITypeSymbol pluginType)
        => _pluginGuarded.GetOrAdd(pluginType.OriginalDefinition, t => new Lazy<bool>(() =>
        {
            var registered = false;
            foreach (var kernel in KernelsRegistering(t))
            {
                registered = true;
                if ((kernel is null ? DiKernel : Tracer.Trace(kernel)).State != GateState.Gated)
                {
                    return false;
                }
            }

            return registered || AllKernelsGated;
        }, LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>
    /// The kernels that invoke a plugin type's kernel functions: those the type is registered on (<see cref="KernelsRegistering"/>);
    /// null stands for the container's kernel.
    /// </summary>
    public IEnumerable<IOperation?> KernelsInvokingPlugin(ITypeSymbol pluginType) => KernelsRegistering(pluginType.OriginalDefinition);

    /// <summary>
    /// Where a plugin made as a value (<c>KernelPluginFactory.CreateFromType&lt;T&gt;()</c>, <c>CreateFromObject(obj)</c>,
    /// <c>kernel.CreatePluginFromType&lt;T&gt;()</c>, an OpenAPI plugin from <c>CreateFromOpenApiAsync</c>) becomes a kernel's tools:
    /// the kernel (or kernel builder) whose <c>Plugins</c> collection it is added to (<c>kernel.Plugins.Add(plugin)</c>,
    /// <c>agent.Kernel.Plugins.AddRange([...])</c>), the Semantic Kernel agent it is handed to as <c>plugins:</c>, directly or through a
    /// local of the same body; null for the container's kernel when it is registered as a service (<c>AddSingleton&lt;KernelPlugin&gt;(sp =&gt;
    /// ...)</c>: <c>AddKernel()</c> gives its kernel every registered plugin). Empty when it goes nowhere this analysis follows
    /// (returned from a helper, stored in a field): then the plugin counts as no registration, as a generic helper's does.
    /// </summary>
    public IEnumerable<IOperation?> PluginHosts(IOperation created) => PluginHosts(created, 0);

    private IEnumerable<IOperation?> PluginHosts(IOperation created, int depth)
    {
        var current = created;
        while (current.Parent is IConversionOperation or IAwaitOperation or IParenthesizedOperation or IArrayInitializerOperation or IArrayCreationOperation
            || current.Parent?.Syntax is CollectionExpressionSyntax)
        {
            current = current.Parent;
        }

        switch (current.Parent)
        {
            case IArgumentOperation { Parent: IInvocationOperation call } argument:
                if (PluginsOwner(call) is { } owner)
                {
                    yield return owner;
                }
                else if (_context.Classifier.Classify(call.TargetMethod) == InvocationKind.ServiceRegistration)
                {
                    yield return null; // services.AddSingleton(plugin): the container's kernel
                }

                break;
            case IArgumentOperation { Parameter.Name: "plugins", Parent: IObjectCreationOperation agentCreation }:
                yield return agentCreation; // new AzureAIAgent(definition, client, plugins: [plugin]): that agent's kernel
                break;
            case IReturnOperation { Parent: IBlockOperation { Parent: IAnonymousFunctionOperation { Parent: IDelegateCreationOperation { Parent: IArgumentOperation { Parent: IInvocationOperation registration } } } } }
                when _context.Classifier.Classify(registration.TargetMethod) == InvocationKind.ServiceRegistration:
                yield return null; // services.AddSingleton<KernelPlugin>(sp => KernelPluginFactory.CreateFromType<T>(serviceProvider: sp))
                break;
            case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } when depth < 2:
                foreach (var host in LocalHosts(created, declarator.Symbol, depth))
                {
                    yield return host;
                }

                break;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } assignment when assignment.Value == current && depth < 2:
                foreach (var host in LocalHosts(created, local.Local, depth))
                {
                    yield return host;
                }

                break;
        }
    }

    /// <summary>The hosts of a plugin held in a local: where each read of the local in the same body goes.</summary>
    private IEnumerable<IOperation?> LocalHosts(IOperation created, ILocalSymbol local, int depth)
    {
        foreach (var descendant in Operations.Root(created).Descendants())
        {
            if (descendant is ILocalReferenceOperation read && SymbolEqualityComparer.Default.Equals(read.Local, local)
                && !(read.Parent is ISimpleAssignmentOperation assignment && assignment.Target == read))
            {
                foreach (var host in PluginHosts(read, depth + 1))
                {
                    yield return host;
                }
            }
        }
    }

    /// <summary><c>X.Plugins.Add(plugin)</c> / <c>AddRange</c>: X, when it is a kernel or a kernel builder.</summary>
    private IOperation? PluginsOwner(IInvocationOperation call)
    {
        if (call.TargetMethod.Name is not ("Add" or "AddRange") || Operations.Receiver(call) is not { } receiver
            || Operations.Unwrap(receiver) is not IPropertyReferenceOperation { Property.Name: "Plugins", Instance: { } owner })
        {
            return null;
        }

        return _context.Symbols.IsClientLike(owner.Type) ? owner : null;
    }

    /// <summary>
    /// The starts of Semantic Kernel processes in this compilation (<c>process.StartAsync(kernel, new KernelProcessEvent { ... })</c>):
    /// the kernel each is started with, or null for a start without one (a Dapr or Orleans runtime, whose steps get the
    /// container's kernel). A process step's kernel functions are invoked with that kernel. Name first: only calls spelled
    /// <c>StartAsync</c> are looked at, and only those handed a process event count (the process package may be missing from a
    /// scan, so the event is known by its type's name). Computed once.
    /// </summary>
    public IReadOnlyList<IOperation?> ProcessStarts => _processStarts.Value;

    private List<IOperation?> GatherProcessStarts()
    {
        var starts = new List<IOperation?>();
        foreach (var syntax in _context.Sources.Invocations("StartAsync"))
        {
            if (syntax.ArgumentList.Arguments.Count == 0 || _context.OperationOf(syntax) is not { SemanticModel: { } model })
            {
                continue;
            }

            IOperation? kernel = null;
            var isProcess = false;
            foreach (var argument in syntax.ArgumentList.Arguments)
            {
                var type = model.GetTypeInfo(argument.Expression).Type;
                if (type?.Name == "KernelProcessEvent")
                {
                    isProcess = true;
                }
                else if (type is not null && KnownSymbols.IsOrDerivesFrom(type, _context.Symbols.Kernel))
                {
                    kernel = _context.OperationOf(argument.Expression);
                }
            }

            if (isProcess)
            {
                starts.Add(kernel);
            }
        }

        return starts;
    }

    private readonly ConcurrentDictionary<SyntaxNode, bool?> _methodPipelines = new();

    /// <summary>
    /// A per-method answer (keyed by the method's syntax) computed once: the tools of a method share it. Null when the method builds
    /// and calls no pipeline (the caller then asks about the compilation's).
    /// </summary>
    public bool? MethodPipelinesGated(IOperation root, Func<bool?> compute) => _methodPipelines.GetOrAdd(root.Syntax, _ => compute());

    /// <summary>
    /// The calls of a source method in this compilation (name first: only invocations spelled with its name
    /// are bound), cached per method. How a parameter's value is found at its callers.
    /// </summary>
    public IReadOnlyList<IInvocationOperation> CallersOf(IMethodSymbol method)
    {
        method = method.OriginalDefinition;
        return _callers.GetOrAdd(method, m => new Lazy<IReadOnlyList<IInvocationOperation>>(() =>
        {
            var callers = new List<IInvocationOperation>();
            var scope = AccessibleWithin(m);
            foreach (var syntax in _context.Sources.Invocations(m.Name))
            {
                if (!scope.IsDefaultOrEmpty && !IsWithin(syntax, scope))
                {
                    continue; // a private method is called only inside its type: same-named calls elsewhere are not bound
                }

                if (_context.OperationOf(syntax) is IInvocationOperation invocation
                    && SymbolEqualityComparer.Default.Equals((invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).OriginalDefinition, m))
                {
                    callers.Add(invocation);
                }
            }

            return callers;
        }, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    /// <summary>The declarations of the type a private method can be called from (its own type's text, nested types included), or default for any other method.</summary>
    private static ImmutableArray<SyntaxReference> AccessibleWithin(IMethodSymbol method)
        => method.DeclaredAccessibility == Accessibility.Private && method.ContainingType is { } owner ? owner.DeclaringSyntaxReferences : default;

    private static bool IsWithin(SyntaxNode syntax, ImmutableArray<SyntaxReference> declarations)
    {
        foreach (var declaration in declarations)
        {
            if (declaration.SyntaxTree == syntax.SyntaxTree && declaration.Span.Contains(syntax.Span))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>services.AddSingleton&lt;IFunctionInvocationFilter, ApprovalFilter&gt;()</c> in any generic, typeof,
    /// instance, factory or ServiceDescriptor form, registering a filter that gates what <paramref name="kinds"/>
    /// intercept. The filter acts only as the interface it is registered as.
    /// </summary>
    public bool RegistersGatingFilter(IInvocationOperation registration, FilterKinds kinds = FilterKinds.Tools)
    {
        var gates = _context.Gates;
        var method = registration.TargetMethod;
        var registeredAs = method.TypeArguments.Length > 0 ? gates.KindOf(method.TypeArguments[0]) : FilterKinds.None;
        foreach (var argument in registration.Arguments)
        {
            var value = Operations.Unwrap(argument.Value);
            if (value is ITypeOfOperation { TypeOperand: var typeOperand })
            {
                if (gates.KindOf(typeOperand) is var kind && kind != FilterKinds.None)
                {
                    registeredAs = kind;
                }
                else if (registeredAs != FilterKinds.None && gates.IsGatingFilter(typeOperand, kinds & registeredAs))
                {
                    return true;
                }
            }
            else if (value is IInvocationOperation { TargetMethod: { TypeArguments.Length: 2 } descriptor } && gates.KindOf(descriptor.TypeArguments[0]) is var described && described != FilterKinds.None)
            {
                // TryAddEnumerable(ServiceDescriptor.Singleton<IFunctionInvocationFilter, ApprovalFilter>())
                if (gates.IsGatingFilter(descriptor.TypeArguments[1], kinds & described))
                {
                    return true;
                }
            }
        }

        kinds &= registeredAs;
        if (kinds == FilterKinds.None)
        {
            return false;
        }

        if (method.TypeArguments.Length == 2 && gates.IsGatingFilter(method.TypeArguments[1], kinds))
        {
            return true;
        }

        // AddSingleton<IFunctionInvocationFilter>(new ApprovalFilter(...)) or (sp => new ApprovalFilter(sp.GetRequiredService<...>()))
        foreach (var argument in registration.Arguments)
        {
            if (argument.Parameter is null || argument.Parameter.Ordinal == 0 && method.IsExtensionMethod)
            {
                continue;
            }

            var value = Operations.Unwrap(argument.Value);
            if (gates.IsGatingFilter(value.Type, kinds))
            {
                return true;
            }

            if (value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation factory }
                && factory.Body.Descendants().Any(o => o is IObjectCreationOperation or IInvocationOperation && gates.IsGatingFilter(o.Type, kinds)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The invocations spelled with these names, bound and classified (only those of one of the wanted kinds).</summary>
    private IEnumerable<IInvocationOperation> Bound(IReadOnlyList<string> names, Func<InvocationExpressionSyntax, bool>? mayMatter = null, SyntaxTree? only = null)
    {
        foreach (var syntax in _context.Sources.Invocations(names, only))
        {
            if ((mayMatter is null || mayMatter(syntax)) && _context.OperationOf(syntax) is IInvocationOperation invocation)
            {
                yield return invocation;
            }
        }
    }

    private List<(string? Key, Origin Origin)> GatherChatClientRegistrations()
    {
        var registrations = new List<(string?, Origin)>();
        foreach (var syntax in _context.Sources.Invocations(s_chatClientRegistrations))
        {
            var operation = _context.OperationOf(syntax);
            if (operation is IInvalidOperation invalid && (UnboundRegistrations.ChatClient(invalid, _context) ?? UnboundRegistrations.HostIntegration(invalid, _context)) is { } unbound)
            {
                registrations.Add((null, unbound));
                continue;
            }

            if (operation is IInvocationOperation invocation && _context.Classifier.Classify(invocation.TargetMethod) == InvocationKind.ChatClientRegistration)
            {
                registrations.Add((RegistrationKey(invocation), Tracer.ChainHasGate(invocation)
                    ? Origin.Gated
                    : Origin.Ungated($"it is registered with {invocation.TargetMethod.Name}(...) at {Operations.Where(invocation)} without UsePolicyGate()")));
            }
        }

        return registrations;
    }

    /// <summary>Whether the compilation registers a kernel in the container (<c>services.AddKernel()</c>): only AddKernel calls are bound.</summary>
    private bool HasKernelRegistration()
    {
        foreach (var invocation in Bound(s_addKernel))
        {
            if (_context.Classifier.Classify(invocation.TargetMethod) == InvocationKind.KernelRegistration)
            {
                return true;
            }
        }

        // services.AddTransient(sp => new Kernel(sp)): a kernel made on the container's services is the container's kernel.
        if (_context.Symbols.Kernel is { } kernelType)
        {
            foreach (var syntax in _context.Sources.Creations(kernelType.Name))
            {
                if (syntax.ArgumentList is { Arguments.Count: > 0 } && _context.OperationOf(syntax) is IObjectCreationOperation creation && IsContainerKernel(creation))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// <c>new Kernel(serviceProvider)</c>: a kernel whose services, filters included, are the container's. Not a kernel made on
    /// another kernel's services (<c>new Kernel(baseKernel.Services)</c>), which has that kernel's, nor on none.
    /// </summary>
    public bool IsContainerKernel(IObjectCreationOperation creation)
        => creation.Type is { } type && _context.Symbols.Kernel is { } kernelType && SymbolEqualityComparer.Default.Equals(type, kernelType)
            && creation.Arguments.Any(a => a.Parameter?.Type is { } parameterType && _context.Symbols.IServiceProvider is { } provider
                && SymbolEqualityComparer.Default.Equals(parameterType, provider) && !Operations.IsNullConstant(a.Value)
                && !(Operations.Unwrap(a.Value) is IPropertyReferenceOperation { Property.Name: "Services", Instance.Type: { } owner } && KnownSymbols.IsOrDerivesFrom(owner, kernelType)));

    /// <summary>
    /// Whether the container's kernel is gated: a gate in an AddKernel() chain, a gate applied to the container's kernel
    /// builder, or a gating filter registered in the container. Stops at the first (the rest is never bound).
    /// </summary>
    private bool IsDiKernelGated(FilterKinds kinds)
    {
        foreach (var invocation in Bound(s_diKernelNames, MayRegisterFilter))
        {
            switch (_context.Classifier.Classify(invocation.TargetMethod))
            {
                case InvocationKind.KernelRegistration when Tracer.ChainHasGate(invocation):
                case InvocationKind.GateApplication when Operations.Receiver(invocation) is { } receiver && IsDiKernelBuilder(receiver):
                case InvocationKind.ServiceRegistration when !IsLocalKernelBuilderServices(Operations.Receiver(invocation)) && RegistersGatingFilter(invocation, kinds):
                    return true;
            }
        }

        return false;
    }

    /// <summary>Every UseFunctionInvocation() pipeline and agent of the compilation (or of one tree), in source order (stops where the caller stops).</summary>
    private IEnumerable<IOperation> PipelinesAndAgents(SyntaxTree? only = null)
    {
        foreach (var invocation in Bound(s_pipelineNames, only: only))
        {
            if (_context.Classifier.Classify(invocation.TargetMethod) is InvocationKind.FunctionInvocation or InvocationKind.AgentCreation)
            {
                yield return invocation;
            }
        }

        if (_context.Symbols.ChatClientAgent is { } agentType)
        {
            foreach (var syntax in _context.Sources.Creations(agentType.Name, only))
            {
                if (_context.OperationOf(syntax) is IObjectCreationOperation { Type: { } created } creation && KnownSymbols.IsOrDerivesFrom(created, agentType))
                {
                    yield return creation;
                }
            }
        }
    }

    private bool ComputeAllPipelinesGated()
    {
        var any = false;
        foreach (var pipeline in PipelinesAndAgents())
        {
            any = true;
            if (!IsGated(pipeline))
            {
                return false; // one ungated pipeline decides: the rest is never bound
            }
        }

        return any;
    }

    private bool IsGated(IOperation pipelineOrAgent)
        => pipelineOrAgent is IInvocationOperation invocation && _context.Classifier.Classify(invocation.TargetMethod) == InvocationKind.FunctionInvocation
            ? IsPipelineGated(invocation)
            : IsAgentGated(pipelineOrAgent);

    /// <summary>Every kernel the compilation (or one tree) builds (<c>builder.Build()</c> of a kernel builder, <c>new Kernel(...)</c>), in source order.</summary>
    private IEnumerable<IOperation> KernelBuilds(SyntaxTree? only = null)
    {
        if (_context.Symbols.IKernelBuilder is { } builderType)
        {
            // .Build() is everywhere (hosts, options, pipelines): only a parameterless Build() can be a kernel builder's.
            foreach (var invocation in Bound(s_build, syntax => syntax.ArgumentList.Arguments.Count == 0, only))
            {
                if (Operations.Receiver(invocation)?.Type is { } receiverType && KnownSymbols.IsOrDerivesFrom(receiverType, builderType))
                {
                    yield return invocation;
                }
            }
        }

        if (_context.Symbols.Kernel is { } kernelType)
        {
            foreach (var syntax in _context.Sources.Creations(kernelType.Name, only))
            {
                if (_context.OperationOf(syntax) is IObjectCreationOperation { Type: { } created } creation && KnownSymbols.IsOrDerivesFrom(created, kernelType))
                {
                    yield return creation;
                }
            }
        }
    }

    /// <summary>
    /// Every kernel built is gated, and so is the container's kernel when one is registered. The kernels built are
    /// judged first, in source order: one ungated kernel answers false before the container's registrations (every
    /// AddSingleton/AddScoped/... that may register a filter, each binding its member) are bound.
    /// </summary>
    private bool ComputeAllKernelsGated()
    {
        var any = false;
        foreach (var kernel in KernelBuilds())
        {
            any = true;
            if (Tracer.TraceWithTarget(kernel).State != GateState.Gated)
            {
                return false; // one ungated kernel decides: the rest is never bound
            }
        }

        if (_diKernelRegistered.Value)
        {
            return _diKernelGated.Value;
        }

        return any;
    }

    /// <summary>
    /// The kernels a plugin type is registered on (<c>builder.Plugins.AddFromType&lt;T&gt;()</c>,
    /// <c>kernel.ImportPluginFromObject(new T())</c>): only registrations in trees that spell the type's name, and
    /// only the trees that hold registrations are searched for it (a plugin type is asked about once, the trees
    /// with registrations are few, and searching every tree's text for every plugin's name cost more than the rest).
    /// </summary>
    private IEnumerable<IOperation?> KernelsRegistering(ITypeSymbol pluginType)
    {
        var (byTree, words) = _pluginRegistrationSyntax.Value;
        foreach (var tree in words.Spelling(pluginType.Name))
        {
            foreach (var host in KernelsRegisteringIn(byTree[tree], pluginType))
            {
                yield return host;
            }
        }
    }

    /// <summary>
    /// The registrations (syntax, listed tree by tree in compilation order, as <see cref="SourceIndex.Invocations(IReadOnlyList{string}, SyntaxTree?)"/>
    /// gives them) grouped by tree, in the same order, and the words of those trees.
    /// </summary>
    private static (ImmutableArray<ImmutableArray<InvocationExpressionSyntax>> ByTree, TreeWords Words) RegistrationsByTree(IEnumerable<InvocationExpressionSyntax> registrations)
    {
        var trees = ImmutableArray.CreateBuilder<SyntaxTree>();
        var groups = new List<ImmutableArray<InvocationExpressionSyntax>.Builder>();
        var indexOf = new Dictionary<SyntaxTree, int>();
        foreach (var syntax in registrations)
        {
            if (!indexOf.TryGetValue(syntax.SyntaxTree, out var index))
            {
                indexOf.Add(syntax.SyntaxTree, index = trees.Count);
                trees.Add(syntax.SyntaxTree);
                groups.Add(ImmutableArray.CreateBuilder<InvocationExpressionSyntax>());
            }

            groups[index].Add(syntax);
        }

        return (groups.Select(g => g.ToImmutable()).ToImmutableArray(), new TreeWords(trees.ToImmutable()));
    }

    /// <summary>The kernels the registrations of one tree (which spells the plugin type's name) register the type on.</summary>
    private IEnumerable<IOperation?> KernelsRegisteringIn(ImmutableArray<InvocationExpressionSyntax> registrations, ITypeSymbol pluginType)
    {
        foreach (var syntax in registrations)
        {
            if (Registration(syntax) is not { } registration || !SymbolEqualityComparer.Default.Equals(registration.Plugin, pluginType))
            {
                continue;
            }

            var invocation = registration.Invocation;

            if (IsPluginCreation(invocation.TargetMethod))
            {
                // KernelPluginFactory.CreateFromType<T>() / kernel.CreatePluginFromObject(obj): a value, registered where it is added.
                foreach (var host in PluginHosts(invocation))
                {
                    yield return host;
                }

                continue;
            }

            // builder.Plugins.AddFromType<T>() / kernel.Plugins.AddFromType<T>(): the kernel is the owner of Plugins.
            var receiver = Operations.Receiver(invocation)!;
            var kernel = Operations.Unwrap(receiver) is IPropertyReferenceOperation { Instance: { } owner } ? owner : receiver;
            if (_context.Symbols.IsClientLike(kernel.Type))
            {
                yield return kernel;
            }
        }
    }

    /// <summary>
    /// A plugin registration and the plugin type it registers, or null (not a registration, or a generic helper's): bound and judged
    /// once, whichever plugin type asks first (a tree that spells <c>Plugin3</c> spells <c>Plugin33</c>'s name too).
    /// </summary>
    private (IInvocationOperation Invocation, ITypeSymbol Plugin)? Registration(InvocationExpressionSyntax syntax)
        => _pluginRegistrations.GetOrAdd(syntax, s => new Lazy<(IInvocationOperation, ITypeSymbol)?>(
            () => _context.OperationOf(s) is IInvocationOperation invocation && _context.Classifier.Classify(invocation.TargetMethod) == InvocationKind.PluginRegistration
                && RegisteredPlugin(invocation) is { } registered
                ? (invocation, registered)
                : null,
            LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>
    /// A syntactic filter before binding: services.AddSingleton&lt;IClock, Clock&gt;() is everywhere; only a
    /// registration that spells a filter (a type or variable named *Filter*) can register one.
    /// </summary>
    private static bool MayRegisterFilter(InvocationExpressionSyntax syntax)
    {
        var name = SourceIndex.SimpleName(syntax);
        if (name is "AddKernel" or "UsePolicyGate" or "AddPolicyGate")
        {
            return true;
        }

        foreach (var token in syntax.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText.IndexOf("Filter", StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The constant service key of AddKeyedChatClient("key", ...), or null.</summary>
    private static string? RegistrationKey(IInvocationOperation registration)
    {
        foreach (var argument in registration.Arguments)
        {
            if (argument.Parameter?.Name == "serviceKey" && Operations.Unwrap(argument.Value).ConstantValue is { HasValue: true, Value: string key })
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>AddKernel()'s builder, or an IKernelBuilder parameter (a configuration helper handed the container's builder).</summary>
    private bool IsDiKernelBuilder(IOperation receiver)
    {
        receiver = Operations.Unwrap(receiver);
        if (receiver.Type is not { } type || !KnownSymbols.IsOrDerivesFrom(type, _context.Symbols.IKernelBuilder))
        {
            return false;
        }

        return receiver switch
        {
            IInvocationOperation invocation => OriginTracer.FluentChain(invocation).Any(i => _context.Classifier.Classify(i.TargetMethod) == InvocationKind.KernelRegistration),
            IParameterReferenceOperation => true,
            ILocalReferenceOperation local => Operations.InitialValue(local) is { } initial && IsDiKernelBuilder(initial),
            _ => false,
        };
    }

    /// <summary><c>builder.Services</c> of a kernel builder made with Kernel.CreateBuilder(): its filters belong to that kernel, not to the container.</summary>
    private bool IsLocalKernelBuilderServices(IOperation? receiver)
        => receiver is not null && Operations.Unwrap(receiver) is IPropertyReferenceOperation { Instance: { } owner }
            && owner.Type is { } ownerType && KnownSymbols.IsOrDerivesFrom(ownerType, _context.Symbols.IKernelBuilder) && !IsDiKernelBuilder(owner);

    /// <summary>The plugin type a registration registers (its type argument, or the type of the object it is given), or null for a generic helper's.</summary>
    private static ITypeSymbol? RegisteredPlugin(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        ITypeSymbol? plugin = method.TypeArguments.Length == 1 ? method.TypeArguments[0] : null;
        if (plugin is null)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { Name: "target" or "obj" or "plugin" or "instance" } || (argument.Parameter?.Type.SpecialType == SpecialType.System_Object && argument.Parameter.Ordinal > 0))
                {
                    plugin = Operations.Unwrap(argument.Value).Type;
                }
            }
        }

        return plugin is null or ITypeParameterSymbol || (Operations.Receiver(invocation) is null && !IsPluginCreation(method)) ? null : plugin.OriginalDefinition;
    }

    /// <summary><c>KernelPluginFactory.CreateFromType&lt;T&gt;()</c>, <c>kernel.CreatePluginFromObject(obj)</c>: a plugin made as a value, not yet any kernel's.</summary>
    private static bool IsPluginCreation(IMethodSymbol method) => method.Name.StartsWith("Create", StringComparison.Ordinal);
}
