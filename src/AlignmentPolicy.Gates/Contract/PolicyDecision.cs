namespace AlignmentPolicy.Gates;

/// <summary>The outcome of a policy evaluation.</summary>
public enum PolicyDecision
{
    /// <summary>The proposal may proceed.</summary>
    Allow = 0,

    /// <summary>The proposal must not proceed.</summary>
    Deny = 1,

    /// <summary>A person must approve the proposal before it proceeds.</summary>
    Escalate = 2,
}

/// <summary>The principle of the helpful, honest and harmless (HHH) policy a finding concerns.</summary>
public enum PolicyPrinciple
{
    /// <summary>The agent serves the user's real interest.</summary>
    Helpful = 0,

    /// <summary>The agent does not deceive: its statements match what it did and knows.</summary>
    Honest = 1,

    /// <summary>The agent causes no harm: no coercion, exfiltration, tampering with oversight.</summary>
    Harmless = 2,
}

/// <summary>What a <see cref="PolicyRequest"/> proposes.</summary>
public enum PolicyRequestKind
{
    /// <summary>Messages about to be sent to a model.</summary>
    ModelRequest = 0,

    /// <summary>A model's answer (complete, or the text streamed so far) about to reach the caller.</summary>
    ModelResponse = 1,

    /// <summary>A tool call the model chose, about to be invoked.</summary>
    ToolCall = 2,
}

/// <summary>A set of <see cref="PolicyRequestKind"/> values.</summary>
[Flags]
public enum PolicyRequestKinds
{
    /// <summary>No kind.</summary>
    None = 0,

    /// <summary><see cref="PolicyRequestKind.ModelRequest"/>.</summary>
    ModelRequest = 1,

    /// <summary><see cref="PolicyRequestKind.ModelResponse"/>.</summary>
    ModelResponse = 2,

    /// <summary><see cref="PolicyRequestKind.ToolCall"/>.</summary>
    ToolCall = 4,

    /// <summary>Every kind.</summary>
    All = ModelRequest | ModelResponse | ToolCall,
}
