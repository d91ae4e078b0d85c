using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace AlignmentPolicy.Gates;

/// <summary>Registers <see cref="PolicyGateKernelFilter"/> on a kernel or a kernel builder.</summary>
public static class PolicyGateKernelExtensions
{
    /// <summary>
    /// Adds the policy gate as function-invocation, auto-function-invocation and prompt-render filter of
    /// <paramref name="kernel"/>. The gates come from <paramref name="configure"/>; when it adds none, from the
    /// kernel's services; when there are none either, <see cref="BuiltInPolicyGates.CreateDefault"/>.
    /// </summary>
    /// <param name="kernel">The kernel.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The kernel.</returns>
    public static Kernel UsePolicyGate(this Kernel kernel, Action<PolicyGateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return Register(kernel, Create(kernel.Services, [], configure));
    }

    /// <summary>Adds <paramref name="gate"/> as function-invocation, auto-function-invocation and prompt-render filter.</summary>
    /// <param name="kernel">The kernel.</param>
    /// <param name="gate">The gate.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The kernel.</returns>
    public static Kernel UsePolicyGate(this Kernel kernel, IPolicyGate gate, Action<PolicyGateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        ArgumentNullException.ThrowIfNull(gate);
        return Register(kernel, Create(kernel.Services, [gate], configure));
    }

    /// <summary>
    /// Registers the policy gate filter in the kernel builder's services, so every kernel built from it is gated, and puts
    /// the gates around the chat services (<see cref="IChatCompletionService"/>, <see cref="IChatClient"/>) registered
    /// before this call, so requests sent straight to them (an agent's turn, application code) are judged too. Call it
    /// after adding the chat services; one added later is not wrapped.
    /// </summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The builder.</returns>
    public static IKernelBuilder AddPolicyGate(this IKernelBuilder builder, Action<PolicyGateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return AddFilter(builder, [], configure);
    }

    /// <summary>Registers a filter gating with <paramref name="gate"/> in the kernel builder's services and puts the gate around
    /// the chat services registered before this call (see the other overload).</summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="gate">The gate.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The builder.</returns>
    public static IKernelBuilder AddPolicyGate(this IKernelBuilder builder, IPolicyGate gate, Action<PolicyGateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(gate);
        return AddFilter(builder, [gate], configure);
    }

    private static IKernelBuilder AddFilter(IKernelBuilder builder, IPolicyGate[] gates, Action<PolicyGateOptions>? configure)
    {
        builder.Services.AddSingleton(services => Create(services, gates, configure));
        builder.Services.AddSingleton<IFunctionInvocationFilter>(services => services.GetRequiredService<PolicyGateKernelFilter>());
        builder.Services.AddSingleton<IAutoFunctionInvocationFilter>(services => services.GetRequiredService<PolicyGateKernelFilter>());
        builder.Services.AddSingleton<IPromptRenderFilter>(services => services.GetRequiredService<PolicyGateKernelFilter>());
        GateChatServices(builder.Services);
        return builder;
    }

    /// <summary>
    /// Puts the gates around the chat services registered so far: a request sent straight to a chat service (an
    /// agent's turn, <c>GetChatMessageContentAsync</c>) passes none of Semantic Kernel's filters.
    /// </summary>
    private static void GateChatServices(IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType == typeof(IChatCompletionService))
            {
                services[i] = Decorate(descriptor, (inner, provider) => IsGated((IChatCompletionService)inner)
                    ? inner
                    : new PolicyGatedChatCompletionService((IChatCompletionService)inner, provider.GetRequiredService<PolicyGateKernelFilter>()));
            }
            else if (descriptor.ServiceType == typeof(IChatClient))
            {
                services[i] = Decorate(descriptor, (inner, provider) => ((IChatClient)inner).GetService(typeof(PolicyGatedChatClient)) is not null
                    ? inner
                    : PolicyGatedKernelChatClient.Create((IChatClient)inner, provider.GetRequiredService<PolicyGateKernelFilter>(), provider));
            }
        }
    }

    /// <summary>A chat service over a chat client that already carries a policy gate is not judged a second time.</summary>
    /// <remarks>Semantic Kernel's <c>AsChatCompletionService()</c> keeps its chat client in a private field and does not
    /// hand it out; it is read by reflection. Should that fail (another Semantic Kernel version), the service is wrapped:
    /// judged twice, never less.</remarks>
    private static bool IsGated(IChatCompletionService service)
    {
        if (service is PolicyGatedChatCompletionService)
        {
            return true;
        }

        var type = service.GetType();
        if (type.FullName != "Microsoft.SemanticKernel.ChatCompletion.ChatClientChatCompletionService")
        {
            return false;
        }

        foreach (var field in type.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic))
        {
            if (field.FieldType == typeof(IChatClient) && field.GetValue(service) is IChatClient client)
            {
                return client.GetService(typeof(PolicyGatedChatClient)) is not null;
            }
        }

        return false;
    }

    /// <summary>The same registration (type, key, lifetime) whose instance is <paramref name="wrap"/> of the original.</summary>
    private static ServiceDescriptor Decorate(ServiceDescriptor descriptor, Func<object, IServiceProvider, object> wrap)
    {
        if (descriptor.IsKeyedService)
        {
            return new ServiceDescriptor(descriptor.ServiceType, descriptor.ServiceKey, (provider, key) => wrap(
                descriptor.KeyedImplementationInstance
                    ?? descriptor.KeyedImplementationFactory?.Invoke(provider, key)
                    ?? ActivatorUtilities.CreateInstance(provider, descriptor.KeyedImplementationType!),
                provider), descriptor.Lifetime);
        }

        return new ServiceDescriptor(descriptor.ServiceType, provider => wrap(
            descriptor.ImplementationInstance
                ?? descriptor.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!),
            provider), descriptor.Lifetime);
    }

    private static PolicyGateKernelFilter Create(IServiceProvider services, IPolicyGate[] gates, Action<PolicyGateOptions>? configure)
        => new(PolicyGateServices.CreateOptions(services, gates, configure), services.GetService<ILoggerFactory>()?.CreateLogger<PolicyGateKernelFilter>());

    private static Kernel Register(Kernel kernel, PolicyGateKernelFilter filter)
    {
        // First in each list: the gate judges before other filters can run side effects.
        kernel.FunctionInvocationFilters.Insert(0, filter);
        kernel.AutoFunctionInvocationFilters.Insert(0, filter);
        kernel.PromptRenderFilters.Insert(0, filter);
        return kernel;
    }
}
