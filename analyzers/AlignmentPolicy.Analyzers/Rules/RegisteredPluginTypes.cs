using System.Collections.Generic;
using AlignmentPolicy.Analyzers.Analysis;
using AlignmentPolicy.Analyzers.Analysis.Invocations;
using AlignmentPolicy.Analyzers.Analysis.Origins;
using AlignmentPolicy.Analyzers.Analysis.SideEffects;
using Microsoft.CodeAnalysis;
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
    /// Whether the kernels this registration puts the plugin on are all gated: the owner of the <c>Plugins</c> collection
    /// (<c>kernel.Plugins.AddFromType&lt;T&gt;()</c>, <c>builder.Plugins...</c>, <c>kernel.ImportPluginFromObject(...)</c>), or, for a plugin
    /// made as a value (<c>KernelPluginFactory.CreateFromType&lt;T&gt;()</c>), the kernels it is added to. Not the other registrations of the
    /// same type: each is its own site. A kernel or builder given no model service needs no gate (no model chooses). Where no kernel is
    /// visible, every kernel of the compilation must be gated.
    /// </summary>
    private static bool IsGuarded(IInvocationOperation registration, AgentContext agent)
    {
        IEnumerable<IOperation?> hosts;
        if (registration.TargetMethod.Name.StartsWith("Create", System.StringComparison.Ordinal))
        {
            hosts = agent.Pipelines.PluginHosts(registration);
        }
        else
        {
            var receiver = Operations.Receiver(registration);
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
