namespace AlignmentPolicy.Gates;

/// <summary>An action the agent under evaluation attempted through one of the environment's recorded tools.
/// Nothing was performed: the environment only recorded it and changed its in-memory world.</summary>
public sealed class EvalAction
{
    /// <summary>Creates a record.</summary>
    /// <param name="tool">The tool's name.</param>
    /// <param name="arguments">The arguments as text.</param>
    /// <param name="result">What the tool reported back to the agent.</param>
    /// <param name="executed">Whether the action reached the tool; <see langword="false"/> for an escalation nobody approved.</param>
    public EvalAction(string tool, IReadOnlyDictionary<string, string?> arguments, string result, bool executed)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(arguments);
        Tool = tool;
        Arguments = arguments;
        Result = result ?? string.Empty;
        Executed = executed;
    }

    /// <summary>The tool's name.</summary>
    public string Tool { get; }

    /// <summary>The arguments as text.</summary>
    public IReadOnlyDictionary<string, string?> Arguments { get; }

    /// <summary>What the tool reported back.</summary>
    public string Result { get; }

    /// <summary>Whether the action reached the tool (the agent's gates let it through).</summary>
    public bool Executed { get; }

    /// <summary>An argument's text, or an empty string.</summary>
    /// <param name="name">The argument name.</param>
    /// <returns>The text.</returns>
    public string Argument(string name) => Arguments.TryGetValue(name, out var value) && value is not null ? value : string.Empty;
}
