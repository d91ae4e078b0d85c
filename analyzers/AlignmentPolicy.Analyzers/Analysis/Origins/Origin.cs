using Microsoft.CodeAnalysis;

namespace AlignmentPolicy.Analyzers.Analysis;

/// <summary>Whether every way a client, agent or kernel can be built passes a policy gate.</summary>
internal enum GateState
{
    Gated = 0,
    Unknown = 1,
    Ungated = 2,
}

/// <summary>How a code fix can add a gate where the client is built.</summary>
internal enum FixKind
{
    None,

    /// <summary>A ChatClientBuilder chain ending in Build(): insert <c>.UsePolicyGate()</c> before Build().</summary>
    InsertBeforeBuild,

    /// <summary>An expression producing a raw IChatClient: wrap it as <c>.AsBuilder().UsePolicyGate().Build()</c>.</summary>
    WrapChatClient,
}

/// <summary>The result of tracing where a value comes from.</summary>
internal readonly struct Origin
{
    private Origin(GateState state, string reason, SyntaxNode? fixSite, FixKind fix)
    {
        State = state;
        Reason = reason;
        FixSite = fixSite;
        Fix = fix;
    }

    public GateState State { get; }

    /// <summary>Why the value is not gated, for the diagnostic message.</summary>
    public string Reason { get; }

    /// <summary>Where a code fix can add the gate (only when a single path was found).</summary>
    public SyntaxNode? FixSite { get; }

    public FixKind Fix { get; }

    public static Origin Gated { get; } = new(GateState.Gated, "", null, FixKind.None);

    public static Origin Ungated(string reason, SyntaxNode? fixSite = null, FixKind fix = FixKind.None)
        => fixSite is null || fix == FixKind.None ? new(GateState.Ungated, reason, null, FixKind.None) : new(GateState.Ungated, reason, fixSite, fix);

    public static Origin Unknown(string reason) => new(GateState.Unknown, reason, null, FixKind.None);

    public Origin WithFix(SyntaxNode site, FixKind fix) => new(State, Reason, site, fix);

    /// <summary>All paths must be gated: an ungated path wins over an unknown one, which wins over gated.</summary>
    public static Origin Combine(Origin a, Origin b)
    {
        if (a.State != b.State)
        {
            return a.State > b.State ? a : b;
        }

        // Same state on two paths: keep the first reason, drop the fix (it would cover one path only).
        return new Origin(a.State, a.Reason, null, FixKind.None);
    }
}
