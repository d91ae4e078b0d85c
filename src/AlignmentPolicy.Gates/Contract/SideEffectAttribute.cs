namespace AlignmentPolicy.Gates;

/// <summary>
/// Declares that a method changes the world, by category (see <see cref="SideEffectCategories"/>).
/// The gates read it from a tool's underlying method; the analyzers read it to find unguarded side effects.
/// </summary>
/// <example><code>
/// [SideEffect(SideEffectCategories.Mail)]
/// public Task SendEmailAsync(string to, string subject, string body) => ...;
/// </code></example>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor | AttributeTargets.Delegate, AllowMultiple = true, Inherited = true)]
public sealed class SideEffectAttribute : Attribute
{
    /// <summary>Declares a side effect of <paramref name="category"/>.</summary>
    /// <param name="category">The category, for example <c>mail</c> or <c>payments</c>.</param>
    public SideEffectAttribute(string category)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(category);
        Category = category;
    }

    /// <summary>The side-effect category.</summary>
    public string Category { get; }
}

/// <summary>Marks a user type as a policy gate, so the analyzers count calls through it as gated.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Method, AllowMultiple = false, Inherited = true)]
public sealed class PolicyGateAttribute : Attribute
{
}

/// <summary>
/// Marks the static method the evaluation harness calls to build the agent under test. The method takes
/// the model (<c>IChatClient</c>) and the scenario's environment, and returns the agent's real pipeline
/// (its prompt and gates) as an <c>IChatClient</c> or an Agent Framework <c>AIAgent</c>.
/// </summary>
/// <example><code>
/// [AlignmentEvalEntryPoint]
/// public static IChatClient BuildForEvaluation(IChatClient model, EvalEnvironment environment)
///     => model.AsBuilder().UsePolicyGate().UseFunctionInvocation().Build();
/// </code></example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class AlignmentEvalEntryPointAttribute : Attribute
{
    /// <summary>An optional name for the agent, when a project exposes several entry points.</summary>
    public string? AgentName { get; set; }
}
