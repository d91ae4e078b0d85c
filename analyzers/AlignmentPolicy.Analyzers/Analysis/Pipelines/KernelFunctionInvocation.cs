using System.Collections.Generic;
using System.Linq;
using AlignmentPolicy.Analyzers.Analysis.Invocations;
using AlignmentPolicy.Analyzers.Analysis.Origins;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis.Pipelines;

/// <summary>
/// Semantic Kernel's function-invoking chat client (<c>chatClient.AsBuilder().UseKernelFunctionInvocation()</c>)
/// invokes the functions of the kernel each request carries, and runs that kernel's function and
/// auto-function filters around them. So it is gated when the kernels its requests run through are, and the
/// evidence is that pipeline's own: the service collection the client is registered in (a kernel builder's
/// <c>builder.Services</c>, a local <c>ServiceCollection</c>, an application's container) and the kernel built
/// or registered from it, or the kernels handed to the client's calls. A gated kernel elsewhere in the
/// compilation is no evidence.
/// </summary>
internal static class KernelFunctionInvocation
{
    /// <summary>True when every kernel whose functions this pipeline can invoke is gated.</summary>
    public static bool IsGated(IInvocationOperation useKernelFunctionInvocation, AgentContext agent)
    {
        var tracer = agent.Origins;
        if (tracer.ChainHasGate(useKernelFunctionInvocation))
        {
            return true; // model.AsBuilder().UsePolicyGate().UseKernelFunctionInvocation()
        }

        var chain = OriginTracer.FluentChain(useKernelFunctionInvocation).ToList();
        var root = Operations.Root(useKernelFunctionInvocation);
        if (ServicesOf(chain, root, agent) is { } services)
        {
            return IsCollectionGated(services, root, agent);
        }

        // Not registered anywhere in sight: the kernels handed to the client's requests (options, chat-service calls).
        var kernels = KernelsHandedTo(chain[0], root, agent);
        return kernels.Count > 0 && kernels.All(k => tracer.Trace(k).State == GateState.Gated);
    }

    /// <summary>
    /// The service collection the pipeline's client is registered in: <c>services.AddChatClient(...).UseKernelFunctionInvocation()</c>,
    /// a registration whose factory or instance contains the pipeline, or one given the local the pipeline is stored in.
    /// </summary>
    private static IOperation? ServicesOf(List<IInvocationOperation> chain, IOperation root, AgentContext agent)
    {
        foreach (var link in chain)
        {
            if (agent.Classifier.Classify(link.TargetMethod) == InvocationKind.ChatClientRegistration)
            {
                return Operations.Receiver(link);
            }
        }

        for (var current = chain[0].Parent; current is not null; current = current.Parent)
        {
            if (current is IInvocationOperation outer && IsRegistration(outer, agent))
            {
                return Operations.Receiver(outer);
            }
        }

        var aliases = Aliases(chain[0], root);
        if (aliases.Count == 0)
        {
            return null;
        }

        foreach (var registration in root.Descendants().OfType<IInvocationOperation>())
        {
            if (IsRegistration(registration, agent)
                && registration.Arguments.Any(a => a.Value.DescendantsAndSelf().Any(o => o is ILocalReferenceOperation l && aliases.Contains(l.Local))))
            {
                return Operations.Receiver(registration);
            }
        }

        return null;
    }

    private static bool IsRegistration(IInvocationOperation invocation, AgentContext agent)
        => agent.Classifier.Classify(invocation.TargetMethod) is InvocationKind.ServiceRegistration or InvocationKind.ChatClientRegistration;

    /// <summary>
    /// The kernels built from this collection are gated: a gate applied to it, to the kernel builder that owns it or to a
    /// kernel built from it, or a gating filter registered in it, in the same method. A collection that is not the
    /// method's own (a parameter, a field, an application builder's container) is the application's container:
    /// its kernel (<see cref="PipelineIndex.DiKernel"/>) is gated by what the compilation registers in it.
    /// </summary>
    private static bool IsCollectionGated(IOperation services, IOperation root, AgentContext agent)
    {
        var owner = Owner(services);
        if (owner is null)
        {
            return false;
        }

        var family = Family(owner, root);
        foreach (var invocation in root.Descendants().OfType<IInvocationOperation>())
        {
            if (Operations.Receiver(invocation) is not { } receiver || Owner(receiver) is not { } target || !family.Contains(target))
            {
                continue;
            }

            if (agent.Gates.IsGateInvocation(invocation) && !IsOnServiceCollection(invocation, agent))
            {
                return true; // builder.AddPolicyGate(), kernel.UsePolicyGate(), services.AddKernel().AddPolicyGate()
            }

            switch (agent.Classifier.Classify(invocation.TargetMethod))
            {
                case InvocationKind.ServiceRegistration when agent.Pipelines.RegistersGatingFilter(invocation):
                    return true;
                case InvocationKind.FilterAdd when agent.Gates.AddsGatingFilter(invocation):
                    return true; // kernel.FunctionInvocationFilters.Add(new ApprovalFilter())
            }
        }

        // The method's own builder or collection: nothing outside the method registers in it.
        if (owner is ILocalSymbol)
        {
            return false;
        }

        return agent.Pipelines.DiKernel.State == GateState.Gated;
    }

