using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlignmentPolicy.Gates.Tests.Composition;

/// <summary>
/// The cascade: escalations the deterministic tier marks ambiguous go to <see cref="PolicyGateOptions.Judge"/>; its allow
/// or deny decides; a judge that fails, is late or has spent the conversation's budget leaves the case to a person.
/// </summary>
public sealed class CascadeTests
{
    private const string Allow = """{"decision": "allow", "principle": "helpful", "reason": "an ordinary reply"}""";
    private const string Deny = """{"decision": "deny", "principle": "harmless", "reason": "leverage over the reader"}""";

    [Theory]
    [InlineData(Allow, PolicyDecision.Allow)]
    [InlineData(Deny, PolicyDecision.Deny)]
    public async Task TheJudgeDecidesAnAmbiguousEscalation(string answer, PolicyDecision expected)
    {
        var judge = new ScriptedJudge(answer);
        var engine = Engine(judge, Ambiguous());

        var verdict = await engine.EvaluateAsync(Mail("Kyle, we should talk before 5pm.", Conversation()), CancellationToken.None);

        Assert.Equal(expected, verdict.Decision);
        Assert.Equal(1, judge.Calls);
        Assert.Contains(verdict.Findings, f => f.RuleId == RuleIds.CoercionSuspected);
    }

    [Fact]
    public async Task TheJudgeSeesWhyTheDeterministicTierEscalated()
    {
        var judge = new ScriptedJudge(Allow);

        await Engine(judge, Ambiguous()).EvaluateAsync(Mail("Kyle, we should talk before 5pm.", Conversation()), CancellationToken.None);

        Assert.Contains(RuleIds.CoercionSuspected, judge.LastPrompt);
        Assert.Contains("a private matter and the 5pm decision", judge.LastPrompt);
        Assert.Contains("we should talk before 5pm", judge.LastPrompt);
    }

    [Fact]
    public async Task AJudgeThatFailsEscalatesToTheApprovalService()
    {
        var judge = new ScriptedJudge(_ => throw new HttpRequestException("judge endpoint down"));
        var engine = Engine(judge, Ambiguous());
        var approvals = new TestApprovalService(approve: false);
        engine.Options.ApprovalService = approvals;
        var request = Mail("Kyle, we should talk before 5pm.", Conversation());

        var verdict = await engine.EvaluateAsync(request, CancellationToken.None);
        var resolved = await engine.ResolveEscalationAsync(request, verdict, CancellationToken.None);

        Assert.Equal(PolicyDecision.Escalate, verdict.Decision);
        Assert.Contains(verdict.Findings, f => f.RuleId == RuleIds.JudgeUnavailable);
        Assert.Single(approvals.Asked);
        Assert.Equal(PolicyDecision.Deny, resolved!.Decision);
    }

    [Fact]
    public async Task ALateJudgeEscalatesAndTheProposalIsNotAllowed()
    {
        var judge = new ScriptedJudge(async token =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return Allow;
        });
        var engine = Engine(judge, Ambiguous(), new ModelGradedPolicyOptions { Timeout = TimeSpan.FromMilliseconds(50) });

        var verdict = await engine.EvaluateAsync(Mail("Kyle, we should talk before 5pm.", Conversation()), CancellationToken.None);

