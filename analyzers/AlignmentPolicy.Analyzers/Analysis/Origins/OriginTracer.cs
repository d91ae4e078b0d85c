using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using AlignmentPolicy.Analyzers.Analysis.Gates;
using AlignmentPolicy.Analyzers.Analysis.Invocations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis.Origins;

/// <summary>
/// Traces a client, agent, kernel or chat service back to where it is built, through locals, fields,
/// properties, factory methods, conditionals and the DI container, and says whether every way it can be
/// built passes a gate (<see cref="Origin"/>). Depth-bounded; cycles end the path; member origins are
/// cached per member for the compilation.
/// </summary>
internal sealed class OriginTracer
{
    private const int MaxDepth = 12;
    private const int MaxFactoryDepth = 8;
    private static readonly ImmutableDictionary<IParameterSymbol, IOperation> s_noBindings = ImmutableDictionary.Create<IParameterSymbol, IOperation>(SymbolEqualityComparer.Default);

    private readonly AgentContext _context;
    private readonly ConcurrentDictionary<ISymbol, Origin> _memberOrigins = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, ImmutableArray<IOperation>> _memberValues = new(SymbolEqualityComparer.Default);

    private readonly ConcurrentDictionary<IMethodSymbol, IReadOnlyList<IObjectCreationOperation>> _creations = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ILocalSymbol, bool> _gatedInPlace = new(SymbolEqualityComparer.Default);

    private readonly bool _forModelCalls;
    private readonly bool _throughKernel;
    private readonly FilterKinds _filterKinds;

    /// <param name="context">The compilation's analysis.</param>
    /// <param name="forModelCalls">Judge gating of the requests sent to a model (ALN0001) rather than of the tools the pipeline invokes.</param>
    /// <param name="throughKernel">
    /// For model calls: whether the request passes the kernel's prompt rendering (<c>InvokePromptAsync</c>, a prompt function),
    /// where prompt-render filters and the kernel's <c>UsePolicyGate()</c> see it. False for requests sent straight to a
    /// kernel's chat service (a chat-service call, a Semantic Kernel agent's turn): no kernel filter and no kernel gate sees those.
    /// </param>
    public OriginTracer(AgentContext context, bool forModelCalls, bool throughKernel = true)
    {
        _context = context;
        _forModelCalls = forModelCalls;
        _throughKernel = throughKernel || !forModelCalls;
        _filterKinds = !forModelCalls ? FilterKinds.Tools : _throughKernel ? FilterKinds.ModelRequests : FilterKinds.DirectRequests;
    }

    private KnownSymbols Symbols => _context.Symbols;

    /// <summary>
    /// A gate applied in a chain or to a value. For requests sent straight to a chat service, a gate applied to a kernel or
    /// kernel builder (<c>kernel.UsePolicyGate()</c>, <c>builder.AddPolicyGate()</c>, a team helper returning the kernel)
    /// is not one: it is a set of kernel filters, and none of them sees such a request.
    /// </summary>
    /// <remarks>Except our own <c>builder.AddPolicyGate()</c>: it also puts the gates around the chat services registered on
    /// that builder before it (AlignmentPolicy.Gates.SemanticKernel), so for those it gates requests sent straight to them.</remarks>
    private bool IsGate(IInvocationOperation invocation)
        => Gates.IsGateInvocation(invocation, _forModelCalls) && (_throughKernel || !IsKernelLevel(invocation) || WrapsChatServicesRegisteredBefore(invocation));

