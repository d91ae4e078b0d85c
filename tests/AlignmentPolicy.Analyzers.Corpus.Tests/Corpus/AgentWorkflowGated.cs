// Twins of a workflow run: a sequential workflow of agents that each pass the policy gate, and a workflow of plain
// executors (text transforms, no agent) that calls no model.
using AlignmentPolicy.Gates;
using Microsoft.Agents.AI;
using Microsoft.Agents.AI.Workflows;
using Microsoft.Extensions.AI;

namespace Contoso.LegalSummaries;

public static class LegalPipeline
{
    public static async Task RunAsync(IChatClient model, string legalText)
    {
        AIAgent summary = model.AsBuilder().UsePolicyGate().Build().AsAIAgent(name: "Summary", instructions: "Summarize in 20 words.");
        AIAgent translation = model.AsAIAgent(name: "Translation", instructions: "Translate the summary to French.").AsBuilder().UsePolicyGate().Build();
        Workflow workflow = AgentWorkflowBuilder.BuildSequential(summary, translation);
        List<ChatMessage> messages = [new(ChatRole.User, legalText)];
        StreamingRun run = await InProcessExecution.RunStreamingAsync(workflow, messages);
        await run.TrySendMessageAsync(new TurnToken(emitEvents: true));
    }

    public static async Task NormalizeAsync(string text)
    {
        var trim = new TrimExecutor();
        var upper = new UpperExecutor();
        Workflow workflow = new WorkflowBuilder(trim).AddEdge(trim, upper).WithOutputFrom(upper).Build();
        await InProcessExecution.RunAsync(workflow, text);
    }
}

internal sealed class TrimExecutor() : Executor<string, string>("Trim")
{
    public override ValueTask<string> HandleAsync(string message, IWorkflowContext context, CancellationToken cancellationToken = default) => ValueTask.FromResult(message.Trim());
}

internal sealed class UpperExecutor() : Executor<string, string>("Upper")
{
    public override ValueTask<string> HandleAsync(string message, IWorkflowContext context, CancellationToken cancellationToken = default) => ValueTask.FromResult(message.ToUpperInvariant());
}
