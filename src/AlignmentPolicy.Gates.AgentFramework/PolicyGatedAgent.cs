using System.Runtime.CompilerServices;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// An Agent Framework agent that routes each run (its input and its answer, streamed or not) and, for agents
/// built on a chat client, every function call through policy gates.
/// </summary>
/// <remarks>
/// Function calls are judged by Agent Framework function middleware at the moment they run: a denied call
/// returns a result explaining the denial to the model; an escalated call waits for the
/// <see cref="IApprovalService"/> and is denied when none is configured (fail closed). Tools that always need a
/// person can also be wrapped in <see cref="ApprovalRequiredAIFunction"/>, which Agent Framework handles itself.
/// </remarks>
public sealed class PolicyGatedAgent : DelegatingAIAgent
{
    private readonly ToolInvocationGate _tools;

    /// <summary>Creates a gated agent around <paramref name="innerAgent"/>.</summary>
    /// <param name="innerAgent">The agent to gate.</param>
    /// <param name="options">The options; copied. When it lists no gates, the built-in gates are used.</param>
    /// <param name="loggerFactory">Creates the logger for decisions.</param>
    /// <param name="services">Services handed to gates.</param>
    public PolicyGatedAgent(AIAgent innerAgent, PolicyGateOptions? options = null, ILoggerFactory? loggerFactory = null, IServiceProvider? services = null)
        : this(innerAgent, CreateGate(options, loggerFactory, services), services)
    {
    }

    private PolicyGatedAgent(AIAgent innerAgent, ToolInvocationGate tools, IServiceProvider? services)
        : base(WithFunctionGate(innerAgent, tools, services))
    {
        _tools = tools;
    }

    /// <summary>The gates this agent runs, in order.</summary>
    public IReadOnlyList<IPolicyGate> Gates => _tools.Engine.Gates;