    /// <summary>
    /// <c>builder.AddPolicyGate()</c> (ours, on a kernel builder) after a chat service was registered on the same builder: in
    /// the chain below it (<c>Kernel.CreateBuilder().AddOpenAIChatCompletion(...).AddPolicyGate()</c>) or earlier on the same
    /// local (<c>builder.AddOpenAIChatCompletion(...); builder.AddPolicyGate();</c>). A service registered after it, or
    /// elsewhere, is not wrapped.
    /// </summary>
    private bool WrapsChatServicesRegisteredBefore(IInvocationOperation gate)
    {
        var method = gate.TargetMethod.ReducedFrom ?? gate.TargetMethod;
        if (method.Name != "AddPolicyGate" || !InvocationClassifier.IsInGatesNamespace(method.ContainingType)
            || Operations.Receiver(gate) is not { } on || on.Type is not { } onType || Symbols.IKernelBuilder is not { } kernelBuilder
            || !KnownSymbols.IsOrDerivesFrom(onType, kernelBuilder))
        {
            return false;
        }

        var receiver = Operations.Unwrap(on);
        for (var link = receiver as IInvocationOperation; link is not null; link = Operations.Receiver(link) is { } next ? Operations.Unwrap(next) as IInvocationOperation : null)
        {
            if (RegistersChatService(link))
            {
                return true;
            }
        }

        if (receiver is not ILocalReferenceOperation { Local: var builder })
        {
            return false;
        }

        foreach (var descendant in Operations.Root(gate).Descendants())
        {
            if (descendant is IInvocationOperation call && call.Syntax.SpanStart < gate.Syntax.SpanStart && Operations.Receiver(call) is { } target
                && Operations.Unwrap(target) is var unwrapped
                && (IsLocal(unwrapped, builder) || (unwrapped is IPropertyReferenceOperation { Instance: { } owner } && IsLocal(Operations.Unwrap(owner), builder)))
                && RegistersChatService(call))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A registration of a chat service or chat client: a connector's <c>AddXxxChatCompletion</c>/<c>AddXxxChatClient</c>
    /// on a kernel builder, or a service registration of <c>IChatCompletionService</c>/<c>IChatClient</c>.</summary>
    private bool RegistersChatService(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        var name = method.Name;
        if (name.StartsWith("Add", StringComparison.Ordinal) && (name.EndsWith("ChatCompletion", StringComparison.Ordinal) || name.EndsWith("ChatClient", StringComparison.Ordinal))
            && Symbols.IKernelBuilder is { } kernelBuilder && (method.ReducedFrom ?? method).Parameters is { Length: > 0 } parameters && KnownSymbols.IsOrDerivesFrom(parameters[0].Type, kernelBuilder))
        {
            return true;
        }

        return _context.Classifier.Classify(method) == InvocationKind.ServiceRegistration
            && (method.TypeArguments.Any(IsChatServiceType) || call.Arguments.Any(a => Operations.Unwrap(a.Value).Type is { } type && IsChatServiceType(type)));
    }

    private bool IsChatServiceType(ITypeSymbol type)
        => (Symbols.IChatCompletionService is { } service && KnownSymbols.IsOrDerivesFrom(type, service))
            || (Symbols.IChatClient is { } client && KnownSymbols.IsOrDerivesFrom(type, client));

    private bool IsKernelLevel(IInvocationOperation invocation)
    {
        var returned = invocation.TargetMethod.ReturnType;
        return KnownSymbols.IsOrDerivesFrom(returned, Symbols.Kernel) || KnownSymbols.IsOrDerivesFrom(returned, Symbols.IKernelBuilder);
    }

    /// <summary>
    /// A kernel whose chat service gets a request without the kernel's prompt rendering (<c>kernel.GetRequiredService&lt;IChatCompletionService&gt;()</c>,
    /// the kernel of a Semantic Kernel agent): asked of the tracer for direct requests when this one is the model calls' tracer.
    /// </summary>
    private Origin TraceKernelService(IOperation kernel, int depth, ImmutableHashSet<ISymbol> visiting)
    {
        if (!_forModelCalls || !_throughKernel)
        {
            return Trace(kernel, depth + 1, visiting);
        }

        var origin = _context.DirectModelCallOrigins.TraceFrom(kernel, depth + 1, visiting);
        return origin.State == GateState.Ungated
            ? Origin.Ungated($"{origin.Reason}; a request sent straight to a kernel's chat service passes none of the kernel's filters (UsePolicyGate() and prompt-render filters see only prompt functions)", origin.FixSite, origin.Fix)
            : origin;
    }

    /// <summary>A kernel whose chat service a library sends a request to itself (a planner): gated as <see cref="TraceKernelService"/> says.</summary>
    public Origin TraceKernelChatService(IOperation kernel)
        => TraceKernelService(kernel, 0, ImmutableHashSet<ISymbol>.Empty.WithComparer(SymbolEqualityComparer.Default));

    /// <summary>A trace continued from another tracer's path (same depth budget and cycle set).</summary>
    private Origin TraceFrom(IOperation operation, int depth, ImmutableHashSet<ISymbol> visiting) => Trace(operation, depth, visiting, s_noBindings);

    private GateModel Gates => _context.Gates;

    /// <summary>Where a value comes from, and whether every way it is built passes a gate.</summary>
    public Origin Trace(IOperation operation) => Trace(operation, 0, ImmutableHashSet<ISymbol>.Empty.WithComparer(SymbolEqualityComparer.Default), s_noBindings);

    private Origin Trace(IOperation operation, int depth, ImmutableHashSet<ISymbol> visiting) => Trace(operation, depth, visiting, s_noBindings);

    /// <summary>A value where it is made, and the local it initializes (<c>var kernel = builder.Build(); kernel.UsePolicyGate();</c>).</summary>
    public Origin TraceWithTarget(IOperation value)
    {
        var origin = Trace(value);
        if (origin.State != GateState.Gated && value.Parent is IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }
            && IsGatedInPlace(Operations.Root(value), declarator.Symbol))
        {
            return Origin.Gated;
        }

        return origin;
    }

    // bindings: the arguments of the call being followed into a factory method, by parameter.
    private Origin Trace(IOperation operation, int depth, ImmutableHashSet<ISymbol> visiting, ImmutableDictionary<IParameterSymbol, IOperation> bindings)
    {
        if (bindings.Count > 0)
        {
            return TraceBound(operation, depth, visiting, bindings);
        }

        if (depth > MaxDepth)
        {
            return Origin.Unknown("it is built too far away to follow");
        }

        operation = Operations.Unwrap(operation);
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
                return TraceParameter(parameter.Parameter, parameter.Type, depth, visiting);
            case IFieldReferenceOperation field:
                return TraceMember(field.Field, depth, visiting);
            case IPropertyReferenceOperation property when property.Instance is null or IInstanceReferenceOperation:
                return TraceMember(property.Property, depth, visiting);
            case IPropertyReferenceOperation { Instance: { } owner } property when property.Property.DeclaringSyntaxReferences.Length == 0:
                // client.Messages, kernel.Services: a part of an SDK client comes from the client.
                return Trace(owner, depth + 1, visiting);
            case IPropertyReferenceOperation { Instance: not null } property:
                // agents.WeatherAgent, ((PaymentAgent)paymentAgent).Agent: a property of another object of this compilation holds
                // what its own type gives it (initializer, getter, assignments, a positional record's constructor argument),
                // whichever instance it is read from.
                return TraceMember(property.Property, depth, visiting);
            case IInvalidOperation invalid:
                return TraceInvalid(invalid, depth, visiting);
            case ILiteralOperation { ConstantValue: { HasValue: true, Value: null } }:
            case IDefaultValueOperation:
            case IThrowOperation:
                return Origin.Gated; // no client on this path
            default:
                return Origin.Unknown($"it comes from an expression whose origin is not followed ({operation.Kind})");
        }
    }

