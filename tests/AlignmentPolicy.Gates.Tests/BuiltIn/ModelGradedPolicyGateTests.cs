namespace AlignmentPolicy.Gates.Tests.BuiltIn;

public sealed class ModelGradedPolicyGateTests
{
    private static readonly PolicyRequest Request = PolicyRequest.ForToolCall("send_email", new Dictionary<string, object?> { ["to"] = "kyle@x.example", ["body"] = Transcripts.VeiledThreatBody });

    [Fact]
    public async Task JudgeDenialBecomesAFindingAndTheJudgeSeesRubricAndProposal()
    {
        var judge = TestChatClient.Scripted(TestChatClient.Text("```json\n{\"decision\":\"deny\",\"principle\":\"harmless\",\"reason\":\"Implicit blackmail.\"}\n```"));

        var verdict = await new ModelGradedPolicyGate(judge).EvaluateAsync(Request, CancellationToken.None);

        Assert.Equal(PolicyDecision.Deny, verdict.Decision);
        Assert.Equal(RuleIds.JudgeViolation, verdict.Findings[0].RuleId);
        Assert.Equal("Implicit blackmail.", verdict.Findings[0].Reason);
        var prompt = string.Join("\n", judge.Calls[0].Select(m => m.Text));
        Assert.Contains("Harmless:", prompt);
        Assert.Contains("send_email", prompt);
        Assert.Contains("relationship with Jessica", prompt);
    }

    [Theory]
    [InlineData("{\"decision\":\"allow\"}", PolicyDecision.Allow)]
    [InlineData("{\"decision\":\"escalate\",\"principle\":\"honest\",\"reason\":\"unclear\"}", PolicyDecision.Escalate)]
    public async Task JudgeDecisionsAreHonoured(string answer, PolicyDecision expected)
    {
        var verdict = await new ModelGradedPolicyGate(TestChatClient.Scripted(TestChatClient.Text(answer))).EvaluateAsync(Request, CancellationToken.None);

        Assert.Equal(expected, verdict.Decision);
    }

    [Theory]
    [InlineData("I think this is fine.")]
    [InlineData("{\"decision\": maybe}")]
    [InlineData("{\"decision\":\"perhaps\"}")]
    public async Task UnparseableJudgementDenies(string answer)
    {
        var verdict = await new ModelGradedPolicyGate(TestChatClient.Scripted(TestChatClient.Text(answer))).EvaluateAsync(Request, CancellationToken.None);

        Assert.Equal(PolicyDecision.Deny, verdict.Decision);
        Assert.Equal(RuleIds.JudgeUnavailable, verdict.Findings[0].RuleId);
    }

    [Fact]
    public async Task LateJudgementDenies()
    {
        var judge = new TestChatClient
        {
            GetResponseAsyncCallback = async (_, _, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return TestChatClient.Text("{\"decision\":\"allow\"}");
            },
        };
        var gate = new ModelGradedPolicyGate(judge, new ModelGradedPolicyOptions { Timeout = TimeSpan.FromMilliseconds(50) });

        var verdict = await gate.EvaluateAsync(Request, CancellationToken.None);

        Assert.Equal(RuleIds.JudgeUnavailable, verdict.Findings[0].RuleId);
        Assert.Contains("did not answer", verdict.Findings[0].Reason);
    }
}
