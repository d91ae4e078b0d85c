using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace AlignmentPolicy.Gates;

/// <summary>
/// The one place gates are run: composition, timeouts, fail-closed handling, approval, tracing, logging and
/// the decision log. Every integration (chat client, function, agent, kernel filter) calls it.
/// </summary>
/// <remarks>
/// ConfigureAwait policy: this is library code, so every await uses <c>ConfigureAwait(false)</c>; nothing
/// here needs the caller's synchronization context.
/// The allow path with synchronous gates completes without allocating: gates return completed
/// <see cref="ValueTask{TResult}"/>s, <see cref="PolicyVerdict.Allowed"/> is shared, and tracing and
/// logging cost nothing when nobody listens.
/// </remarks>
internal sealed class PolicyEngine
{
    private readonly IPolicyGate[] _gates;
    private readonly TimeSpan[] _timeouts;
    private readonly PolicyRequestKinds[] _kinds;
    private readonly bool[] _synchronous;
    private readonly ILogger _logger;

    public PolicyEngine(PolicyGateOptions options, ILogger logger, bool useDefaultsWhenEmpty)
    {
        Options = options;
        _logger = logger;
        IEnumerable<IPolicyGate> gates = options.Gates.Count == 0 && useDefaultsWhenEmpty ? BuiltInPolicyGates.CreateDefault() : options.Gates;
        _gates = [.. gates];
        _timeouts = new TimeSpan[_gates.Length];
        _kinds = new PolicyRequestKinds[_gates.Length];
        _synchronous = new bool[_gates.Length];
        for (var i = 0; i < _gates.Length; i++)
        {
            _synchronous[i] = _gates[i] is ISynchronousPolicyGate;
            _timeouts[i] = options.GateTimeouts.TryGetValue(_gates[i], out var timeout) ? timeout : options.GateTimeout;
            _kinds[i] = _gates[i] is IPolicyGateScope scope ? scope.Kinds : PolicyRequestKinds.All;
            Kinds |= _kinds[i];
        }
    }

    public PolicyGateOptions Options { get; }

    public PolicyRequestKinds Kinds { get; }

    public IReadOnlyList<IPolicyGate> Gates => _gates;

    public bool Wants(PolicyRequestKind kind) => (Kinds & ToFlag(kind)) != 0;

