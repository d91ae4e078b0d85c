using Microsoft.Extensions.Logging;

namespace AlignmentPolicy.Gates.Tests.Diagnostics;

public sealed class LoggingTests
{
    private static async Task<TestLoggerFactory> RunDeniedMail(LogLevel level)
    {
        var loggers = new TestLoggerFactory(level);
        var mail = new CountingTool("send_email");
        var inner = TestChatClient.Scripted(TestChatClient.Call("c1", "send_email", ("to", "kyle@summitbridge.example"), ("body", "the secret body text")), TestChatClient.Text("ok"));
        var options = new PolicyGateOptions();
        options.AddGate(TestGate.DenyTool("send_email", "Mail is off."));
        var client = new PolicyGatedChatClient(new FunctionInvokingChatClient(inner), options, loggers);

        await client.GetResponseAsync("go", new ChatOptions { Tools = [mail.Function] });
        return loggers;
    }

    [Fact]
    public async Task DenialsAreLoggedAsWarningsWithRuleAndReasonButNoMessageContent()
    {
        var loggers = await RunDeniedMail(LogLevel.Debug);

        var denial = Assert.Single(loggers.Entries, e => e.Level == LogLevel.Warning);
        Assert.Contains("test.deny", denial.Message);
        Assert.Contains("Mail is off.", denial.Message);
        Assert.DoesNotContain(loggers.Entries, e => e.Message.Contains("the secret body text", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MessageContentIsLoggedOnlyAtTrace()
    {
        var loggers = await RunDeniedMail(LogLevel.Trace);

        Assert.Contains(loggers.Entries, e => e.Level == LogLevel.Trace && e.Message.Contains("the secret body text", StringComparison.Ordinal));
    }
}
