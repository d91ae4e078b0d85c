using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SemanticKernel;
using SK = Microsoft.SemanticKernel;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Semantic Kernel filters that really gate: function calls the model chooses (auto-invocation), functions the
/// application invokes, rendered prompts and prompt-function answers are judged, and a denial skips
/// <c>next</c> and sets a result that explains the denial to the model.
/// </summary>
/// <remarks>Escalations go to the <see cref="IApprovalService"/>; without one they are denied (Semantic Kernel has no
/// approval content to surface them as).</remarks>
public sealed class PolicyGateKernelFilter : IFunctionInvocationFilter, IAutoFunctionInvocationFilter, IPromptRenderFilter
{
    private static readonly AsyncLocal<string?> AutoInvoking = new();
    private static readonly AsyncLocal<bool> PromptFunction = new();
    private readonly PolicyEngine _engine;

    /// <summary>Creates the filter.</summary>
    /// <param name="options">The options; copied. When it lists no gates, the built-in gates are used.</param>
    /// <param name="logger">The logger for decisions.</param>
    public PolicyGateKernelFilter(PolicyGateOptions? options = null, ILogger? logger = null)
    {
        var snapshot = options?.Clone() ?? new PolicyGateOptions();
        snapshot.EnsureGatesSomething(nameof(options));
        _engine = new PolicyEngine(snapshot, logger ?? NullLogger.Instance, useDefaultsWhenEmpty: true);
    }

    private static PolicyOrigin Origin(Kernel kernel) => new(PolicySources.SemanticKernel, kernel.Services);

    /// <summary>The gates this filter runs, in order.</summary>
    public IReadOnlyList<IPolicyGate> Gates => _engine.Gates;

    /// <summary>The engine, shared with the kernel's gated chat services (<see cref="PolicyGatedChatCompletionService"/>).</summary>
    internal PolicyEngine Engine => _engine;

    /// <summary>Whether a prompt function's invocation is under way on this flow: its prompt and answer are judged here,
    /// so the chat service it calls does not judge them again.</summary>
    internal static bool InPromptFunction => PromptFunction.Value;

    /// <inheritdoc />
    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var function = context.Function;
        if (_engine.Options.GateToolCalls && _engine.Wants(PolicyRequestKind.ToolCall))
        {
            var request = PolicyRequest.Tool(
                function.Name,
                context.Arguments,
                SideEffectResolver.Resolve(function, function.Name, _engine.Options),
                SemanticKernelMessages.Convert(context.ChatHistory),
                context.ToolCallId,
                function,
                null,
                context.IsStreaming,
                Origin(context.Kernel));
            var verdict = await PolicyEscalations.SettleAsync(_engine, request, await _engine.EvaluateAsync(request, context.CancellationToken).ConfigureAwait(false), context.CancellationToken).ConfigureAwait(false);
            if (verdict.Decision != PolicyDecision.Allow)
            {
                // Skip next: the function does not run; the model reads why.
                context.Result = new FunctionResult(function, PolicyMessages.ToolDenied(function.Name, verdict));
                return;
            }
        }

        // The invocation filter below this one must not judge the same call twice.
        var previous = AutoInvoking.Value;
        AutoInvoking.Value = function.Name;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            AutoInvoking.Value = previous;
        }
    }

    /// <inheritdoc />
    public async Task OnFunctionInvocationAsync(SK.FunctionInvocationContext context, Func<SK.FunctionInvocationContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var function = context.Function;
        var isPrompt = function.UnderlyingMethod is null;
        if (!isPrompt && AutoInvoking.Value != function.Name && _engine.Options.GateToolCalls && _engine.Wants(PolicyRequestKind.ToolCall))
        {
            var request = PolicyRequest.Tool(function.Name, context.Arguments, SideEffectResolver.Resolve(function, function.Name, _engine.Options), [], null, function, null, context.IsStreaming, Origin(context.Kernel));
            var verdict = await PolicyEscalations.SettleAsync(_engine, request, await _engine.EvaluateAsync(request, context.CancellationToken).ConfigureAwait(false), context.CancellationToken).ConfigureAwait(false);
            if (verdict.Decision != PolicyDecision.Allow)
            {
                context.Result = new FunctionResult(function, PolicyMessages.ToolDenied(function.Name, verdict));
                return;
            }
        }

        var judgesHere = isPrompt && !context.IsStreaming;
        var previous = PromptFunction.Value;
        PromptFunction.Value = judgesHere;
        try
        {
            await next(context).ConfigureAwait(false);
        }
        finally
        {
            PromptFunction.Value = previous;
        }

        if (isPrompt && !context.IsStreaming && _engine.Options.GateResponses && _engine.Wants(PolicyRequestKind.ModelResponse)
            && context.Result.GetValue<object>() is { } value)
        {
            var text = value.ToString() ?? string.Empty;
            var prompt = context.Result.RenderedPrompt is { } rendered ? new List<ChatMessage> { new(ChatRole.User, rendered) } : [];
            var request = PolicyRequest.Model(PolicyRequestKind.ModelResponse, prompt, null, new ChatResponse(new ChatMessage(ChatRole.Assistant, text)), null, false, Origin(context.Kernel));
            var verdict = await PolicyEscalations.SettleAsync(_engine, request, await _engine.EvaluateAsync(request, context.CancellationToken).ConfigureAwait(false), context.CancellationToken).ConfigureAwait(false);
            if (verdict.Decision != PolicyDecision.Allow)
            {
                context.Result = new FunctionResult(context.Result, PolicyMessages.ResponseDenied(verdict));
            }
        }
    }

    /// <inheritdoc />
    public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        await next(context).ConfigureAwait(false);
        if (!_engine.Options.GateRequests || !_engine.Wants(PolicyRequestKind.ModelRequest) || context.RenderedPrompt is not { } rendered)
        {
            return;
        }

        var request = PolicyRequest.Model(PolicyRequestKind.ModelRequest, [new ChatMessage(ChatRole.User, rendered)], null, null, null, context.IsStreaming, Origin(context.Kernel));
        var verdict = await PolicyEscalations.SettleAsync(_engine, request, await _engine.EvaluateAsync(request, context.CancellationToken).ConfigureAwait(false), context.CancellationToken).ConfigureAwait(false);
        if (verdict.Decision != PolicyDecision.Allow)
        {
            // A result set here means the model is never called.
            context.Result = new FunctionResult(context.Function, PolicyMessages.RequestDenied(verdict));
        }
    }
}
