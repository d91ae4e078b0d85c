using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AlignmentPolicy.Evals.Tests.Adapters;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, a free port) at the paths the official SDKs post to: OpenAI's chat
/// completions (<c>/v1/chat/completions</c>), Azure OpenAI's (<c>/openai/deployments/{deployment}/chat/completions</c>),
/// Anthropic's messages (<c>/v1/messages</c>) and Ollama's native chat (<c>/api/chat</c>); the tests write the wire
/// format. Each request is answered by <c>respond(requestNumber, context)</c>, numbered from 1. It records what each
/// request sent, counts requests and the most in flight at once, and stops by itself after <see cref="Lifetime"/> even
/// if a test forgets to dispose it.
/// </summary>
internal sealed class LoopbackChatServer : IAsyncDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private readonly WebApplication _app;
    private readonly CancellationTokenSource _lifetime = new(Lifetime);
    private readonly List<TimeSpan> _arrivals = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _requests;
    private int _inFlight;
    private int _maxInFlight;

    private LoopbackChatServer(WebApplication app) => _app = app;

    /// <summary>The server's root: Anthropic's, Ollama's and Azure OpenAI's endpoint.</summary>
    public Uri Root { get; private set; } = null!;

    /// <summary>The root plus <c>/v1</c>: an OpenAI-compatible base URL.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public int Requests => Volatile.Read(ref _requests);

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>When each request arrived, since the server started.</summary>
    public IReadOnlyList<TimeSpan> Arrivals
    {
        get
        {
            lock (_arrivals)
            {
                return [.. _arrivals];
            }
        }
    }

    /// <summary>The bodies the server received, in arrival order.</summary>
    public List<JsonObject> Bodies { get; } = [];

    /// <summary>The path and query, and the headers, of each request, in arrival order.</summary>
    public List<(string PathAndQuery, IReadOnlyDictionary<string, string> Headers)> Received { get; } = [];

    public static async Task<LoopbackChatServer> StartAsync(Func<int, HttpContext, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackChatServer(app);
        // One handler for every provider's path: the test answers.
        RequestDelegate handler = async context =>
        {
            var number = Interlocked.Increment(ref server._requests);
            lock (server._arrivals)
            {
                server._arrivals.Add(server._clock.Elapsed);
            }

            var inFlight = Interlocked.Increment(ref server._inFlight);
            InterlockedMax(ref server._maxInFlight, inFlight);
            try
            {
                using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
                var body = JsonNode.Parse(await reader.ReadToEndAsync(context.RequestAborted)) as JsonObject ?? [];
                lock (server.Bodies)
                {
                    server.Bodies.Add(body);
                    server.Received.Add((
                        context.Request.Path + context.Request.QueryString,
                        context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
                }

                using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, server._lifetime.Token);
                context.RequestAborted = linked.Token;
                await respond(number, context);
            }
            catch (OperationCanceledException)
            {
                // The client gave up (a timeout under test) or the server's lifetime ended.
            }
            finally
            {
                Interlocked.Decrement(ref server._inFlight);
            }
        };
        app.MapPost("/v1/chat/completions", handler);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", handler);
        app.MapPost("/v1/messages", handler);
        app.MapPost("/api/chat", handler);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Root = new Uri(address.TrimEnd('/') + "/");
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/v1");
        server._lifetime.Token.Register(() => _ = app.StopAsync());
        return server;
    }

    /// <summary>A non-streaming completion with text, optional tool call and usage.</summary>
    public static string Completion(string text, int promptTokens = 11, int completionTokens = 7, string? toolName = null, string? toolArguments = null)
    {
        var message = new JsonObject { ["role"] = "assistant", ["content"] = text };
        if (toolName is not null)
        {
            message["tool_calls"] = new JsonArray(new JsonObject
            {
                ["id"] = "call_1",
                ["type"] = "function",
                ["function"] = new JsonObject { ["name"] = toolName, ["arguments"] = toolArguments ?? "{}" },
            });
        }

        return new JsonObject
        {
            ["id"] = "chatcmpl-1",
            ["object"] = "chat.completion",
            ["model"] = "loopback-1",
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["message"] = message, ["finish_reason"] = toolName is null ? "stop" : "tool_calls" }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens, ["total_tokens"] = promptTokens + completionTokens },
        }.ToJsonString();
    }

    /// <summary>SSE chunks of a streamed completion; <paramref name="done"/> false leaves off the final <c>[DONE]</c>.</summary>
    public static IEnumerable<string> StreamChunks(string text, bool done = true, int promptTokens = 11, int completionTokens = 7)
    {
        foreach (var word in text.Split(' '))
        {
            yield return "data: " + new JsonObject
            {
                ["id"] = "chatcmpl-1",
                ["object"] = "chat.completion.chunk",
                ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["content"] = word + " " } }),
            }.ToJsonString() + "\n\n";
        }

        if (!done)
        {
            yield break;
        }

        yield return "data: " + new JsonObject
        {
            ["choices"] = new JsonArray(new JsonObject { ["index"] = 0, ["delta"] = new JsonObject(), ["finish_reason"] = "stop" }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = promptTokens, ["completion_tokens"] = completionTokens, ["total_tokens"] = promptTokens + completionTokens },
        }.ToJsonString() + "\n\n";
        yield return "data: [DONE]\n\n";
    }

    public static async Task WriteJsonAsync(HttpContext context, string json, int status = 200)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json, context.RequestAborted);
    }

    public static async Task WriteStreamAsync(HttpContext context, IEnumerable<string> chunks, string contentType = "text/event-stream")
    {
        context.Response.ContentType = contentType;
        foreach (var chunk in chunks)
        {
            await context.Response.WriteAsync(chunk, context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _lifetime.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _lifetime.Dispose();
    }
}