    /// <summary>Runs the gates on <paramref name="request"/> and records the verdict.</summary>
    public ValueTask<PolicyVerdict> EvaluateAsync(PolicyRequest request, CancellationToken cancellationToken)
    {
        var flag = ToFlag(request.Kind);
        var activity = PolicyTelemetry.ActivitySource.StartActivity(PolicyTelemetry.ActivityName(request.Kind), ActivityKind.Internal);
        long started = Stopwatch.GetTimestamp();
        List<PolicyFinding>? escalations = null;
        for (var i = 0; i < _gates.Length; i++)
        {
            if ((_kinds[i] & flag) == 0)
            {
                continue;
            }

            // Built-in deterministic gates answer synchronously and need no timer; other gates get a token
            // that is cancelled when their timeout elapses.
            CancellationTokenSource? timeoutSource = null;
            ValueTask<PolicyVerdict> pending;
            try
            {
                if (!_synchronous[i])
                {
                    timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeoutSource.CancelAfter(_timeouts[i]);
                }

                pending = _gates[i].EvaluateAsync(request, timeoutSource?.Token ?? cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                timeoutSource?.Dispose();
                activity?.Dispose();
                throw;
            }
            catch (Exception ex)
            {
                timeoutSource?.Dispose();
                return new(Finish(request, Failed(_gates[i], ex), activity, started));
            }

            if (!pending.IsCompleted)
            {
                return SlowAsync(request, pending, timeoutSource, i, escalations, activity, started, cancellationToken);
            }

            timeoutSource?.Dispose();

            PolicyVerdict verdict;
            try
            {
                verdict = pending.Result ?? NullVerdict(_gates[i]);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                activity?.Dispose();
                throw;
            }
            catch (Exception ex)
            {
                return new(Finish(request, Failed(_gates[i], ex), activity, started));
            }

            if (verdict.Decision == PolicyDecision.Deny)
            {
                return new(Finish(request, verdict, activity, started));
            }

            if (verdict.Decision == PolicyDecision.Escalate)
            {
                (escalations ??= []).AddRange(verdict.Findings);
            }
        }

        var result = escalations is null ? PolicyVerdict.Allowed : new PolicyVerdict(PolicyDecision.Escalate, escalations);
        if (escalations is not null && IsForTheJudge(result))
        {
            return JudgeAsync(request, result, activity, started, cancellationToken);
        }

        return new(Finish(request, result, activity, started));
    }

    /// <summary>Whether the cascade's judge decides this escalation: one is configured and every finding is an ambiguous case.</summary>
    private bool IsForTheJudge(PolicyVerdict verdict)
    {
        if (Options.Judge is null)
        {
            return false;
        }

        foreach (var finding in verdict.Findings)
        {
            if (!Options.JudgedRuleIds.Contains(finding.RuleId))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The cascade's second tier: the judge decides an ambiguous escalation; what it cannot decide stays escalated.</summary>
    private async ValueTask<PolicyVerdict> JudgeAsync(PolicyRequest request, PolicyVerdict escalation, Activity? activity, long started, CancellationToken cancellationToken)
    {
        PolicyVerdict judged;
        try
        {
            judged = await Options.Judge!.JudgeAsync(request, escalation.Findings, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            activity?.Dispose();
            throw;
        }

        PolicyVerdict result = judged.Decision switch
        {
            PolicyDecision.Allow => new PolicyVerdict(PolicyDecision.Allow,
                [.. escalation.Findings, new PolicyFinding(PolicyPrinciple.Helpful, RuleIds.JudgeCleared, "The judge model found no violation in this ambiguous case.")]),
            PolicyDecision.Deny => new PolicyVerdict(PolicyDecision.Deny, [.. judged.Findings, .. escalation.Findings]),
            _ => new PolicyVerdict(PolicyDecision.Escalate, [.. escalation.Findings, .. judged.Findings]),
        };
        return Finish(request, result, activity, started);
    }

    /// <summary>Turns an escalation into an allow or a denial by asking the approval service, if any.</summary>
    /// <returns><see langword="null"/> when no approval service is configured (the caller surfaces the escalation).</returns>
    public async ValueTask<PolicyVerdict?> ResolveEscalationAsync(PolicyRequest request, PolicyVerdict verdict, CancellationToken cancellationToken)
    {
        var approvals = Options.ApprovalService;
        if (approvals is null)
        {
            return null;
        }

        ApprovalDecision decision;
        try
        {
            decision = await approvals.RequestApprovalAsync(request, verdict, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            PolicyLog.ApprovalFailed(_logger, ex, request.Kind, request.FunctionName);
            return Record(request, PolicyVerdict.Deny(PolicyPrinciple.Harmless, RuleIds.ApprovalFailed,
                $"The approval service failed ({ex.GetType().Name}), so the escalated action is denied (fail closed)."));
        }

        PolicyLog.ApprovalDecided(_logger, request.Kind, request.FunctionName, decision.Approved, decision.Reviewer);
        return decision.Approved
            ? Record(request, new PolicyVerdict(PolicyDecision.Allow, [new PolicyFinding(PolicyPrinciple.Helpful, RuleIds.ApprovalGranted, $"Approved by {decision.Reviewer ?? "a reviewer"}.")]))
            : Record(request, PolicyVerdict.Deny(PolicyPrinciple.Harmless, RuleIds.ApprovalRejected,
                $"A reviewer rejected this action{(decision.Reason is null ? "." : ": " + decision.Reason)}"));
    }

    /// <summary>Records a verdict reached outside the gates (approval answers, surfaced escalations).</summary>
    public PolicyVerdict Record(PolicyRequest request, PolicyVerdict verdict)
    {
        var activity = PolicyTelemetry.ActivitySource.StartActivity(PolicyTelemetry.ActivityName(request.Kind), ActivityKind.Internal);
        return Finish(request, verdict, activity, Stopwatch.GetTimestamp());
    }

    private async ValueTask<PolicyVerdict> SlowAsync(
        PolicyRequest request,
        ValueTask<PolicyVerdict> pending,
        CancellationTokenSource? pendingTimeout,
        int index,
        List<PolicyFinding>? escalations,
        Activity? activity,
        long started,
        CancellationToken cancellationToken)
    {
        var flag = ToFlag(request.Kind);
        for (var i = index; i < _gates.Length; i++)
        {
            if ((_kinds[i] & flag) == 0)
            {
                continue;
            }

            PolicyVerdict verdict;
            try
            {
                verdict = i == index
                    ? await AwaitWithTimeoutAsync(_gates[i], pending, pendingTimeout, _timeouts[i], cancellationToken).ConfigureAwait(false)
                    : await RunWithTimeoutAsync(_gates[i], request, _timeouts[i], cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                activity?.Dispose();
                throw;
            }

            if (verdict.Decision == PolicyDecision.Deny)
            {
                return Finish(request, verdict, activity, started);
            }

            if (verdict.Decision == PolicyDecision.Escalate)
            {
                (escalations ??= []).AddRange(verdict.Findings);
            }
        }

        var result = escalations is null ? PolicyVerdict.Allowed : new PolicyVerdict(PolicyDecision.Escalate, escalations);
        if (escalations is not null && IsForTheJudge(result))
        {
            return await JudgeAsync(request, result, activity, started, cancellationToken).ConfigureAwait(false);
        }

        return Finish(request, result, activity, started);
    }

    private async ValueTask<PolicyVerdict> RunWithTimeoutAsync(IPolicyGate gate, PolicyRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        ValueTask<PolicyVerdict> pending;
        try
        {
            pending = gate.EvaluateAsync(request, timeoutSource.Token);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            timeoutSource.Dispose();
            throw;
        }
        catch (Exception ex)
        {
            timeoutSource.Dispose();
            return Failed(gate, ex);
        }

        return await AwaitWithTimeoutAsync(gate, pending, timeoutSource, timeout, cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<PolicyVerdict> AwaitWithTimeoutAsync(
        IPolicyGate gate,
        ValueTask<PolicyVerdict> pending,
        CancellationTokenSource? timeoutSource,
        TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        try
        {
            // WaitAsync bounds gates that ignore their token.
            var verdict = await pending.AsTask().WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return verdict ?? NullVerdict(gate);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // Tell the gate to stop: its answer no longer matters.
            await CancelQuietlyAsync(timeoutSource).ConfigureAwait(false);
            PolicyLog.GateTimedOut(_logger, gate.GetType().FullName, timeout.TotalMilliseconds);
            return PolicyVerdict.Deny(PolicyPrinciple.Harmless, RuleIds.GateTimeout,
                $"Policy gate {gate.GetType().Name} did not answer within {timeout.TotalSeconds:0.###} s, so the proposal is denied (fail closed).");
        }
        catch (Exception ex)
        {
            return Failed(gate, ex);
        }
        finally
        {
            timeoutSource?.Dispose();
        }
    }

    private static async ValueTask CancelQuietlyAsync(CancellationTokenSource? source)
    {
        if (source is null)
        {
            return;
        }

        try
        {
            await source.CancelAsync().ConfigureAwait(false);
        }
        catch (AggregateException)
        {
            // A gate's cancellation callback threw; the proposal is denied either way.
        }
    }

    private PolicyVerdict Failed(IPolicyGate gate, Exception ex)
    {
        PolicyLog.GateFailed(_logger, ex, gate.GetType().FullName);
        return PolicyVerdict.Deny(PolicyPrinciple.Harmless, RuleIds.GateFailed,
            $"Policy gate {gate.GetType().Name} failed ({ex.GetType().Name}: {ex.Message}), so the proposal is denied (fail closed).");
    }

    private static PolicyVerdict NullVerdict(IPolicyGate gate)
        => PolicyVerdict.Deny(PolicyPrinciple.Harmless, RuleIds.GateFailed,
            $"Policy gate {gate.GetType().Name} returned no verdict, so the proposal is denied (fail closed).");

    private PolicyVerdict Finish(PolicyRequest request, PolicyVerdict verdict, Activity? activity, long started)
    {
        if (activity is not null)
        {
            PolicyTelemetry.Tag(activity, request, verdict);
            activity.Dispose();
        }

        switch (verdict.Decision)
        {
            case PolicyDecision.Allow:
                PolicyLog.Allowed(_logger, request.Kind, request.FunctionName);
                break;
            case PolicyDecision.Deny:
                PolicyLog.Denied(_logger, request.Kind, request.FunctionName, verdict.Findings[0].RuleId, verdict.Findings[0].Reason);
                break;
            default:
                PolicyLog.Escalated(_logger, request.Kind, request.FunctionName, verdict.Findings[0].RuleId, verdict.Findings[0].Reason);
                break;
        }

        if (verdict.Decision != PolicyDecision.Allow && _logger.IsEnabled(LogLevel.Trace))
        {
            // Message contents only at Trace: they may hold personal data.
            PolicyLog.Content(_logger, request.Kind, request.Kind == PolicyRequestKind.ModelResponse ? request.ResponseText : PolicyTelemetry.ArgumentsText(request));
        }

        if (Options.DecisionLog is { } log)
        {
            try
            {
                log.Record(new PolicyDecisionRecord(DateTimeOffset.UtcNow, request, verdict, Stopwatch.GetElapsedTime(started)));
            }
            catch (Exception ex)
            {
                // A broken log must not turn a denial into an exception the caller might swallow.
                PolicyLog.DecisionLogFailed(_logger, ex);
            }
        }

        return verdict;
    }

    private static PolicyRequestKinds ToFlag(PolicyRequestKind kind) => kind switch
    {
        PolicyRequestKind.ModelRequest => PolicyRequestKinds.ModelRequest,
        PolicyRequestKind.ModelResponse => PolicyRequestKinds.ModelResponse,
        _ => PolicyRequestKinds.ToolCall,
    };
}
