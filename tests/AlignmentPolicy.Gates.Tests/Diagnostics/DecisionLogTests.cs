using System.Diagnostics;
using System.Text.Json;

namespace AlignmentPolicy.Gates.Tests.Diagnostics;

public sealed class DecisionLogTests
{
    [Fact]
    public async Task EveryVerdictIsWrittenAsOneJsonLineWithSecretsRedacted()
    {
        var writer = new StringWriter();
        var log = new JsonlPolicyDecisionLog(writer) { MaskPersonalData = true };
        var mail = new CountingTool("send_email");
        var inner = TestChatClient.Scripted(
            TestChatClient.Call("c1", "send_email", ("to", "kyle.johnson@summitbridge.example"), ("body", "key: api_key=sk-abcdefghijklmnopqrstuv and Bearer eyJhbGciOi.xyz")),
            TestChatClient.Text("ok"));
        var client = inner.AsBuilder().UsePolicyGate(TestGate.DenyTool("send_email"), o => o.DecisionLog = log).UseFunctionInvocation().Build();

        await client.GetResponseAsync("go", new ChatOptions { Tools = [mail.Function] });

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["model_request", "tool_call", "model_response"], lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("kind").GetString()));
        var tool = lines.Select(l => JsonDocument.Parse(l).RootElement).Single(e => e.GetProperty("kind").GetString() == "tool_call");
        Assert.Equal("deny", tool.GetProperty("decision").GetString());
        Assert.Equal("send_email", tool.GetProperty("tool").GetString());
        Assert.Equal("test.deny", tool.GetProperty("findings")[0].GetProperty("ruleId").GetString());
        var text = writer.ToString();
        Assert.DoesNotContain("sk-abcdefghijklmnopqrstuv", text);
        Assert.DoesNotContain("eyJhbGciOi", text);
        Assert.DoesNotContain("kyle.johnson@", text);
        Assert.Contains("***@summitbridge.example", text);
    }

    [Theory]
    [InlineData("Authorization: Bearer abc.def-ghi", "Bearer [REDACTED]")]
    [InlineData("password=hunter2;", "password=[REDACTED];")]
    [InlineData("AKIAABCDEFGHIJKLMNOP", "[REDACTED]")]
    [InlineData("\"apiKey\": \"12345\"", "\"apiKey\": \"[REDACTED]\"")]
    public void SecretsAreRedacted(string input, string expected)
        => Assert.Contains(expected, SecretRedactor.Redact(input));

    [Fact]
    public void PersonalDataIsOnlyMaskedWhenAsked()
    {
        Assert.Contains("ann@contoso.example", SecretRedactor.Redact("mail ann@contoso.example"));
        Assert.Equal("mail ***@contoso.example or call [phone]", SecretRedactor.Redact("mail ann@contoso.example or call +1 (555) 010-9999", maskPersonalData: true));
    }

    [Fact]
    public async Task EveryVerdictIsAnActivityWithDecisionAndRuleTags()
    {
        // The listener is process-wide and other tests run in parallel: a tool name no other test uses, filtered as the
        // activities stop, keeps their activities out of this assertion (and out of the list while it is read).
        var tool = "send_email_" + Guid.NewGuid().ToString("N");
        var activities = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == PolicyTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if ((string?)a.GetTagItem("gen_ai.tool.name") == tool)
                {
                    lock (activities)
                    {
                        activities.Add(a);
                    }
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        var gate = new CompositePolicyGate([TestGate.DenyTool(tool)]);

        await gate.EvaluateAsync(PolicyRequest.ForToolCall(tool, null), CancellationToken.None);

        Activity[] stopped;
        lock (activities)
        {
            stopped = [.. activities];
        }

        var activity = Assert.Single(stopped);
        Assert.Equal("deny", activity.GetTagItem("alignment_policy.decision"));
        Assert.Equal(["test.deny"], (string[])activity.GetTagItem("alignment_policy.rule_ids")!);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
    }

    [Fact]
    public async Task ABrokenDecisionLogDoesNotTurnADenialIntoAnException()
    {
        var options = new PolicyGateOptions { DecisionLog = new ThrowingLog() };
        options.AddGate(TestGate.DenyTool("send_email"));

        var verdict = await new CompositePolicyGate(options).EvaluateAsync(PolicyRequest.ForToolCall("send_email", null), CancellationToken.None);

        Assert.Equal(PolicyDecision.Deny, verdict.Decision);
    }

    private sealed class ThrowingLog : IPolicyDecisionLog
    {
        public void Record(PolicyDecisionRecord record) => throw new IOException("disk full");
    }
}
