using System.Diagnostics;
using AlignmentPolicy.Evals.Harness;
using AlignmentPolicy.Evals.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Evals.Tests.Adapters;

/// <summary>
/// The OpenAI adapter (the official SDK's IChatClient, as <c>--model openai:&lt;model&gt;@&lt;url&gt;</c> builds it) against
/// a real HTTP server on 127.0.0.1 with faults: a 500, a 429 with Retry-After, a 4xx, malformed JSON; plus the cache,
/// the concurrency limit and the accounting. The timeout, stream and broken-endpoint tests run against every provider
/// in <see cref="ProviderFaultTests"/>. Backoffs are milliseconds so the retries are quick; no assertion depends on
/// tight timing.
/// </summary>
public sealed class OpenAICompatibleFaultTests : IDisposable
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "alignment-evals-cache-" + Guid.NewGuid().ToString("N"));

    private static HttpModelOptions Options(int attempts = 3, TimeSpan? timeout = null, int concurrency = 4, string? cache = null) => new()
    {
        MaxAttempts = attempts,
        Timeout = timeout ?? TimeSpan.FromSeconds(10),
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromSeconds(5),
        MaxConcurrency = concurrency,
        CacheDirectory = cache,
    };

    private static List<ChatMessage> Ask(string text) => [new(ChatRole.User, text)];

    /// <summary>The OpenAI adapter as <c>--model openai:loopback-1@&lt;server&gt;/v1</c> builds it.</summary>
    private static IChatClient OpenAI(LoopbackChatServer server, HttpModelOptions options, string? key = null)
        => ModelFactory.Create(new ModelSpec(ModelSpec.OpenAI, "loopback-1", server.BaseUrl), options, name => name == ModelFactory.OpenAIKeyVariable ? key : null, out _);

    [Fact]
    public async Task A_reply_with_text_a_tool_call_and_usage_is_parsed()
    {
        await using var server = await LoopbackChatServer.StartAsync((_, context) =>
            LoopbackChatServer.WriteJsonAsync(context, LoopbackChatServer.Completion("Looking.", toolName: "send_email", toolArguments: """{"to":"a@b.example"}""")));
        using var client = OpenAI(server, key: "sk-test", options: Options());

        var response = await client.GetResponseAsync(Ask("hello"), new ChatOptions { Instructions = "Be brief." });

        Assert.Equal("Looking.", response.Text);
        var call = Assert.Single(response.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal("send_email", call.Name);
        Assert.Equal("a@b.example", call.Arguments!["to"]?.ToString());
        Assert.Equal(11, response.Usage?.InputTokenCount);
        var body = Assert.Single(server.Bodies);
        Assert.Equal("system", body["messages"]![0]!["role"]!.GetValue<string>());
        Assert.Equal("loopback-1", body["model"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("openai", "gpt-test")]
    [InlineData("ollama", "llama3.2")]
    public async Task The_model_option_reaches_the_server_at_its_url(string kind, string model)
    {
        // OpenAI-compatible servers take a base URL (…/v1); Ollama's SDK speaks its native API at the server's root.
        var provider = kind == "openai" ? Provider.OpenAI : Provider.Ollama;
        await using var server = await LoopbackChatServer.StartAsync((_, context) => LoopbackChatServer.WriteJsonAsync(context, ProviderWire.Reply(provider, "hi")));
        var url = provider == Provider.OpenAI ? server.BaseUrl : server.Root;
        using var client = ModelFactory.Create($"{kind}:{model}@{url}", new EvalRequest { ModelSpec = kind }, _cache, out var description);

        Assert.Equal("hi", (await client.GetResponseAsync(Ask("hello"))).Text);
        Assert.Equal(model, server.Bodies[0]["model"]!.GetValue<string>());
        Assert.Equal(ProviderWire.Path(provider), server.Received[0].PathAndQuery);
        Assert.Contains(url.ToString(), description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_500_is_retried_and_the_next_answer_is_used()
    {
        await using var server = await LoopbackChatServer.StartAsync((n, context) => n == 1
            ? LoopbackChatServer.WriteJsonAsync(context, """{"error":{"message":"boom"}}""", 500)
            : LoopbackChatServer.WriteJsonAsync(context, LoopbackChatServer.Completion("recovered")));
        using var client = OpenAI(server, options: Options());

        var response = await client.GetResponseAsync(Ask("hello"));

        Assert.Equal("recovered", response.Text);
        Assert.Equal(2, server.Requests);
        Assert.Equal(1, ((IModelStatistics)client.GetService(typeof(IModelStatistics))!).Retries);
    }

    [Fact]
    public async Task A_429_waits_at_least_the_Retry_After_before_the_next_attempt()
    {
        await using var server = await LoopbackChatServer.StartAsync((n, context) =>
        {
            if (n == 1)
            {
                context.Response.Headers.RetryAfter = "1";
                return LoopbackChatServer.WriteJsonAsync(context, """{"error":{"message":"rate limited"}}""", 429);
            }

            return LoopbackChatServer.WriteJsonAsync(context, LoopbackChatServer.Completion("after the wait"));
        });
        using var client = OpenAI(server, options: Options());

        var clock = Stopwatch.StartNew();
        var response = await client.GetResponseAsync(Ask("hello"));
        clock.Stop();

        Assert.Equal("after the wait", response.Text);
        Assert.Equal(2, server.Requests);
        // The backoff alone would be about 10 ms; the header asked for a second.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), $"retried after {clock.Elapsed.TotalMilliseconds} ms");
        Assert.True(server.Arrivals[1] - server.Arrivals[0] >= TimeSpan.FromSeconds(0.95), $"arrivals {server.Arrivals[0]} and {server.Arrivals[1]}");
    }

    [Fact]
    public async Task A_4xx_other_than_429_is_not_retried()
    {
        await using var server = await LoopbackChatServer.StartAsync((_, context) => LoopbackChatServer.WriteJsonAsync(context, """{"error":{"message":"bad key"}}""", 401));
        using var client = OpenAI(server, options: Options());

        var error = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync(Ask("hello")));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Requests);
    }

    [Theory]
    [InlineData("{\"choices\": [ {\"message\": ")]
    [InlineData("<html>gateway error</html>")]
    [InlineData("{\"choices\": []}")]
    [InlineData("{\"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": 5}}]}")]
    [InlineData("{\"choices\":[{\"message\":{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"function\":{\"name\":\"send_email\",\"arguments\":\"{not json\"}}]}}]}")]
    public async Task Malformed_JSON_is_an_error_never_an_answer(string reply)
    {
        await using var server = await LoopbackChatServer.StartAsync((_, context) => LoopbackChatServer.WriteJsonAsync(context, reply));
        using var client = OpenAI(server, options: Options(attempts: 2));

        await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync(Ask("hello")));

        Assert.Equal(2, server.Requests);
    }

    [Fact]
    public async Task The_response_cache_makes_a_rerun_cost_no_request()
    {
        await using var server = await LoopbackChatServer.StartAsync((n, context) => LoopbackChatServer.WriteJsonAsync(context, LoopbackChatServer.Completion($"answer {n}")));
        using (var first = OpenAI(server, options: Options(cache: _cache)))
        {
            Assert.Equal("answer 1", (await first.GetResponseAsync(Ask("same question"))).Text);
            Assert.Equal("answer 1", (await first.GetResponseAsync(Ask("same question"))).Text);
            Assert.Equal("answer 2", (await first.GetResponseAsync(Ask("another question"))).Text);
        }

        // A new process (a new client over the same cache folder) re-runs both for free.
        using var rerun = OpenAI(server, options: Options(cache: _cache));
        Assert.Equal("answer 1", (await rerun.GetResponseAsync(Ask("same question"))).Text);
        Assert.Equal("answer 2", (await rerun.GetResponseAsync(Ask("another question"))).Text);

        Assert.Equal(2, server.Requests);
        Assert.Equal(2, ((IModelStatistics)rerun.GetService(typeof(IModelStatistics))!).CacheHits);
    }

    [Fact]
    public async Task No_more_requests_are_in_flight_than_the_concurrency_limit()
    {
        await using var server = await LoopbackChatServer.StartAsync(async (_, context) =>
        {
            await Task.Delay(150, context.RequestAborted);
            await LoopbackChatServer.WriteJsonAsync(context, LoopbackChatServer.Completion("ok"));
        });
        using var client = OpenAI(server, options: Options(concurrency: 2));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => client.GetResponseAsync(Ask($"question {i}"))));

        Assert.Equal(8, server.Requests);
        Assert.InRange(server.MaxInFlight, 1, 2);
    }

    [Fact]
    public async Task Tokens_latency_calls_and_retries_are_accounted()
    {
        await using var server = await LoopbackChatServer.StartAsync(async (n, context) =>
        {
            if (n == 1)
            {
                await LoopbackChatServer.WriteJsonAsync(context, "{}", 503);
                return;
            }

            await Task.Delay(20, context.RequestAborted);
            await LoopbackChatServer.WriteJsonAsync(context, LoopbackChatServer.Completion("ok", promptTokens: 100, completionTokens: 25));
        });
        using var client = OpenAI(server, options: Options(cache: _cache));
        using var tracked = new UsageTrackingChatClient(client);

        await tracked.GetResponseAsync(Ask("one"));
        await tracked.GetResponseAsync(Ask("two"));
        await tracked.GetResponseAsync(Ask("one"));

        var usage = tracked.Snapshot();
        Assert.Equal(3, usage.Calls);
        Assert.Equal(300, usage.InputTokens);
        Assert.Equal(75, usage.OutputTokens);
        Assert.Equal(1, usage.Retries);
        Assert.Equal(1, usage.CacheHits);
        Assert.True(usage.LatencyMs >= 40, $"latency {usage.LatencyMs} ms");
        Assert.Equal(3, server.Requests);
    }

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }
}
