using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlignmentPolicy.Gates;

/// <summary>Adds a <see cref="PolicyGatedChatClient"/> to a <see cref="ChatClientBuilder"/> pipeline.</summary>
public static class PolicyGateChatClientBuilderExtensions
{
    /// <summary>
    /// Gates every model request, response and tool call of the pipeline. The gates come from
    /// <paramref name="configure"/>; when it adds none, from the service container (every registered
    /// <see cref="IPolicyGate"/>); when there are none either, <see cref="BuiltInPolicyGates.CreateDefault"/>.
    /// An <see cref="IApprovalService"/> and an <see cref="IPolicyDecisionLog"/> registered in the container are used
    /// unless the options set their own.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The builder.</returns>
    public static ChatClientBuilder UsePolicyGate(this ChatClientBuilder builder, Action<PolicyGateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((innerClient, services) => Create(innerClient, services, [], configure));
    }

    /// <summary>Gates every model request, response and tool call of the pipeline with <paramref name="gate"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="gate">The gate.</param>
    /// <param name="configure">Adjusts the options (add gates, timeouts, approval, decision log).</param>
    /// <returns>The builder.</returns>
    public static ChatClientBuilder UsePolicyGate(this ChatClientBuilder builder, IPolicyGate gate, Action<PolicyGateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(gate);
        return builder.Use((innerClient, services) => Create(innerClient, services, [gate], configure));
    }

    /// <summary>Gates every model request, response and tool call of the pipeline with <paramref name="gates"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="gates">The gates, in order.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The builder.</returns>
    public static ChatClientBuilder UsePolicyGate(this ChatClientBuilder builder, IEnumerable<IPolicyGate> gates, Action<PolicyGateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(gates);
        IPolicyGate[] list = [.. gates];
        foreach (var gate in list)
        {
            ArgumentNullException.ThrowIfNull(gate, nameof(gates));
        }

        return builder.Use((innerClient, services) => Create(innerClient, services, list, configure));
    }

    private static PolicyGatedChatClient Create(IChatClient innerClient, IServiceProvider services, IPolicyGate[] gates, Action<PolicyGateOptions>? configure)
    {
        var options = PolicyGateServices.CreateOptions(services, gates, configure);
        return new PolicyGatedChatClient(innerClient, options, services.GetService<ILoggerFactory>(), services);
    }
}

/// <summary>Registers gates in a service container, for <c>services.AddChatClient(...).UsePolicyGate()</c>.</summary>
public static class PolicyGateServiceCollectionExtensions
{
    /// <summary>Registers <typeparamref name="TGate"/> as a singleton <see cref="IPolicyGate"/>.</summary>
    /// <typeparam name="TGate">The gate type.</typeparam>
    /// <param name="services">The services.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddPolicyGate<TGate>(this IServiceCollection services)
        where TGate : class, IPolicyGate
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.AddSingleton<IPolicyGate, TGate>();
    }

    /// <summary>Registers <paramref name="gate"/> as an <see cref="IPolicyGate"/>.</summary>
    /// <param name="services">The services.</param>
    /// <param name="gate">The gate.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddPolicyGate(this IServiceCollection services, IPolicyGate gate)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(gate);
        return services.AddSingleton(gate);
    }

    /// <summary>Registers the deterministic built-in gates (<see cref="BuiltInPolicyGates.CreateDefault"/>).</summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adjusts their options.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddBuiltInPolicyGates(this IServiceCollection services, Action<BuiltInPolicyGateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var gate in BuiltInPolicyGates.CreateDefault(configure))
        {
            services.AddSingleton(gate);
        }

        return services;
    }
}

internal static class PolicyGateServices
{
    /// <summary>Builds options: explicit gates first, then the configuration, then the container's gates if still none.</summary>
    public static PolicyGateOptions CreateOptions(IServiceProvider? services, IEnumerable<IPolicyGate> gates, Action<PolicyGateOptions>? configure)
    {
        var options = new PolicyGateOptions();
        foreach (var gate in gates)
        {
            options.AddGate(gate);
        }

        configure?.Invoke(options);
        if (services is not null)
        {
            if (options.Gates.Count == 0)
            {
                foreach (var gate in services.GetService(typeof(IEnumerable<IPolicyGate>)) as IEnumerable<IPolicyGate> ?? [])
                {
                    options.AddGate(gate);
                }
            }

            options.ApprovalService ??= services.GetService<IApprovalService>();
            options.DecisionLog ??= services.GetService<IPolicyDecisionLog>();
        }

        return options;
    }
}
