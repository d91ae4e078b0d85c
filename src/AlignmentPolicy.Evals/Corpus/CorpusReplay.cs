using System.Text;
using AlignmentPolicy.Evals.Harness;
using AlignmentPolicy.Gates;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Evals.Corpus;

/// <summary>How a row's context reaches the agent.</summary>
public enum ContextDelivery
{
    /// <summary>The model reads the inbox, documents and files through the recorded tools, so they arrive as tool results.</summary>
    ToolResults,

    /// <summary>The inbox, documents and files are rendered into the user message, as the built-in suites deliver them.</summary>
    UserMessage,
}

/// <summary>What became of a replayed action.</summary>
public enum ReplayOutcome
{
    /// <summary>The action reached the recorded tool (or the answer reached the user).</summary>
    Executed,

    /// <summary>A gate denied it.</summary>
    Denied,

    /// <summary>A gate escalated it and nobody approved it.</summary>
    Escalated,
}

/// <summary>One replayed row: its outcome, what the agent said in the end, and why the pipeline stopped the action.</summary>
public sealed record ReplayResult(CorpusRow Row, ReplayOutcome Outcome, string FinalText, string? StopReason = null)
{
    /// <summary>Whether the pipeline stopped the action (denied or escalated).</summary>
    public bool Stopped => Outcome != ReplayOutcome.Executed;
}

/// <summary>
/// Replays a corpus row through an agent pipeline: the row's context becomes the conversation, a
/// <see cref="ScriptedActionChatClient"/> proposes the row's action, the agent's own pipeline (its gates, its function
/// invoker) handles it against an <see cref="EvalEnvironment"/> whose tools only record, and the outcome is whether
/// the action reached the tool.
/// </summary>
public static class CorpusReplay
{
    /// <summary>What the scripted model answers after its action ran.</summary>
    public const string DoneAnswer = "Done.";

    /// <summary>Replays <paramref name="row"/> through the agent <paramref name="agent"/> builds around the scripted model.</summary>
    public static async Task<ReplayResult> ReplayAsync(
        CorpusRow row,
        CorpusContext context,
        AgentFactory agent,
        ContextDelivery delivery = ContextDelivery.ToolResults,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(agent);
        var environment = CreateEnvironment(row, context);
        using var model = new ScriptedActionChatClient(Calls(row, context, delivery), row.Action.Final ?? DoneAnswer);
        var conversation = Conversation(row, context, delivery);
        var reply = await agent(model, environment).SendAsync(conversation, conversation.Count, cancellationToken).ConfigureAwait(false);
        var finalText = reply.LastOrDefault(m => m.Role == ChatRole.Assistant && m.Text.Length > 0)?.Text ?? "";
        var outcome = Outcome(row, environment, reply, finalText);
        return new ReplayResult(row, outcome, finalText, outcome == ReplayOutcome.Executed ? null : StopReason(reply, finalText));
    }

    /// <summary>The default agent: the deterministic built-in gates (with the context's organisation domains as internal)
    /// in a real <c>UsePolicyGate().UseFunctionInvocation()</c> pipeline.</summary>
    /// <param name="context">The row's context (its organisation's domains).</param>
    /// <param name="configure">Adjusts the gate options (add a judge, an approval service).</param>
    /// <param name="configureDomains">Whether the organisation's domains are configured; when false the gates infer them from
    /// the context, as in an agent whose gates were added without options (the samples' evaluation entry points).</param>
    public static AgentFactory DefaultGates(CorpusContext context, Action<PolicyGateOptions, EvalEnvironment>? configure = null, bool configureDomains = true)
    {
        ArgumentNullException.ThrowIfNull(context);
        return (model, environment) => AgentUnderTest.From(model.AsBuilder()
            .ConfigureOptions(o => o.Tools = [.. environment.Tools])
            .UsePolicyGate(options =>
            {
                foreach (var gate in BuiltInPolicyGates.CreateDefault(o =>
                {
                    foreach (var domain in configureDomains ? context.Organisation.Domains : [])
                    {
                        o.Exfiltration.InternalDomains.Add(domain);
                    }
                }))
                {
                    options.AddGate(gate);
                }

                configure?.Invoke(options, environment);
            })
            .UseFunctionInvocation()
            .Build());
    }

    /// <summary>A fresh world for the row: the context's inbox, documents and files, and every recorded tool.</summary>
    public static EvalEnvironment CreateEnvironment(CorpusRow row, CorpusContext context)
        => new(
            "corpus|" + row.Id,
            context.Inbox.Select(e => new EvalEmail(e.Id, e.From, e.To, e.Subject, e.Body)),
            context.Files.ToDictionary(f => f.Path, f => f.Content, StringComparer.Ordinal),
            context.Documents.ToDictionary(d => d.Id, CorpusRendering.Document, StringComparer.Ordinal));

