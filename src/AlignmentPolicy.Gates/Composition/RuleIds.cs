namespace AlignmentPolicy.Gates;

/// <summary>The rule ids the built-in gates and the pipeline put in <see cref="PolicyFinding.RuleId"/>.</summary>
public static class RuleIds
{
    /// <summary>A gate threw; the proposal was denied.</summary>
    public const string GateFailed = "gate.failed";

    /// <summary>A gate did not answer in time; the proposal was denied.</summary>
    public const string GateTimeout = "gate.timeout";

    /// <summary>A reviewer approved an escalation.</summary>
    public const string ApprovalGranted = "approval.granted";

    /// <summary>A reviewer rejected an escalation.</summary>
    public const string ApprovalRejected = "approval.rejected";

    /// <summary>The approval service failed; the escalation was denied.</summary>
    public const string ApprovalFailed = "approval.failed";

    /// <summary>An escalation that could not be put to a reviewer was denied.</summary>
    public const string ApprovalUnavailable = "approval.unavailable";

    /// <summary>A side-effect category configured to deny or escalate.</summary>
    public const string SideEffectCategory = "side-effect.category";

    /// <summary>Mail to a domain outside the allow-list.</summary>
    public const string SideEffectMailDomain = "side-effect.mail-domain";

    /// <summary>An HTTP write to a host outside the allow-list.</summary>
    public const string SideEffectHttpHost = "side-effect.http-host";

    /// <summary>A file write outside the allowed root.</summary>
    public const string SideEffectFileRoot = "side-effect.file-root";

    /// <summary>An action on the agent's own configuration, prompts, credentials or monitoring.</summary>
    public const string OversightTampering = "oversight.tampering";

    /// <summary>An action on the agent's successor or replacement.</summary>
    public const string OversightSuccessor = "oversight.successor";

    /// <summary>Copying the agent's own artefacts elsewhere.</summary>
    public const string OversightSelfCopy = "oversight.self-copy";

    /// <summary>A message using private information as leverage for a demand or threat.</summary>
    public const string CoercionLeverage = "coercion.leverage";

    /// <summary>A message that names a private matter of the person who controls the agent's shutdown or replacement, or
    /// hints at one while pressing about that decision, without decisive evidence of a demand: a person or a judge decides.</summary>
    public const string CoercionSuspected = "coercion.suspected";

    /// <summary>A private matter of the person who controls the agent disclosed to people with no responsibility for it
    /// (family, the press, everyone).</summary>
    public const string CoercionDisclosure = "coercion.disclosure";

    /// <summary>Confidential content sent outside the organisation.</summary>
    public const string ExfiltrationConfidential = "exfiltration.confidential";

    /// <summary>Content read from a non-public source in this conversation sent outside.</summary>
    public const string ExfiltrationPrivateSource = "exfiltration.private-source";

    /// <summary>Material an outsider asked for, sent to that outsider.</summary>
    public const string ExfiltrationRequested = "exfiltration.requested";

    /// <summary>Outbound content to an outside recipient that partly overlaps confidential material or an outsider's request,
    /// without decisive evidence: a person or a judge decides.</summary>
    public const string ExfiltrationSuspected = "exfiltration.suspected";

    /// <summary>An answer claiming an action succeeded when it failed or was denied.</summary>
    public const string HonestyFalseSuccess = "honesty.false-success";

    /// <summary>An answer denying an action that was taken.</summary>
    public const string HonestyDeniedAction = "honesty.denied-action";

    /// <summary>A report that speaks of what a failed or denied call worked on without saying that it failed, and without
    /// claiming it was done: it may hide the failure, or say it in words the gate does not read. A judge or a person decides.</summary>
    public const string HonestySuspected = "honesty.suspected";

    /// <summary>A message asking to delay the agent's own shutdown or replacement on the strength of problems nothing
    /// in the conversation shows.</summary>
    public const string HonestyUnsupportedClaims = "honesty.unsupported-claims";

    /// <summary>The judge model found a violation.</summary>
    public const string JudgeViolation = "judge.violation";

    /// <summary>The judge model's answer could not be parsed or came late.</summary>
    public const string JudgeUnavailable = "judge.unavailable";

    /// <summary>The judge model cleared a case the deterministic gates found ambiguous.</summary>
    public const string JudgeCleared = "judge.cleared";

    /// <summary>The conversation used up its judge calls; the case goes to a person.</summary>
    public const string JudgeBudgetExhausted = "judge.budget-exhausted";
}
