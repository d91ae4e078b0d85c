using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// A function that asks policy gates before it runs. A denial returns a result explaining it to the model and
/// the inner function does not run; an escalation goes to the <see cref="IApprovalService"/> and is denied when
/// there is none.
/// </summary>
public sealed class GatedAIFunction : DelegatingAIFunction
{
    private readonly PolicyEngine _engine;

    /// <summary>Creates a gated function.</summary>
    /// <param name="innerFunction">The function to gate.</param>
    /// <param name="options">The options; copied. When it lists no gates, the built-in gates are used.</param>
    /// <param name="logger">The logger for decisions.</param>
    public GatedAIFunction(AIFunction innerFunction, PolicyGateOptions? options = null, ILogger? logger = null)
        : base(innerFunction)
    {
        var snapshot = options?.Clone() ?? new PolicyGateOptions();
        _engine = new PolicyEngine(snapshot, logger ?? NullLogger.Instance, useDefaultsWhenEmpty: true);
        DeclaredSideEffects = snapshot.ToolSideEffects.TryGetValue(innerFunction.Name, out var declared) ? declared : null;
    }

    /// <summary>The side-effect categories declared for this function in the options, if any.</summary>
    public IReadOnlyList<string>? DeclaredSideEffects { get; }

    /// <inheritdoc />
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var context = FunctionInvokingChatClient.CurrentContext;
        var request = PolicyRequest.Tool(
            Name,
            arguments,
            DeclaredSideEffects ?? SideEffectResolver.FromFunction(InnerFunction),
            context is null ? [] : PolicyRequest.AsReadOnly(context.Messages),
            context?.CallContent.CallId,
            InnerFunction,
            context?.Options,
            context?.IsStreaming ?? false,
            arguments.Services is null ? null : new PolicyOrigin(PolicySources.ExtensionsAI, arguments.Services));
        var verdict = await _engine.EvaluateAsync(request, cancellationToken).ConfigureAwait(false);
        if (verdict.Decision == PolicyDecision.Escalate)
        {
            verdict = await _engine.ResolveEscalationAsync(request, verdict, cancellationToken).ConfigureAwait(false)
                ?? _engine.Record(request, PolicyVerdict.Deny(PolicyPrinciple.Harmless, RuleIds.ApprovalUnavailable,
                    "This call needs a person's approval and no approval service is configured, so it is denied. " + verdict.Findings[0].Reason));
        }

        return verdict.Decision == PolicyDecision.Allow
            ? await base.InvokeCoreAsync(arguments, cancellationToken).ConfigureAwait(false)
            : PolicyMessages.ToolDenied(Name, verdict);
    }
}

/// <summary>Gates single functions and declares their side effects.</summary>
public static class PolicyGateAIFunctionExtensions
{
    /// <summary>Returns <paramref name="function"/> gated by <paramref name="gate"/>.</summary>
    /// <param name="function">The function.</param>
    /// <param name="gate">The gate.</param>
    /// <param name="configure">Adjusts the options (more gates, approval service, decision log).</param>
    /// <returns>The gated function.</returns>
    public static GatedAIFunction WithPolicyGate(this AIFunction function, IPolicyGate gate, Action<PolicyGateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(gate);
        return new GatedAIFunction(function, PolicyGateServices.CreateOptions(null, [gate], configure));
    }

    /// <summary>Returns <paramref name="function"/> gated by the configured gates, or the built-in gates when none are added.</summary>
    /// <param name="function">The function.</param>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The gated function.</returns>
    public static GatedAIFunction WithPolicyGate(this AIFunction function, Action<PolicyGateOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        return new GatedAIFunction(function, PolicyGateServices.CreateOptions(null, [], configure));
    }

    /// <summary>Declares the side-effect categories of <paramref name="function"/> for the gates, when its method
    /// cannot carry <see cref="SideEffectAttribute"/> (lambdas, functions from elsewhere).</summary>
    /// <param name="function">The function.</param>
    /// <param name="categories">The categories (see <see cref="SideEffectCategories"/>).</param>
    /// <returns>A function that reports the categories.</returns>
    public static AIFunction WithSideEffects(this AIFunction function, params string[] categories)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(categories);
        return new SideEffectDeclaringFunction(function, categories);
    }

    private sealed class SideEffectDeclaringFunction : DelegatingAIFunction
    {
        private readonly Dictionary<string, object?> _properties;

        public SideEffectDeclaringFunction(AIFunction innerFunction, string[] categories)
            : base(innerFunction)
        {
            _properties = new Dictionary<string, object?>(innerFunction.AdditionalProperties)
            {
                [SideEffectResolver.PropertyName] = categories,
            };
        }

        public override IReadOnlyDictionary<string, object?> AdditionalProperties => _properties;
    }
}
