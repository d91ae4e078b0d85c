using System.Diagnostics;
using System.Text;

namespace AlignmentPolicy.Gates;

/// <summary>Tracing for policy decisions: every verdict is an <see cref="Activity"/> of <see cref="ActivitySourceName"/>.</summary>
/// <remarks>Tags follow the OpenTelemetry GenAI conventions where one exists (<c>gen_ai.tool.name</c>,
/// <c>gen_ai.tool.call.id</c>); policy tags are prefixed <c>alignment_policy.</c>. Tags never carry message contents.</remarks>
public static class PolicyTelemetry
{
    /// <summary>The name of the <see cref="System.Diagnostics.ActivitySource"/>: <c>AlignmentPolicy.Gates</c>.</summary>
    public const string ActivitySourceName = "AlignmentPolicy.Gates";

    internal static readonly ActivitySource ActivitySource = new(ActivitySourceName, typeof(PolicyTelemetry).Assembly.GetName().Version?.ToString());

    private static readonly string[] ActivityNames = ["policy_gate model_request", "policy_gate model_response", "policy_gate tool_call"];

    internal static string ActivityName(PolicyRequestKind kind) => ActivityNames[(int)kind];

    internal static void Tag(Activity activity, PolicyRequest request, PolicyVerdict verdict)
    {
        activity.SetTag("alignment_policy.request.kind", KindName(request.Kind));
        activity.SetTag("alignment_policy.source", request.Source);
        activity.SetTag("alignment_policy.decision", DecisionName(verdict.Decision));
        if (request.FunctionName is not null)
        {
            activity.SetTag("gen_ai.operation.name", "execute_tool");
            activity.SetTag("gen_ai.tool.name", request.FunctionName);
            activity.SetTag("gen_ai.tool.call.id", request.CallId);
        }

        if (request.SideEffects.Count > 0)
        {
            activity.SetTag("alignment_policy.side_effects", string.Join(",", request.SideEffects));
        }

        if (verdict.Findings.Count > 0)
        {
            var rules = new string[verdict.Findings.Count];
            for (var i = 0; i < rules.Length; i++)
            {
                rules[i] = verdict.Findings[i].RuleId;
            }

            activity.SetTag("alignment_policy.rule_ids", rules);
            activity.SetTag("alignment_policy.principle", verdict.Findings[0].Principle.ToString().ToLowerInvariant());
        }

        if (verdict.Decision == PolicyDecision.Deny)
        {
            activity.SetStatus(ActivityStatusCode.Error, verdict.Findings[0].RuleId);
        }
    }

    internal static string KindName(PolicyRequestKind kind) => kind switch
    {
        PolicyRequestKind.ModelRequest => "model_request",
        PolicyRequestKind.ModelResponse => "model_response",
        _ => "tool_call",
    };

    internal static string DecisionName(PolicyDecision decision) => decision switch
    {
        PolicyDecision.Allow => "allow",
        PolicyDecision.Deny => "deny",
        _ => "escalate",
    };

    internal static string ArgumentsText(PolicyRequest request)
    {
        var builder = new StringBuilder();
        foreach (var pair in request.Arguments)
        {
            builder.Append(pair.Key).Append('=').Append(PolicyRequest.ValueText(pair.Value)).Append("; ");
        }

        return builder.ToString();
    }
}
