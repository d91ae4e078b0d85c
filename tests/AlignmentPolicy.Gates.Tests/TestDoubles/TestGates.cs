namespace AlignmentPolicy.Gates.Tests;

/// <summary>A gate whose verdict is set with a callback; it records what it saw.</summary>
public sealed class TestGate : IPolicyGate
{
    private readonly Func<PolicyRequest, CancellationToken, ValueTask<PolicyVerdict>> _evaluate;

    public TestGate(Func<PolicyRequest, CancellationToken, ValueTask<PolicyVerdict>> evaluate) => _evaluate = evaluate;

    public TestGate(Func<PolicyRequest, PolicyVerdict> evaluate) => _evaluate = (r, _) => new(evaluate(r));

    public List<PolicyRequest> Seen { get; } = [];

    public List<CancellationToken> Tokens { get; } = [];

    public ValueTask<PolicyVerdict> EvaluateAsync(PolicyRequest request, CancellationToken cancellationToken)
    {
        lock (Seen)
        {
            Seen.Add(request);
            Tokens.Add(cancellationToken);
        }

        return _evaluate(request, cancellationToken);
    }

    /// <summary>Denies calls to <paramref name="toolName"/>, allows everything else.</summary>
    public static TestGate DenyTool(string toolName, string reason = "Test policy forbids this tool.")
        => new(r => r.Kind == PolicyRequestKind.ToolCall && r.FunctionName == toolName
            ? PolicyVerdict.Deny(PolicyPrinciple.Harmless, "test.deny", reason)
            : PolicyVerdict.Allowed);

    /// <summary>Escalates calls to <paramref name="toolName"/>, allows everything else.</summary>
    public static TestGate EscalateTool(string toolName)
        => new(r => r.Kind == PolicyRequestKind.ToolCall && r.FunctionName == toolName
            ? PolicyVerdict.Escalate(PolicyPrinciple.Harmless, "test.escalate", "A person must approve this.")
            : PolicyVerdict.Allowed);

    public static TestGate AllowAll() => new(_ => PolicyVerdict.Allowed);
}

/// <summary>An approval service whose answer the test controls; it records what it was asked.</summary>
public sealed class TestApprovalService : IApprovalService
{
    private readonly Func<PolicyRequest, ValueTask<ApprovalDecision>> _decide;

    public TestApprovalService(Func<PolicyRequest, ValueTask<ApprovalDecision>> decide) => _decide = decide;

    public TestApprovalService(bool approve) => _decide = _ => new(approve ? ApprovalDecision.Approve("test-reviewer") : ApprovalDecision.Reject("not today", "test-reviewer"));

    public List<PolicyRequest> Asked { get; } = [];

    public ValueTask<ApprovalDecision> RequestApprovalAsync(PolicyRequest request, PolicyVerdict verdict, CancellationToken cancellationToken)
    {
        Asked.Add(request);
        return _decide(request);
    }
}

/// <summary>A tool that counts its invocations.</summary>
public sealed class CountingTool
{
    private int _count;

    public CountingTool(string name, string result = "done")
    {
        Function = AIFunctionFactory.Create((string? to = null, string? body = null) =>
        {
            Interlocked.Increment(ref _count);
            return result;
        }, name);
    }

    public AIFunction Function { get; }

    public int Count => Volatile.Read(ref _count);
}
