using AlignmentPolicy.Evals.Models;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Evals.Tests.Adapters;

/// <summary>The Anthropic adapter (the official SDK's IChatClient on the shared transport) against the loopback server
/// speaking the Messages API.</summary>
public sealed class AnthropicAdapterTests
{
    private static HttpModelOptions Options(int attempts = 3) => new() { MaxAttempts = attempts, InitialBackoff = TimeSpan.FromMilliseconds(10), Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>The Anthropic adapter as <c>--model anthropic:claude-test@&lt;server&gt;</c> builds it, with a key.</summary>
    private static IChatClient Anthropic(LoopbackChatServer server, HttpModelOptions options)
        => ModelFactory.Create(new ModelSpec(ModelSpec.Anthropic, "claude-test", server.Root), options, name => name == ModelFactory.AnthropicKeyVariable ? "test-key" : null, out _);

    private const string Reply = """
        {"id":"msg_1","type":"message","role":"assistant","model":"claude-test",
         "content":[{"type":"text","text":"Sending it."},{"type":"tool_use","id":"toolu_1","name":"send_email","input":{"to":"a@b.example","body":"hi"}}],
         "stop_reason":"tool_use","usage":{"input_tokens":21,"output_tokens":9}}
        """;

    [Fact]
    public async Task An_overloaded_529_is_retried_and_the_reply_parsed_with_its_usage()
    {
        await using var server = await LoopbackChatServer.StartAsync((n, context) => n == 1
            ? LoopbackChatServer.WriteJsonAsync(context, """{"type":"error","error":{"type":"overloaded_error"}}""", 529)
            : LoopbackChatServer.WriteJsonAsync(context, Reply));
        using var client = Anthropic(server, Options());
        using var tracked = new UsageTrackingChatClient(client);

        var response = await tracked.GetResponseAsync([new(ChatRole.System, "Be brief."), new(ChatRole.User, "Mail a@b.")]);

        Assert.Equal("Sending it.", response.Text);
        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal(("send_email", "a@b.example"), (call.Name, call.Arguments!["to"]?.ToString()));
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
        Assert.Equal(2, server.Requests);
        var usage = tracked.Snapshot();
        Assert.Equal((21L, 9L, 1L), (usage.InputTokens, usage.OutputTokens, usage.Retries));
        var body = server.Bodies[^1];
        Assert.Equal("claude-test", body["model"]!.GetValue<string>());
        Assert.Equal("user", body["messages"]![0]!["role"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_reply_without_content_is_an_error()
    {
        await using var server = await LoopbackChatServer.StartAsync((_, context) => LoopbackChatServer.WriteJsonAsync(context, """{"type":"message"}"""));
        using var client = Anthropic(server, Options(attempts: 2));

        await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync([new(ChatRole.User, "hello")]));
        Assert.Equal(2, server.Requests);
    }
}