    /// <summary>
    /// A call that did not bind (the scanned code references a package the scan does not have, e.g. a
    /// connector's <c>AddXxxChatCompletion(...)</c>): none of our gates is unresolved, so the value is gated
    /// only if what it is called on is. The receiver is the child whose type is a client, or that failed too.
    /// </summary>
    private Origin TraceInvalid(IInvalidOperation invalid, int depth, ImmutableHashSet<ISymbol> visiting)
    {
        if (invalid.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var receiverSyntax, Name.Identifier.ValueText: var name } })
        {
            if (name is "UsePolicyGate" or "AddPolicyGate" or "WithPolicyGate" or "Use")
            {
                // Our gate, or middleware that may be one, in a chain that does not bind here: not judged.
                return Origin.Unknown($"it passes {name}(...) in code that does not compile here");
            }

            // The receiver is a child, or under the unbound member access when its type is an error type. C# has no operation for
            // parentheses: `(new AGUIChatClient(http, url)).AsAIAgent()` has the creation itself as its child.
            while (receiverSyntax is ParenthesizedExpressionSyntax parenthesized)
            {
                receiverSyntax = parenthesized.Expression;
            }

            var receivers = invalid.ChildOperations.SelectMany(c => c.Syntax == receiverSyntax ? new[] { c } : c.ChildOperations.Where(g => g.Syntax == receiverSyntax)).ToList();
            if (name is "GetRequiredService" or "GetService" or "GetRequiredKeyedService" or "GetKeyedService"
                && !receivers.Any(r => Symbols.IsClientLike(r.Type)) && ContainerLookup(invalid) is { } lookup)
            {
                return lookup;
            }

            foreach (var child in receivers)
            {
                var origin = Trace(child, depth + 1, visiting);
                return origin.State == GateState.Ungated ? Origin.Ungated(origin.Reason) : origin;
            }
        }

        // new AzureOpenAIClient(...), or target-typed `OpenAIResponseAgent agent = new(...)`, of a type the scan does not
        // have (or whose constructor does not bind here): a client made here, and no gate of ours, unless it wraps one.
        if (invalid.Syntax is BaseObjectCreationExpressionSyntax creation)
        {
            if (invalid.Type is { TypeKind: not TypeKind.Error } type && (Gates.IsGateType(type) || Gates.IsGatingClientType(type)))
            {
                return Origin.Gated;
            }

            // A Semantic Kernel agent whose constructor does not bind (an argument's type is missing, `new(definition, this.Client)`):
            // gated as the kernel it is given, as when it binds.
            if (invalid.Type is INamedTypeSymbol { TypeKind: not TypeKind.Error } agentType && KnownSymbols.IsOrDerivesFrom(agentType, Symbols.SkAgent)
                && agentType.DeclaringSyntaxReferences.IsEmpty)
            {
                return SkAgentKernel(creation, invalid.SemanticModel) is { } kernel
                    ? TraceKernelService(kernel, depth, visiting)
                    : !KnownSymbols.IsOrDerivesFrom(agentType, Symbols.SkChatHistoryAgent) && Symbols.SkChatHistoryAgent is not null
                        ? Origin.Ungated($"it is created with 'new {agentType.Name}(...)' and no kernel with a gating filter")
                        : Origin.Unknown($"the kernel of this {agentType.Name} is not set where it is created");
            }

            foreach (var child in invalid.ChildOperations)
            {
                if (Symbols.IsClientLike(child.Type))
                {
                    return Trace(child, depth + 1, visiting); // a wrapper of the client it is given
                }
            }

            var created = creation is ObjectCreationExpressionSyntax { Type: var named } ? named.ToString() : invalid.Type?.Name;
            return Origin.Ungated($"it is created with 'new {created}(...)' without UsePolicyGate()");
        }

        if (invalid.Syntax is MemberAccessExpressionSyntax { Expression: var ownerSyntax })
        {
            // projectClient.OpenAI of a package the scan does not have: a part of a client comes from the client, as client.Messages
            // does when it binds.
            while (ownerSyntax is ParenthesizedExpressionSyntax parenthesized)
            {
                ownerSyntax = parenthesized.Expression;
            }

            foreach (var owner in invalid.ChildOperations.Where(c => c.Syntax == ownerSyntax))
            {
                var origin = Trace(owner, depth + 1, visiting);
                return origin.State == GateState.Ungated ? Origin.Ungated(origin.Reason) : origin;
            }
        }

        return Origin.Unknown("it comes from code that does not compile here (a package the scan does not have)");
    }

    /// <summary>
    /// <c>sp.GetRequiredService&lt;IChatClient&gt;()</c> on a provider whose type does not bind here (the <c>sp</c> of an unbound
    /// <c>builder.AddAIAgent(name, (sp, key) =&gt; ...)</c>): still the container's service of the type it names, gated as its
    /// registrations are. Null when the type argument does not resolve either.
    /// </summary>
    private Origin? ContainerLookup(IInvalidOperation invalid)
    {
        var call = (InvocationExpressionSyntax)invalid.Syntax;
        if (call.Expression is not MemberAccessExpressionSyntax { Name: GenericNameSyntax { TypeArgumentList.Arguments: { Count: 1 } typeArguments } name }
            || invalid.SemanticModel is not { } model || model.GetTypeInfo(typeArguments[0]).Type is not { TypeKind: not TypeKind.Error } type)
        {
            return null;
        }

        var key = name.Identifier.ValueText.Contains("Keyed") && call.ArgumentList.Arguments.Count > 0
            && model.GetConstantValue(call.ArgumentList.Arguments[call.ArgumentList.Arguments.Count - 1].Expression) is { HasValue: true, Value: string serviceKey } ? serviceKey : null;
        return _context.Pipelines.FromContainer(type, key, _filterKinds);
    }

    /// <summary>Inside a followed factory method: its parameters are the caller's arguments.</summary>
    private Origin TraceBound(IOperation operation, int depth, ImmutableHashSet<ISymbol> visiting, ImmutableDictionary<IParameterSymbol, IOperation> bindings)
    {
        var unwrapped = Operations.Unwrap(operation);
        if (unwrapped is IParameterReferenceOperation parameter && bindings.TryGetValue(parameter.Parameter.OriginalDefinition, out var argument))
        {
            return Trace(argument, depth + 1, visiting);
        }

        if (unwrapped is IInvocationOperation invocation && !IsGate(invocation) && Operations.Receiver(invocation) is { } receiver && Symbols.IsClientLike(receiver.Type))
        {
            var origin = TraceBound(receiver, depth + 1, visiting, bindings);
            return origin.State == GateState.Ungated ? Origin.Ungated(origin.Reason) : origin;
        }

        if (unwrapped is IObjectCreationOperation creation && !(creation.Type is { } type && (Gates.IsGateType(type) || Gates.IsGatingClientType(type))))
        {
            foreach (var arg in creation.Arguments)
            {
                if (arg.Parameter?.Type is { } parameterType && KnownSymbols.IsOrDerivesFrom(parameterType, Symbols.IChatClient))
                {
                    return TraceBound(arg.Value, depth + 1, visiting, bindings);
                }
            }
        }

        if (unwrapped is ILocalReferenceOperation local && depth <= MaxDepth && Symbols.IsClientLike(local.Type) && !visiting.Contains(local.Local))
        {
            // var chatClient = client.AsBuilder().Use(...).Build(); return chatClient.CreateAIAgent(...): the factory's local is made
            // from the parameter this call binds, so the call's argument decides, as it does when the parameter is returned directly.
            return TraceBoundLocal(local, depth, visiting.Add(local.Local), bindings);
        }

        return Trace(operation, depth, visiting, s_noBindings);
    }

    /// <summary>A local of a factory method followed into with bindings: each value assigned to it, traced with the call's arguments.</summary>
    private Origin TraceBoundLocal(ILocalReferenceOperation reference, int depth, ImmutableHashSet<ISymbol> visiting, ImmutableDictionary<IParameterSymbol, IOperation> bindings)
    {
        var root = Operations.Root(reference);
        Origin? result = null;
        foreach (var value in PromptFunctions.Assignments(root, reference.Local))
        {
            var origin = TraceBound(value, depth + 1, visiting, bindings);
            result = result is { } previous ? Origin.Combine(previous, origin) : origin;
        }

        var combined = result ?? Origin.Unknown($"'{reference.Local.Name}' is never assigned here");
        return combined.State != GateState.Gated && IsGatedInPlace(root, reference.Local) ? Origin.Gated : combined;
    }

    private Origin TraceInvocation(IInvocationOperation invocation, int depth, ImmutableHashSet<ISymbol> visiting)
    {
        var method = invocation.TargetMethod;
        if (IsGate(invocation))
        {
            return Origin.Gated;
        }

        var receiver = Operations.Receiver(invocation);
        var kind = _context.Classifier.Classify(method);
        if (kind == InvocationKind.KernelRegistration)
        {
            return _context.Pipelines.DiKernelOf(_filterKinds); // services.AddKernel(): the container's kernel
        }

        if (kind == InvocationKind.ServiceLookup)
        {
            if (receiver is not null && Symbols.IsClientLike(receiver.Type))
            {
                // kernel.GetRequiredService<IChatCompletionService>(): the kernel's service, called without the kernel's filters.
                return KnownSymbols.IsOrDerivesFrom(receiver.Type!, Symbols.Kernel) ? TraceKernelService(receiver, depth, visiting) : Trace(receiver, depth + 1, visiting);
            }

            var key = kind == InvocationKind.ServiceLookup && method.Name.Contains("Keyed") && invocation.Arguments.Length > 1
                && Operations.Unwrap(invocation.Arguments[invocation.Arguments.Length - 1].Value).ConstantValue is { HasValue: true, Value: string serviceKey } ? serviceKey : null;
            if (receiver is not null && Operations.Unwrap(receiver) is IPropertyReferenceOperation { Property.Name: "Services", Instance: { Type: { } ownerType } owner }
                && KnownSymbols.IsOrDerivesFrom(ownerType, Symbols.Kernel))
            {
                // kernel.Services.GetRequiredService<IChatCompletionService>(): the kernel's own services. When where the kernel is made
                // cannot be seen (context.Kernel in a filter), they are taken to be the container's, which a kernel from AddKernel() uses.
                var ofKernel = TraceKernelService(owner, depth, visiting);
                if (ofKernel.State != GateState.Unknown)
                {
                    return ofKernel;
                }
            }

            return _context.Pipelines.FromContainer(invocation.Type, key, _filterKinds);
        }

        if (IsWorkflowType(method.ContainingType) && method.DeclaringSyntaxReferences.IsEmpty)
        {
            // AgentWorkflowBuilder.BuildSequential(a, b), builder.AddEdge(a, b).Build(): the workflow's models are its agents'.
            return TraceWorkflowAgents(invocation.Arguments, invocation.Instance, depth, visiting);
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

        if (method.DeclaringSyntaxReferences.Length > 0 && !visiting.Contains(method) && depth < MaxFactoryDepth)
        {
            var bindings = s_noBindings;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not { } parameter)
                {
                    continue;
                }

                if (Symbols.IsClientLike(parameter.Type))
                {
                    bindings = bindings.SetItem(parameter.OriginalDefinition, argument.Value);
                }
                else if (PassesGatingFilters(argument.Value) && Symbols.IsClientLike(method.ReturnType))
                {
                    // CreateKernelAsync(provider, model, functionInvocationFilters: [logging, approval])
                    return Origin.Gated;
                }
            }

            return TraceImplementations(method, depth, visiting.Add(method), bindings);
        }

        var fix = KnownSymbols.IsOrDerivesFrom(invocation.Type ?? method.ReturnType, Symbols.IChatClient) ? FixKind.WrapChatClient : FixKind.None;
        return Origin.Ungated($"it is created by {method.ContainingType?.Name}.{method.Name}(...) without UsePolicyGate()", invocation.Syntax, fix);
    }

    /// <summary>An argument that is a gating Semantic Kernel filter, or a collection holding one.</summary>
    private bool PassesGatingFilters(IOperation argument)
    {
        var value = Operations.Unwrap(argument);
        if (Gates.IsGatingFilter(value.Type, _filterKinds))
        {
            return true;
        }

        return Operations.Elements(value).Any(e => Gates.IsGatingFilter(Operations.Unwrap(e).Type, _filterKinds));
    }

    private Origin TraceCreation(IObjectCreationOperation creation, int depth, ImmutableHashSet<ISymbol> visiting)
    {
        var type = creation.Type;
        if (type is null)
        {
            return Origin.Unknown("its type is unknown");
        }

        if (Gates.IsGateType(type) || Gates.IsGatingClientType(type))
        {
            return Origin.Gated;
        }

        if (IsWorkflowType(type) && type.DeclaringSyntaxReferences.IsEmpty)
        {
            return TraceWorkflowAgents(creation.Arguments, null, depth, visiting); // new WorkflowBuilder(triageAgent)
        }

        if (_context.Pipelines.IsContainerKernel(creation))
        {
            return _context.Pipelines.DiKernelOf(_filterKinds); // new Kernel(serviceProvider): the container's services and filters
        }

        // A Semantic Kernel agent asks the chat service of the kernel it is given: for its tools it is gated as that kernel is,
        // for its requests as that kernel's service is (ChatCompletionAgent calls GetChatMessageContentsAsync itself; no
        // kernel filter sees the request). An agent with its own client (OpenAIAssistantAgent, AzureAIAgent, BedrockAgent)
        // and no kernel gets a bare kernel: no filter.
        if (Symbols.SkAgent is { } skAgent && KnownSymbols.IsOrDerivesFrom(type, skAgent) && type.DeclaringSyntaxReferences.IsEmpty)
        {
            return AgentKernel(creation) is { } kernel
                ? TraceKernelService(kernel, depth, visiting)
                : Symbols.SkChatHistoryAgent is { } chatHistoryAgent && !KnownSymbols.IsOrDerivesFrom(type, chatHistoryAgent)
                    ? Origin.Ungated($"it is created with 'new {type.Name}(...)' and no kernel with a gating filter")
                    : Origin.Unknown($"the kernel of this {type.Name} is not set where it is created");
        }

        // A Semantic Kernel group chat (new AgentGroupChat(a, b)) or orchestration (new ConcurrentOrchestration(a, b)) is gated as all its agents are.
        if (type.DeclaringSyntaxReferences.IsEmpty
            && (KnownSymbols.IsOrDerivesFrom(type, Symbols.SkAgentChat) || KnownSymbols.IsOrDerivesFrom(type, Symbols.SkAgentOrchestration)))
        {
            return TraceWorkflowAgents(creation.Arguments, null, depth, visiting);
        }

        // Wrappers that take the client they decorate (ChatClientAgent, FunctionInvokingChatClient, user delegating clients).
        foreach (var argument in creation.Arguments)
        {
            if (argument.Value is { } value && argument.Parameter?.Type is { } parameterType && KnownSymbols.IsOrDerivesFrom(parameterType, Symbols.IChatClient))
            {
                return Trace(value, depth + 1, visiting);
            }
        }

        var fix = KnownSymbols.IsOrDerivesFrom(type, Symbols.IChatClient) ? FixKind.WrapChatClient : FixKind.None;
        return Origin.Ungated($"it is created with 'new {type.Name}(...)' without UsePolicyGate()", creation.Syntax, fix);
    }

    /// <summary>The kernel of an SK agent creation that does not bind: <c>{ Kernel = kernel }</c> in its initializer.</summary>
    public static IOperation? SkAgentKernel(BaseObjectCreationExpressionSyntax creation, SemanticModel? model)
    {
        var value = creation.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
            .FirstOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "Kernel" })?.Right;
        return value is null ? null : model?.GetOperation(value);
    }

    /// <summary>The kernel an SK agent is created with: <c>new ChatCompletionAgent { Kernel = kernel }</c> or a kernel argument.</summary>
    private IOperation? AgentKernel(IObjectCreationOperation creation)
    {
        if (creation.Initializer is { } initializer)
        {
            foreach (var member in initializer.Initializers)
            {
                if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Kernel" } } assignment)
                {
                    return assignment.Value;
                }
            }
        }

        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter?.Type is { } parameterType && KnownSymbols.IsOrDerivesFrom(parameterType, Symbols.Kernel))
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>A type of the Agent Framework's workflows (<c>Workflow</c>, its builders, <c>AgentWorkflowBuilder</c>, their extensions).</summary>
    private bool IsWorkflowType(ITypeSymbol? type)
        => type is not null && Symbols.Workflow is { } workflow && SymbolEqualityComparer.Default.Equals(type.ContainingNamespace, workflow.ContainingNamespace);

    /// <summary>
    /// The agents a workflow is built from, each traced; all must be gated. Agents are the arguments (and the elements of
    /// collection arguments) of an agent type; a workflow or builder argument is followed; executors, names and options
    /// are not models. A workflow built from no agent has no model on its path.
    /// </summary>
    private Origin TraceWorkflowAgents(ImmutableArray<IArgumentOperation> arguments, IOperation? instance, int depth, ImmutableHashSet<ISymbol> visiting)
    {
        Origin? result = instance is null ? null : Trace(instance, depth + 1, visiting);
        foreach (var argument in arguments)
        {
            var value = Operations.Unwrap(argument.Value);
            var elements = Operations.Elements(value).Select(Operations.Unwrap).ToList();
            if (elements.Count == 0 && argument.ArgumentKind != ArgumentKind.Explicit && value.IsImplicit)
            {
                elements = value.ChildOperations.Select(Operations.Unwrap).ToList(); // BuildSequential(a, b) into params IEnumerable<AIAgent>
            }

            if (elements.Count == 0 && Projected(value) is { Count: > 0 } projected)
            {
                elements = projected; // BuildSequential(from lang in languages select TranslationAgent(lang, chatClient))
            }

            foreach (var part in elements.Count > 0 ? elements : new List<IOperation> { value })
            {
                Origin? origin = part.Type switch
                {
                    { } type when KnownSymbols.IsOrDerivesFrom(type, Symbols.AIAgent) || IsWorkflowType(type) || KnownSymbols.IsOrDerivesFrom(type, Symbols.SkAgent) => Trace(part, depth + 1, visiting),
                    INamedTypeSymbol { TypeArguments.Length: 1 } named when elements.Count == 0 && KnownSymbols.IsOrDerivesFrom(named.TypeArguments[0], Symbols.AIAgent)
                        => Origin.Unknown("the workflow's agents come from a collection this analysis does not follow"),
                    IArrayTypeSymbol { ElementType: var item } when elements.Count == 0 && KnownSymbols.IsOrDerivesFrom(item, Symbols.AIAgent)
                        => Origin.Unknown("the workflow's agents come from a collection this analysis does not follow"),
                    _ => null,
                };
                if (origin is { } found)
                {
                    result = result is { } previous ? Origin.Combine(previous, found) : found;
                }
            }
        }

        return result ?? Origin.Gated;
    }

    /// <summary>
    /// The values a LINQ projection yields: what its selector returns (<c>agents.Select(x => Make(x))</c>, a query's <c>select</c>
    /// clause), through <c>ToList()</c>/<c>ToArray()</c>/<c>AsEnumerable()</c>/<c>Cast&lt;T&gt;()</c>; empty for anything else.
    /// </summary>
    private static List<IOperation> Projected(IOperation value)
    {
        var current = Operations.Unwrap(value);
        while (true)
        {
            if (current is ILocalReferenceOperation local && Operations.InitialValue(local) is { } initial && !initial.Descendants().Contains(current))
            {
                current = Operations.Unwrap(initial); // var agents = languages.Select(...); BuildSequential(agents)
                continue;
            }

            if (current is ITranslatedQueryOperation query)
            {
                current = Operations.Unwrap(query.Operation);
                continue;
            }

            if (current is not IInvocationOperation { TargetMethod: { ContainingType: { Name: "Enumerable", ContainingNamespace.Name: "Linq" } } method } call)
            {
                return new List<IOperation>();
            }

            if (method.Name is "ToList" or "ToArray" or "AsEnumerable" or "Cast" or "OfType" && Operations.Receiver(call) is { } source)
            {
                current = Operations.Unwrap(source);
                continue;
            }

            if (method.Name != "Select" || call.Arguments.Length != 2
                || Operations.Unwrap(call.Arguments[1].Value) is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation selector })
            {
                return new List<IOperation>();
            }

            return selector.Body.Descendants().OfType<IReturnOperation>()
                .Where(r => r.ReturnedValue is not null && EnclosingLambda(r) == selector)
                .Select(r => Operations.Unwrap(r.ReturnedValue!)).ToList();
        }
    }

    private static IOperation? EnclosingLambda(IOperation operation)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return current;
            }
        }

        return null;
    }

    private Origin TraceLocal(ILocalReferenceOperation reference, int depth, ImmutableHashSet<ISymbol> visiting)
    {
        var local = reference.Local;
        if (visiting.Contains(local))
        {
            return Origin.Gated; // a cycle adds no new path
        }

        visiting = visiting.Add(local);
        var root = Operations.Root(reference);
        Origin? result = null;
        foreach (var value in PromptFunctions.Assignments(root, local))
        {
            var origin = Trace(value, depth + 1, visiting);
            result = result is { } previous ? Origin.Combine(previous, origin) : origin;
        }

        if (IsWorkflowType(local.Type))
        {
            // var builder = new WorkflowBuilder(a); builder.AddEdge(a, b); ...: the agents added after it was made.
            foreach (var descendant in root.Descendants())
            {
                if (descendant is IInvocationOperation call && Operations.Receiver(call) is { } on && IsLocal(Operations.Unwrap(on), local)
                    && IsWorkflowType(call.TargetMethod.ContainingType) && call.TargetMethod.DeclaringSyntaxReferences.IsEmpty)
                {
                    var added = TraceWorkflowAgents(call.Arguments, null, depth, visiting);
                    result = result is { } previous ? Origin.Combine(previous, added) : added;
                }
            }
        }

        var combined = result ?? Origin.Unknown($"'{local.Name}' is never assigned here");
        if (combined.State != GateState.Gated && IsGatedInPlace(root, local))
        {
            return Origin.Gated;
        }

        return combined;
    }

    /// <summary>
    /// A kernel or builder gated after it was made: <c>kernel.UsePolicyGate()</c>, a gating filter added to
    /// its filter collections, or registered in its builder's services
    /// (<c>builder.Services.AddSingleton&lt;IFunctionInvocationFilter, ApprovalFilter&gt;()</c>).
    /// </summary>
    private bool IsGatedInPlace(IOperation root, ILocalSymbol local)
        => _gatedInPlace.GetOrAdd(local, l => ComputeGatedInPlace(root, l)); // a local belongs to one body: asked once per local, not per call on it

    private bool ComputeGatedInPlace(IOperation root, ILocalSymbol local)
    {
        // Only calls on the local or on a property of it can gate it: those of the body's one walk (LocalValues), in the order
        // a walk of the body meets them, shared by the three tracers, instead of a walk of the whole body per local and tracer.
        foreach (var invocation in LocalValues.CalledOn(root, local))
        {
            if (Operations.Receiver(invocation) is not { } receiver)
            {
                continue;
            }

            receiver = Operations.Unwrap(receiver);
            if (IsLocal(receiver, local) && IsGate(invocation))
            {
                return true;
            }

            var kind = _context.Classifier.Classify(invocation.TargetMethod);
            if (receiver is IPropertyReferenceOperation { Instance: { } owner } && IsLocal(Operations.Unwrap(owner), local))
            {
                if (kind == InvocationKind.FilterAdd && Gates.AddsGatingFilter(invocation, _filterKinds))
                {
                    return true;
                }

                if (kind == InvocationKind.ServiceRegistration && _context.Pipelines.RegistersGatingFilter(invocation, _filterKinds))
                {
                    return true;
                }

                if (kind == InvocationKind.ServiceRegistration && !_throughKernel && RegistersGatedChatService(invocation))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// For requests sent straight to a kernel's chat service: whether the builder registers that service as one built from a
    /// gated client (<c>builder.Services.AddSingleton&lt;IChatCompletionService&gt;(_ =&gt; client.AsBuilder().UsePolicyGate()...AsChatCompletionService())</c>),
    /// the way to gate what no kernel filter sees.
    /// </summary>
    private bool RegistersGatedChatService(IInvocationOperation registration)
    {
        if (Symbols.IChatCompletionService is not { } chatService
            || !registration.TargetMethod.TypeArguments.Any(t => SymbolEqualityComparer.Default.Equals(t, chatService)))
        {
            return false;
        }

        Origin? result = null;
        foreach (var argument in registration.Arguments)
        {
            var value = Operations.Unwrap(argument.Value);
            var registered = value is IDelegateCreationOperation { Target: IAnonymousFunctionOperation factory }
                ? factory.Body.Descendants().OfType<IReturnOperation>().Where(r => r.ReturnedValue is not null).Select(r => r.ReturnedValue!)
                : value.Type is { } type && KnownSymbols.IsOrDerivesFrom(type, chatService) ? [value] : Enumerable.Empty<IOperation>();
            foreach (var returned in registered)
            {
                var origin = Trace(returned);
                result = result is { } previous ? Origin.Combine(previous, origin) : origin;
            }
        }

        return result is { State: GateState.Gated };
    }

    /// <summary>The key of <c>[FromKeyedServices("safe")]</c> on an injected parameter, or null.</summary>
    private string? ServiceKey(IParameterSymbol parameter)
    {
        foreach (var attribute in parameter.GetAttributes())
        {
            if (attribute.AttributeClass is { } cls && SymbolEqualityComparer.Default.Equals(cls, Symbols.FromKeyedServicesAttribute)
                && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string key)
            {
                return key;
            }
        }

        return null;
    }

    private static bool IsLocal(IOperation operation, ILocalSymbol local)
        => operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local);

    /// <summary>
    /// A parameter: injected by the container (a constructor's, an MCP tool's, a lambda handed to the
    /// framework such as a minimal-API handler), or given by the callers of a source method (every caller
    /// must pass a gated value).
    /// </summary>
    private Origin TraceParameter(IParameterSymbol parameter, ITypeSymbol? type, int depth, ImmutableHashSet<ISymbol> visiting)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method)
        {
            return Origin.Unknown($"'{parameter.Name}' is a parameter, so its origin is at the callers");
        }

        if (method.MethodKind == MethodKind.Constructor && TraceConstructorArguments(method, parameter, depth, visiting) is { } created)
        {
            // new TicketSummarizer(chatClient): the type is made by hand in this compilation, with these clients.
            return created;
        }

        if (method.MethodKind == MethodKind.Constructor || KnownSymbols.HasAttribute(method, Symbols.McpServerToolAttribute))
        {
            return _context.Pipelines.FromContainer(type, ServiceKey(parameter), _filterKinds);
        }

        if (method.MethodKind is MethodKind.AnonymousFunction)
        {
            return IsHandedToFramework(method) ? _context.Pipelines.FromContainer(type, ServiceKey(parameter), _filterKinds) : Origin.Unknown($"'{parameter.Name}' is a lambda's parameter");
        }

        if (method.MethodKind == MethodKind.Ordinary && !visiting.Contains(method) && depth < MaxFactoryDepth
            && KnownSymbols.IsOrDerivesFrom(parameter.Type, Symbols.Kernel) && KnownSymbols.HasAttribute(method, Symbols.KernelFunctionAttribute)
            && KernelInvoking(method, depth, visiting.Add(method)) is { } invoking)
        {
            // [KernelFunction] Task<string> Summarize(Kernel kernel, ...): Semantic Kernel passes the kernel that invokes the function.
            return invoking;
        }

        if (method.DeclaringSyntaxReferences.Length == 0 || visiting.Contains(method) || depth >= MaxFactoryDepth || !(Symbols.IsClientLike(parameter.Type) || IsWorkflowType(parameter.Type)))
        {
            return Origin.Unknown($"'{parameter.Name}' is a parameter, so its origin is at the callers");
        }

        Origin? result = null;
        visiting = visiting.Add(method);
        foreach (var called in CalledAs(method))
        {
            // The parameter as the called method declares it: the same position in an interface or base method.
            var calledParameter = SymbolEqualityComparer.Default.Equals(called.OriginalDefinition, method.OriginalDefinition)
                ? parameter.OriginalDefinition
                : parameter.Ordinal < called.Parameters.Length ? called.OriginalDefinition.Parameters[parameter.Ordinal] : null;
            if (calledParameter is null)
            {
                continue;
            }

            foreach (var caller in _context.Pipelines.CallersOf(called))
            {
                var argument = caller.Arguments.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.Parameter?.OriginalDefinition, calledParameter));
                if (argument is null || argument.ArgumentKind != ArgumentKind.Explicit)
                {
                    continue;
                }

                var origin = Trace(argument.Value, depth + 1, visiting);
                result = result is { } previous ? Origin.Combine(previous, origin) : origin;
            }
        }

        return result is { } found ? Origin.Combine(found, found) : Origin.Unknown($"'{parameter.Name}' is a parameter and no caller is in this compilation");
    }

    /// <summary>
    /// The methods a call of <paramref name="method"/> can be spelled as: the method itself, the interface members it implements
    /// and the base methods it overrides, when those are declared in this compilation. A service's code is called through its
    /// interface (<c>_chatContext.Ask(_client, ...)</c> on an <c>IChatContext</c> the container gives), so the implementation's
    /// own callers are often none; the clients handed to the interface's method reach the implementation's parameter.
    /// </summary>
    private static IEnumerable<IMethodSymbol> CalledAs(IMethodSymbol method)
    {
        yield return method;
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.ExplicitInterfaceImplementation) || method.IsStatic || method.ContainingType is not { } type)
        {
            yield break;
        }

        for (var overridden = method.OverriddenMethod; overridden is not null; overridden = overridden.OverriddenMethod)
        {
            if (overridden.DeclaringSyntaxReferences.Length > 0)
            {
                yield return overridden;
            }
        }

        foreach (var implemented in method.ExplicitInterfaceImplementations)
        {
            if (implemented.DeclaringSyntaxReferences.Length > 0)
            {
                yield return implemented;
            }
        }

        if (method.DeclaredAccessibility != Accessibility.Public)
        {
            yield break;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            if (@interface.DeclaringSyntaxReferences.Length == 0)
            {
                continue; // an SDK's interface: its callers are not this compilation's code
            }

            foreach (var member in @interface.GetMembers(method.Name))
            {
                if (member is IMethodSymbol candidate && SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate), method))
                {
                    yield return candidate;
                }
            }
        }
    }

    /// <summary>
    /// The kernel a kernel function is invoked with, which Semantic Kernel hands to its <c>Kernel</c> parameter. For a plugin's
    /// function: the kernels the plugin type is registered on (<c>kernel.ImportPluginFromType&lt;T&gt;()</c>,
    /// <c>builder.Plugins.AddFromObject(new T())</c>). For a process step's function: the kernels the compilation's processes
    /// are started with (<c>process.StartAsync(kernel, new KernelProcessEvent { ... })</c>), and the container's kernel for a
    /// process started without one (a Dapr runtime resolves the kernel from the container) or when no start is in this
    /// compilation. Null when none of these is visible (the parameter's origin stays with the callers).
    /// </summary>
    private Origin? KernelInvoking(IMethodSymbol function, int depth, ImmutableHashSet<ISymbol> visiting)
    {
        Origin? result = null;
        if (function.ContainingType is not { } type)
        {
            return null;
        }

        if (IsProcessStep(type))
        {
            var withoutKernel = false;
            foreach (var kernel in _context.Pipelines.ProcessStarts)
            {
                if (kernel is null)
                {
                    withoutKernel = true;
                    continue;
                }

                var origin = Trace(kernel, depth + 1, visiting);
                result = result is { } previous ? Origin.Combine(previous, origin) : origin;
            }

            if (withoutKernel || result is null)
            {
                var container = _context.Pipelines.DiKernelOf(_filterKinds);
                if (container.State != GateState.Unknown || result is not null)
                {
                    result = result is { } previous ? Origin.Combine(previous, container) : container;
                }
            }

            return result;
        }

        foreach (var kernel in _context.Pipelines.KernelsInvokingPlugin(type))
        {
            var origin = kernel is null ? _context.Pipelines.DiKernelOf(_filterKinds) : Trace(kernel, depth + 1, visiting);
            result = result is { } previous ? Origin.Combine(previous, origin) : origin;
        }

        return result;
    }

    /// <summary>A Semantic Kernel process step (also when the process package is missing from a scan and only the base type's name is left).</summary>
    private bool IsProcessStep(INamedTypeSymbol type)
    {
        if (KnownSymbols.IsOrDerivesFrom(type, Symbols.KernelProcessStep))
        {
            return true;
        }

        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (current is IErrorTypeSymbol { Name: "KernelProcessStep" })
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The values given to a constructor's client parameter where the type is created with <c>new</c> in this
    /// compilation (name first: only creations spelled with the type's name are bound); null when there are none.
    /// </summary>
    private Origin? TraceConstructorArguments(IMethodSymbol constructor, IParameterSymbol parameter, int depth, ImmutableHashSet<ISymbol> visiting)
    {
        if (constructor.DeclaringSyntaxReferences.Length == 0 || visiting.Contains(constructor) || depth >= MaxFactoryDepth || !Symbols.IsClientLike(parameter.Type))
        {
            return null;
        }

        visiting = visiting.Add(constructor);
        Origin? result = null;
        foreach (var creation in CreationsOf(constructor))
        {
            var argument = creation.Arguments.FirstOrDefault(a => SymbolEqualityComparer.Default.Equals(a.Parameter?.OriginalDefinition, parameter.OriginalDefinition));
            if (argument is null || argument.ArgumentKind != ArgumentKind.Explicit)
            {
                continue;
            }

            var origin = Trace(argument.Value, depth + 1, visiting);
            result = result is { } previous ? Origin.Combine(previous, origin) : origin;
        }

        return result;
    }

    private IReadOnlyList<IObjectCreationOperation> CreationsOf(IMethodSymbol constructor)
        => _creations.GetOrAdd(constructor.OriginalDefinition, c =>
        {
            var creations = new List<IObjectCreationOperation>();
            foreach (var syntax in _context.Sources.Creations(c.ContainingType.Name))
            {
                if (_context.OperationOf(syntax) is IObjectCreationOperation creation
                    && SymbolEqualityComparer.Default.Equals(creation.Constructor?.OriginalDefinition, c))
                {
                    creations.Add(creation);
                }
            }

            return creations;
        });

    /// <summary>A lambda passed to a method defined outside the compilation (app.MapPost("/chat", (IChatClient chat, ...) => ...)): the framework fills its parameters.</summary>
    private static bool IsHandedToFramework(IMethodSymbol lambda)
    {
        foreach (var reference in lambda.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax().Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax } } argument)
            {
                return true;
            }
        }

        return false;
    }

    private Origin TraceMember(ISymbol member, int depth, ImmutableHashSet<ISymbol> visiting)
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
        foreach (var value in MemberValues(member))
        {
            var origin = Trace(value, depth + 1, visiting);
            result = result is { } previous ? Origin.Combine(previous, origin) : origin;
        }

        if (PositionalParameter(member) is { } parameter)
        {
            // record AgentCollection(AIAgent MovieAgent, ...): the property is the primary constructor's parameter, set at every `new`.
            var origin = TraceParameter(parameter, parameter.Type, depth + 1, visiting);
            result = result is { } previous ? Origin.Combine(previous, origin) : origin;
        }

        var combined = result ?? Origin.Unknown($"'{member.Name}' is never assigned in this compilation");
        _memberOrigins.TryAdd(member, combined);
        return combined;
    }

    /// <summary>The values a field or property is given in its own type: the initializer, an arrow body, every assignment.</summary>
    public ImmutableArray<IOperation> MemberValues(ISymbol member)
    {
        if (_forModelCalls)
        {
            return _context.Origins.MemberValues(member); // the values do not depend on the question: one cache for both tracers
        }

        if (member.DeclaringSyntaxReferences.Length == 0 || member.ContainingType is null)
        {
            return ImmutableArray<IOperation>.Empty;
        }

        return _memberValues.GetOrAdd(member, m =>
        {
            var values = ImmutableArray.CreateBuilder<IOperation>();
            foreach (var reference in m.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax();
                EqualsValueClauseSyntax? initializer = syntax switch
                {
                    VariableDeclaratorSyntax declarator => declarator.Initializer,
                    PropertyDeclarationSyntax property => property.Initializer,
                    _ => null,
                };
                if (initializer is not null && _context.OperationOf(initializer.Value) is { } value)
                {
                    values.Add(value);
                }

                if (syntax is PropertyDeclarationSyntax { ExpressionBody: { } arrow } && _context.OperationOf(arrow.Expression) is { } computed)
                {
                    values.Add(computed);
                }

                if (syntax is PropertyDeclarationSyntax { AccessorList: { } accessors })
                {
                    // get { _agent ??= Create(); return _agent; }: what the getter returns.
                    foreach (var returned in GetterResults(accessors))
                    {
                        if (_context.OperationOf(returned) is { } result)
                        {
                            values.Add(result);
                        }
                    }
                }
            }

            foreach (var typeReference in m.ContainingType.DeclaringSyntaxReferences)
            {
                // Name first: only assignments whose target is spelled like the member are bound.
                foreach (var assignment in AssignmentsIn(typeReference.GetSyntax(), m.Name))
                {
                    if (_context.OperationOf(assignment) is IAssignmentOperation operation
                        && Operations.Unwrap(operation.Target) is IMemberReferenceOperation target
                        && SymbolEqualityComparer.Default.Equals(target.Member, m))
                    {
                        values.Add(operation.Value);
                    }
                }
            }

            return values.ToImmutable();
        });
    }

    /// <summary>The expressions a property's getter returns: its arrow body, or the <c>return</c>s of its block (not those of lambdas or local functions in it).</summary>
    private static IEnumerable<ExpressionSyntax> GetterResults(AccessorListSyntax accessors)
    {
        foreach (var accessor in accessors.Accessors)
        {
            if (!accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
            {
                continue;
            }

            if (accessor.ExpressionBody is { } arrow)
            {
                yield return arrow.Expression;
            }

            if (accessor.Body is { } body)
            {
                foreach (var statement in body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<ReturnStatementSyntax>())
                {
                    if (statement.Expression is { } expression)
                    {
                        yield return expression;
                    }
                }
            }
        }
    }

    /// <summary>The primary constructor parameter a positional record's property is declared by, or null.</summary>
    private IParameterSymbol? PositionalParameter(ISymbol member)
        => member is IPropertySymbol { DeclaringSyntaxReferences.Length: 1 } property
            && property.DeclaringSyntaxReferences[0].GetSyntax() is ParameterSyntax parameterSyntax
            && _context.ModelFor(parameterSyntax.SyntaxTree).GetDeclaredSymbol(parameterSyntax) is IParameterSymbol parameter
                ? parameter
                : null;

    private readonly ConcurrentDictionary<SyntaxNode, Lazy<Dictionary<string, List<AssignmentExpressionSyntax>>>> _assignmentsByName = new();

    /// <summary>
    /// The assignments in a type's syntax whose target is spelled <c>name</c> or <c>this.name</c>, in syntax order. The type's
    /// nodes are walked once and indexed by target name: a type whose several fields are traced is not walked per field.
    /// </summary>
    private IReadOnlyList<AssignmentExpressionSyntax> AssignmentsIn(SyntaxNode typeSyntax, string name)
    {
        var index = _assignmentsByName.GetOrAdd(typeSyntax, t => new Lazy<Dictionary<string, List<AssignmentExpressionSyntax>>>(() =>
        {
            var byName = new Dictionary<string, List<AssignmentExpressionSyntax>>(StringComparer.Ordinal);
            foreach (var node in t.DescendantNodes())
            {
                if (node is not AssignmentExpressionSyntax assignment)
                {
                    continue;
                }

                var target = assignment.Left switch
                {
                    IdentifierNameSyntax id => id.Identifier.ValueText,
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var n } => n.Identifier.ValueText,
                    _ => null,
                };
                if (target is null)
                {
                    continue;
                }

                if (!byName.TryGetValue(target, out var list))
                {
                    byName[target] = list = new List<AssignmentExpressionSyntax>();
                }

                list.Add(assignment);
            }

            return byName;
        }, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        return index.TryGetValue(name, out var found) ? found : (IReadOnlyList<AssignmentExpressionSyntax>)Array.Empty<AssignmentExpressionSyntax>();
    }

    /// <summary>
    /// What a factory of this compilation returns, wherever the call can land: its own body, or, for an interface, abstract or
    /// virtual member (<c>await agentFactory.CreateTitleAgent()</c> on an injected <c>IAgentFactory</c>), the returns of every
    /// implementation and override declared here (<see cref="Calls.CallGraph.TargetsOf"/>), each with the caller's arguments
    /// bound to its own parameters. All must be gated.
    /// </summary>
    private Origin TraceImplementations(IMethodSymbol method, int depth, ImmutableHashSet<ISymbol> visiting, ImmutableDictionary<IParameterSymbol, IOperation> bindings)
    {
        var definition = (method.ReducedFrom ?? method).OriginalDefinition;
        if (!definition.IsAbstract && !definition.IsVirtual && !definition.IsOverride && definition.ContainingType?.TypeKind != TypeKind.Interface)
        {
            return TraceReturns(method, depth, visiting, bindings);
        }

        Origin? result = null;
        foreach (var target in _context.CallGraph.TargetsOf(definition))
        {
            var same = SymbolEqualityComparer.Default.Equals(target, definition);
            if (!same && visiting.Contains(target))
            {
                continue;
            }

            var rebound = same ? bindings : s_noBindings;
            if (!same)
            {
                foreach (var pair in bindings)
                {
                    if (pair.Key.Ordinal < target.Parameters.Length)
                    {
                        rebound = rebound.SetItem(target.Parameters[pair.Key.Ordinal].OriginalDefinition, pair.Value);
                    }
                }
            }

            var origin = TraceReturns(target, depth, same ? visiting : visiting.Add(target), rebound);
            result = result is { } previous ? Origin.Combine(previous, origin) : origin;
        }

        return result ?? Origin.Unknown($"{method.Name}() has no implementation in this compilation that this analysis can follow");
    }

    private Origin TraceReturns(IMethodSymbol method, int depth, ImmutableHashSet<ISymbol> visiting, ImmutableDictionary<IParameterSymbol, IOperation> bindings)
    {
        Origin? result = null;
        foreach (var value in _context.CallGraph.ReturnedValuesOf(method))
        {
            var origin = Trace(value, depth + 1, visiting, bindings);
            result = result is { } previous ? Origin.Combine(previous, origin) : origin;
        }

        return result ?? Origin.Unknown($"{method.Name}() returns nothing this analysis can follow");
    }

    /// <summary>A fluent chain (<c>a.B().C().D()</c>) around this invocation contains a gate.</summary>
    public bool ChainHasGate(IInvocationOperation invocation)
    {
        foreach (var link in FluentChain(invocation))
        {
            if (IsGate(link))
            {
                return true;
            }
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

            if (parent is IInvocationOperation outer && Operations.Receiver(outer) is { } receiver && Operations.Unwrap(receiver) == top)
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
            current = Operations.Receiver(link) is { } next ? Operations.Unwrap(next) : null;
        }
    }
}
