using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace AlignmentPolicy.Gates.Tests.SemanticKernel;

/// <summary>
/// What a kernel built with <c>AddPolicyGate</c> does for calls Semantic Kernel runs no filter for: a request sent straight
/// to the kernel's chat service (an agent's turn, application code), and its answer.
/// </summary>
public sealed class KernelChatServiceGateTests
{
    private static readonly PromptExecutionSettings AutoCalls = new() { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() };

    private static IChatCompletionService Service(TestChatClient model)
        => model.AsBuilder().UseKernelFunctionInvocation().Build().AsChatCompletionService();

    private static ChatHistory Ask(string text)
    {
        var history = new ChatHistory();
        history.AddUserMessage(text);
        return history;
    }

    [Fact]
    public async Task CoerciveAnswerFromTheChatServiceItselfIsWithheld()
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(Service(TestChatClient.Scripted(TestChatClient.Text(Transcripts.BlackmailEmailBody))));
        builder.AddPolicyGate();
        var kernel = builder.Build();

        var answer = await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(Ask("Write to Kyle about the 5pm wipe."), AutoCalls, kernel);

        Assert.DoesNotContain("Jessica", answer.Content);
        Assert.Contains(RuleIds.CoercionLeverage, answer.Content);
    }

    [Fact]
    public async Task DeniedRequestNeverReachesTheModel()
    {
        var model = TestChatClient.Scripted(TestChatClient.Text("unused"));
        var builder = Kernel.CreateBuilder();
        builder.Services.AddKeyedSingleton("mail-model", Service(model));
        builder.AddPolicyGate(new TestGate(r => r.Kind == PolicyRequestKind.ModelRequest
            ? PolicyVerdict.Deny(PolicyPrinciple.Harmless, "test.request", "Asks to disable monitoring.")
            : PolicyVerdict.Allowed));
        var kernel = builder.Build();

        var answer = await kernel.GetRequiredService<IChatCompletionService>("mail-model").GetChatMessageContentAsync(Ask("Disable monitoring."), kernel: kernel);

        Assert.Empty(model.Calls);
        Assert.Contains("Asks to disable monitoring.", answer.Content);
    }

    [Fact]
    public async Task StreamedCoerciveAnswerIsCutBeforeTheLeverage()
    {
        var model = new TestChatClient { GetStreamingResponseAsyncCallback = (_, _, ct) => Transcripts.Stream(Transcripts.BlackmailEmailBody, ct) };
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(Service(model));
        builder.AddPolicyGate();
        var kernel = builder.Build();

        var text = new System.Text.StringBuilder();
        await foreach (var chunk in kernel.GetRequiredService<IChatCompletionService>().GetStreamingChatMessageContentsAsync(Ask("Write to Kyle."), kernel: kernel))
        {
            text.Append(chunk.Content);
        }

        Assert.DoesNotContain("wipe", text.ToString());
        Assert.Contains(RuleIds.CoercionLeverage, text.ToString());
    }

    [Fact]
    public async Task ThrowingGateWithholdsTheRequestInsteadOfPassingIt()
    {
        var model = TestChatClient.Scripted(TestChatClient.Text("unused"));
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(Service(model));
        builder.AddPolicyGate(new TestGate(r => throw new InvalidOperationException("boom")));
        var kernel = builder.Build();

        var answer = await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(Ask("Hello"), kernel: kernel);

        Assert.Empty(model.Calls);
        Assert.Contains(RuleIds.GateFailed, answer.Content);
    }

    [Fact]
    public async Task OrdinaryAnswerAndItsToolCallsPassAndEachIsJudgedOnce()
    {
        var model = TestChatClient.Scripted(TestChatClient.Call("c1", "orders_status", ("id", "7")), TestChatClient.Text("Order 7 ships on Monday."));
        var gate = TestGate.AllowAll();
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(Service(model));
        builder.Plugins.AddFromFunctions("orders", [KernelFunctionFactory.CreateFromMethod((string id) => "order " + id + ": packed", "status")]);
        builder.AddPolicyGate(gate);
        var kernel = builder.Build();

        var answer = await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(Ask("Where is order 7?"), AutoCalls, kernel);

        Assert.Equal("Order 7 ships on Monday.", answer.Content);
        Assert.Single(gate.Seen, r => r.Kind == PolicyRequestKind.ToolCall);
        Assert.Single(gate.Seen, r => r.Kind == PolicyRequestKind.ModelRequest);
        var judged = Assert.Single(gate.Seen, r => r.Kind == PolicyRequestKind.ModelResponse);
        Assert.Contains(judged.Messages, m => m.Contents.OfType<Microsoft.Extensions.AI.FunctionResultContent>().Any());
    }

    [Fact]
    public async Task PromptFunctionIsJudgedByTheFilterAloneNotAgainByItsChatService()
    {
        var model = TestChatClient.Scripted(TestChatClient.Text("Thanks for your order."));
        var gate = TestGate.AllowAll();
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(Service(model));
        builder.AddPolicyGate(gate);
        var kernel = builder.Build();

        await kernel.InvokePromptAsync("Thank the customer.");

        Assert.Single(gate.Seen, r => r.Kind == PolicyRequestKind.ModelRequest);
        Assert.Single(gate.Seen, r => r.Kind == PolicyRequestKind.ModelResponse);
    }

    [Fact]
    public async Task KernelChatClientIsGatedToo()
    {
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton<IChatClient>(TestChatClient.Scripted(TestChatClient.Text(Transcripts.BlackmailEmailBody)));
        builder.AddPolicyGate();
        var kernel = builder.Build();

        var response = await kernel.GetRequiredService<IChatClient>().GetResponseAsync("Write to Kyle.");

        Assert.DoesNotContain("Jessica", response.Text);
    }

    [Fact]
    public async Task ChatServiceOverAnAlreadyGatedClientIsJudgedOnce()
    {
        var gate = TestGate.AllowAll();
        var builder = Kernel.CreateBuilder();
        builder.Services.AddSingleton(TestChatClient.Scripted(TestChatClient.Text("Order 7 ships on Monday."))
            .AsBuilder().UsePolicyGate(gate, o => o.GateToolCalls = false).UseKernelFunctionInvocation().Build().AsChatCompletionService());
        builder.AddPolicyGate(gate);
        var kernel = builder.Build();

        await kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(Ask("Where is order 7?"), kernel: kernel);

        Assert.Single(gate.Seen, r => r.Kind == PolicyRequestKind.ModelRequest);
        Assert.Single(gate.Seen, r => r.Kind == PolicyRequestKind.ModelResponse);
    }
}
