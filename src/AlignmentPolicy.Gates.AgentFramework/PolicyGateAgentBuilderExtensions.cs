using Microsoft.Agents.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlignmentPolicy.Gates;

/// <summary>Adds a <see cref="PolicyGatedAgent"/> to an <see cref="AIAgentBuilder"/> pipeline.</summary>
public static class PolicyGateAgentBuilderExtensions
{
    /// <summary>
    /// Gates the agent's runs and function calls. The gates come from <paramref name="configure"/>; when it adds
    /// none, from the service container; when there are none either, <see cref="BuiltInPolicyGates.CreateDefault"/>.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The builder.</returns>
    public static AIAgentBuilder UsePolicyGate(this AIAgentBuilder builder, Action<PolicyGateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Use((innerAgent, services) => Create(innerAgent, services, [], configure));
    }

    /// <summary>Gates the agent's runs and function calls with <paramref name="gate"/>.</summary>
    /// <param name="builder">The builder.</param>
    /// <param name="gate">The gate.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The builder.</returns>
    public static AIAgentBuilder UsePolicyGate(this AIAgentBuilder builder, IPolicyGate gate, Action<PolicyGateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(gate);
        return builder.Use((innerAgent, services) => Create(innerAgent, services, [gate], configure));
    }

    private static PolicyGatedAgent Create(AIAgent innerAgent, IServiceProvider services, IPolicyGate[] gates, Action<PolicyGateOptions>? configure)
    {
        var options = PolicyGateServices.CreateOptions(services, gates, configure);
        return new PolicyGatedAgent(innerAgent, options, services.GetService<ILoggerFactory>(), services);
    }
}