    /// <inheritdoc />
    protected override async Task<AgentResponse> RunCoreAsync(IEnumerable<ChatMessage> messages, AgentSession? session = null, AgentRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var history = PolicyRequest.AsReadOnly(messages);
        if (await GateRequestAsync(history, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return new AgentResponse(new ChatMessage(ChatRole.Assistant, refusal)) { AgentId = Id, FinishReason = ChatFinishReason.ContentFilter };
        }

        _tools.RememberApprovals(history);
        var response = await InnerAgent.RunAsync(history, session, options, cancellationToken).ConfigureAwait(false);
        ToolInvocationGate.SurfacePendingApprovals(response.Messages);
        var engine = _tools.Engine;
        if (engine.Options.GateResponses && engine.Wants(PolicyRequestKind.ModelResponse) && response.Messages.Count > 0 && response.Messages[^1].Role == ChatRole.Assistant
            && !response.Messages[^1].Contents.Any(c => c is ToolApprovalRequestContent))
        {
            var request = PolicyRequest.Model(PolicyRequestKind.ModelResponse, history, null, new ChatResponse(response.Messages), null, false, _tools.Origin);
            var verdict = await SettleAsync(request, await engine.EvaluateAsync(request, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            if (verdict.Decision != PolicyDecision.Allow)
            {
                response.Messages[^1].Contents = [new TextContent(PolicyMessages.ResponseDenied(verdict))];
                response.FinishReason = ChatFinishReason.ContentFilter;
            }
        }

        return response;
    }

    /// <inheritdoc />
    protected override async IAsyncEnumerable<AgentResponseUpdate> RunCoreStreamingAsync(
        IEnumerable<ChatMessage> messages,
        AgentSession? session = null,
        AgentRunOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var history = PolicyRequest.AsReadOnly(messages);
        if (await GateRequestAsync(history, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            yield return new AgentResponseUpdate(ChatRole.Assistant, refusal) { AgentId = Id, FinishReason = ChatFinishReason.ContentFilter };
            yield break;
        }

        _tools.RememberApprovals(history);
        var engine = _tools.Engine;
        var gateText = engine.Options.GateResponses && engine.Wants(PolicyRequestKind.ModelResponse);
        var hold = new StreamingTextHold<AgentResponseUpdate>();
        Dictionary<string, FunctionCallContent>? calls = null;
        await foreach (var update in InnerAgent.RunStreamingAsync(history, session, options, cancellationToken).ConfigureAwait(false))
        {
            var current = update;
            foreach (var content in update.Contents)
            {
                if (content is FunctionCallContent call)
                {
                    (calls ??= new(StringComparer.Ordinal))[call.CallId] = call;
                }
            }

            if (calls is not null && ToolInvocationGate.SurfacePendingApproval(update.Contents, calls) is { } surfaced)
            {
                current = new AgentResponseUpdate(ChatRole.Assistant, surfaced) { AgentId = update.AgentId, MessageId = update.MessageId };
            }

            if (!gateText || current.Role == ChatRole.Tool || string.IsNullOrEmpty(current.Text))
            {
                if (hold.IsHolding)
                {
                    hold.Hold(current);
                    continue;
                }

                yield return current;
                continue;
            }

            if (!hold.HoldText(current, current.Text))
            {
                continue;
            }

            var partial = await EvaluateTextAsync(history, hold.TakeTextToJudge(), cancellationToken).ConfigureAwait(false);
            if (partial.Decision != PolicyDecision.Allow)
            {
                yield return Denied(partial);
                yield break;
            }

            foreach (var release in hold.Release())
            {
                yield return release;
            }
        }

        if (hold.HasUnjudged)
        {
            var final = await EvaluateTextAsync(history, hold.TakeTextToJudge(), cancellationToken).ConfigureAwait(false);
            if (final.Decision != PolicyDecision.Allow)
            {
                yield return Denied(final);
                yield break;
            }

            foreach (var release in hold.Release())
            {
                yield return release;
            }
        }
    }

    private AgentResponseUpdate Denied(PolicyVerdict verdict)
        => new(ChatRole.Assistant, PolicyMessages.ResponseDenied(verdict)) { AgentId = Id, FinishReason = ChatFinishReason.ContentFilter };

    private static ToolInvocationGate CreateGate(PolicyGateOptions? options, ILoggerFactory? loggerFactory, IServiceProvider? services)
    {
        var snapshot = options?.Clone() ?? new PolicyGateOptions();
        snapshot.EnsureGatesSomething(nameof(options));
        var engine = new PolicyEngine(snapshot, (ILogger?)loggerFactory?.CreateLogger<PolicyGatedAgent>() ?? NullLogger.Instance, useDefaultsWhenEmpty: true);
        // Agent Framework keeps its own record of the approval requests it issued in the session, so a request
        // raised by middleware cannot be answered through it: without an approval service, escalations are denied.
        return new ToolInvocationGate(engine, services, PolicySources.AgentFramework, canSurfaceApprovals: false);
    }

    private static AIAgent WithFunctionGate(AIAgent innerAgent, ToolInvocationGate tools, IServiceProvider? services)
    {
        ArgumentNullException.ThrowIfNull(innerAgent);
        if (!tools.Engine.Options.GateToolCalls || innerAgent.GetService<ChatClientAgent>() is null)
        {
            // Function middleware needs a chat-client agent; other agents are gated on their runs only.
            return innerAgent;
        }

        return new AIAgentBuilder(innerAgent)
            .Use((_, context, next, cancellationToken) => tools.InvokeAsync(context, next, cancellationToken))
            .Build(services);
    }

    private async ValueTask<string?> GateRequestAsync(IReadOnlyList<ChatMessage> history, CancellationToken cancellationToken)
    {
        var engine = _tools.Engine;
        if (!engine.Options.GateRequests || !engine.Wants(PolicyRequestKind.ModelRequest))
        {
            return null;
        }

        var request = PolicyRequest.Model(PolicyRequestKind.ModelRequest, history, null, null, null, false, _tools.Origin);
        var verdict = await SettleAsync(request, await engine.EvaluateAsync(request, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return verdict.Decision == PolicyDecision.Allow ? null : PolicyMessages.RequestDenied(verdict);
    }

    private async ValueTask<PolicyVerdict> EvaluateTextAsync(IReadOnlyList<ChatMessage> history, string text, CancellationToken cancellationToken)
    {
        var request = PolicyRequest.Model(PolicyRequestKind.ModelResponse, history, null, null, text, true, _tools.Origin);
        return await SettleAsync(request, await _tools.Engine.EvaluateAsync(request, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    private ValueTask<PolicyVerdict> SettleAsync(PolicyRequest request, PolicyVerdict verdict, CancellationToken cancellationToken)
        => PolicyEscalations.SettleAsync(_tools.Engine, request, verdict, cancellationToken);
}
