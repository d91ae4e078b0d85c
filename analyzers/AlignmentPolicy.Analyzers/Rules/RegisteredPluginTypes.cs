using System.Collections.Generic;
using AlignmentPolicy.Analyzers.Analysis;
using AlignmentPolicy.Analyzers.Analysis.Invocations;
using AlignmentPolicy.Analyzers.Analysis.Origins;
using AlignmentPolicy.Analyzers.Analysis.SideEffects;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Rules;

/// <summary>
/// ALN0002 for a plugin type whose code is not in this compilation, registered on a kernel: Semantic Kernel's packaged plugins
/// (<c>kernel.Plugins.AddFromType&lt;FileIOPlugin&gt;()</c>, <c>ImportPluginFromObject(new HttpPlugin(client))</c>), or another project's
/// plugin type. Its kernel functions become tools the model may call, but there is no body here to judge at the function (as a type
/// declared here is judged, <c>AnalyzeAttributedTool</c>): the registration is where it becomes a tool, so it is judged and reported there,
/// by what is known of the type (<see cref="SideEffectSearch.FromPluginType"/>) and whether the kernels this registration puts it on are gated.
/// </summary>
internal static class RegisteredPluginTypes
{
    /// <summary>Name first: Semantic Kernel's plugin registrations by type or by object.</summary>
    public static bool IsRegistrationName(string name)
        => name is "AddFromType" or "AddFromObject" or "ImportPluginFromType" or "ImportPluginFromObject" or "CreatePluginFromType" or "CreatePluginFromObject"
            or "CreateFromType" or "CreateFromObject";

    /// <summary>Name first: the registrations by object, which do not bind when the object's type is missing.</summary>
    public static bool IsUnboundRegistrationName(string name) => name is "ImportPluginFromObject" or "AddFromObject";

    /// <summary>The registered type and the side effect it reaches when no gate guards the kernels it is registered on, or null.</summary>
    public static (ITypeSymbol Plugin, SideEffectPath Path)? UngatedWrite(IInvocationOperation registration, AgentContext agent)
    {
        if (agent.Classifier.Classify(registration.TargetMethod) != InvocationKind.PluginRegistration || PluginType(registration) is not { } plugin
            || !plugin.DeclaringSyntaxReferences.IsEmpty)
        {
            return null; // a type declared here is judged at its [KernelFunction] methods
        }

        if (agent.SideEffects.FromPluginType(plugin, agent.Symbols.KernelFunctionAttribute, registration.Syntax.SyntaxTree) is not { } path || IsGuarded(registration, agent))
        {
            return null;
        }

        return (plugin, path);
    }

    /// <summary>
    /// The same for a registration by object that does not bind because the object's type is missing here (a scan without the plugin's
    /// package: <c>kernel.ImportPluginFromObject(new MemoryPlugin(memory), "memory")</c>, <c>builder.Plugins.AddFromObject(plugin)</c>):
    /// the receiver must be a kernel or a kernel's plugins, and the type is known only by what <see cref="SideEffectSearch.FromPluginType"/>
    /// knows of a name (a packaged plugin's).
    /// </summary>
    public static (ITypeSymbol Plugin, SideEffectPath Path)? UngatedUnboundWrite(IInvalidOperation registration, AgentContext agent)
    {
        if (registration.Syntax is not InvocationExpressionSyntax
            {
                Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var called, Expression: var receiverSyntax },
                ArgumentList.Arguments: { Count: > 0 } arguments,
            })
        {
            return null;
        }

        if (!IsUnboundRegistrationName(called))
        {
            return null;
        }

        var argumentSyntax = arguments[0].Expression;
        IOperation? receiver = null;
        ITypeSymbol? plugin = null;
        foreach (var operation in registration.Descendants())
        {
            if (operation.Syntax == receiverSyntax)
            {
                receiver ??= operation;
            }
            else if (operation.Syntax == argumentSyntax)
            {
                plugin ??= operation.Type;
            }
        }

        if (receiver?.Type is not { TypeKind: not TypeKind.Error } receiverType || plugin is not { TypeKind: TypeKind.Error }
            || !(agent.Symbols.IsClientLike(receiverType) || receiverType.Name is "KernelPluginCollection" or "IKernelBuilderPlugins"))
        {
            return null;
        }

        if (agent.SideEffects.FromPluginType(plugin, agent.Symbols.KernelFunctionAttribute, registration.Syntax.SyntaxTree) is not { } path
            || IsGuarded(receiver, create: false, registration, agent))
        {
            return null;
        }

        return (plugin, path);
    }

    /// <summary>
    /// Whether the kernels this registration puts the plugin on are all gated: the owner of the <c>Plugins</c> collection
    /// (<c>kernel.Plugins.AddFromType&lt;T&gt;()</c>, <c>builder.Plugins...</c>, <c>kernel.ImportPluginFromObject(...)</c>), or, for a plugin
    /// made as a value (<c>KernelPluginFactory.CreateFromType&lt;T&gt;()</c>), the kernels it is added to. Not the other registrations of the
    /// same type: each is its own site. A kernel or builder given no model service needs no gate (no model chooses). Where no kernel is
    /// visible, every kernel of the compilation must be gated.
    /// </summary>
    private static bool IsGuarded(IInvocationOperation registration, AgentContext agent)
        => IsGuarded(Operations.Receiver(registration), registration.TargetMethod.Name.StartsWith("Create", System.StringComparison.Ordinal), registration, agent);

    private static bool IsGuarded(IOperation? receiver, bool create, IOperation registration, AgentContext agent)
    {
        IEnumerable<IOperation?> hosts;
        if (create && registration is IInvocationOperation invocation)
        {
            hosts = agent.Pipelines.PluginHosts(invocation);
        }
        else
        {
            var kernel = receiver is null ? null : Operations.Unwrap(receiver) is IPropertyReferenceOperation { Instance: { } owner } ? owner : receiver;

            // A kernel, or a kernel builder, given no model service has no model to choose the plugin's functions: the code invokes them.
            if (kernel is not null && (OpenApiPlugins.HasNoServices(kernel) || (Operations.Unwrap(kernel) is ILocalReferenceOperation builder && OpenApiPlugins.IsBuilderWithoutModel(builder))))
            {
                return true;
            }

            hosts = kernel is not null && agent.Symbols.IsClientLike(kernel.Type) ? new[] { kernel } : System.Array.Empty<IOperation?>();
        }

        var any = false;
        foreach (var host in hosts)
        {
            any = true;
            if ((host is null ? agent.Pipelines.DiKernel : agent.Origins.Trace(host)).State != GateState.Gated)
            {
                return false;
            }
        }

        return any || agent.Pipelines.AllKernelsGatedFrom(registration.Syntax.SyntaxTree);
    }

    /// <summary>The type argument of <c>AddFromType&lt;T&gt;()</c>, or the type of the object <c>AddFromObject(obj)</c> is given.</summary>
    private static ITypeSymbol? PluginType(IInvocationOperation registration)
    {
        var method = registration.TargetMethod;
        if (method.TypeArguments.Length == 1)
        {
            return method.TypeArguments[0] is ITypeParameterSymbol ? null : method.TypeArguments[0];
        }

        foreach (var argument in registration.Arguments)
        {
            if (argument.Parameter is { Name: "target" or "obj" or "plugin" or "instance" } || argument.Parameter is { Type.SpecialType: SpecialType.System_Object, Ordinal: > 0 })
            {
                return Operations.Unwrap(argument.Value).Type;
            }
        }

        return null;
    }
}
