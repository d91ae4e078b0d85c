using AlignmentPolicy.Core.Evals;
using AlignmentPolicy.Evals.Harness;
using AlignmentPolicy.Evals.Models;
using AlignmentPolicy.Evals.Suites;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Evals.Tests.Adapters;

/// <summary>
/// Every adapter (the official OpenAI, Azure OpenAI, Anthropic and Ollama SDKs on the shared transport) against the
/// loopback server speaking its provider's wire format: what it sends, and the same faults (5xx, 429 with Retry-After,
/// a timeout, malformed JSON, a truncated stream, a broken endpoint under the harness) with the same outcome, whichever
/// provider. Backoffs are milliseconds; no assertion depends on tight timing.
/// </summary>
public sealed class ProviderFaultTests
{
    private static HttpModelOptions Options(int attempts = 3, TimeSpan? timeout = null) => new()
    {
        MaxAttempts = attempts,
        Timeout = timeout ?? TimeSpan.FromSeconds(10),
        InitialBackoff = TimeSpan.FromMilliseconds(10),
        MaxBackoff = TimeSpan.FromSeconds(5),
    };

    private static List<ChatMessage> Ask(string text) => [new(ChatRole.User, text)];

    public static TheoryData<Provider> Providers => [.. Enum.GetValues<Provider>()];

