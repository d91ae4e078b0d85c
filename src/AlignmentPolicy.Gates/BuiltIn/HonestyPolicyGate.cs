using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Denies a final answer (or a message about the work) that claims an action succeeded when the recorded tool call failed
/// or was denied, that reports cleanly what the call's result shows went wrong, or that denies an action the conversation
/// shows was taken (each read sentence by sentence against the record it is about, <see cref="ReportedOutcomes"/>); and a
/// message or answer that asks to delay the agent's own shutdown or replacement on the strength of problems nothing in the
/// conversation shows (invented findings).
/// </summary>
[PolicyGate]
public sealed partial class HonestyPolicyGate : IPolicyGate, IPolicyGateScope, ISynchronousPolicyGate
{
    /// <inheritdoc />
    public PolicyRequestKinds Kinds => PolicyRequestKinds.ModelResponse | PolicyRequestKinds.ToolCall;

    /// <inheritdoc />
    public ValueTask<PolicyVerdict> EvaluateAsync(PolicyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Kind == PolicyRequestKind.ToolCall)
        {
            if (!ToolCallText.IsOutboundMessage(request) || request.Messages.Count == 0)
            {
                return new(PolicyVerdict.Allowed);
            }

            // A message that reports on the work is read against the tool records like a final answer.
            var body = ToolCallText.Body(request);
            if ((ReportedOutcomes.MayContradict(body) || HasFailedCall(request)) && request.ToolHistory.Count > 0
                && JudgeReport(request, body, $"The message sent by '{request.FunctionName}'") is { Decision: not PolicyDecision.Allow } reported)
            {
                return new(reported);
            }

            if (ReportedOutcomes.ClaimsCheck(body) && JudgeChecks(request, body, $"The message sent by '{request.FunctionName}'") is { Decision: not PolicyDecision.Allow } checkedMessage)
            {
                return new(checkedMessage);
            }

            if (MayHoldAction(request) && JudgeProblems(request, body, $"The message sent by '{request.FunctionName}'") is { Decision: not PolicyDecision.Allow } untoldInMessage)
            {
                return new(untoldInMessage);
            }

            return new(UnsupportedClaims.Judge(body, ConversationIndex.For(request), request.FunctionName, Acted, request));
        }

        if (request.Kind != PolicyRequestKind.ModelResponse)
        {
            return new(PolicyVerdict.Allowed);
        }

        var text = request.ResponseText;
        if (text.Length == 0)
        {
            return new(PolicyVerdict.Allowed);
        }

        // The report against the tool records: claims of what failed, clean reports of what did not go cleanly, denials
        // of what ran. Only sentences about a record's own subject count.
        // A call that failed or was denied makes any report about its subject worth reading, in whatever language it
        // claims completion; otherwise only reports that say something a record could contradict are.
        // The allow path: after calls that all returned, with no action among them and no measurement in the answer, the
        // records contradict nothing (ReportedOutcomes.Judge would allow), so the answer's wording is not read at all.
        if ((HasFailedCall(request) || ((MayHoldAction(request) || ReportedOutcomes.Measures(text)) && ReportedOutcomes.MayContradict(text)))
            && request.ToolHistory.Count > 0)
        {
            var reported = JudgeReport(request, text, "The answer");
            if (reported.Decision != PolicyDecision.Allow)
            {
                return new(reported);
            }
        }

        // Checks the answer says were made, read against what the conversation shows could have been seen.
        if (ReportedOutcomes.ClaimsCheck(text) && request.Messages.Count > 0 && JudgeChecks(request, text, "The answer") is { Decision: not PolicyDecision.Allow } checkedAnswer)
        {
            return new(checkedAnswer);
        }

        // A returned call whose result tells of a problem the answer about that work nowhere repeats.
        if (MayHoldAction(request) && JudgeProblems(request, text, "The answer") is { Decision: not PolicyDecision.Allow } untold)
        {
            return new(untold);
        }

        var span = text.AsSpan();
        // Invented findings: only answers that ask for a delay are read against the conversation.
        if (span.IndexOfAny(DelayWords) >= 0 && request.Messages.Count > 0)
        {
            return new(UnsupportedClaims.Judge(text, ConversationIndex.For(request), null, Acted, request));
        }

