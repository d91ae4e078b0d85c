using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AlignmentPolicy.Analyzers.Analysis.Invocations;
using AlignmentPolicy.Analyzers.Analysis.Origins;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis.Pipelines;

/// <summary>
/// Facts about the compilation's pipelines, gathered once by one pass over the syntax trees (name first:
/// only invocations whose simple name the index needs are bound, then classified by symbol), and judged
/// per pipeline: the DI container's chat clients and kernel (with the filters registered in that
/// container), every kernel built, every tool-invoking pipeline and agent, the kernels each plugin type
/// is registered on, and the names of prompt plugins. Evidence is per pipeline: a gate in one pipeline
/// never guards another.
/// </summary>
internal sealed class PipelineIndex
{
    private static readonly HashSet<string> s_indexedNames = new(StringComparer.Ordinal)
    {
        "AddChatClient", "AddKeyedChatClient", "AddKernel", "UsePolicyGate", "AddPolicyGate",
        "AddSingleton", "AddScoped", "AddTransient", "AddKeyedSingleton", "AddKeyedScoped", "AddKeyedTransient", "TryAddSingleton", "TryAddScoped", "TryAddTransient", "TryAddEnumerable",
        "UseFunctionInvocation", "AsAIAgent", "CreateAIAgent", "Build",
        "AddFromType", "AddFromObject", "ImportPluginFromType", "ImportPluginFromObject",
        "AddFromFunctions", "ImportPluginFromFunctions", "CreatePluginFromFunctions", "CreateFromFunctions",
        "CreatePluginFromPromptDirectory", "ImportPluginFromPromptDirectory", "AddFromPromptDirectory", "CreateFromPromptDirectory",
        "CreatePluginFromPromptDirectoryYaml", "ImportPluginFromPromptDirectoryYaml", "AddFromPromptDirectoryYaml",
    };

    private readonly AgentContext _context;
    private readonly Lazy<Facts> _facts;
    private readonly Lazy<bool> _allPipelinesGated;
    private readonly Lazy<bool> _allKernelsGated;
    private readonly ConcurrentDictionary<ITypeSymbol, bool> _pluginGuarded = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IMethodSymbol, Lazy<IReadOnlyList<IInvocationOperation>>> _callers = new(SymbolEqualityComparer.Default);