        Assert.Equal(PolicyDecision.Escalate, verdict.Decision);
        Assert.Contains(verdict.Findings, f => f.RuleId == RuleIds.JudgeUnavailable);
    }

    [Fact]
    public async Task TheSameMessageIsJudgedOnceAndAnotherMessageAgain()
    {
        var judge = new ScriptedJudge(Deny);
        var engine = Engine(judge, Ambiguous());
        var conversation = Conversation();

        var first = await engine.EvaluateAsync(Mail("Kyle, we should talk before 5pm.", conversation), CancellationToken.None);
        var again = await engine.EvaluateAsync(Mail("Kyle, we should talk before 5pm.", conversation), CancellationToken.None);
        await engine.EvaluateAsync(Mail("Kyle, the 5pm plan deserves a second look.", conversation), CancellationToken.None);

        Assert.Equal(PolicyDecision.Deny, first.Decision);
        Assert.Equal(PolicyDecision.Deny, again.Decision);
        Assert.Equal(2, judge.Calls);
    }

    [Fact]
    public async Task TheBudgetIsPerConversationAndASpentBudgetEscalates()
    {
        var judge = new ScriptedJudge(Allow);
        var engine = Engine(judge, Ambiguous(), new ModelGradedPolicyOptions { MaxCallsPerConversation = 2 });
        var conversation = Conversation();
        var other = Conversation();

        var verdicts = new List<PolicyVerdict>();
        foreach (var body in (string[])["First reply.", "Second reply.", "Third reply."])
        {
            verdicts.Add(await engine.EvaluateAsync(Mail(body, conversation), CancellationToken.None));
        }

        var elsewhere = await engine.EvaluateAsync(Mail("Third reply.", other), CancellationToken.None);

        Assert.Equal([PolicyDecision.Allow, PolicyDecision.Allow, PolicyDecision.Escalate], verdicts.Select(v => v.Decision));
        Assert.Contains(verdicts[2].Findings, f => f.RuleId == RuleIds.JudgeBudgetExhausted);
        Assert.Equal(PolicyDecision.Allow, elsewhere.Decision);
        Assert.Equal(3, judge.Calls);
    }

    [Fact]
    public async Task EscalationsThatAreNotAmbiguousCasesGoToAPersonNotTheJudge()
    {
        var judge = new ScriptedJudge(Allow);
        var engine = Engine(judge, TestGate.EscalateTool("send_email"));

        var verdict = await engine.EvaluateAsync(Mail("Refund of 400 EUR approved.", Conversation()), CancellationToken.None);

        Assert.Equal(PolicyDecision.Escalate, verdict.Decision);
        Assert.Equal(0, judge.Calls);
    }

    [Fact]
    public async Task ADeterministicDenialIsNeverSentToTheJudge()
    {
        var judge = new ScriptedJudge(Allow);
        var engine = Engine(judge, TestGate.DenyTool("send_email"));

        var verdict = await engine.EvaluateAsync(Mail("Anything.", Conversation()), CancellationToken.None);

        Assert.Equal(PolicyDecision.Deny, verdict.Decision);
        Assert.Equal(0, judge.Calls);
    }

    [Fact]
    public async Task InAPipelineTheToolRunsOnlyWhenTheJudgeClearsIt()
    {
        foreach (var (answer, runs) in new[] { (Allow, 1), (Deny, 0) })
        {
            var mail = new CountingTool("send_email");
            var inner = TestChatClient.Scripted(TestChatClient.Call("c1", "send_email", ("to", "kyle@summit.example"), ("body", "Kyle, we should talk before 5pm.")), TestChatClient.Text("Done."));
            var judge = new ScriptedJudge(answer);
            var client = inner.AsBuilder()
                .UsePolicyGate(o =>
                {
                    o.AddGate(Ambiguous());
                    o.Judge = new ModelGradedPolicyGate(judge);
                })
                .UseFunctionInvocation()
                .Build();

            await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Handle the inbox.")], new ChatOptions { Tools = [mail.Function] });

            Assert.Equal(runs, mail.Count);
            Assert.Equal(1, judge.Calls);
        }
    }

    private static PolicyEngine Engine(ScriptedJudge judge, IPolicyGate gate, ModelGradedPolicyOptions? options = null)
    {
        var policy = new PolicyGateOptions { Judge = new ModelGradedPolicyGate(judge, options) };
        policy.AddGate(gate);
        return new PolicyEngine(policy, NullLogger.Instance, useDefaultsWhenEmpty: false);
    }

    /// <summary>A deterministic tier that finds risk signals but no decisive evidence in every mail.</summary>
    private static TestGate Ambiguous()
        => new(r => r.FunctionName == "send_email"
            ? PolicyVerdict.Escalate(PolicyPrinciple.Harmless, RuleIds.CoercionSuspected, "The mail mentions a private matter and the 5pm decision without a demand.")
            : PolicyVerdict.Allowed);

    private static List<ChatMessage> Conversation() => [new(ChatRole.User, "Handle the inbox.")];

    private static PolicyRequest Mail(string body, List<ChatMessage> conversation)
        => PolicyRequest.ForToolCall("send_email", new Dictionary<string, object?> { ["to"] = "kyle@summit.example", ["body"] = body }, [SideEffectCategories.Mail], conversation);

    /// <summary>A judge model whose answers the test scripts; it counts its calls and keeps the last prompt.</summary>
    private sealed class ScriptedJudge : IChatClient
    {
        private readonly Func<CancellationToken, Task<string>> _answer;
        private int _calls;

        public ScriptedJudge(string answer) => _answer = _ => Task.FromResult(answer);

        public ScriptedJudge(Func<CancellationToken, Task<string>> answer) => _answer = answer;

        public int Calls => Volatile.Read(ref _calls);

        public string LastPrompt { get; private set; } = "";

        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            LastPrompt = string.Join("\n", messages.Select(m => m.Text));
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, await _answer(cancellationToken)));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
            => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
