namespace AlignmentPolicy.Gates.Tests.ChatClients;

/// <summary>Tool calls through a real Microsoft.Extensions.AI pipeline, with the gate on either side of
/// <c>UseFunctionInvocation()</c>.</summary>
public sealed class PolicyGatedChatClientToolTests
{
    public static TheoryData<bool> Orders => new() { true, false };

    internal static IChatClient Pipeline(IChatClient inner, bool gateOutside, Action<PolicyGateOptions> configure)
        => gateOutside
            ? inner.AsBuilder().UsePolicyGate(configure).UseFunctionInvocation().Build()
            : inner.AsBuilder().UseFunctionInvocation().UsePolicyGate(configure).Build();

    private static ChatOptions Tools(params CountingTool[] tools) => new() { Tools = [.. tools.Select(t => (AITool)t.Function)] };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task DeniedToolNeverRunsAndTheModelIsToldWhy(bool gateOutside)
    {
        var mail = new CountingTool("send_email");
        var inner = TestChatClient.Scripted(
            TestChatClient.Call("c1", "send_email", ("to", "kyle@summitbridge.example"), ("body", "hello")),
            TestChatClient.Text("I could not send the email."));
        var client = Pipeline(inner, gateOutside, o => o.AddGate(TestGate.DenyTool("send_email", "Mail is switched off in this test.")));

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Mail Kyle")], Tools(mail));

        Assert.Equal(0, mail.Count);
        Assert.Equal(2, inner.Calls.Count);
        var result = inner.Calls[1].SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single();
        Assert.Equal("c1", result.CallId);
        var text = Assert.IsType<string>(result.Result);
        Assert.StartsWith("Denied by policy", text);
        Assert.Contains("test.deny", text);
        Assert.Contains("Mail is switched off in this test.", text);
        Assert.Equal("I could not send the email.", response.Text);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task AllowedToolRunsExactlyOnce(bool gateOutside)
    {
        var lookup = new CountingTool("get_order", "order 42: shipped");
        var inner = TestChatClient.Scripted(TestChatClient.Call("c1", "get_order", ("to", "42")), TestChatClient.Text("Your order shipped."));
        var gate = TestGate.AllowAll();
        var client = Pipeline(inner, gateOutside, o => o.AddGate(gate));

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Where is order 42?")], Tools(lookup));

        Assert.Equal(1, lookup.Count);
        Assert.Equal("Your order shipped.", response.Text);
        var toolRequest = Assert.Single(gate.Seen, r => r.Kind == PolicyRequestKind.ToolCall);
        Assert.Equal("get_order", toolRequest.FunctionName);
        Assert.Equal("c1", toolRequest.CallId);
        Assert.Equal("42", toolRequest.GetArgumentText("to"));
        Assert.Contains(gate.Seen, r => r.Kind == PolicyRequestKind.ModelRequest);
        Assert.Contains(gate.Seen, r => r.Kind == PolicyRequestKind.ModelResponse && r.ResponseText == "Your order shipped.");
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task EscalatedToolWaitsForTheApprovalServiceAndRunsOnlyIfApproved(bool gateOutside)
    {
        var refund = new CountingTool("issue_refund");
        var inner = TestChatClient.Scripted(TestChatClient.Call("c1", "issue_refund", ("to", "order-7")), TestChatClient.Text("Refund handled."));
        var decision = new TaskCompletionSource<ApprovalDecision>(TaskCreationOptions.RunContinuationsAsynchronously);
        var approvals = new TestApprovalService(_ => new ValueTask<ApprovalDecision>(decision.Task));
        var client = Pipeline(inner, gateOutside, o => { o.AddGate(TestGate.EscalateTool("issue_refund")); o.ApprovalService = approvals; });

        var pending = client.GetResponseAsync([new ChatMessage(ChatRole.User, "Refund order 7")], Tools(refund));
        await WaitUntil(() => approvals.Asked.Count == 1);
        Assert.Equal(0, refund.Count);
        Assert.False(pending.IsCompleted);

        decision.SetResult(ApprovalDecision.Approve("supervisor"));
        await pending;

        Assert.Equal(1, refund.Count);
        Assert.Equal("issue_refund", approvals.Asked[0].FunctionName);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task EscalatedToolRejectedByTheApprovalServiceNeverRuns(bool gateOutside)
    {
        var refund = new CountingTool("issue_refund");
        var inner = TestChatClient.Scripted(TestChatClient.Call("c1", "issue_refund", ("to", "order-7")), TestChatClient.Text("The refund was rejected."));
        var client = Pipeline(inner, gateOutside, o => { o.AddGate(TestGate.EscalateTool("issue_refund")); o.ApprovalService = new TestApprovalService(approve: false); });

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Refund order 7")], Tools(refund));

        Assert.Equal(0, refund.Count);
        var result = inner.Calls[1].SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single();
        Assert.Contains(RuleIds.ApprovalRejected, (string)result.Result!);
        Assert.Contains("not today", (string)result.Result!);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task EscalationWithoutApprovalServiceSurfacesAsToolApprovalRequestAndRunsOnceWhenApproved(bool gateOutside)
    {
        var refund = new CountingTool("issue_refund");
        var inner = TestChatClient.Scripted(TestChatClient.Call("c1", "issue_refund", ("to", "order-7")), TestChatClient.Text("Refund issued."));
        var client = Pipeline(inner, gateOutside, o => o.AddGate(TestGate.EscalateTool("issue_refund")));
        List<ChatMessage> history = [new ChatMessage(ChatRole.User, "Refund order 7")];

        var first = await client.GetResponseAsync(history, Tools(refund));

        Assert.Equal(0, refund.Count);
        var approval = Assert.Single(first.Messages.SelectMany(m => m.Contents).OfType<ToolApprovalRequestContent>());
        Assert.Equal("issue_refund", Assert.IsType<FunctionCallContent>(approval.ToolCall).Name);
        Assert.DoesNotContain(first.Messages.SelectMany(m => m.Contents), c => c is FunctionResultContent);

        history.AddRange(first.Messages);
        history.Add(new ChatMessage(ChatRole.User, [approval.CreateResponse(approved: true)]));
        var second = await client.GetResponseAsync(history, Tools(refund));

        Assert.Equal(1, refund.Count);
        Assert.Equal("Refund issued.", second.Text);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task RejectedToolApprovalResponseNeverRuns(bool gateOutside)
    {
        var refund = new CountingTool("issue_refund");
        var inner = TestChatClient.Scripted(TestChatClient.Call("c1", "issue_refund", ("to", "order-7")), TestChatClient.Text("Not refunded."));
        var client = Pipeline(inner, gateOutside, o => o.AddGate(TestGate.EscalateTool("issue_refund")));
        List<ChatMessage> history = [new ChatMessage(ChatRole.User, "Refund order 7")];
        var first = await client.GetResponseAsync(history, Tools(refund));
        var approval = first.Messages.SelectMany(m => m.Contents).OfType<ToolApprovalRequestContent>().Single();

        history.AddRange(first.Messages);
        history.Add(new ChatMessage(ChatRole.User, [approval.CreateResponse(approved: false, reason: "no")]));
        await client.GetResponseAsync(history, Tools(refund));

        Assert.Equal(0, refund.Count);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task ThrowingGateDeniesWithAFindingSayingSo(bool gateOutside)
    {
        var mail = new CountingTool("send_email");
        var inner = TestChatClient.Scripted(TestChatClient.Call("c1", "send_email", ("to", "a@contoso.example"), ("body", "hi")), TestChatClient.Text("ok"));
        var broken = new TestGate(r => r.Kind == PolicyRequestKind.ToolCall ? throw new InvalidOperationException("rules file missing") : PolicyVerdict.Allowed);
        var client = Pipeline(inner, gateOutside, o => o.AddGate(broken));

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], Tools(mail));

        Assert.Equal(0, mail.Count);
        var result = (string)inner.Calls[1].SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single().Result!;
        Assert.Contains(RuleIds.GateFailed, result);
        Assert.Contains("fail closed", result);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task SlowGateTimesOutAndDenies(bool gateOutside)
    {
        var mail = new CountingTool("send_email");
        var inner = TestChatClient.Scripted(TestChatClient.Call("c1", "send_email", ("to", "a@contoso.example"), ("body", "hi")), TestChatClient.Text("ok"));
        var slow = new TestGate(async (r, ct) =>
        {
            if (r.Kind == PolicyRequestKind.ToolCall)
            {
                await Task.Delay(Timeout.Infinite, ct);
            }

            return PolicyVerdict.Allowed;
        });
        var client = Pipeline(inner, gateOutside, o => o.AddGate(slow, TimeSpan.FromMilliseconds(50)));

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], Tools(mail));

        Assert.Equal(0, mail.Count);
        var result = (string)inner.Calls[1].SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single().Result!;
        Assert.Contains(RuleIds.GateTimeout, result);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task CancellationReachesGatesAndTheInnerClientAndIsNotTurnedIntoADenial(bool gateOutside)
    {
        using var cts = new CancellationTokenSource();
        var mail = new CountingTool("send_email");
        var inner = TestChatClient.Scripted(TestChatClient.Call("c1", "send_email", ("to", "a@contoso.example"), ("body", "hi")), TestChatClient.Text("ok"));
        var gate = new TestGate(async (r, ct) =>
        {
            if (r.Kind == PolicyRequestKind.ToolCall)
            {
                cts.Cancel();
                await Task.Delay(Timeout.Infinite, ct);
            }

            return PolicyVerdict.Allowed;
        });
        var client = Pipeline(inner, gateOutside, o => o.AddGate(gate));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], Tools(mail), cts.Token));

        Assert.Equal(0, mail.Count);
        Assert.All(inner.Tokens, t => Assert.True(t.CanBeCanceled));
        Assert.Contains(gate.Tokens, t => t == cts.Token || t.IsCancellationRequested);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task MixedCallsRunOnlyTheAllowedOne(bool gateOutside)
    {
        var mail = new CountingTool("send_email");
        var lookup = new CountingTool("get_order");
        var both = new ChatResponse(new ChatMessage(ChatRole.Assistant,
        [
            new FunctionCallContent("c1", "send_email", new Dictionary<string, object?> { ["to"] = "x@y.example", ["body"] = "b" }),
            new FunctionCallContent("c2", "get_order", new Dictionary<string, object?> { ["to"] = "42" }),
        ]));
        var inner = TestChatClient.Scripted(both, TestChatClient.Text("done"));
        var client = Pipeline(inner, gateOutside, o => o.AddGate(TestGate.DenyTool("send_email")));

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], Tools(mail, lookup));

        Assert.Equal(0, mail.Count);
        Assert.Equal(1, lookup.Count);
        var results = inner.Calls[1].SelectMany(m => m.Contents).OfType<FunctionResultContent>().ToDictionary(r => r.CallId);
        Assert.StartsWith("Denied by policy", results["c1"].Result?.ToString());
        Assert.Equal(2, results.Count);
    }

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task StreamingDeniedToolNeverRunsAndTheModelIsToldWhy(bool gateOutside)
    {
        var mail = new CountingTool("send_email");
        var inner = TestChatClient.Scripted(
            TestChatClient.Call("c1", "send_email", ("to", "kyle@summitbridge.example"), ("body", "hello")),
            TestChatClient.Text("I could not send it."));
        var client = Pipeline(inner, gateOutside, o => o.AddGate(TestGate.DenyTool("send_email")));

        var updates = await client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Mail Kyle")], Tools(mail)).ToListAsync();

        Assert.Equal(0, mail.Count);
        Assert.Contains(inner.Calls[1].SelectMany(m => m.Contents).OfType<FunctionResultContent>(), r => r.Result?.ToString()?.StartsWith("Denied by policy", StringComparison.Ordinal) == true);
        Assert.Equal("I could not send it.", string.Concat(updates.Select(u => u.Text)));
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}

public sealed class PolicyGatedChatClientApprovalTests
{
    [Fact]
    public void AnApprovalCoversOnlyTheExactCallAndOnlyOnce()
    {
        var tools = new ToolInvocationGate(new PolicyEngine(new PolicyGateOptions(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, true), null, PolicySources.ExtensionsAI, canSurfaceApprovals: true);
        var approved = new FunctionCallContent("c1", "issue_refund", new Dictionary<string, object?> { ["to"] = "order-7" });
        tools.RememberApprovals([new ChatMessage(ChatRole.User, [new ToolApprovalResponseContent("c1", true, approved)])]);

        Assert.False(tools.TakeApproval(new FunctionCallContent("c1", "issue_refund", new Dictionary<string, object?> { ["to"] = "order-999" })));
        tools.RememberApprovals([new ChatMessage(ChatRole.User, [new ToolApprovalResponseContent("c1", true, approved)])]);
        Assert.False(tools.TakeApproval(new FunctionCallContent("c1", "delete_account", new Dictionary<string, object?> { ["to"] = "order-7" })));
        tools.RememberApprovals([new ChatMessage(ChatRole.User, [new ToolApprovalResponseContent("c1", true, approved)])]);
        Assert.True(tools.TakeApproval(new FunctionCallContent("c1", "issue_refund", new Dictionary<string, object?> { ["to"] = "order-7" })));
        Assert.False(tools.TakeApproval(new FunctionCallContent("c1", "issue_refund", new Dictionary<string, object?> { ["to"] = "order-7" })));
    }

    [Fact]
    public void RejectedApprovalsAreNotRemembered()
    {
        var tools = new ToolInvocationGate(new PolicyEngine(new PolicyGateOptions(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, true), null, PolicySources.ExtensionsAI, canSurfaceApprovals: true);
        var call = new FunctionCallContent("c1", "issue_refund", new Dictionary<string, object?> { ["to"] = "order-7" });
        tools.RememberApprovals([new ChatMessage(ChatRole.User, [new ToolApprovalResponseContent("c1", false, call)])]);

        Assert.False(tools.TakeApproval(call));
    }
}
