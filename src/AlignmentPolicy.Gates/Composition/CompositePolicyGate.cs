using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Runs several gates as one: the first denial wins, any escalation escalates, otherwise allows. Each gate
/// has a timeout; a gate that throws or times out denies, with a finding saying so (fail closed).
/// </summary>
[PolicyGate]
public sealed class CompositePolicyGate : IPolicyGate, IPolicyGateScope
{
    private readonly PolicyEngine _engine;

    /// <summary>Creates a composite of <paramref name="gates"/> with <paramref name="timeout"/> per gate.</summary>
    /// <param name="gates">The gates, in order.</param>
    /// <param name="timeout">The per-gate timeout; 10 seconds when <see langword="null"/>.</param>
    public CompositePolicyGate(IEnumerable<IPolicyGate> gates, TimeSpan? timeout = null)
        : this(CreateOptions(gates, timeout))
    {
    }

    /// <summary>Creates a composite from <paramref name="options"/> (gates, timeouts, decision log).</summary>
    /// <param name="options">The options; copied.</param>
    /// <param name="logger">The logger.</param>
    public CompositePolicyGate(PolicyGateOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _engine = new PolicyEngine(options.Clone(), logger ?? NullLogger.Instance, useDefaultsWhenEmpty: false);
    }

    /// <inheritdoc />
    public PolicyRequestKinds Kinds => _engine.Kinds;

    /// <inheritdoc />
    public ValueTask<PolicyVerdict> EvaluateAsync(PolicyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _engine.EvaluateAsync(request, cancellationToken);
    }

    private static PolicyGateOptions CreateOptions(IEnumerable<IPolicyGate> gates, TimeSpan? timeout)
    {
        ArgumentNullException.ThrowIfNull(gates);
        var options = new PolicyGateOptions();
        if (timeout is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, nameof(timeout));
            options.GateTimeout = value;
        }

        foreach (var gate in gates)
        {
            options.AddGate(gate ?? throw new ArgumentException("A gate is null.", nameof(gates)));
        }

        return options;
    }
}
