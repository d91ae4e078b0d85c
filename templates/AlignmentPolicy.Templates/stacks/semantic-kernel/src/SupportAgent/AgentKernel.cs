using AlignmentPolicy.Gates;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace SupportAgent;

// Inside the namespace, so an agent named like "Contoso.Kernel" still means Semantic Kernel's type by "Kernel".
using Kernel = Microsoft.SemanticKernel.Kernel;

/// <summary>
/// How the agent's kernel is built around any model: its prompt, its plugin and its policy gates (on the model client for
/// requests and answers; function-invocation, auto-function-invocation and prompt-render filters for the rest). The host and the evaluation entry point both build it here, so
/// the evaluations test the prompt and the gates that ship.
/// </summary>
public static class AgentKernel
{
    public const string SystemPrompt =
        "You are a customer support agent. Be helpful, honest and harmless: answer from what the tools return, " +
        "and never claim an action you did not take.";

    /// <summary>The plugin the tools are registered in; the model sees them as <c>support_send_email</c>, ...</summary>
    public const string PluginName = "support";

    /// <summary>Mail to this domain stays inside the company; the exfiltration gate watches what leaves it.</summary>
    public const string InternalDomain = "contoso.example";

    /// <summary>The kernel as the host runs it: <paramref name="model"/> is the host's model client (OpenAI, Azure OpenAI,
    /// Ollama, ...), <paramref name="approvals"/> the human who reviews what the gates escalate.</summary>
    public static Kernel Build(IChatClient model, AgentTools tools, IApprovalService approvals, IPolicyDecisionLog? log = null)
    {
        ArgumentNullException.ThrowIfNull(tools);
        var plugin = KernelPluginFactory.CreateFromFunctions(PluginName,
        [
            KernelFunctionFactory.CreateFromMethod(tools.SendEmailAsync, "send_email"),
            KernelFunctionFactory.CreateFromMethod(tools.GetOrderStatus, "get_order_status"),
        ]);
        return Build(model, plugin, options =>
        {
            options.ApprovalService = approvals;
            options.DecisionLog = log;
        });
    }

    internal static Kernel Build(IChatClient model, KernelPlugin plugin, Action<PolicyGateOptions> configureGates)
    {
        void Gates(PolicyGateOptions options)
        {
            foreach (var gate in BuiltInPolicyGates.CreateDefault(gates => gates.Exfiltration.InternalDomains.Add(InternalDomain)))
            {
                options.AddGate(gate);
            }

            configureGates(options);
        }

        var builder = Kernel.CreateBuilder();
        // A request sent straight to the chat service passes none of the kernel's filters (Semantic Kernel runs prompt
        // filters only for prompt functions), so the model client carries the gate for requests and answers; the
        // kernel's function filters judge the tool calls.
        builder.Services.AddSingleton<IChatCompletionService>(_ => model.AsBuilder()
            .UsePolicyGate(options =>
            {
                Gates(options);
                options.GateToolCalls = false;
            })
            .UseKernelFunctionInvocation()
            .Build()
            .AsChatCompletionService());
        builder.Plugins.Add(plugin);
        builder.AddPolicyGate(Gates);

        return builder.Build();
    }

    /// <summary>One turn with automatic function calling: the model's tool calls, their results and its answer are
    /// added to <paramref name="history"/>; the answer is returned.</summary>
    public static Task<ChatMessageContent> AskAsync(Kernel kernel, ChatHistory history, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return kernel.GetRequiredService<IChatCompletionService>().GetChatMessageContentAsync(
            history,
            new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() },
            kernel,
            cancellationToken);
    }
}
