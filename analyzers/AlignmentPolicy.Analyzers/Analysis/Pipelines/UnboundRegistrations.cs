using System.Linq;
using AlignmentPolicy.Analyzers.Analysis.Invocations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis.Pipelines;

/// <summary>
/// <c>builder.Services.AddChatClient(new OllamaChatClient(endpoint, model))</c> where the client's type is in a package
/// the scan does not have: the registration does not bind, yet the container it fills is the one injected clients
/// come from. Its origin is what the given client and the chain after it say; anything that could carry a gate
/// (an unbound call in the chain, a factory, a client from elsewhere) leaves it unknown.
/// </summary>
internal static class UnboundRegistrations
{
    /// <summary>The origin of an unkeyed <c>AddChatClient(...)</c> that did not bind, or null when the call is something else.</summary>
    public static Origin? ChatClient(IInvalidOperation invalid, AgentContext context)
    {
        if (invalid.Syntax is not InvocationExpressionSyntax syntax || Operations.CandidateMethod(invalid) is not { Name: "AddChatClient" } candidate
            || context.Classifier.Classify(candidate) != InvocationKind.ChatClientRegistration)
        {
            return null;
        }

        // The chain after the registration: services.AddChatClient(...).UseLogging().UsePolicyGate().
        for (SyntaxNode link = syntax; link.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax outer } access && access.Expression == link; link = outer)
        {
            switch (context.OperationOf(outer))
            {
                case IInvocationOperation bound when context.Gates.IsGateInvocation(bound):
                    return Origin.Gated;
                case IInvocationOperation:
                    continue;
                default:
                    return Origin.Unknown("it is registered with AddChatClient(...) in a chain this scan cannot bind");
            }
        }

        var arguments = syntax.ArgumentList.Arguments;
        Origin? given = null;
        foreach (var child in invalid.ChildOperations)
        {
            if (arguments.Any(a => a.Span.Contains(child.Syntax.Span)))
            {
                var origin = context.Origins.Trace(child);
                given = given is { } previous ? Origin.Combine(previous, origin) : origin;
            }
        }

        return given is { State: GateState.Ungated }
            ? Origin.Ungated($"it is registered with AddChatClient(...) at {Operations.Where(invalid)} without UsePolicyGate()")
            : Origin.Unknown("it is registered with AddChatClient(...) of a client this scan cannot follow");
    }
}
