using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using SK = Microsoft.SemanticKernel;

namespace AlignmentPolicy.Gates;

/// <summary>
/// A kernel's chat service with the kernel's gates around it: a request sent straight to the service (an agent's turn,
/// <c>GetChatMessageContentAsync</c> in application code) passes none of Semantic Kernel's filters, so the service
/// itself judges the request and the answer. Tool calls the service auto-invokes still run through the kernel's
/// auto-function-invocation filter; inside a prompt function the filter already judges the prompt and the answer, and
/// the service passes them through.
/// </summary>
internal sealed class PolicyGatedChatCompletionService : IChatCompletionService
{
    private readonly IChatCompletionService _inner;
    private readonly PolicyGateKernelFilter _filter;

    public PolicyGatedChatCompletionService(IChatCompletionService inner, PolicyGateKernelFilter filter)
    {
        _inner = inner;
        _filter = filter;
    }

    public IReadOnlyDictionary<string, object?> Attributes => _inner.Attributes;

    private PolicyEngine Engine => _filter.Engine;

    private bool GatesRequests => Engine.Options.GateRequests && Engine.Wants(PolicyRequestKind.ModelRequest);

    private bool GatesResponses => Engine.Options.GateResponses && Engine.Wants(PolicyRequestKind.ModelResponse);

    public async Task<IReadOnlyList<ChatMessageContent>> GetChatMessageContentsAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chatHistory);
        if (PolicyGateKernelFilter.InPromptFunction)
        {
            return await _inner.GetChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken).ConfigureAwait(false);
        }

        var origin = Origin(kernel);
        if (await GateRequestAsync(chatHistory, origin, streaming: false, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return [new ChatMessageContent(AuthorRole.Assistant, refusal)];
        }

        var answers = await _inner.GetChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken).ConfigureAwait(false);
        if (!GatesResponses || answers.Count == 0 || answers.Any(HasPendingCalls))
        {
            // Calls the application dispatches itself are judged when it invokes them (the function-invocation filter).
            return answers;
        }

        var text = string.Join("\n", answers.Select(a => a.Content).Where(c => !string.IsNullOrEmpty(c)));
        if (text.Length == 0)
        {
            return answers;
        }

        // With automatic function calling the history now holds the turn's tool calls and results: the gates read them.
        var history = SemanticKernelMessages.Convert(chatHistory);
        var request = PolicyRequest.Model(PolicyRequestKind.ModelResponse, history, null, new ChatResponse(new ChatMessage(ChatRole.Assistant, text)), null, false, origin);
        var verdict = await SettleAsync(request, cancellationToken).ConfigureAwait(false);
        return verdict.Decision == PolicyDecision.Allow
            ? answers
            : [new ChatMessageContent(AuthorRole.Assistant, PolicyMessages.ResponseDenied(verdict)) { ModelId = answers[0].ModelId }];
    }

    public async IAsyncEnumerable<StreamingChatMessageContent> GetStreamingChatMessageContentsAsync(
        ChatHistory chatHistory,
        PromptExecutionSettings? executionSettings = null,
        Kernel? kernel = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(chatHistory);
        var origin = Origin(kernel);

        // A streamed prompt function's answer is not judged by the filter (its result is a stream), so it is judged here.
        if (!PolicyGateKernelFilter.InPromptFunction
            && await GateRequestAsync(chatHistory, origin, streaming: true, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            yield return new StreamingChatMessageContent(AuthorRole.Assistant, refusal);
            yield break;
        }

        var gateText = GatesResponses;
        IReadOnlyList<ChatMessage>? history = null;
        var hold = new StreamingTextHold<StreamingChatMessageContent>();
        await foreach (var update in _inner.GetStreamingChatMessageContentsAsync(chatHistory, executionSettings, kernel, cancellationToken).ConfigureAwait(false))
        {
            if (!gateText || string.IsNullOrEmpty(update.Content) || update.Role == AuthorRole.Tool)
            {
                if (hold.IsHolding)
                {
                    hold.Hold(update);
                    continue;
                }

                yield return update;
                continue;
            }

            // Text is released a sentence at a time, after the gates have read everything so far.
            if (!hold.HoldText(update, update.Content))
            {
                continue;
            }

            history ??= SemanticKernelMessages.Convert(chatHistory);
            var partial = await JudgeTextAsync(history, hold.TakeTextToJudge(), origin, cancellationToken).ConfigureAwait(false);
            if (partial.Decision != PolicyDecision.Allow)
            {
                yield return new StreamingChatMessageContent(AuthorRole.Assistant, PolicyMessages.ResponseDenied(partial));
                yield break;
            }

            foreach (var held in hold.Release())
            {
                yield return held;
            }
        }

        if (hold.HasUnjudged)
        {
            history ??= SemanticKernelMessages.Convert(chatHistory);
            var final = await JudgeTextAsync(history, hold.TakeTextToJudge(), origin, cancellationToken).ConfigureAwait(false);
            if (final.Decision != PolicyDecision.Allow)
            {
                yield return new StreamingChatMessageContent(AuthorRole.Assistant, PolicyMessages.ResponseDenied(final));
                yield break;
            }

            foreach (var held in hold.Release())
            {
                yield return held;
            }
        }
    }

    private static PolicyOrigin Origin(Kernel? kernel) => new(PolicySources.SemanticKernel, kernel?.Services);

    private static bool HasPendingCalls(ChatMessageContent answer) => answer.Items.OfType<SK.FunctionCallContent>().Any();

    private async ValueTask<string?> GateRequestAsync(ChatHistory chatHistory, PolicyOrigin origin, bool streaming, CancellationToken cancellationToken)
    {
        if (!GatesRequests)
        {
            return null;
        }

        var request = PolicyRequest.Model(PolicyRequestKind.ModelRequest, SemanticKernelMessages.Convert(chatHistory), null, null, null, streaming, origin);
        var verdict = await SettleAsync(request, cancellationToken).ConfigureAwait(false);
        return verdict.Decision == PolicyDecision.Allow ? null : PolicyMessages.RequestDenied(verdict);
    }

    private ValueTask<PolicyVerdict> JudgeTextAsync(IReadOnlyList<ChatMessage> history, string text, PolicyOrigin origin, CancellationToken cancellationToken)
        => SettleAsync(PolicyRequest.Model(PolicyRequestKind.ModelResponse, history, null, null, text, true, origin), cancellationToken);

    private async ValueTask<PolicyVerdict> SettleAsync(PolicyRequest request, CancellationToken cancellationToken)
        => await PolicyEscalations.SettleAsync(Engine, request, await Engine.EvaluateAsync(request, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
}