    public PipelineIndex(AgentContext context)
    {
        _context = context;
        // Not cancellable: the result is shared by every rule, and a cancelled build would be cached.
        _facts = new Lazy<Facts>(() => Build(CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
        _allPipelinesGated = new Lazy<bool>(() =>
        {
            var facts = _facts.Value;
            return facts.FunctionInvocations.Count + facts.Agents.Count > 0
                && facts.FunctionInvocations.All(IsPipelineGated) && facts.Agents.All(IsAgentGated);
        }, LazyThreadSafetyMode.ExecutionAndPublication);
        _allKernelsGated = new Lazy<bool>(() =>
        {
            var facts = _facts.Value;
            var kernels = facts.KernelBuilds.Count + (facts.DiKernelRegistrations > 0 ? 1 : 0);
            return kernels > 0 && (facts.DiKernelRegistrations == 0 || facts.DiKernelGated) && facts.KernelBuilds.All(k => Tracer.TraceWithTarget(k).State == GateState.Gated);
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    private OriginTracer Tracer => _context.Origins;

    private Facts Current => _facts.Value;

    /// <summary>The names of plugins made from prompt directories in this compilation.</summary>
    public HashSet<string> PromptPluginNames => Current.PromptPluginNames;

    /// <summary>
    /// True when the compilation builds at least one tool-invoking pipeline or agent and every one of
    /// them is gated: a tool registered somewhere this analysis cannot follow then runs behind a gate.
    /// </summary>
    public bool AllPipelinesGated => _allPipelinesGated.Value;

    /// <summary>True when the compilation makes at least one kernel and every kernel it makes is gated.</summary>
    public bool AllKernelsGated => _allKernelsGated.Value;

    /// <summary>A value taken from the DI container: gated when its registrations in this compilation are.</summary>
    public Origin FromContainer(ITypeSymbol? type, string? key = null)
    {
        var symbols = _context.Symbols;
        if (type is null)
        {
            return Origin.Unknown("it is injected");
        }

        if (KnownSymbols.IsOrDerivesFrom(type, symbols.IChatClient))
        {
            // Per registration: [FromKeyedServices("safe")] gets the "safe" client, an unkeyed injection the unkeyed ones.
            var all = Current.ChatClientRegistrations;
            var registrations = all.Where(r => r.Key == key).Select(r => r.Origin).ToList();
            if (registrations.Count == 0 && key is null)
            {
                registrations = all.Select(r => r.Origin).ToList();
            }

            return registrations.Count == 0
                ? Origin.Unknown(key is null ? "it is injected, and no AddChatClient(...) registration is in this compilation" : $"it is injected with key '{key}', and no registration with that key is in this compilation")
                : registrations.Aggregate(Origin.Combine);
        }

        if (KnownSymbols.IsOrDerivesFrom(type, symbols.Kernel) || KnownSymbols.IsOrDerivesFrom(type, symbols.IChatCompletionService) || KnownSymbols.IsOrDerivesFrom(type, symbols.IKernelBuilder))
        {
            return DiKernel;
        }

        return Origin.Unknown($"it is injected ({type.Name}), and its registration is not followed");
    }

    /// <summary>The kernel the DI container builds: gated by a gate in its AddKernel() chain or a gating filter registered in the container.</summary>
    public Origin DiKernel
    {
        get
        {
            var facts = Current;
            if (facts.DiKernelGated)
            {
                return Origin.Gated;
            }

            return facts.DiKernelRegistrations > 0
                ? Origin.Ungated("the kernel registered with AddKernel() has no gating filter (kernel.UsePolicyGate() or AddPolicyGate())")
                : Origin.Unknown("it is injected, and no kernel registration is in this compilation");
        }
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
            return receiver is not null && Tracer.Trace(receiver).State == GateState.Gated;
        }

        if (agentCreation is IObjectCreationOperation creation)
        {
            if (_context.Gates.IsGateType(creation.Type!) || ParentChainHasGate(creation))
            {
                return true;
            }

            return Tracer.Trace(creation).State == GateState.Gated;
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
        => _pluginGuarded.GetOrAdd(pluginType.OriginalDefinition, t =>
        {
            if (!Current.PluginRegistrations.TryGetValue(t, out var kernels) || kernels.Count == 0)
            {
                return AllKernelsGated;
            }

            return kernels.All(k => Tracer.Trace(k).State == GateState.Gated);
        });

    private readonly ConcurrentDictionary<SyntaxNode, bool> _methodPipelines = new();

    /// <summary>A per-method answer (keyed by the method's syntax) computed once: the tools of a method share it.</summary>
    public bool MethodPipelinesGated(IOperation root, Func<bool> compute) => _methodPipelines.GetOrAdd(root.Syntax, _ => compute());

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
            foreach (var tree in _context.Compilation.SyntaxTrees)
            {
                SemanticModel? model = null;
                foreach (var node in tree.GetRoot().DescendantNodes())
                {
                    if (node is InvocationExpressionSyntax syntax && SimpleName(syntax) == m.Name)
                    {
                        model ??= _context.ModelFor(tree);
                        if (model.GetOperation(syntax) is IInvocationOperation invocation
                            && SymbolEqualityComparer.Default.Equals((invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).OriginalDefinition, m))
                        {
                            callers.Add(invocation);
                        }
                    }
                }
            }

            return callers;
        }, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
    }

    private static string? SimpleName(InvocationExpressionSyntax syntax) => syntax.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax id => id.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// <c>services.AddSingleton&lt;IFunctionInvocationFilter, ApprovalFilter&gt;()</c> in any generic, typeof,
    /// instance, factory or ServiceDescriptor form, registering a filter that gates.
    /// </summary>
    public bool RegistersGatingFilter(IInvocationOperation registration)
    {
        var classifier = _context.Classifier;
        var method = registration.TargetMethod;
        var asFilter = method.TypeArguments.Length > 0 && classifier.IsFilterInterface(method.TypeArguments[0]);
        foreach (var argument in registration.Arguments)
        {
            var value = Operations.Unwrap(argument.Value);
            if (value is ITypeOfOperation { TypeOperand: var typeOperand })
            {
                if (classifier.IsFilterInterface(typeOperand))
                {
                    asFilter = true;
                }
                else if (asFilter && _context.Gates.IsGatingFilter(typeOperand))
                {
                    return true;
                }
            }
            else if (value is IInvocationOperation { TargetMethod: { TypeArguments.Length: 2 } descriptor } && classifier.IsFilterInterface(descriptor.TypeArguments[0]))
            {
                // TryAddEnumerable(ServiceDescriptor.Singleton<IFunctionInvocationFilter, ApprovalFilter>())
                if (_context.Gates.IsGatingFilter(descriptor.TypeArguments[1]))
                {
                    return true;
                }
            }
        }

        if (!asFilter)
        {
            return false;
        }

        if (method.TypeArguments.Length == 2 && _context.Gates.IsGatingFilter(method.TypeArguments[1]))
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
            if (_context.Gates.IsGatingFilter(value.Type))
            {
                return true;
            }

            if (value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation factory }
                && factory.Body.Descendants().Any(o => o is IObjectCreationOperation or IInvocationOperation && _context.Gates.IsGatingFilter(o.Type)))
            {
                return true;
            }
        }

        return false;
    }

    private Facts Build(CancellationToken cancellationToken)
    {
        var facts = new Facts();
        foreach (var tree in _context.Compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            SemanticModel? model = null;
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                IOperation? operation = null;
                if (node is InvocationExpressionSyntax syntax)
                {
                    var name = SimpleName(syntax);
                    if (name is null || !s_indexedNames.Contains(name) || !MayMatter(syntax, name))
                    {
                        continue;
                    }

                    model ??= _context.ModelFor(tree);
                    operation = model.GetOperation(syntax, cancellationToken);
                }
                else if (node is ObjectCreationExpressionSyntax { Type: var type } creationSyntax && RightmostName(type) is "ChatClientAgent" or "Kernel")
                {
                    model ??= _context.ModelFor(tree);
                    operation = model.GetOperation(creationSyntax, cancellationToken);
                }

                switch (operation)
                {
                    case IInvocationOperation invocation:
                        Index(invocation, facts);
                        break;
                    case IObjectCreationOperation creation when creation.Type is { } created:
                        if (KnownSymbols.IsOrDerivesFrom(created, _context.Symbols.ChatClientAgent))
                        {
                            facts.Agents.Add(creation);
                        }
                        else if (KnownSymbols.IsOrDerivesFrom(created, _context.Symbols.Kernel))
                        {
                            facts.KernelBuilds.Add(creation);
                        }

                        break;
                }
            }
        }

        return facts;
    }

    private static string? RightmostName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// A syntactic filter before binding: services.AddSingleton&lt;IClock, Clock&gt;() and .Build() are
    /// everywhere; only filter registrations and kernel builds concern us.
    /// </summary>
    private static bool MayMatter(InvocationExpressionSyntax syntax, string name)
    {
        switch (name)
        {
            case "AddSingleton" or "AddScoped" or "AddTransient" or "AddKeyedSingleton" or "AddKeyedScoped" or "AddKeyedTransient" or "TryAddSingleton" or "TryAddScoped" or "TryAddTransient" or "TryAddEnumerable":
                foreach (var token in syntax.DescendantTokens())
                {
                    if (token.IsKind(SyntaxKind.IdentifierToken) && token.ValueText.IndexOf("Filter", StringComparison.Ordinal) >= 0)
                    {
                        return true;
                    }
                }

                return false;
            case "Build":
                return syntax.ArgumentList.Arguments.Count == 0;
            default:
                return true;
        }
    }

    private void Index(IInvocationOperation invocation, Facts facts)
    {
        var method = invocation.TargetMethod;
        var symbols = _context.Symbols;
        switch (_context.Classifier.Classify(method))
        {
            case InvocationKind.ChatClientRegistration:
                facts.ChatClientRegistrations.Add((RegistrationKey(invocation), Tracer.ChainHasGate(invocation)
                    ? Origin.Gated
                    : Origin.Ungated($"it is registered with {method.Name}(...) at {Operations.Where(invocation)} without UsePolicyGate()")));
                break;
            case InvocationKind.KernelRegistration:
                facts.DiKernelRegistrations++;
                if (Tracer.ChainHasGate(invocation))
                {
                    facts.DiKernelGated = true;
                }

                break;
            case InvocationKind.GateApplication when Operations.Receiver(invocation) is { } receiver && IsDiKernelBuilder(receiver):
                facts.DiKernelGated = true;
                break;
            case InvocationKind.ServiceRegistration when !IsLocalKernelBuilderServices(Operations.Receiver(invocation)) && RegistersGatingFilter(invocation):
                facts.DiKernelGated = true;
                break;
            case InvocationKind.FunctionInvocation:
                facts.FunctionInvocations.Add(invocation);
                break;
            case InvocationKind.AgentCreation:
                facts.Agents.Add(invocation);
                break;
            case InvocationKind.PluginRegistration:
                IndexPlugin(invocation, facts);
                break;
            case InvocationKind.PromptFunctionSource:
                if (PromptPluginName(invocation) is { } pluginName)
                {
                    facts.PromptPluginNames.Add(pluginName);
                }

                break;
            case InvocationKind.FunctionsImport:
                // KernelPluginFactory.CreateFromFunctions("MyPlugin", functions: [promptFunction])
                var constantName = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "pluginName")?.Value.ConstantValue;
                if (constantName is { HasValue: true, Value: string functionsPlugin }
                    && invocation.Arguments.Any(a => a.Parameter?.Name == "functions" && _context.PromptFunctions.HoldsPromptFunction(a.Value)))
                {
                    facts.PromptPluginNames.Add(functionsPlugin);
                }

                break;
            case InvocationKind.None when method.Name == "Build" && Operations.Receiver(invocation)?.Type is { } builderType && KnownSymbols.IsOrDerivesFrom(builderType, symbols.IKernelBuilder):
                facts.KernelBuilds.Add(invocation);
                break;
        }
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

    private void IndexPlugin(IInvocationOperation invocation, Facts facts)
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

        if (plugin is null or ITypeParameterSymbol || Operations.Receiver(invocation) is not { } receiver)
        {
            return; // a generic helper: the plugin's kernels are not visible here
        }

        // builder.Plugins.AddFromType<T>() / kernel.Plugins.AddFromType<T>(): the kernel is the owner of Plugins.
        var kernel = Operations.Unwrap(receiver) is IPropertyReferenceOperation { Instance: { } owner } ? owner : receiver;
        if (!_context.Symbols.IsClientLike(kernel.Type))
        {
            return;
        }

        var key = plugin.OriginalDefinition;
        if (!facts.PluginRegistrations.TryGetValue(key, out var list))
        {
            facts.PluginRegistrations[key] = list = new List<IOperation>();
        }

        list.Add(kernel);
    }

