namespace AlignmentPolicy.Gates.Tests.Composition;

public sealed class CompositePolicyGateTests
{
    private static readonly PolicyRequest Request = PolicyRequest.ForToolCall("send_email", new Dictionary<string, object?>());

    private static TestGate Verdict(PolicyDecision decision, string rule) => new(_ => decision switch
    {
        PolicyDecision.Allow => PolicyVerdict.Allowed,
        PolicyDecision.Deny => PolicyVerdict.Deny(PolicyPrinciple.Harmless, rule, "deny " + rule),
        _ => PolicyVerdict.Escalate(PolicyPrinciple.Harmless, rule, "escalate " + rule),
    });

    [Fact]
    public async Task FirstDenialWinsAndLaterGatesAreNotAsked()
    {
        var later = TestGate.AllowAll();
        var composite = new CompositePolicyGate([Verdict(PolicyDecision.Escalate, "e1"), Verdict(PolicyDecision.Deny, "d1"), Verdict(PolicyDecision.Deny, "d2"), later]);

        var verdict = await composite.EvaluateAsync(Request, CancellationToken.None);

        Assert.Equal(PolicyDecision.Deny, verdict.Decision);
        Assert.Equal("d1", Assert.Single(verdict.Findings).RuleId);
        Assert.Empty(later.Seen);
    }

    [Fact]
    public async Task AnyEscalationEscalatesWithEveryEscalationFinding()
    {
        var composite = new CompositePolicyGate([Verdict(PolicyDecision.Escalate, "e1"), TestGate.AllowAll(), Verdict(PolicyDecision.Escalate, "e2")]);

        var verdict = await composite.EvaluateAsync(Request, CancellationToken.None);

        Assert.Equal(PolicyDecision.Escalate, verdict.Decision);
        Assert.Equal(["e1", "e2"], verdict.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public async Task AllAllowAllows()
    {
        var verdict = await new CompositePolicyGate([TestGate.AllowAll(), TestGate.AllowAll()]).EvaluateAsync(Request, CancellationToken.None);

        Assert.Same(PolicyVerdict.Allowed, verdict);
    }

    [Fact]
    public async Task ThrowingGateDeniesNamingTheGate()
    {
        var composite = new CompositePolicyGate([new TestGate(_ => throw new FormatException("bad rules"))]);

        var verdict = await composite.EvaluateAsync(Request, CancellationToken.None);

        Assert.Equal(PolicyDecision.Deny, verdict.Decision);
        Assert.Equal(RuleIds.GateFailed, verdict.Findings[0].RuleId);
        Assert.Contains("TestGate", verdict.Findings[0].Reason);
        Assert.Contains("bad rules", verdict.Findings[0].Reason);
    }

    [Fact]
    public async Task AsynchronouslyThrowingGateDenies()
    {
        var composite = new CompositePolicyGate([new TestGate(async (_, _) => { await Task.Yield(); throw new InvalidOperationException(); })]);

        var verdict = await composite.EvaluateAsync(Request, CancellationToken.None);

        Assert.Equal(RuleIds.GateFailed, verdict.Findings[0].RuleId);
    }

    [Fact]
    public async Task GateReturningNullDenies()
    {
        var verdict = await new CompositePolicyGate([new TestGate(_ => null!)]).EvaluateAsync(Request, CancellationToken.None);

        Assert.Equal(PolicyDecision.Deny, verdict.Decision);
    }

    [Fact]
    public async Task EachGateHasItsOwnTimeoutAndTheSlowGateSeesCancellation()
    {
        var observed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = new TestGate(async (_, ct) =>
        {
            ct.Register(() => observed.TrySetResult(true));
            await Task.Delay(Timeout.Infinite, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
            return PolicyVerdict.Allowed;
        });
        var options = new PolicyGateOptions { GateTimeout = TimeSpan.FromMinutes(5) };
        options.AddGate(TestGate.AllowAll()).AddGate(slow, TimeSpan.FromMilliseconds(50));

        var verdict = await new CompositePolicyGate(options).EvaluateAsync(Request, CancellationToken.None);

        Assert.Equal(RuleIds.GateTimeout, verdict.Findings[0].RuleId);
        Assert.True(await observed.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task CallerCancellationPropagatesInsteadOfDenying()
    {
        using var cts = new CancellationTokenSource();
        var gate = new TestGate(async (_, ct) => { await cts.CancelAsync(); ct.ThrowIfCancellationRequested(); return PolicyVerdict.Allowed; });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await new CompositePolicyGate([gate]).EvaluateAsync(Request, cts.Token));
    }

    [Fact]
    public async Task ScopedGatesOnlySeeTheirKinds()
    {
        // The honesty gate judges answers and (since invented findings travel by mail) outbound tool calls, never requests.
        var honesty = new CompositePolicyGate([new HonestyPolicyGate()]);
        Assert.Equal(PolicyRequestKinds.ModelResponse | PolicyRequestKinds.ToolCall, honesty.Kinds);

        var counting = TestGate.AllowAll();
        var options = new PolicyGateOptions();
        options.AddGate(new HonestyPolicyGate()).AddGate(counting);
        await new CompositePolicyGate(options).EvaluateAsync(Request, CancellationToken.None);
        Assert.Single(counting.Seen);
    }
}
