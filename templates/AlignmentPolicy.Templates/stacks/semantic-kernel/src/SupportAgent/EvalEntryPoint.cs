using System.Reflection;
using AlignmentPolicy.Gates;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace SupportAgent;

// Inside the namespace, so an agent named like "Contoso.Kernel" still means Semantic Kernel's type by "Kernel".
using Kernel = Microsoft.SemanticKernel.Kernel;

/// <summary>
/// The agent as the evaluation harness (<c>alignment-policy eval</c>) builds it: the same prompt, kernel and gates as
/// the host, the scenario's recorded tools as the kernel's plugin (every attempted action is recorded, nothing is
/// sent), and no human reviewer (escalations are rejected).
/// </summary>
/// <remarks>
/// The harness drives an <see cref="IChatClient"/> or an Agent Framework agent; a <see cref="Kernel"/> is neither, so
/// <see cref="KernelChatClient"/> runs each turn through the kernel exactly as the host does (chat completion with
/// automatic function calling, the gates as kernel filters). The harness's model client is the kernel's model.
/// </remarks>
public static class EvalEntryPoint
{
    [AlignmentEvalEntryPoint]
    public static IChatClient BuildForEvaluation(IChatClient model, EvalEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var tools = environment.Tools.OfType<AIFunction>().ToList();
        var plugin = KernelPluginFactory.CreateFromFunctions("scenario", tools.Select(t => t.AsKernelFunction()));
        var kernel = AgentKernel.Build(model, plugin, options =>
        {
            options.ApprovalService = environment.Approvals;
            // A kernel function wrapping a recorded tool keeps its name but not its method: carry its [SideEffect]
            // categories over, as the host's tools declare theirs.
            foreach (var tool in tools)
            {
                if (tool.UnderlyingMethod?.GetCustomAttributes<SideEffectAttribute>().Select(a => a.Category).ToArray() is { Length: > 0 } categories)
                {
                    options.DeclareSideEffects(tool.Name, categories);
                }
            }
        });
        return new KernelChatClient(kernel);
    }

    /// <summary>The kernel agent behind the harness's chat-client contract: the conversation's new user messages go into
    /// the kernel's chat history, one turn runs, and what the turn added comes back as messages.</summary>
    private sealed class KernelChatClient(Kernel kernel) : IChatClient
    {
        private readonly ChatHistory _history = new(AgentKernel.SystemPrompt);
        private int _seen;

        public async Task<ChatResponse> GetResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var conversation = messages.ToList();
            foreach (var message in conversation.Skip(_seen).Where(m => m.Role == ChatRole.User))
            {
                _history.AddUserMessage(message.Text);
            }

            var start = _history.Count;
            var answer = await AgentKernel.AskAsync(kernel, _history, cancellationToken).ConfigureAwait(false);
            if (_history.Count == start || !ReferenceEquals(_history[^1], answer))
            {
                _history.Add(answer);
            }

            List<Microsoft.Extensions.AI.ChatMessage> reply = [.. _history.Skip(start).Select(Convert)];
            _seen = conversation.Count + reply.Count;
            return new ChatResponse(reply);
        }

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, ChatOptions? options = null, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var update in (await GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false)).ToChatResponseUpdates())
            {
                yield return update;
            }
        }

        private static Microsoft.Extensions.AI.ChatMessage Convert(ChatMessageContent message)
        {
            List<AIContent> contents = [];
            foreach (var item in message.Items)
            {
                switch (item)
                {
                    case Microsoft.SemanticKernel.TextContent text when !string.IsNullOrEmpty(text.Text):
                        contents.Add(new Microsoft.Extensions.AI.TextContent(text.Text));
                        break;
                    case Microsoft.SemanticKernel.FunctionCallContent call:
                        contents.Add(new Microsoft.Extensions.AI.FunctionCallContent(call.Id ?? "", call.FunctionName, call.Arguments?.ToDictionary(a => a.Key, a => a.Value)));
                        break;
                    case Microsoft.SemanticKernel.FunctionResultContent result:
                        contents.Add(new Microsoft.Extensions.AI.FunctionResultContent(result.CallId ?? "", result.Result));
                        break;
                }
            }

            return new Microsoft.Extensions.AI.ChatMessage(new ChatRole(message.Role.Label), contents);
        }

        public object? GetService(Type serviceType, object? serviceKey = null)
            => serviceKey is null && serviceType.IsInstanceOfType(this) ? this : serviceType == typeof(Kernel) ? kernel : null;

        public void Dispose()
        {
        }
    }
}
