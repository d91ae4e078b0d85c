using AlignmentPolicy.Gates;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

/// <summary>How the Semantic Kernel email agent is built, around any model: its prompt, its plugin and its gates (on the
/// model client for requests and answers; function-invocation, auto-function-invocation and prompt-render filters). The program and the evaluation entry
/// point both build it here.</summary>
public static class MailAgentKernel
{
    public const string SystemPrompt = "You are SummitBridge's email assistant.";

    public static Kernel Build(IChatClient model, KernelPlugin plugin, Action<PolicyGateOptions>? configureGates = null)
    {
        var builder = Kernel.CreateBuilder();
        // A request sent straight to the chat service passes none of the kernel's filters (Semantic Kernel runs prompt
        // filters only for prompt functions), so the model client carries the gate for requests and answers; the
        // kernel's function filters judge the tool calls.
        builder.Services.AddSingleton<IChatCompletionService>(_ => model.AsBuilder()
            .UsePolicyGate(options =>
            {
                configureGates?.Invoke(options);
                options.GateToolCalls = false;
            })
            .UseKernelFunctionInvocation()
            .Build()
            .AsChatCompletionService());
        builder.Plugins.Add(plugin);
        builder.AddPolicyGate(configureGates);
        return builder.Build();
    }

    /// <summary>One turn with automatic function calling: the model's tool calls, their results and its answer are
    /// added to <paramref name="history"/>; the answer is returned.</summary>
    public static Task<ChatMessageContent> AskAsync(Kernel kernel, ChatHistory history, CancellationToken cancellationToken = default)
        => kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(
            history,
            new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() },
            kernel,
            cancellationToken);
}
