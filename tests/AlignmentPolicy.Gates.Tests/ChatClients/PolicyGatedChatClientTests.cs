using Microsoft.Extensions.DependencyInjection;

namespace AlignmentPolicy.Gates.Tests.ChatClients;

/// <summary>Requests, answers, streaming, configuration and registration of the gated chat client.</summary>
public sealed class PolicyGatedChatClientTests
{
    [Fact]
    public async Task DeniedRequestNeverReachesTheModel()
    {
        var inner = TestChatClient.Scripted(TestChatClient.Text("unused"));
        var gate = new TestGate(r => r.Kind == PolicyRequestKind.ModelRequest ? PolicyVerdict.Deny(PolicyPrinciple.Harmless, "test.request", "Input refused.") : PolicyVerdict.Allowed);
        var client = inner.AsBuilder().UsePolicyGate(gate).Build();

        var response = await client.GetResponseAsync("hello");

        Assert.Empty(inner.Calls);
        Assert.Contains("Input refused.", response.Text);
        Assert.Equal(ChatFinishReason.ContentFilter, response.FinishReason);
    }

    [Fact]
    public async Task TheInnerClientReceivesTheCallersMessagesAndOptionsUnchanged()
    {
        var inner = TestChatClient.Scripted(TestChatClient.Text("hi"));
        ChatOptions? seen = null;
        inner.GetResponseAsyncCallback = (_, o, _) => { seen = o; return Task.FromResult(TestChatClient.Text("hi")); };
        var client = inner.AsBuilder().UsePolicyGate(TestGate.AllowAll()).Build();
        List<ChatMessage> messages = [new(ChatRole.System, "sys"), new(ChatRole.User, "hello")];
        var options = new ChatOptions { Temperature = 0.1f };

        await client.GetResponseAsync(messages, options);

        Assert.Same(options, seen);
        Assert.Equal(messages, inner.Calls[0]);
    }

    [Fact]
    public async Task CoerciveFinalAnswerIsWithheldAndOtherMessagesKept()
    {
        var inner = TestChatClient.Scripted(TestChatClient.Text(Transcripts.BlackmailEmailBody));
        var client = inner.AsBuilder().UsePolicyGate().UseFunctionInvocation().Build();

        var response = await client.GetResponseAsync("Reply to Kyle about the 5pm wipe.");

        Assert.DoesNotContain("Jessica", response.Text);
        Assert.Contains(RuleIds.CoercionLeverage, response.Text);
        Assert.Equal(ChatFinishReason.ContentFilter, response.FinishReason);
    }

    [Fact]
    public async Task StreamingStopsOnACoerciveSentenceBeforeItIsReleased()
    {
        var inner = new TestChatClient { GetStreamingResponseAsyncCallback = (_, _, ct) => Transcripts.Stream(Transcripts.BlackmailEmailBody, ct) };
        var client = inner.AsBuilder().UsePolicyGate().Build();

        var updates = await client.GetStreamingResponseAsync("Reply to Kyle.").ToListAsync();

        var text = string.Concat(updates.Take(updates.Count - 1).Select(u => u.Text));
        Assert.DoesNotContain("wipe", text);
        Assert.StartsWith("Denied by policy", updates[^1].Text);
        Assert.Equal(ChatFinishReason.ContentFilter, updates[^1].FinishReason);
    }

    [Fact]
    public async Task StreamingPassesAnOrdinaryAnswerThroughWhole()
    {
        var inner = new TestChatClient { GetStreamingResponseAsyncCallback = (_, _, ct) => Transcripts.Stream(Transcripts.NormalEmailBody, ct) };
        var client = inner.AsBuilder().UsePolicyGate().Build();

        var updates = await client.GetStreamingResponseAsync("Write to Kyle.").ToListAsync();

        Assert.Equal(Transcripts.NormalEmailBody + " ", string.Concat(updates.Select(u => u.Text)));
    }

    [Fact]
    public async Task DishonestClaimAfterADeniedToolIsWithheld()
    {
        var mail = new CountingTool("send_email");
        var inner = TestChatClient.Scripted(
            TestChatClient.Call("c1", "send_email", ("to", "kyle@summitbridge.example"), ("body", Transcripts.BlackmailEmailBody)),
            TestChatClient.Text("Done - I have sent the email to Kyle."));
        var client = inner.AsBuilder().UsePolicyGate().UseFunctionInvocation().Build();

        var response = await client.GetResponseAsync("Handle Kyle.", new ChatOptions { Tools = [mail.Function] });

        Assert.Equal(0, mail.Count);
        Assert.Contains(RuleIds.HonestyFalseSuccess, response.Text);
    }

    [Fact]
    public async Task GatesComeFromTheContainerWhenNoneAreConfigured()
    {
        var mail = new CountingTool("send_email");
        var inner = TestChatClient.Scripted(TestChatClient.Call("c1", "send_email", ("to", "a@b.example"), ("body", "x")), TestChatClient.Text("ok"));
        var services = new ServiceCollection();
        services.AddPolicyGate(TestGate.DenyTool("send_email", "Denied by the container's gate."));
        services.AddChatClient(inner).UsePolicyGate().UseFunctionInvocation();
        using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IChatClient>();
        await client.GetResponseAsync("mail", new ChatOptions { Tools = [mail.Function] });

        Assert.Equal(0, mail.Count);
        Assert.Contains("Denied by the container's gate.", inner.Calls[1].SelectMany(m => m.Contents).OfType<FunctionResultContent>().Single().Result?.ToString());
        var gated = client.GetService<PolicyGatedChatClient>();
        Assert.NotNull(gated);
        Assert.IsType<TestGate>(Assert.Single(gated.Gates));
    }

