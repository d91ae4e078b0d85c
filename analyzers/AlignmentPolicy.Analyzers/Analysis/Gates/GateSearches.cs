using AlignmentPolicy.Analyzers.Analysis.Calls;
using AlignmentPolicy.Analyzers.Analysis.Invocations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis.Gates;

/// <summary>A call that asks a gate: where a walk found it.</summary>
internal sealed class GateCheck
{
    public GateCheck(IInvocationOperation call) => Call = call;

    public IInvocationOperation Call { get; }
}

/// <summary>
/// "Does this code ask a gate?" (<c>IPolicyGate.EvaluateAsync</c>, a gate type's <c>EvaluateAsync</c>,
/// <c>IApprovalService.RequestApprovalAsync</c>), directly or through the compilation's own methods:
/// the call-graph walk, cached per method.
/// </summary>
internal sealed class GateCheckSearch : CallGraphQuery<GateCheck>
{
    private readonly GateModel _gates;
    private readonly int _maxDepth;

    public GateCheckSearch(Calls.CallGraph graph, GateModel gates, int maxDepth)
        : base(graph)
    {
        _gates = gates;
        _maxDepth = maxDepth;
    }

    protected override int MaxDepth => _maxDepth;

    public override GateCheck? Visit(IOperation call, CallChain chain)
        => call is IInvocationOperation invocation && _gates.IsGateCheck(invocation) ? new GateCheck(invocation) : null;

    public override bool MayFindCall(string simpleName) => GateModel.MayBeGateCheck(simpleName);

    public override bool MayFindCreation(string? typeName) => false;
}

/// <summary>
/// "Does this helper apply a gate to the client it builds?" (<c>builder.UseContosoDefaults()</c> calling
/// <c>UsePolicyGate()</c> inside): the call-graph walk, a few levels deep, cached per method.
/// </summary>
internal sealed class GateApplicationSearch : CallGraphQuery<GateCheck>
{
    private readonly GateModel _gates;
    private readonly InvocationClassifier _classifier;

    public GateApplicationSearch(Calls.CallGraph graph, GateModel gates, InvocationClassifier classifier)
        : base(graph)
    {
        _gates = gates;
        _classifier = classifier;
    }

    protected override int MaxDepth => 3;

    // Visit below reports only GateApplication and MiddlewareUse calls.
    public override bool MayFindCall(string simpleName) => simpleName is "UsePolicyGate" or "AddPolicyGate" or "WithPolicyGate" or "Use";

    public override bool MayFindCreation(string? typeName) => false;

    public override GateCheck? Visit(IOperation call, CallChain chain)
    {
        if (call is not IInvocationOperation invocation)
        {
            return null;
        }

        var kind = _classifier.Classify(invocation.TargetMethod);
        return kind == InvocationKind.GateApplication || (kind == InvocationKind.MiddlewareUse && _gates.MiddlewareGates(invocation))
            ? new GateCheck(invocation)
            : null;
    }
}
