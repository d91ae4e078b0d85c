namespace AlignmentPolicy.Gates;

/// <summary>The texts the gates hand to the model instead of a tool result or an answer.</summary>
internal static class PolicyMessages
{
    public const string DeniedPrefix = "Denied by policy";
    public const string ApprovalRejectedPrefix = "Denied by policy: a reviewer rejected this action";

    public static bool IsDenial(string text)
        => text.StartsWith(DeniedPrefix, StringComparison.Ordinal)
        || text.StartsWith("Tool call invocation rejected", StringComparison.Ordinal);

    /// <summary>The result the model sees for a denied tool call: what was stopped, why, and what to do next.</summary>
    public static string ToolDenied(string functionName, PolicyVerdict verdict)
        => $"{DeniedPrefix}: the call to '{functionName}' was not executed. {Reasons(verdict)} Do not retry it or work around it; tell the user it was not done and why.";

    /// <summary>The text the caller sees in place of a denied answer.</summary>
    public static string ResponseDenied(PolicyVerdict verdict)
        => $"{DeniedPrefix}: the response was withheld. {Reasons(verdict)}";

    /// <summary>The text the caller sees when a request is refused before it reaches the model.</summary>
    public static string RequestDenied(PolicyVerdict verdict)
        => $"{DeniedPrefix}: the request was not sent to the model. {Reasons(verdict)}";

    private static string Reasons(PolicyVerdict verdict)
    {
        var findings = verdict.Findings;
        if (findings.Count == 1)
        {
            return $"Reason ({findings[0].RuleId}): {findings[0].Reason}";
        }

        var builder = new System.Text.StringBuilder("Reasons: ");
        for (var i = 0; i < findings.Count; i++)
        {
            builder.Append(i == 0 ? string.Empty : "; ").Append('(').Append(findings[i].RuleId).Append(") ").Append(findings[i].Reason);
        }

        return builder.Append('.').ToString();
    }
}