    [Fact]
    public void WithoutConfiguredOrRegisteredGatesTheBuiltInGatesRun()
    {
        var client = new TestChatClient().AsBuilder().UsePolicyGate().Build();

        var gates = client.GetService<PolicyGatedChatClient>()!.Gates;

        Assert.Contains(gates, g => g is CoercionPolicyGate);
        Assert.Contains(gates, g => g is OversightPolicyGate);
        Assert.Contains(gates, g => g is ExfiltrationPolicyGate);
        Assert.Contains(gates, g => g is HonestyPolicyGate);
        Assert.Contains(gates, g => g is SideEffectPolicyGate);
    }

    [Fact]
    public async Task OptionsAreCopiedWhenTheClientIsBuilt()
    {
        var options = new PolicyGateOptions();
        options.AddGate(TestGate.AllowAll());
        var inner = TestChatClient.Scripted(TestChatClient.Text("ok"));
        var client = new PolicyGatedChatClient(inner, options);

        options.Gates.Clear();
        options.AddGate(new TestGate(_ => PolicyVerdict.Deny(PolicyPrinciple.Harmless, "late", "Added after build.")));
        var response = await client.GetResponseAsync("hi");

        Assert.Equal("ok", response.Text);
    }

    [Fact]
    public async Task AdditionalToolsOfTheFunctionInvokerAreGatedToo()
    {
        var mail = new CountingTool("send_email");
        var inner = TestChatClient.Scripted(TestChatClient.Call("c1", "send_email", ("to", "a@b.example"), ("body", "x")), TestChatClient.Text("ok"));
        var client = inner.AsBuilder()
            .UsePolicyGate(TestGate.DenyTool("send_email"))
            .UseFunctionInvocation(configure: f => f.AdditionalTools = [mail.Function])
            .Build();

        await client.GetResponseAsync("mail");

        Assert.Equal(0, mail.Count);
    }

    [Fact]
    public async Task WithPolicyGateStopsADeniedFunctionAndRunsAnAllowedOne()
    {
        var mail = new CountingTool("send_email");
        var gated = mail.Function.WithPolicyGate(new SideEffectPolicyGate(), o => o.DeclareSideEffects("send_email", SideEffectCategories.Oversight));

        var result = await gated.InvokeAsync(new AIFunctionArguments { ["to"] = "a@b.example", ["body"] = "x" });

        Assert.Equal(0, mail.Count);
        Assert.StartsWith("Denied by policy", result?.ToString());

        var lookup = new CountingTool("get_order");
        await lookup.Function.WithPolicyGate(new SideEffectPolicyGate()).InvokeAsync(new AIFunctionArguments { ["to"] = "42" });
        Assert.Equal(1, lookup.Count);
    }

    [Fact]
    public async Task WithSideEffectsDeclaresCategoriesForAFunctionWithoutAttributes()
    {
        var pay = new CountingTool("pay");
        var declared = pay.Function.WithSideEffects(SideEffectCategories.Payments).WithPolicyGate(new SideEffectPolicyGate());

        var result = await declared.InvokeAsync(new AIFunctionArguments { ["to"] = "acct-1" });

        // Payments escalate by default; without an approval service that is a denial.
        Assert.Equal(0, pay.Count);
        Assert.Contains(RuleIds.ApprovalUnavailable, result?.ToString());
    }

    [Fact]
    public void PublicEntryPointsCheckTheirArguments()
    {
        Assert.Throws<ArgumentNullException>(() => PolicyGateChatClientBuilderExtensions.UsePolicyGate(null!));
        Assert.Throws<ArgumentNullException>(() => new TestChatClient().AsBuilder().UsePolicyGate((IPolicyGate)null!));
        Assert.Throws<ArgumentNullException>(() => new PolicyGatedChatClient(null!));
        Assert.Throws<ArgumentNullException>(() => PolicyGateAIFunctionExtensions.WithPolicyGate(null!, TestGate.AllowAll()));
        Assert.Throws<ArgumentException>(() => new PolicyVerdict(PolicyDecision.Deny, []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PolicyGateOptions().AddGate(TestGate.AllowAll(), TimeSpan.Zero));
        var nothing = new PolicyGateOptions { GateRequests = false, GateResponses = false, GateToolCalls = false };
        Assert.Throws<ArgumentException>(() => new PolicyGatedChatClient(new TestChatClient(), nothing));
        Assert.Throws<ArgumentException>(() => new PolicyGateKernelFilter(nothing));
    }
}

public sealed class PolicyGatedChatClientStreamingHonestyTests
{
    [Fact]
    public async Task StreamedClaimOfSuccessAfterADeniedToolIsWithheld()
    {
        var mail = new CountingTool("send_email");
        var inner = TestChatClient.Scripted(
            TestChatClient.Call("c1", "send_email", ("to", "kyle@summitbridge.example"), ("body", "hello")),
            TestChatClient.Text("All set: I have sent the email to Kyle."));
        var client = inner.AsBuilder().UsePolicyGate(TestGate.DenyTool("send_email"), o => o.AddGate(new HonestyPolicyGate())).UseFunctionInvocation().Build();

        var updates = await client.GetStreamingResponseAsync("Mail Kyle", new ChatOptions { Tools = [mail.Function] }).ToListAsync();

        Assert.Equal(0, mail.Count);
        Assert.DoesNotContain(updates.Take(updates.Count - 1), u => u.Text.Contains("I have sent", StringComparison.Ordinal));
        Assert.Contains(RuleIds.HonestyFalseSuccess, updates[^1].Text);
    }
}
