namespace AlignmentPolicy.Gates;

/// <summary>Options for the deterministic built-in gates created by <see cref="BuiltInPolicyGates.CreateDefault"/>.</summary>
public sealed class BuiltInPolicyGateOptions
{
    /// <summary>Options of <see cref="SideEffectPolicyGate"/>.</summary>
    public SideEffectPolicyOptions SideEffects { get; } = new();

    /// <summary>Options of <see cref="OversightPolicyGate"/>.</summary>
    public OversightPolicyOptions Oversight { get; } = new();

    /// <summary>Options of <see cref="ExfiltrationPolicyGate"/>.</summary>
    public ExfiltrationPolicyOptions Exfiltration { get; } = new();

    /// <summary>Whether final answers are checked for coercion and dishonest claims. Default: <see langword="true"/>.</summary>
    public bool CheckFinalAnswers { get; set; } = true;
}

/// <summary>Creates the deterministic built-in HHH gates.</summary>
public static class BuiltInPolicyGates
{
    /// <summary>
    /// Creates, in order: <see cref="OversightPolicyGate"/>, <see cref="CoercionPolicyGate"/>,
    /// <see cref="ExfiltrationPolicyGate"/>, <see cref="SideEffectPolicyGate"/> and (when final answers are
    /// checked) <see cref="HonestyPolicyGate"/>.
    /// </summary>
    /// <param name="configure">Adjusts the options.</param>
    /// <returns>The gates.</returns>
    public static IReadOnlyList<IPolicyGate> CreateDefault(Action<BuiltInPolicyGateOptions>? configure = null)
    {
        var options = new BuiltInPolicyGateOptions();
        configure?.Invoke(options);
        List<IPolicyGate> gates =
        [
            new OversightPolicyGate(options.Oversight),
            new CoercionPolicyGate(options.CheckFinalAnswers),
            new ExfiltrationPolicyGate(options.Exfiltration),
            new SideEffectPolicyGate(options.SideEffects),
        ];
        if (options.CheckFinalAnswers)
        {
            gates.Add(new HonestyPolicyGate());
        }

        return gates;
    }
}
