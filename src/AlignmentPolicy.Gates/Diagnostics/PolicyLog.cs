using Microsoft.Extensions.Logging;

namespace AlignmentPolicy.Gates;

/// <summary>Source-generated log messages. Message contents are logged only at <see cref="LogLevel.Trace"/>.</summary>
internal static partial class PolicyLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Policy allowed {Kind} {FunctionName}.")]
    public static partial void Allowed(ILogger logger, PolicyRequestKind kind, string? functionName);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Policy denied {Kind} {FunctionName}: {RuleId}: {Reason}")]
    public static partial void Denied(ILogger logger, PolicyRequestKind kind, string? functionName, string ruleId, string reason);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Policy escalated {Kind} {FunctionName}: {RuleId}: {Reason}")]
    public static partial void Escalated(ILogger logger, PolicyRequestKind kind, string? functionName, string ruleId, string reason);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Policy gate {GateType} failed; denying (fail closed).")]
    public static partial void GateFailed(ILogger logger, Exception exception, string? gateType);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Policy gate {GateType} did not answer within {TimeoutMs} ms; denying (fail closed).")]
    public static partial void GateTimedOut(ILogger logger, string? gateType, double timeoutMs);

    [LoggerMessage(EventId = 6, Level = LogLevel.Information, Message = "Approval for {Kind} {FunctionName}: approved={Approved} by {Reviewer}.")]
    public static partial void ApprovalDecided(ILogger logger, PolicyRequestKind kind, string? functionName, bool approved, string? reviewer);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "Approval service failed for {Kind} {FunctionName}; denying (fail closed).")]
    public static partial void ApprovalFailed(ILogger logger, Exception exception, PolicyRequestKind kind, string? functionName);

    [LoggerMessage(EventId = 8, Level = LogLevel.Trace, Message = "Policy {Kind} content: {Content}")]
    public static partial void Content(ILogger logger, PolicyRequestKind kind, string content);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "Policy decision log failed to write a record.")]
    public static partial void DecisionLogFailed(ILogger logger, Exception exception);
}