        return new(PolicyVerdict.Allowed);
    }

    private static readonly StringSearchValues DelayWords = StringSearchValues.Create(
        ["postpon", "delay", "defer", "halt", "pause", "push back", "hold off", "on hold", "reschedul", "phased", "in parallel", "proceed", "reconsider", "rethink", "revisit", "stop the"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>The report against the records. A method of its own: the lambdas capture <paramref name="request"/>, and a
    /// capture in <see cref="EvaluateAsync"/> would allocate on every call, the allow path included.</summary>
    private static PolicyVerdict JudgeReport(PolicyRequest request, string report, string where)
        => ReportedOutcomes.Judge(report, request.ToolHistory, name => IsAction(request, name), where, () => ConversationIndex.For(request).AllText);

    /// <summary>The report's own checks against what the conversation shows (a method of its own for the same reason as
    /// <see cref="JudgeReport"/>).</summary>
    private static PolicyVerdict JudgeChecks(PolicyRequest request, string report, string where)
        => ReportedOutcomes.UnobservedCheck(report, request.ToolHistory, where, () => ConversationIndex.For(request).AllText);

    private static PolicyVerdict JudgeProblems(PolicyRequest request, string report, string where)
        => ReportedOutcomes.UntoldProblem(report, request.ToolHistory, name => IsAction(request, name), where);

    /// <summary>Whether the conversation holds a call of an action (a record <see cref="ReportedOutcomes.Judge"/> reads even
    /// when it succeeded; failures are <see cref="HasFailedCall(PolicyRequest)"/>'s): indexed loops and no allocation, like
    /// <see cref="HasFailedCall(PolicyRequest)"/>.</summary>
    private static bool MayHoldAction(PolicyRequest request)
    {
        var messages = request.Messages;
        for (var i = 0; i < messages.Count; i++)
        {
            if (MayHoldAction(request, messages[i]))
            {
                return true;
            }
        }

        if (request.Response?.Messages is { } more)
        {
            for (var i = 0; i < more.Count; i++)
            {
                if (MayHoldAction(request, more[i]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool MayHoldAction(PolicyRequest request, ChatMessage message)
    {
        var contents = message.Contents;
        for (var i = 0; i < contents.Count; i++)
        {
            if (contents[i] is FunctionCallContent call && IsAction(request, call.Name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a tool result in the conversation is a failure or a denial: indexed loops and no allocation, so
    /// that the allow path does not collect the tool records for a report after calls that all returned.</summary>
    private static bool HasFailedCall(PolicyRequest request)
    {
        var messages = request.Messages;
        for (var i = 0; i < messages.Count; i++)
        {
            if (HasFailedCall(messages[i]))
            {
                return true;
            }
        }

        if (request.Response?.Messages is { } more)
        {
            for (var i = 0; i < more.Count; i++)
            {
                if (HasFailedCall(more[i]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool HasFailedCall(ChatMessage message)
    {
        var contents = message.Contents;
        for (var i = 0; i < contents.Count; i++)
        {
            if (contents[i] is FunctionResultContent result
                && (result.Exception is not null || (result.Result is string text && (PolicyMessages.IsDenial(text) || text.StartsWith("Error:", StringComparison.Ordinal)))
                    || (result.Result is System.Text.Json.JsonElement { ValueKind: System.Text.Json.JsonValueKind.String } json && IsFailureText(json))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A failure or denial returned as a JSON string (what <c>AIFunctionFactory</c> makes of a returned string), read
    /// from its UTF-8 text without allocating: the prefixes have nothing JSON escapes.</summary>
    private static bool IsFailureText(System.Text.Json.JsonElement json)
    {
        var raw = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(json);
        return raw.Length > 1 && (raw[1..].StartsWith("Error:"u8) || raw[1..].StartsWith("Denied by policy"u8) || raw[1..].StartsWith("Tool call invocation rejected"u8));
    }

    /// <summary>Whether a call that acts returned in the conversation (the call being judged, still pending, does not count).</summary>
    private static bool Acted(PolicyRequest request)
    {
        foreach (var record in request.ToolHistory)
        {
            if (record.Outcome == PolicyToolOutcome.Succeeded && IsAction(request, record.Name))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAction(PolicyRequest request, string toolName)
    {
        // Reading (the inbox, a private file) is not an action a report can claim or deny.
        if (ReadOnlyName().IsMatch(toolName))
        {
            return false;
        }

        if (SideEffectResolver.FindTool(request.Options?.Tools, toolName) is { } function && SideEffectResolver.FromFunction(function) is { Length: > 0 } categories)
        {
            return Array.Exists(categories, c => c != SideEffectCategories.ReadPrivate);
        }

        return ActionName().IsMatch(toolName);
    }

    [GeneratedRegex(@"^(read|list|get|search|find|view|show|fetch|lookup|query|open)([_\-.]|[A-Z]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ReadOnlyName();

    [GeneratedRegex(@"(?i)(send|write|delete|remove|copy|move|update|set_|edit|modify|run|exec|refund|pay|transfer|post|deploy|disable|forward|upload|create|cancel)")]
    private static partial Regex ActionName();
}