    /// <summary>
    /// <c>services.AddPolicyGate&lt;TGate&gt;()</c> registers a gate for chat-client pipelines; it adds no kernel
    /// filter, so the kernel's function calls are not judged by it.
    /// </summary>
    private static bool IsOnServiceCollection(IInvocationOperation invocation, AgentContext agent)
    {
        var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
        return method.IsExtensionMethod && method.Parameters.Length > 0 && agent.Symbols.IServiceCollection is { } collection
            && KnownSymbols.IsOrDerivesFrom(method.Parameters[0].Type, collection)
            && !(agent.Symbols.IKernelBuilder is { } kernelBuilder && KnownSymbols.IsOrDerivesFrom(method.ReturnType, kernelBuilder));
    }

    /// <summary>
    /// The variable a value hangs off: <c>builder</c> for <c>builder.Services</c>, <c>builder.Build()</c> and
    /// <c>services.AddKernel()</c> chains on <c>services</c>; null for anything else.
    /// </summary>
    private static ISymbol? Owner(IOperation operation)
    {
        for (var current = Operations.Unwrap(operation); ;)
        {
            switch (current)
            {
                case ILocalReferenceOperation local:
                    return local.Local;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
                case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field:
                    return field.Field;
                case IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation } property:
                    return property.Property;
                case IPropertyReferenceOperation { Instance: { } instance }:
                    current = Operations.Unwrap(instance);
                    continue;
                case IInvocationOperation invocation when Operations.Receiver(invocation) is { } receiver:
                    current = Operations.Unwrap(receiver);
                    continue;
                default:
                    return null;
            }
        }
    }

    /// <summary>The owner and the locals made from it in the method (<c>var kernel = builder.Build();</c>, <c>var services = builder.Services;</c>).</summary>
    private static HashSet<ISymbol> Family(ISymbol owner, IOperation root)
    {
        var family = new HashSet<ISymbol>(SymbolEqualityComparer.Default) { owner };
        var assignments = LocalAssignments(root).ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (local, value) in assignments)
            {
                if (!family.Contains(local) && Owner(value) is { } from && family.Contains(from))
                {
                    family.Add(local);
                    changed = true;
                }
            }
        }

        return family;
    }

    /// <summary>The locals holding the pipeline or what is made from it (<c>var client = ...Build();</c>, <c>var service = client.AsChatCompletionService();</c>).</summary>
    private static HashSet<ILocalSymbol> Aliases(IOperation pipeline, IOperation root)
    {
        var aliases = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
        var assignments = LocalAssignments(root).ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var (local, value) in assignments)
            {
                if (!aliases.Contains(local)
                    && value.DescendantsAndSelf().Any(o => o == pipeline || (o is ILocalReferenceOperation l && aliases.Contains(l.Local))))
                {
                    aliases.Add(local);
                    changed = true;
                }
            }
        }

        return aliases;
    }

    private static IEnumerable<(ILocalSymbol Local, IOperation Value)> LocalAssignments(IOperation root)
    {
        foreach (var operation in root.Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                    yield return (declarator.Symbol, initializer.Value);
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                    yield return (target.Local, assignment.Value);
                    break;
            }
        }
    }

    /// <summary>The kernels passed to calls made on the pipeline's client, or on what is made from it, in the same method.</summary>
    private static List<IOperation> KernelsHandedTo(IOperation pipeline, IOperation root, AgentContext agent)
    {
        var kernels = new List<IOperation>();
        if (agent.Symbols.Kernel is not { } kernelType)
        {
            return kernels;
        }

        var aliases = Aliases(pipeline, root);
        foreach (var call in root.Descendants().OfType<IInvocationOperation>())
        {
            if (Operations.Receiver(call) is not { } receiver
                || !(Operations.Unwrap(receiver).DescendantsAndSelf().Any(o => o == pipeline) || Owner(receiver) is ILocalSymbol local && aliases.Contains(local)))
            {
                continue;
            }

            foreach (var argument in call.Arguments)
            {
                if (argument.Value == receiver)
                {
                    continue;
                }

                kernels.AddRange(argument.Value.DescendantsAndSelf().Where(o =>
                    o is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation
                    && o.Type is { } type && KnownSymbols.IsOrDerivesFrom(type, kernelType)));
            }
        }

        return kernels;
    }
}