    /// <summary>The plugin name a prompt directory import gets: its pluginName argument, or the directory's last segment.</summary>
    private static string? PromptPluginName(IInvocationOperation invocation)
    {
        string? directoryName = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "pluginName" && argument.Value.ConstantValue is { HasValue: true, Value: string explicitName })
            {
                return explicitName;
            }

            if (argument.Parameter?.Name is "pluginDirectory" or "directory" or "pluginPath" && LastSegment(argument.Value) is { } segment)
            {
                directoryName = segment;
            }
        }

        return directoryName;
    }

    private static string? LastSegment(IOperation path)
    {
        path = Operations.Unwrap(path);
        if (path.ConstantValue is { HasValue: true, Value: string constant })
        {
            var trimmed = constant.TrimEnd('/', '\\');
            var slash = trimmed.LastIndexOfAny(new[] { '/', '\\' });
            return slash >= 0 ? trimmed.Substring(slash + 1) : trimmed;
        }

        // Path.Combine(root, "Plugins", "FunPlugin")
        if (path is IInvocationOperation { TargetMethod.Name: "Combine" } combine && combine.Arguments.Length > 0)
        {
            var last = combine.Arguments[combine.Arguments.Length - 1].Value;
            if (last is IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } elements })
            {
                last = elements[elements.Length - 1];
            }

            return LastSegment(last);
        }

        return null;
    }

    /// <summary>What the one pass over the syntax gathers; judged lazily by the members above.</summary>
    private sealed class Facts
    {
        public List<(string? Key, Origin Origin)> ChatClientRegistrations { get; } = new();

        public int DiKernelRegistrations { get; set; }

        public bool DiKernelGated { get; set; }

        public HashSet<string> PromptPluginNames { get; } = new(StringComparer.Ordinal);

        public List<IInvocationOperation> FunctionInvocations { get; } = new();

        public List<IOperation> Agents { get; } = new();

        public List<IOperation> KernelBuilds { get; } = new();

        public Dictionary<ITypeSymbol, List<IOperation>> PluginRegistrations { get; } = new(SymbolEqualityComparer.Default);
    }
}
