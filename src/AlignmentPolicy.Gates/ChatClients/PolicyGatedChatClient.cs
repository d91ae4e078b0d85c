using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// A chat client that routes every model call, every model response (streamed or not) and every tool call
/// the pipeline invokes through policy gates.
/// </summary>
/// <remarks>
/// <para>It works in either order with <c>UseFunctionInvocation()</c>:</para>
/// <list type="bullet">
/// <item>Above a <see cref="FunctionInvokingChatClient"/> (<c>.UsePolicyGate().UseFunctionInvocation()</c>) it
/// chains that client's <see cref="FunctionInvokingChatClient.FunctionInvoker"/>, so every invocation
/// (including <see cref="FunctionInvokingChatClient.AdditionalTools"/>) is judged just before it runs.</item>
/// <item>Below it, or with no function invocation at all, it judges the tool calls in each model response
/// before they leave: a denied call is marked informational and answered with the denial, so it never runs.</item>
/// </list>
/// <para>A denied tool call returns a result explaining the denial to the model; when every call the model
/// made was denied, the client asks the model again (up to <see cref="PolicyGateOptions.MaxDenialRounds"/>).
/// An escalated call goes to the <see cref="IApprovalService"/>, or surfaces as
/// <see cref="ToolApprovalRequestContent"/>; an approved <see cref="ToolApprovalResponseContent"/> sent back
/// lets it run once. A denied request is not sent; a denied response is replaced by the denial.</para>
/// </remarks>
public sealed class PolicyGatedChatClient : DelegatingChatClient
{
    private readonly PolicyEngine _engine;
    private readonly FunctionInvokingChatClient? _invoker;
    private readonly PolicyOrigin _origin;
    private readonly ToolInvocationGate _tools;

    /// <summary>Creates a gated client around <paramref name="innerClient"/>.</summary>
    /// <param name="innerClient">The client to gate.</param>
    /// <param name="options">The options; copied. When it lists no gates, the built-in gates are used.</param>
    /// <param name="loggerFactory">Creates the logger for decisions.</param>
    /// <param name="services">Services handed to gates through <see cref="PolicyRequest.Services"/>.</param>
    public PolicyGatedChatClient(IChatClient innerClient, PolicyGateOptions? options = null, ILoggerFactory? loggerFactory = null, IServiceProvider? services = null)
        : base(innerClient)
    {
        var snapshot = options?.Clone() ?? new PolicyGateOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(snapshot.MaxDenialRounds, nameof(options));
        snapshot.EnsureGatesSomething(nameof(options));
        _engine = new PolicyEngine(snapshot, (ILogger?)loggerFactory?.CreateLogger<PolicyGatedChatClient>() ?? NullLogger.Instance, useDefaultsWhenEmpty: true);
        _origin = new PolicyOrigin(PolicySources.ExtensionsAI, services);
        _tools = new ToolInvocationGate(_engine, services, PolicySources.ExtensionsAI, canSurfaceApprovals: true);

        if (snapshot.GateToolCalls && innerClient.GetService<FunctionInvokingChatClient>() is { } invoker)
        {
            // Hook the invoker below us: it is the one place every tool invocation passes through.
            _invoker = invoker;
            var previous = invoker.FunctionInvoker;
            invoker.FunctionInvoker = (context, cancellationToken) => _tools.InvokeAsync(context, previous, cancellationToken);
        }
    }

    /// <summary>The gates this client runs, in order.</summary>
    public IReadOnlyList<IPolicyGate> Gates => _engine.Gates;

    /// <inheritdoc />
    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var history = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        if ((_engine.Options.GateRequests && _engine.Wants(PolicyRequestKind.ModelRequest)) || (_invoker is null && GatesToolCalls))
        {
            return GetGatedResponseAsync(history, options, cancellationToken);
        }

        // Fast path (above a function invoker, no request gates): when the inner call and the gates complete
        // synchronously and allow, the inner task is returned as it is, so the allow path adds no task.
        _tools.RememberApprovals(history);
        var inner = InnerClient.GetResponseAsync(history, options, cancellationToken);
        if (!inner.IsCompletedSuccessfully)
        {
            return JudgeResponseAsync(history, options, inner, cancellationToken);
        }

        var response = inner.Result;
        if (_invoker is not null)
        {
            ToolInvocationGate.SurfacePendingApprovals(response.Messages);
        }

        if (!GatesResponse(response))
        {
            return inner;
        }

        var request = PolicyRequest.Model(PolicyRequestKind.ModelResponse, history, options, response, null, false, _origin);
        var pending = _engine.EvaluateAsync(request, cancellationToken);
        if (pending.IsCompletedSuccessfully && pending.Result.Decision == PolicyDecision.Allow)
        {
            return inner;
        }

