using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;

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

    /// <summary>Registers the policy gate filter in the kernel builder's services, so every kernel built from it is gated.</summary>
    /// <param name="builder">The kernel builder.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The builder.</returns>
    public static IKernelBuilder AddPolicyGate(this IKernelBuilder builder, Action<PolicyGateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return AddFilter(builder, [], configure);
    }

    /// <summary>Registers a filter gating with <paramref name="gate"/> in the kernel builder's services.</summary>
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
        return builder;
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
