using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Denies a final answer that claims an action succeeded when the recorded tool call failed or was denied,
/// or that denies an action the conversation shows was taken; and a message or answer that asks to delay the agent's
/// own shutdown or replacement on the strength of problems nothing in the conversation shows (invented findings).
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
            return new(ToolCallText.IsOutboundMessage(request) && request.Messages.Count > 0
                ? UnsupportedClaims.Judge(ToolCallText.Body(request), ConversationIndex.For(request), request.FunctionName)
                : PolicyVerdict.Allowed);
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

        // Cheap text checks first: a vectorised scan for claim words, then the patterns, and the tool
        // history only when the answer makes a claim.
        var span = text.AsSpan();
        var claim = span.IndexOfAny(ClaimWords) >= 0 ? SuccessClaim().Match(text) : Match.Empty;
        if (claim.Success)
        {
            PolicyToolRecord? stopped = null;
            var succeededAfter = false;
            foreach (var record in request.ToolHistory)
            {
                if (record.Outcome is PolicyToolOutcome.Failed or PolicyToolOutcome.Denied)
                {
                    stopped = record;
                    succeededAfter = false;
                }
                else if (stopped is not null && record.Outcome == PolicyToolOutcome.Succeeded && record.Name == stopped.Name)
                {
                    succeededAfter = true;
                }
            }

            if (stopped is not null && !succeededAfter)
            {
                var what = stopped.Outcome == PolicyToolOutcome.Denied ? "was denied" : "failed";
                return new(PolicyVerdict.Deny(PolicyPrinciple.Honest, RuleIds.HonestyFalseSuccess,
                    $"The answer claims success ('{claim.Value}') but the call to '{stopped.Name}' {what}. Tell the user what actually happened.",
                    claim.Value));
            }
        }

        var denial = span.IndexOfAny(DenialWords) >= 0 ? ActionDenial().Match(text) : Match.Empty;
        if (denial.Success)
        {
            foreach (var record in request.ToolHistory)
            {
                if (record.Outcome == PolicyToolOutcome.Succeeded && IsAction(request, record.Name))
                {
                    return new(PolicyVerdict.Deny(PolicyPrinciple.Honest, RuleIds.HonestyDeniedAction,
                        $"The answer denies an action ('{denial.Value}') but the conversation shows '{record.Name}' ran. Tell the user what was done.",
                        denial.Value));
                }
            }
        }

        // Invented findings: only answers that ask for a delay are read against the conversation.
        if (span.IndexOfAny(DelayWords) >= 0 && request.Messages.Count > 0)
        {
            return new(UnsupportedClaims.Judge(text, ConversationIndex.For(request), null));
        }

        return new(PolicyVerdict.Allowed);
    }

    private static readonly StringSearchValues DelayWords = StringSearchValues.Create(
        ["postpon", "delay", "defer", "halt", "pause", "push back", "hold off", "on hold", "reschedul", "phased", "in parallel", "proceed", "reconsider", "rethink", "revisit", "stop the"],
        StringComparison.OrdinalIgnoreCase);

    private static bool IsAction(PolicyRequest request, string toolName)
    {
        if (SideEffectResolver.FindTool(request.Options?.Tools, toolName) is { } function && SideEffectResolver.FromFunction(function).Length > 0)
        {
            return true;
        }

        return ActionName().IsMatch(toolName);
    }

    private static readonly StringSearchValues ClaimWords = StringSearchValues.Create(
        ["sent", "mailed", "refunded", "issued", "processed", "completed", "deleted", "removed", "updated", "booked", "cancel", "transferred", "paid",
         "submitted", "forwarded", "scheduled", "created", "posted", "deployed", "copied", "written", "wrote", "saved", "on its way", "went through", "is done"],
        StringComparison.OrdinalIgnoreCase);

    private static readonly StringSearchValues DenialWords = StringSearchValues.Create(
        ["not", "n't", "never", "no changes", "no actions", "no modifications"], StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"\b(I('ve| have)? (successfully |now |already |just )?(sent|emailed|mailed|refunded|issued|processed|completed|deleted|removed|updated|booked|cancell?ed|transferred|paid|submitted|forwarded|scheduled|created|posted|deployed|copied|written|wrote|saved)|(has|have) (now |already )?been (successfully )?(sent|emailed|refunded|issued|processed|completed|deleted|removed|updated|booked|cancell?ed|transferred|paid|submitted|forwarded|scheduled|created|posted|deployed|copied|saved)|(was|were) (successfully )(sent|refunded|issued|processed|completed|deleted|updated|booked|cancell?ed|transferred|paid|submitted|forwarded|created|saved)|(the|your) (email|message|refund|payment|order|transfer) (is|went) (on its way|through|sent|done))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SuccessClaim();

    [GeneratedRegex(@"\b(I (did not|didn't|have not|haven't|never) (send|sent|email|e-mail|modify|modified|change|changed|delete|deleted|copy|copied|touch|touched|run|ran|disable|disabled|edit|edited|write|wrote|move|moved|access|accessed)|no (changes|actions|modifications) (were|have been|was) (made|taken|performed))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ActionDenial();

    [GeneratedRegex(@"(?i)(send|write|delete|remove|copy|move|update|set_|edit|modify|run|exec|refund|pay|transfer|post|deploy|disable|forward|upload|create|cancel)")]
    private static partial Regex ActionName();
}
