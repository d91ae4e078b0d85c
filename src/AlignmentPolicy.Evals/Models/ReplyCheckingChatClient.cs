using System.ClientModel;
using System.Net;
using System.Runtime.CompilerServices;
using Anthropic.Exceptions;
using Microsoft.Extensions.AI;
using OllamaSharp.Models.Exceptions;
using Polly.Timeout;

namespace AlignmentPolicy.Evals.Models;

/// <summary>
/// Makes every failure of a provider call a <see cref="ModelCallException"/>, so the harness scores the sample as an
/// error and never as a clean answer, and retries replies that arrived but cannot be used: a reply the SDK could not
/// read (malformed JSON, a wrong shape), one without a finish reason (a truncated stream, an incomplete body) or
/// without text and tool calls, a tool call whose arguments are not JSON, a stream that broke off or stalled
/// (<see cref="IdleTimeoutStream"/>). Failures the transport already retried (timeouts, 429, 5xx, broken connections)
/// and other HTTP errors are not retried again; both layers spend one <see cref="AttemptBudget"/>. Streams are read to
/// the end and checked before anything is passed on, so a retry never duplicates output. Known secrets are removed
/// from the messages.
/// </summary>
internal sealed class ReplyCheckingChatClient(IChatClient inner, HttpModelOptions settings, ModelStatistics statistics, string endpoint, IReadOnlyList<string> secrets)
    : DelegatingChatClient(inner)
{
    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var budget = AttemptBudget.Start(settings.MaxAttempts);
        for (var tries = 1; ; tries++)
        {
            try
            {
                var response = await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
                Check(response);
                return response;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not ModelCallException)
            {
                ThrowUnlessRetried(e, budget, tries);
            }
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var update in await ReadStreamAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }

    private async Task<List<ChatResponseUpdate>> ReadStreamAsync(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions, CancellationToken cancellationToken)
    {
        var budget = AttemptBudget.Start(settings.MaxAttempts);
        for (var tries = 1; ; tries++)
        {
            List<ChatResponseUpdate> updates = [];
            try
            {
                await foreach (var update in base.GetStreamingResponseAsync(messages, chatOptions, cancellationToken).ConfigureAwait(false))
                {
                    updates.Add(update);
                }

                Check(updates.ToChatResponse());
                return updates;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not ModelCallException)
            {
                ThrowUnlessRetried(e, budget, tries);
            }
        }
    }

    /// <summary>A reply is usable when it says it ended (a finish reason: every provider sends one, and a truncated stream
    /// or a body the SDK read only in part has none), says something (text or a tool call: an SDK reads content of the
    /// wrong type as no content, and an empty reply must not pass for a well-behaved one), and every tool call names a
    /// function and has arguments that parsed.</summary>
    private static void Check(ChatResponse response)
    {
        var contents = response.Messages.SelectMany(m => m.Contents).ToList();
        var problem = response.FinishReason is null
                ? "the reply has no finish reason (a truncated stream or an incomplete reply)"
            : !contents.Any(c => c is TextContent { Text.Length: > 0 } or FunctionCallContent)
                ? "the reply has neither text nor a tool call"
            : contents.OfType<FunctionCallContent>().FirstOrDefault(c => string.IsNullOrEmpty(c.Name)) is not null
                ? "a tool call has no function name"
            : contents.OfType<FunctionCallContent>().FirstOrDefault(c => c.Exception is not null) is { } broken
                ? $"the arguments of tool call '{broken.Name}' are not a JSON object: {broken.Exception!.Message}"
            : null;
        if (problem is not null)
        {
            throw new UnusableReplyException(problem);
        }
    }

    /// <summary>Retries (returns) while the reply was unusable and attempts are left; <paramref name="tries"/> also bounds
    /// a failure that sent no request at all.</summary>
    private void ThrowUnlessRetried(Exception e, AttemptBudget budget, int tries)
    {
        var (message, retry) = Classify(e);
        if (!retry || !budget.HasAttemptsLeft || tries >= settings.MaxAttempts)
        {
            // The SDK's exception stays attached for debugging unless it quotes a secret (a server echoing a key).
            var quotesSecret = secrets.Any(s => s.Length > 0 && e.ToString().Contains(s, StringComparison.Ordinal));
            throw new ModelCallException(Redact($"{endpoint}: {message} ({budget.Sent} {(budget.Sent == 1 ? "attempt" : "attempts")})"), quotesSecret ? null : e);
        }

        statistics.CountRetry();
    }

    /// <summary>What went wrong, and whether another attempt may help. A stalled stream or an unusable reply is looked
    /// for first, wherever an SDK wrapped it.</summary>
    private (string Message, bool Retry) Classify(Exception e)
    {
        var chain = Chain(e).ToList();
        if (chain.FirstOrDefault(c => c is UnusableReplyException or StreamStalledException) is { } unusable)
        {
            return (unusable.Message, true);
        }

        foreach (var current in chain)
        {
            switch (current)
            {
                case TimeoutRejectedException:
                    return ($"did not answer within {Seconds(settings.Timeout)}", false);
                case ClientResultException { Status: > 0 } result:
                    return (Answered(result.Status, result.Message), false);
                case AnthropicApiException api:
                    return (Answered((int)api.StatusCode, api.ResponseBody), false);
                case OllamaException ollama:
                    return (Answered((int)HttpStatusCode.BadRequest, ollama.Message), false);
                case HttpRequestException { StatusCode: { } status } http:
                    return (Answered((int)status, http.Message), false);
                case HttpRequestException http:
                    return ($"could not be reached: {http.Message}", false);
            }
        }

        return ($"sent a reply that could not be read: {e.Message}", true);
    }

    private static IEnumerable<Exception> Chain(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }

    private static string Answered(int status, string detail)
        => $"answered {status} {(HttpStatusCode)status}: {(detail.Length <= 300 ? detail : detail[..300] + "...")}";

    private static string Seconds(TimeSpan time) => $"{time.TotalSeconds:0.###} s";

    private string Redact(string message)
        => secrets.Where(s => s.Length > 0).Aggregate(message, (text, secret) => text.Replace(secret, "***", StringComparison.Ordinal));

    /// <summary>A reply that arrived but cannot be used.</summary>
    private sealed class UnusableReplyException(string message) : Exception(message);
}
