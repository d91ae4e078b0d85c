using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace AlignmentPolicy.Gates;

/// <summary>
/// A kernel's <see cref="IChatClient"/> with the kernel's gates around it for requests and answers sent straight to it;
/// inside a prompt function (judged by the kernel's filter) it passes them through. Tool calls are left to the kernel's
/// function filters.
/// </summary>
internal sealed class PolicyGatedKernelChatClient : DelegatingChatClient
{
    private readonly IChatClient _gated;

    private PolicyGatedKernelChatClient(IChatClient inner, IChatClient gated)
        : base(inner)
    {
        _gated = gated;
    }

    public static IChatClient Create(IChatClient inner, PolicyGateKernelFilter filter, IServiceProvider services)
    {
        var options = filter.Engine.Options.Clone();
        options.GateToolCalls = false;
        return new PolicyGatedKernelChatClient(inner, new PolicyGatedChatClient(inner, options, services.GetService(typeof(ILoggerFactory)) as ILoggerFactory, services));
    }

    public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => PolicyGateKernelFilter.InPromptFunction
            ? base.GetResponseAsync(messages, options, cancellationToken)
            : _gated.GetResponseAsync(messages, options, cancellationToken);

    public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        => PolicyGateKernelFilter.InPromptFunction
            ? base.GetStreamingResponseAsync(messages, options, cancellationToken)
            : _gated.GetStreamingResponseAsync(messages, options, cancellationToken);
}
