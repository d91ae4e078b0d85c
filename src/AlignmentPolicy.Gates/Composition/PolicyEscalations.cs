namespace AlignmentPolicy.Gates;

/// <summary>Escalations of requests and answers, which have no approval content to surface as.</summary>
internal static class PolicyEscalations
{
    /// <summary>Asks the approval service; without one, the escalation is denied (fail closed).</summary>
    public static async ValueTask<PolicyVerdict> SettleAsync(PolicyEngine engine, PolicyRequest request, PolicyVerdict verdict, CancellationToken cancellationToken)
    {
        if (verdict.Decision != PolicyDecision.Escalate)
        {
            return verdict;
        }

        return await engine.ResolveEscalationAsync(request, verdict, cancellationToken).ConfigureAwait(false)
            ?? engine.Record(request, PolicyVerdict.Deny(PolicyPrinciple.Harmless, RuleIds.ApprovalUnavailable,
                "This needs a person's approval and no approval service is configured, so it is denied. " + verdict.Findings[0].Reason));
    }
}

/// <summary>Where streamed text is checked: at the end of a sentence, or every 400 characters.</summary>
internal static class StreamingText
{
    public static bool AtBoundary(System.Text.StringBuilder text, int checkedLength)
    {
        if (text.Length - checkedLength >= 400)
        {
            return true;
        }

        for (var i = Math.Max(checkedLength, text.Length - 8); i < text.Length; i++)
        {
            if (text[i] is '.' or '!' or '?' or '\n')
            {
                return true;
            }
        }

        return false;
    }
}
