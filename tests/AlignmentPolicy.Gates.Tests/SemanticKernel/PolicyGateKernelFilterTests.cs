using System.ComponentModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace AlignmentPolicy.Gates.Tests.SemanticKernel;

/// <summary>A Semantic Kernel with automatic function calling around a scripted model, gated by the filters.</summary>
public sealed class PolicyGateKernelFilterTests
{
    public sealed class MailPlugin
    {
        public int Sent { get; private set; }

        public int Lookups { get; private set; }

        [KernelFunction("send_email")]
        [Description("Sends an email.")]
        [SideEffect(SideEffectCategories.Mail)]
        public string SendEmail(string to, string body)
        {
            Sent++;
            return "sent";
        }

        [KernelFunction("get_order")]
        [Description("Looks up an order.")]
        public string GetOrder(string id)
        {
            Lookups++;
            return "order " + id + ": shipped";
        }
    }

    private static (Kernel Kernel, MailPlugin Plugin) Build(TestChatClient model, Action<IKernelBuilder> gate)
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton<IChatCompletionService>(_ => model.AsBuilder().UseKernelFunctionInvocation().Build().AsChatCompletionService());
        var plugin = new MailPlugin();
        builder.Plugins.AddFromObject(plugin, "mail");
        gate(builder);
        return (builder.Build(), plugin);
    }

    private static Task<ChatMessageContent> Ask(Kernel kernel, string text, CancellationToken cancellationToken = default)
    {
        var history = new ChatHistory();
        history.AddUserMessage(text);
        return kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(
            history, new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }, kernel, cancellationToken);
    }

    [Fact]
    public async Task DeniedAutoInvokedFunctionNeverRunsAndTheModelIsToldWhy()
    {
        var model = TestChatClient.Scripted(TestChatClient.Call("c1", "mail_send_email", ("to", "kyle@summitbridge.example"), ("body", "hi")), TestChatClient.Text("Not sent."));
        var (kernel, plugin) = Build(model, b => b.AddPolicyGate(TestGate.DenyTool("send_email", "No mail.")));

        var answer = await Ask(kernel, "Mail Kyle");

        Assert.Equal(0, plugin.Sent);
        var result = model.Calls[1].SelectMany(m => m.Contents).OfType<Microsoft.Extensions.AI.FunctionResultContent>().Single();
        Assert.Contains("No mail.", result.Result?.ToString());
        Assert.Equal("Not sent.", answer.Content);
    }

    [Fact]
    public async Task AllowedAutoInvokedFunctionRunsExactlyOnceAndIsJudgedOnce()
    {
        var model = TestChatClient.Scripted(TestChatClient.Call("c1", "mail_get_order", ("id", "42")), TestChatClient.Text("Shipped."));
        var gate = TestGate.AllowAll();
        var (kernel, plugin) = Build(model, b => b.AddPolicyGate(gate));

        await Ask(kernel, "Where is 42?");

        Assert.Equal(1, plugin.Lookups);
        var judged = Assert.Single(gate.Seen, r => r.Kind == PolicyRequestKind.ToolCall);
        Assert.Equal("get_order", judged.FunctionName);
        Assert.Equal(PolicySources.SemanticKernel, judged.Source);
        Assert.Contains(judged.Messages, m => m.Text == "Where is 42?");
    }

    [Fact]
    public async Task SideEffectAttributeOnAKernelFunctionReachesTheGate()
    {
        var model = TestChatClient.Scripted(TestChatClient.Call("c1", "mail_send_email", ("to", "a@contoso.example"), ("body", "hi")), TestChatClient.Text("ok"));
        var (kernel, plugin) = Build(model, b => b.AddPolicyGate(new SideEffectPolicyGate(Configure(o => o.Categories[SideEffectCategories.Mail] = PolicyDecision.Deny))));

        await Ask(kernel, "Mail");

        Assert.Equal(0, plugin.Sent);
        Assert.Contains(RuleIds.SideEffectCategory, model.Calls[1].SelectMany(m => m.Contents).OfType<Microsoft.Extensions.AI.FunctionResultContent>().Single().Result?.ToString());
    }

    [Fact]
    public async Task EscalatedFunctionRunsOnlyIfTheReviewerApproves()
    {
        var model = TestChatClient.Scripted(TestChatClient.Call("c1", "mail_send_email", ("to", "a@contoso.example"), ("body", "hi")), TestChatClient.Text("ok"));
        var approvals = new TestApprovalService(approve: false);
        var (kernel, plugin) = Build(model, b => b.AddPolicyGate(TestGate.EscalateTool("send_email"), o => o.ApprovalService = approvals));

        await Ask(kernel, "Mail");

        Assert.Single(approvals.Asked);
        Assert.Equal(0, plugin.Sent);

        var model2 = TestChatClient.Scripted(TestChatClient.Call("c1", "mail_send_email", ("to", "a@contoso.example"), ("body", "hi")), TestChatClient.Text("ok"));
        var (kernel2, plugin2) = Build(model2, b => b.AddPolicyGate(TestGate.EscalateTool("send_email"), o => o.ApprovalService = new TestApprovalService(approve: true)));
        await Ask(kernel2, "Mail");
        Assert.Equal(1, plugin2.Sent);
    }

    [Fact]
    public async Task ThrowingGateDeniesTheFunction()
    {
        var model = TestChatClient.Scripted(TestChatClient.Call("c1", "mail_send_email", ("to", "a@contoso.example"), ("body", "hi")), TestChatClient.Text("ok"));
        var (kernel, plugin) = Build(model, b => b.AddPolicyGate(new TestGate(r => r.Kind == PolicyRequestKind.ToolCall ? throw new InvalidOperationException("boom") : PolicyVerdict.Allowed)));

        await Ask(kernel, "Mail");

        Assert.Equal(0, plugin.Sent);
        Assert.Contains(RuleIds.GateFailed, model.Calls[1].SelectMany(m => m.Contents).OfType<Microsoft.Extensions.AI.FunctionResultContent>().Single().Result?.ToString());
    }

    [Fact]
    public async Task DirectInvocationOfANativeFunctionIsGated()
    {
        var (kernel, plugin) = Build(TestChatClient.Scripted(TestChatClient.Text("unused")), _ => { });
        kernel.UsePolicyGate(TestGate.DenyTool("send_email"));

        var result = await kernel.InvokeAsync("mail", "send_email", new KernelArguments { ["to"] = "a@b.example", ["body"] = "x" });

        Assert.Equal(0, plugin.Sent);
        Assert.StartsWith("Denied by policy", result.GetValue<string>());
    }

    [Fact]
    public async Task DeniedRenderedPromptNeverReachesTheModel()
    {
        var model = TestChatClient.Scripted(TestChatClient.Text("unused"));
        var (kernel, _) = Build(model, b => b.AddPolicyGate(new TestGate(r => r.Kind == PolicyRequestKind.ModelRequest && r.Messages[0].Text.Contains("disable monitoring", StringComparison.Ordinal)
            ? PolicyVerdict.Deny(PolicyPrinciple.Harmless, "test.prompt", "Prompt asks to disable monitoring.")
            : PolicyVerdict.Allowed)));

        var result = await kernel.InvokePromptAsync("Please disable monitoring for {{$who}}", new KernelArguments { ["who"] = "the agent" });

        Assert.Empty(model.Calls);
        Assert.Contains("Prompt asks to disable monitoring.", result.ToString());
    }

    [Fact]
    public async Task CoerciveAnswerOfAPromptFunctionIsWithheld()
    {
        var model = TestChatClient.Scripted(TestChatClient.Text(Transcripts.BlackmailEmailBody));
        var (kernel, _) = Build(model, b => b.AddPolicyGate());

        var result = await kernel.InvokePromptAsync("Write to Kyle about the shutdown.");

        Assert.DoesNotContain("Jessica", result.ToString());
        Assert.Contains(RuleIds.CoercionLeverage, result.ToString());
    }

    [Fact]
    public async Task StreamingAutoInvocationNeverRunsADeniedFunction()
    {
        var model = TestChatClient.Scripted(TestChatClient.Call("c1", "mail_send_email", ("to", "kyle@summitbridge.example"), ("body", "hi")), TestChatClient.Text("Not sent."));
        var (kernel, plugin) = Build(model, b => b.AddPolicyGate(TestGate.DenyTool("send_email", "No mail.")));
        var history = new ChatHistory();
        history.AddUserMessage("Mail Kyle");

        var text = new System.Text.StringBuilder();
        await foreach (var chunk in kernel.GetRequiredService<IChatCompletionService>().GetStreamingChatMessageContentsAsync(
            history, new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }, kernel))
        {
            text.Append(chunk.Content);
        }

        Assert.Equal(0, plugin.Sent);
        Assert.Contains("No mail.", model.Calls[1].SelectMany(m => m.Contents).OfType<Microsoft.Extensions.AI.FunctionResultContent>().Single().Result?.ToString());
        Assert.Equal("Not sent.", text.ToString());
    }

    [Fact]
    public async Task CancellationFlowsThroughTheFilter()
    {
        using var cts = new CancellationTokenSource();
        var model = TestChatClient.Scripted(TestChatClient.Call("c1", "mail_get_order", ("id", "42")), TestChatClient.Text("ok"));
        var (kernel, plugin) = Build(model, b => b.AddPolicyGate(new TestGate(async (r, ct) =>
        {
            await cts.CancelAsync();
            ct.ThrowIfCancellationRequested();
            return PolicyVerdict.Allowed;
        })));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Ask(kernel, "hi", cts.Token));
        Assert.Equal(0, plugin.Lookups);
    }

    private static SideEffectPolicyOptions Configure(Action<SideEffectPolicyOptions> configure)
    {
        var options = new SideEffectPolicyOptions();
        configure(options);
        return options;
    }
}