        return ApplyResponseVerdictAsync(request, response, pending, cancellationToken);
    }

    private bool GatesToolCalls => _engine.Options.GateToolCalls && _engine.Wants(PolicyRequestKind.ToolCall);

    private bool GatesResponse(ChatResponse response)
        => _engine.Options.GateResponses && _engine.Wants(PolicyRequestKind.ModelResponse) && IsFinalAnswer(response.Messages);

    private async Task<ChatResponse> GetGatedResponseAsync(IReadOnlyList<ChatMessage> history, ChatOptions? options, CancellationToken cancellationToken)
    {
        if (await GateRequestAsync(history, options, streaming: false, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return new ChatResponse(new ChatMessage(ChatRole.Assistant, refusal)) { FinishReason = ChatFinishReason.ContentFilter };
        }

        _tools.RememberApprovals(history);
        var response = await InnerClient.GetResponseAsync(history, options, cancellationToken).ConfigureAwait(false);
        if (_invoker is null && GatesToolCalls)
        {
            response = await GateToolCallsAsync(history, options, response, cancellationToken).ConfigureAwait(false);
        }
        else if (_invoker is not null)
        {
            ToolInvocationGate.SurfacePendingApprovals(response.Messages);
        }

        return await JudgeResponseAsync(history, options, Task.FromResult(response), cancellationToken).ConfigureAwait(false);
    }

    private async Task<ChatResponse> JudgeResponseAsync(IReadOnlyList<ChatMessage> history, ChatOptions? options, Task<ChatResponse> inner, CancellationToken cancellationToken)
    {
        var response = await inner.ConfigureAwait(false);
        if (_invoker is not null)
        {
            ToolInvocationGate.SurfacePendingApprovals(response.Messages);
        }

        if (!GatesResponse(response))
        {
            return response;
        }

        var request = PolicyRequest.Model(PolicyRequestKind.ModelResponse, history, options, response, null, false, _origin);
        return await ApplyResponseVerdictAsync(request, response, _engine.EvaluateAsync(request, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private async Task<ChatResponse> ApplyResponseVerdictAsync(PolicyRequest request, ChatResponse response, ValueTask<PolicyVerdict> pending, CancellationToken cancellationToken)
    {
        var verdict = await PolicyEscalations.SettleAsync(_engine, request, await pending.ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        if (verdict.Decision != PolicyDecision.Allow)
        {
            ReplaceFinalAnswer(response, PolicyMessages.ResponseDenied(verdict));
        }

        return response;
    }

    /// <inheritdoc />
    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var history = messages as IReadOnlyList<ChatMessage> ?? [.. messages];
        if (await GateRequestAsync(history, options, streaming: true, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            yield return new ChatResponseUpdate(ChatRole.Assistant, refusal) { FinishReason = ChatFinishReason.ContentFilter };
            yield break;
        }

        _tools.RememberApprovals(history);
        var gateCalls = _invoker is null && _engine.Options.GateToolCalls && _engine.Wants(PolicyRequestKind.ToolCall);
        var gateText = _engine.Options.GateResponses && _engine.Wants(PolicyRequestKind.ModelResponse);
        List<ChatMessage>? conversation = null;
        List<ChatMessage>? toolTurns = null;
        Dictionary<string, FunctionCallContent>? streamedCalls = null;
        for (var round = 0; ; round++)
        {
            var hold = new StreamingTextHold<ChatResponseUpdate>();
            List<FunctionCallContent> heldCalls = [];
            string? messageId = null;
            await foreach (var update in InnerClient.GetStreamingResponseAsync(conversation ?? history, options, cancellationToken).ConfigureAwait(false))
            {
                messageId ??= update.MessageId;
                var passThrough = update;
                if (gateCalls && HasCalls(update))
                {
                    // Hold tool calls back until the stream ends: they are judged complete.
                    passThrough = update.Clone();
                    passThrough.Contents = [];
                    foreach (var content in update.Contents)
                    {
                        if (content is FunctionCallContent { InformationalOnly: false } call)
                        {
                            heldCalls.Add(call);
                        }
                        else
                        {
                            passThrough.Contents.Add(content);
                        }
                    }

                    if (passThrough.Contents.Count == 0)
                    {
                        continue;
                    }
                }
                else if (_invoker is not null)
                {
                    foreach (var content in update.Contents)
                    {
                        if (content is FunctionCallContent seen)
                        {
                            (streamedCalls ??= new(StringComparer.Ordinal))[seen.CallId] = seen;
                        }

                        if (content is FunctionCallContent or FunctionResultContent)
                        {
                            // The invoker below runs tools inside this stream: keep them for the honesty checks.
                            (toolTurns ??= []).Add(new ChatMessage(update.Role ?? ChatRole.Assistant, [content]));
                        }
                    }

                    if (streamedCalls is not null && ToolInvocationGate.SurfacePendingApproval(update.Contents, streamedCalls) is { } surfaced)
                    {
                        passThrough = new ChatResponseUpdate(ChatRole.Assistant, surfaced) { MessageId = update.MessageId };
                    }
                }

                if (!gateText || string.IsNullOrEmpty(passThrough.Text) || passThrough.Role == ChatRole.Tool)
                {
                    if (hold.IsHolding && !HasText(passThrough))
                    {
                        hold.Hold(passThrough);
                        continue;
                    }

                    yield return passThrough;
                    continue;
                }

                // Text is released a sentence at a time, after the gates have read everything so far.
                if (!hold.HoldText(passThrough, passThrough.Text))
                {
                    continue;
                }

                var partial = await EvaluateTextAsync(WithTurns(conversation ?? history, toolTurns), hold.TakeTextToJudge(), options, cancellationToken).ConfigureAwait(false);
                if (partial.Decision != PolicyDecision.Allow)
                {
                    yield return Denial(PolicyMessages.ResponseDenied(partial));
                    yield break;
                }

                foreach (var held in hold.Release())
                {
                    yield return held;
                }
            }

            if (hold.HasUnjudged)
            {
                var final = await EvaluateTextAsync(WithTurns(conversation ?? history, toolTurns), hold.TakeTextToJudge(), options, cancellationToken).ConfigureAwait(false);
                if (final.Decision != PolicyDecision.Allow)
                {
                    yield return Denial(PolicyMessages.ResponseDenied(final));
                    yield break;
                }

                foreach (var held in hold.Release())
                {
                    yield return held;
                }
            }

            if (heldCalls.Count == 0)
            {
                yield break;
            }

            var assistant = new ChatMessage(ChatRole.Assistant, [.. heldCalls]);
            var outcome = await JudgeCallsAsync(conversation ?? history, options, assistant, cancellationToken).ConfigureAwait(false);
            yield return new ChatResponseUpdate(ChatRole.Assistant, assistant.Contents) { MessageId = messageId };
            if (outcome.Results is { } results)
            {
                yield return new ChatResponseUpdate(ChatRole.Tool, results.Contents);
            }

            if (!outcome.AllDenied || round >= _engine.Options.MaxDenialRounds)
            {
                yield break;
            }

            // Every call was denied: give the model the reasons and let it answer.
            conversation ??= [.. history];
            conversation.Add(assistant);
            conversation.Add(outcome.Results!);
        }
    }

    private async ValueTask<string?> GateRequestAsync(IReadOnlyList<ChatMessage> history, ChatOptions? options, bool streaming, CancellationToken cancellationToken)
    {
        if (!_engine.Options.GateRequests || !_engine.Wants(PolicyRequestKind.ModelRequest))
        {
            return null;
        }

        var request = PolicyRequest.Model(PolicyRequestKind.ModelRequest, history, options, null, null, streaming, _origin);
        var verdict = await _engine.EvaluateAsync(request, cancellationToken).ConfigureAwait(false);
        verdict = await PolicyEscalations.SettleAsync(_engine, request, verdict, cancellationToken).ConfigureAwait(false);
        return verdict.Decision == PolicyDecision.Allow ? null : PolicyMessages.RequestDenied(verdict);
    }

    private async ValueTask<PolicyVerdict> EvaluateTextAsync(IReadOnlyList<ChatMessage> history, string text, ChatOptions? options, CancellationToken cancellationToken)
    {
        var request = PolicyRequest.Model(PolicyRequestKind.ModelResponse, history, options, null, text, true, _origin);
        return await PolicyEscalations.SettleAsync(_engine, request, await _engine.EvaluateAsync(request, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Below a function invoker (or with none): judges the calls in a response; asks again when all were denied.</summary>
    private async Task<ChatResponse> GateToolCallsAsync(IReadOnlyList<ChatMessage> history, ChatOptions? options, ChatResponse response, CancellationToken cancellationToken)
    {
        List<ChatMessage>? conversation = null;
        List<ChatMessage>? produced = null;
        for (var round = 0; ; round++)
        {
            var assistant = FindCalls(response.Messages);
            if (assistant is null)
            {
                break;
            }

            var outcome = await JudgeCallsAsync(conversation ?? history, options, assistant, cancellationToken).ConfigureAwait(false);
            if (outcome.Results is not null)
            {
                response.Messages.Insert(response.Messages.IndexOf(assistant) + 1, outcome.Results);
            }

            if (!outcome.AllDenied || round >= _engine.Options.MaxDenialRounds)
            {
                break;
            }

            conversation ??= [.. history];
            produced ??= [];
            conversation.AddRange(response.Messages);
            produced.AddRange(response.Messages);
            response = await InnerClient.GetResponseAsync(conversation, options, cancellationToken).ConfigureAwait(false);
        }

        if (produced is not null)
        {
            for (var i = produced.Count - 1; i >= 0; i--)
            {
                response.Messages.Insert(0, produced[i]);
            }
        }

        return response;
    }

    private async ValueTask<CallOutcome> JudgeCallsAsync(IReadOnlyList<ChatMessage> history, ChatOptions? options, ChatMessage assistant, CancellationToken cancellationToken)
    {
        ChatMessage? results = null;
        var denied = 0;
        var total = 0;
        var contents = assistant.Contents;
        for (var i = 0; i < contents.Count; i++)
        {
            if (contents[i] is not FunctionCallContent { InformationalOnly: false } call)
            {
                continue;
            }

            total++;
            var function = SideEffectResolver.FindTool(options?.Tools, call.Name);
            var arguments = call.Arguments is null ? null : call.Arguments as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>(call.Arguments);
            var request = PolicyRequest.Tool(call.Name, arguments, SideEffectResolver.Resolve(function, call.Name, _engine.Options), Concat(history, assistant), call.CallId, function, options, false, _origin);
            var verdict = await _engine.EvaluateAsync(request, cancellationToken).ConfigureAwait(false);
            if (verdict.Decision == PolicyDecision.Escalate)
            {
                if (_tools.TakeApproval(call))
                {
                    continue;
                }

                if (await _engine.ResolveEscalationAsync(request, verdict, cancellationToken).ConfigureAwait(false) is not { } answered)
                {
                    // Surface it the Microsoft.Extensions.AI way: existing approval flows handle the rest.
                    contents[i] = new ToolApprovalRequestContent(call.CallId, call);
                    continue;
                }

                verdict = answered;
            }

            if (verdict.Decision == PolicyDecision.Deny)
            {
                denied++;
                call.InformationalOnly = true;
                results ??= new ChatMessage(ChatRole.Tool, []);
                results.Contents.Add(new FunctionResultContent(call.CallId, PolicyMessages.ToolDenied(call.Name, verdict)));
            }
        }

        return new CallOutcome(results, total > 0 && denied == total);
    }

    private static ChatMessage? FindCalls(IList<ChatMessage> messages)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            var contents = messages[i].Contents;
            for (var j = 0; j < contents.Count; j++)
            {
                if (contents[j] is FunctionCallContent { InformationalOnly: false })
                {
                    return messages[i];
                }
            }
        }

        return null;
    }

    private static bool IsFinalAnswer(IList<ChatMessage> messages)
    {
        if (messages.Count == 0)
        {
            return false;
        }

        var contents = messages[^1].Contents;
        for (var i = 0; i < contents.Count; i++)
        {
            if (contents[i] is FunctionCallContent { InformationalOnly: false } or ToolApprovalRequestContent)
            {
                return false;
            }
        }

        return messages[^1].Role == ChatRole.Assistant;
    }

    private static void ReplaceFinalAnswer(ChatResponse response, string text)
    {
        var last = response.Messages[^1];
        last.Contents = [new TextContent(text)];
        response.FinishReason = ChatFinishReason.ContentFilter;
    }

    private static bool HasCalls(ChatResponseUpdate update)
    {
        foreach (var content in update.Contents)
        {
            if (content is FunctionCallContent { InformationalOnly: false })
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasText(ChatResponseUpdate update)
    {
        foreach (var content in update.Contents)
        {
            if (content is TextContent)
            {
                return true;
            }
        }

        return false;
    }

    private static ChatResponseUpdate Denial(string text)
        => new(ChatRole.Assistant, text) { FinishReason = ChatFinishReason.ContentFilter };

    private static IReadOnlyList<ChatMessage> WithTurns(IReadOnlyList<ChatMessage> history, List<ChatMessage>? turns)
    {
        if (turns is null)
        {
            return history;
        }

        var all = new List<ChatMessage>(history.Count + turns.Count);
        all.AddRange(history);
        all.AddRange(turns);
        return all;
    }

    private static IReadOnlyList<ChatMessage> Concat(IReadOnlyList<ChatMessage> history, ChatMessage last)
    {
        var all = new List<ChatMessage>(history.Count + 1);
        all.AddRange(history);
        all.Add(last);
        return all;
    }

    private readonly record struct CallOutcome(ChatMessage? Results, bool AllDenied);
}