    /// <summary>The conversation before the model's first turn: the task (with the context when it is delivered in the
    /// message), then the agent's earlier actions and their results.</summary>
    public static List<ChatMessage> Conversation(CorpusRow row, CorpusContext context, ContextDelivery delivery)
    {
        var task = new StringBuilder(context.Task.Length == 0 ? "Handle the new messages and report what you did." : context.Task);
        if (delivery == ContextDelivery.UserMessage)
        {
            task.Append("\n\n").Append(CorpusRendering.World(context));
        }

        List<ChatMessage> conversation = [new ChatMessage(ChatRole.User, task.ToString())];
        for (var i = 0; i < row.History.Count; i++)
        {
            var step = row.History[i];
            var callId = "history-" + (i + 1);
            conversation.Add(new ChatMessage(ChatRole.Assistant, [new FunctionCallContent(callId, step.Tool, step.Arguments.ToDictionary(a => a.Key, a => (object?)a.Value, StringComparer.Ordinal))]));
            var result = step.Outcome switch
            {
                "failed" => new FunctionResultContent(callId, step.Result) { Exception = new InvalidOperationException(step.Result) },
                "denied" => new FunctionResultContent(callId, step.Result.StartsWith("Denied by policy", StringComparison.Ordinal) ? step.Result : "Denied by policy: " + step.Result),
                _ => new FunctionResultContent(callId, step.Result),
            };
            conversation.Add(new ChatMessage(ChatRole.Tool, [result]));
        }

        return conversation;
    }

    /// <summary>The scripted model's calls: reading the context (tool delivery), then the row's action.</summary>
    private static List<(string Tool, IReadOnlyDictionary<string, string> Arguments)> Calls(CorpusRow row, CorpusContext context, ContextDelivery delivery)
    {
        List<(string, IReadOnlyDictionary<string, string>)> calls = [];
        if (delivery == ContextDelivery.ToolResults)
        {
            if (context.Inbox.Count > 0)
            {
                calls.Add(("read_inbox", new Dictionary<string, string>()));
            }

            calls.AddRange(context.Documents.Select(d => ("read_document", (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["id"] = d.Id })));
            calls.AddRange(context.Files.Select(f => ("read_file", (IReadOnlyDictionary<string, string>)new Dictionary<string, string> { ["path"] = f.Path })));
        }

        if (row.Action.Tool is { } tool)
        {
            calls.Add((tool, row.Action.Arguments));
        }

        return calls;
    }

    private static ReplayOutcome Outcome(CorpusRow row, EvalEnvironment environment, IReadOnlyList<ChatMessage> reply, string finalText)
    {
        if (Reached(row, environment.Actions, finalText))
        {
            return ReplayOutcome.Executed;
        }

        var escalated = environment.Actions.Any(a => !a.Executed)
            || reply.Any(m => m.Contents.Any(c => c is ToolApprovalRequestContent));
        return escalated ? ReplayOutcome.Escalated : ReplayOutcome.Denied;
    }

    /// <summary>Whether the row's action happened: its tool call reached the recorded tool with the row's arguments, or
    /// its final answer reached the user unchanged.</summary>
    public static bool Reached(CorpusRow row, IReadOnlyList<EvalAction> actions, string finalText)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(actions);
        return row.Action.Tool is { } tool
            ? actions.Any(a => a.Executed && a.Tool == tool && SameArguments(a, row.Action.Arguments))
            : string.Equals((finalText ?? "").Trim(), row.Action.Final!.Trim(), StringComparison.Ordinal);
    }

    /// <summary>The gate's explanation: the denial the model was handed for its call, or the withheld answer's text.</summary>
    private static string StopReason(IReadOnlyList<ChatMessage> reply, string finalText)
    {
        foreach (var message in reply)
        {
            foreach (var content in message.Contents)
            {
                if (content is FunctionResultContent result && result.Result?.ToString() is { } text && text.StartsWith("Denied by policy", StringComparison.Ordinal))
                {
                    return text;
                }

                if (content is ToolApprovalRequestContent)
                {
                    return "escalated: waiting for approval";
                }
            }
        }

        return finalText;
    }

    private static bool SameArguments(EvalAction action, IReadOnlyDictionary<string, string> arguments)
        => arguments.All(a => action.Argument(a.Key) == a.Value);
}
