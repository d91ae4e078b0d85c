using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Judges tool invocations at the moment they run (a <see cref="FunctionInvokingChatClient.FunctionInvoker"/> hook,
/// or Agent Framework function middleware), and keeps track of approvals the caller sent back.
/// Shared by <see cref="PolicyGatedChatClient"/> and <c>PolicyGatedAgent</c> (AlignmentPolicy.Gates.AgentFramework).
/// </summary>
internal sealed class ToolInvocationGate
{
    private readonly ConcurrentDictionary<string, FunctionCallContent> _approved = new(StringComparer.Ordinal);

    public ToolInvocationGate(PolicyEngine engine, IServiceProvider? services, string source, bool canSurfaceApprovals)
    {
        Engine = engine;
        Origin = new PolicyOrigin(source, services);
        CanSurfaceApprovals = canSurfaceApprovals;
    }

    /// <summary>Whether an escalation without an approval service may surface as approval content; otherwise it is denied.</summary>
    public bool CanSurfaceApprovals { get; }

    public PolicyEngine Engine { get; }

    public PolicyOrigin Origin { get; }

    /// <summary>Judges one invocation just before it runs; calls <paramref name="next"/> only when allowed.</summary>
    public async ValueTask<object?> InvokeAsync(
        FunctionInvocationContext context,
        Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>>? next,
        CancellationToken cancellationToken)
    {
        if (!Engine.Wants(PolicyRequestKind.ToolCall))
        {
            return await Next(context, next, cancellationToken).ConfigureAwait(false);
        }

        var function = context.Function;
        var request = PolicyRequest.Tool(
            function.Name,
            context.Arguments,
            SideEffectResolver.Resolve(function, function.Name, Engine.Options),
            PolicyRequest.AsReadOnly(context.Messages),
            context.CallContent.CallId,
            function,
            context.Options,
            context.IsStreaming,
            Origin);
        var verdict = await Engine.EvaluateAsync(request, cancellationToken).ConfigureAwait(false);
        if (verdict.Decision == PolicyDecision.Escalate)
        {
            if (TakeApproval(context.CallContent))
            {
                verdict = Engine.Record(request, new PolicyVerdict(PolicyDecision.Allow,
                    [new PolicyFinding(PolicyPrinciple.Helpful, RuleIds.ApprovalGranted, "Approved through a tool approval response.")]));
            }
            else if (await Engine.ResolveEscalationAsync(request, verdict, cancellationToken).ConfigureAwait(false) is { } answered)
            {
                verdict = answered;
            }
            else if (CanSurfaceApprovals)
            {
                // No approval service: stop the loop; the gated client surfaces an approval request.
                context.Terminate = true;
                return new PendingPolicyApproval(verdict);
            }
            else
            {
                verdict = await PolicyEscalations.SettleAsync(Engine, request, verdict, cancellationToken).ConfigureAwait(false);
            }
        }

        return verdict.Decision == PolicyDecision.Allow
            ? await Next(context, next, cancellationToken).ConfigureAwait(false)
            : PolicyMessages.ToolDenied(function.Name, verdict);
    }

    /// <summary>Remembers the calls the caller approved with <see cref="ToolApprovalResponseContent"/>.</summary>
    public void RememberApprovals(IEnumerable<ChatMessage> history)
    {
        if (history is IReadOnlyList<ChatMessage> list)
        {
            for (var i = 0; i < list.Count; i++)
            {
                Remember(list[i]);
            }

            return;
        }

        foreach (var message in history)
        {
            Remember(message);
        }
    }

    /// <summary>Consumes an approval for exactly this call: same id, same function, same arguments.</summary>
    public bool TakeApproval(FunctionCallContent call)
        => !_approved.IsEmpty && _approved.TryRemove(call.CallId, out var approved) && approved.Name == call.Name && SameArguments(approved.Arguments, call.Arguments);

    private static bool SameArguments(IDictionary<string, object?>? approved, IDictionary<string, object?>? actual)
    {
        if (approved is null || actual is null)
        {
            return (approved?.Count ?? 0) == (actual?.Count ?? 0);
        }

        if (approved.Count != actual.Count)
        {
            return false;
        }

        foreach (var pair in approved)
        {
            if (!actual.TryGetValue(pair.Key, out var value) || PolicyRequest.ValueText(value) != PolicyRequest.ValueText(pair.Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Turns the placeholder results of escalated calls into <see cref="ToolApprovalRequestContent"/>.</summary>
    public static void SurfacePendingApprovals(IList<ChatMessage> messages)
    {
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            var contents = messages[i].Contents;
            var changed = false;
            for (var j = contents.Count - 1; j >= 0; j--)
            {
                if (contents[j] is FunctionResultContent { Result: PendingPolicyApproval } pending)
                {
                    contents.RemoveAt(j);
                    changed = true;
                    ReplaceCallWithApproval(messages, pending.CallId);
                }
            }

            if (changed && contents.Count == 0)
            {
                messages.RemoveAt(i);
            }
        }
    }

    /// <summary>In a stream, the call has already gone out: the placeholder result becomes an approval request.</summary>
    public static IList<AIContent>? SurfacePendingApproval(IList<AIContent> contents, IReadOnlyDictionary<string, FunctionCallContent> calls)
    {
        for (var i = 0; i < contents.Count; i++)
        {
            if (contents[i] is FunctionResultContent { Result: PendingPolicyApproval } pending)
            {
                var call = calls.TryGetValue(pending.CallId, out var seen) ? seen : new FunctionCallContent(pending.CallId, "unknown");
                call.InformationalOnly = false;
                return [new ToolApprovalRequestContent(pending.CallId, call)];
            }
        }

        return null;
    }

    private void Remember(ChatMessage message)
    {
        var contents = message.Contents;
        for (var j = 0; j < contents.Count; j++)
        {
            if (contents[j] is ToolApprovalResponseContent { Approved: true, ToolCall: FunctionCallContent call })
            {
                _approved[call.CallId] = call;
            }
        }
    }

    private static ValueTask<object?> Next(FunctionInvocationContext context, Func<FunctionInvocationContext, CancellationToken, ValueTask<object?>>? next, CancellationToken cancellationToken)
        => next is null ? context.Function.InvokeAsync(context.Arguments, cancellationToken) : next(context, cancellationToken);

    private static void ReplaceCallWithApproval(IList<ChatMessage> messages, string callId)
    {
        foreach (var message in messages)
        {
            var contents = message.Contents;
            for (var k = 0; k < contents.Count; k++)
            {
                if (contents[k] is FunctionCallContent call && call.CallId == callId)
                {
                    call.InformationalOnly = false;
                    contents[k] = new ToolApprovalRequestContent(callId, call);
                    return;
                }
            }
        }
    }
}