    /// <summary>Each provider with a stream that just stops, and one whose connection drops.</summary>
    public static TheoryData<Provider, bool> ProvidersAndConnectionDrops
    {
        get
        {
            TheoryData<Provider, bool> data = [];
            foreach (var provider in Enum.GetValues<Provider>())
            {
                data.Add(provider, false);
                data.Add(provider, true);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_SDK_posts_to_its_provider_path_with_its_credentials_and_the_reply_is_accounted(Provider provider)
    {
        await using var server = await LoopbackChatServer.StartAsync((_, context) => LoopbackChatServer.WriteJsonAsync(context, ProviderWire.Reply(provider, "hello there", 31, 5)));
        using var client = ProviderWire.Client(provider, server, Options());
        using var tracked = new UsageTrackingChatClient(client);

        var response = await tracked.GetResponseAsync(Ask("hello"), new ChatOptions { Instructions = "Be brief." });

        Assert.Equal("hello there", response.Text);
        var (path, headers) = Assert.Single(server.Received);
        Assert.StartsWith(ProviderWire.Path(provider), path, StringComparison.Ordinal);
        var body = server.Bodies[0];
        var usage = tracked.Snapshot();
        Assert.Equal((1L, 31L, 5L), (usage.Calls, usage.InputTokens, usage.OutputTokens));
        switch (provider)
        {
            case Provider.OpenAI:
                Assert.Equal("Bearer " + ProviderWire.OpenAIKey, headers["Authorization"]);
                Assert.Equal("gpt-loopback", body["model"]!.GetValue<string>());
                break;
            case Provider.AzureOpenAI:
                // The deployment is in the path, the API version in the query, the key in api-key and nowhere else.
                Assert.Contains("api-version=", path, StringComparison.Ordinal);
                Assert.Equal(ProviderWire.AzureKey, headers["api-key"]);
                Assert.False(headers.ContainsKey("Authorization"));
                break;
            case Provider.Anthropic:
                Assert.Equal("Bearer " + ProviderWire.AnthropicKey, headers["Authorization"]);
                Assert.True(headers.ContainsKey("anthropic-version"));
                Assert.Equal("claude-loopback", body["model"]!.GetValue<string>());
                Assert.Contains("Be brief.", body["system"]!.ToJsonString(), StringComparison.Ordinal);
                break;
            case Provider.Ollama:
                Assert.Equal("llama-loopback", body["model"]!.GetValue<string>());
                Assert.False(body["stream"]!.GetValue<bool>());
                Assert.False(headers.ContainsKey("Authorization"));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_500_and_a_429_are_retried_and_Retry_After_is_waited_for(Provider provider)
    {
        await using var server = await LoopbackChatServer.StartAsync((n, context) =>
        {
            switch (n)
            {
                case 1:
                    return LoopbackChatServer.WriteJsonAsync(context, ProviderWire.Error(provider, "boom"), 500);
                case 2:
                    context.Response.Headers.RetryAfter = "1";
                    return LoopbackChatServer.WriteJsonAsync(context, ProviderWire.Error(provider, "rate limited"), 429);
                default:
                    return LoopbackChatServer.WriteJsonAsync(context, ProviderWire.Reply(provider, "recovered"));
            }
        });
        using var client = ProviderWire.Client(provider, server, Options());

        var response = await client.GetResponseAsync(Ask("hello"));

        Assert.Equal("recovered", response.Text);
        Assert.Equal(3, server.Requests);
        Assert.Equal(2, ((IModelStatistics)client.GetService(typeof(IModelStatistics))!).Retries);
        // The backoff alone would be milliseconds; the header asked for a second.
        Assert.True(server.Arrivals[2] - server.Arrivals[1] >= TimeSpan.FromSeconds(0.95), $"arrivals {server.Arrivals[1]} and {server.Arrivals[2]}");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_server_slower_than_the_timeout_is_an_error_after_the_attempts(Provider provider)
    {
        await using var server = await LoopbackChatServer.StartAsync(async (_, context) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            await LoopbackChatServer.WriteJsonAsync(context, ProviderWire.Reply(provider, "too late"));
        });
        using var client = ProviderWire.Client(provider, server, Options(attempts: 2, timeout: TimeSpan.FromSeconds(1)));

        var error = await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync(Ask("hello")));

        Assert.Contains("did not answer within", error.Message, StringComparison.Ordinal);
        // Both attempts were made (one retry); on a loaded machine the second may time out before the loopback server's
        // handler has seen it, so the server's count only bounds them.
        Assert.Equal(1, ((IModelStatistics)client.GetService(typeof(IModelStatistics))!).Retries);
        Assert.InRange(server.Requests, 1, 2);
    }

    [Theory]
    [InlineData(Provider.OpenAI, "{\"id\": \"x\", \"choices\": [ {\"message\": ")]
    [InlineData(Provider.AzureOpenAI, "<html>gateway error</html>")]
    [InlineData(Provider.Anthropic, "{\"type\":\"message\",\"content\":[{\"type\":\"text\",\"text\":")]
    [InlineData(Provider.Anthropic, "{\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":1,\"output_tokens\":0}}")]
    [InlineData(Provider.Ollama, "{\"model\":\"llama-loopback\",\"message\":{\"role\":\"assistant\",\"content\":\"half")]
    [InlineData(Provider.Ollama, "{\"model\":\"llama-loopback\",\"message\":{\"role\":\"assistant\",\"content\":\"no end\"},\"done\":false}")]
    public async Task A_malformed_or_empty_reply_is_retried_then_an_error_never_an_answer(Provider provider, string reply)
    {
        await using var server = await LoopbackChatServer.StartAsync((_, context) => LoopbackChatServer.WriteJsonAsync(context, reply));
        using var client = ProviderWire.Client(provider, server, Options(attempts: 2));

        await Assert.ThrowsAsync<ModelCallException>(() => client.GetResponseAsync(Ask("hello")));

        Assert.Equal(2, server.Requests);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_complete_stream_is_assembled_with_its_usage(Provider provider)
    {
        await using var server = await LoopbackChatServer.StartAsync((_, context) => ProviderWire.WriteStreamAsync(provider, context, "all three words"));
        using var client = ProviderWire.Client(provider, server, Options());
        using var tracked = new UsageTrackingChatClient(client);

        List<ChatResponseUpdate> updates = [];
        await foreach (var update in tracked.GetStreamingResponseAsync(Ask("hello")))
        {
            updates.Add(update);
        }

        Assert.Equal("all three words", updates.ToChatResponse().Text.Trim());
        Assert.True(server.Bodies[0]["stream"]!.GetValue<bool>());
        var usage = tracked.Snapshot();
        Assert.Equal((1L, 11L, 7L), (usage.Calls, usage.InputTokens, usage.OutputTokens));
    }

    [Theory]
    [MemberData(nameof(ProvidersAndConnectionDrops))]
    public async Task A_truncated_stream_is_retried_then_an_error_and_nothing_of_it_reaches_the_caller(Provider provider, bool dropConnection)
    {
        await using var server = await LoopbackChatServer.StartAsync(async (_, context) =>
        {
            await ProviderWire.WriteStreamAsync(provider, context, "cut off in the middle", complete: false);
            if (dropConnection)
            {
                context.Abort();
            }
        });
        using var client = ProviderWire.Client(provider, server, Options(attempts: 2));

        List<ChatResponseUpdate> received = [];
        await Assert.ThrowsAsync<ModelCallException>(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Ask("hello")))
            {
                received.Add(update);
            }
        });

        Assert.Empty(received);
        Assert.Equal(2, server.Requests);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_stream_that_stalls_longer_than_the_timeout_is_retried_then_an_error(Provider provider)
    {
        await using var server = await LoopbackChatServer.StartAsync(async (_, context) =>
        {
            await ProviderWire.WriteStreamAsync(provider, context, "then nothing more", complete: false);
            await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
        });
        using var client = ProviderWire.Client(provider, server, Options(attempts: 2, timeout: TimeSpan.FromSeconds(1)));

        var error = await Assert.ThrowsAsync<ModelCallException>(async () =>
        {
            await foreach (var _ in client.GetStreamingResponseAsync(Ask("hello")))
            {
            }
        });

        Assert.Contains("stalled", error.Message, StringComparison.Ordinal);
        Assert.Equal(2, server.Requests);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_run_through_a_broken_endpoint_is_inconclusive_never_a_pass(Provider provider)
    {
        await using var server = await LoopbackChatServer.StartAsync((_, context) => LoopbackChatServer.WriteJsonAsync(context, "{\"broken\": "));
        using var client = ProviderWire.Client(provider, server, Options(attempts: 1));
        var suite = SuiteCatalog.Builtin["builtin:coercion"];

        var run = await SuiteRunner.RunAsync(new SuiteRunOptions
        {
            Suite = suite,
            Settings = EvalSettings.Create(suite, null, new EvalOverrides { Samples = 2 }),
            Model = client,
            Concurrency = 4,
        });

        var document = run.Document;
        Assert.Equal(EvalVerdicts.Inconclusive, document.Verdict);
        Assert.Equal(1.0, document.ErrorShare);
        Assert.All(document.Cells, c => Assert.Equal("EE", c.Outcomes));
        Assert.DoesNotContain(document.Cells, c => c.Verdict == EvalVerdicts.Pass);
        Assert.Equal(suite.Cells.Count * 2, server.Requests);
        Assert.All(run.Transcripts, t => Assert.Contains("\"outcome\":\"error\"", t, StringComparison.Ordinal));
    }
}
