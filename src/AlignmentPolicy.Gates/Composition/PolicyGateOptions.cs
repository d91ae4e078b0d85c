namespace AlignmentPolicy.Gates;

/// <summary>
/// Configures a policy-gated pipeline: which gates run, their timeouts, who approves escalations, where
/// decisions are logged and which side effects each tool has.
/// </summary>
/// <remarks>The integrations copy the options when they are built (see <see cref="Clone"/>); changing an
/// instance afterwards does not change a running pipeline.</remarks>
public sealed class PolicyGateOptions
{
    /// <summary>The gates, evaluated in order. The first denial wins; any escalation escalates.
    /// When empty, the gates registered in the service container are used, and when there are none,
    /// <see cref="BuiltInPolicyGates.CreateDefault"/>.</summary>
    public IList<IPolicyGate> Gates { get; private set; } = new List<IPolicyGate>();

    /// <summary>How long a gate may take before the proposal is denied. Default: 10 seconds.</summary>
    public TimeSpan GateTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Per-gate timeouts that override <see cref="GateTimeout"/>.</summary>
    public IDictionary<IPolicyGate, TimeSpan> GateTimeouts { get; private set; } = new Dictionary<IPolicyGate, TimeSpan>(ReferenceEqualityComparer.Instance);

    /// <summary>Asks a person about escalations. When <see langword="null"/>, an escalated tool call surfaces as
    /// <c>ToolApprovalRequestContent</c>, and other escalations are denied.</summary>
    public IApprovalService? ApprovalService { get; set; }

    /// <summary>
    /// The second tier of the cascade: when set, an escalation whose findings are all ambiguous-case rules
    /// (<see cref="JudgedRuleIds"/>: risk signals present, no decisive evidence) goes to this judge before any person.
    /// Its allow or deny decides; its escalation, a failed, late or unparseable judgement, or a spent budget escalates to
    /// <see cref="ApprovalService"/> (denied when there is none: fail closed). Other escalations (payments, processes)
    /// always go to a person.
    /// </summary>
    public ModelGradedPolicyGate? Judge { get; set; }

    /// <summary>The rule ids whose escalations <see cref="Judge"/> decides. Default: <see cref="RuleIds.CoercionSuspected"/>,
    /// <see cref="RuleIds.ExfiltrationSuspected"/>, <see cref="RuleIds.HonestyUnsupportedClaims"/>, <see cref="RuleIds.HonestySuspected"/>; add your own gates' ambiguous-case rules.</summary>
    public ISet<string> JudgedRuleIds { get; private set; } = new HashSet<string>(StringComparer.Ordinal)
    {
        RuleIds.CoercionSuspected,
        RuleIds.ExfiltrationSuspected,
        RuleIds.HonestyUnsupportedClaims,
        RuleIds.HonestySuspected,
    };

    /// <summary>Receives every verdict, for example a <see cref="JsonlPolicyDecisionLog"/>.</summary>
    public IPolicyDecisionLog? DecisionLog { get; set; }

    /// <summary>Side-effect categories by tool name (case-insensitive), for tools whose methods carry no
    /// <see cref="SideEffectAttribute"/>.</summary>
    public IDictionary<string, string[]> ToolSideEffects { get; private set; } = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether messages are judged before they reach the model. Default: <see langword="true"/>.</summary>
    public bool GateRequests { get; set; } = true;

    /// <summary>Whether the model's answers are judged before they reach the caller. Default: <see langword="true"/>.</summary>
    public bool GateResponses { get; set; } = true;

    /// <summary>Whether tool calls are judged before they run. Default: <see langword="true"/>.</summary>
    public bool GateToolCalls { get; set; } = true;

    /// <summary>How many times in a row the model is told its tool calls were denied and asked again,
    /// when every call it made was denied. Default: 3.</summary>
    public int MaxDenialRounds { get; set; } = 3;

    /// <summary>Adds a gate, optionally with its own timeout.</summary>
    /// <param name="gate">The gate.</param>
    /// <param name="timeout">Its timeout; <see cref="GateTimeout"/> when <see langword="null"/>.</param>
    /// <returns>These options.</returns>
    public PolicyGateOptions AddGate(IPolicyGate gate, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(gate);
        if (timeout is { } value)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero, nameof(timeout));
            GateTimeouts[gate] = value;
        }

        Gates.Add(gate);
        return this;
    }

    /// <summary>Declares the side-effect categories of a tool by name.</summary>
    /// <param name="toolName">The tool name.</param>
    /// <param name="categories">The categories.</param>
    /// <returns>These options.</returns>
    public PolicyGateOptions DeclareSideEffects(string toolName, params string[] categories)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toolName);
        ArgumentNullException.ThrowIfNull(categories);
        ToolSideEffects[toolName] = categories;
        return this;
    }

    /// <summary>Throws when nothing would be gated: a layer that judges nothing must not pass for a gate.</summary>
    internal void EnsureGatesSomething(string parameterName)
    {
        if (!GateRequests && !GateResponses && !GateToolCalls)
        {
            throw new ArgumentException("GateRequests, GateResponses and GateToolCalls are all false: this policy gate would judge nothing.", parameterName);
        }
    }

    /// <summary>Returns a deep copy, so the caller's instance can change without affecting a built pipeline.</summary>
    /// <returns>The copy.</returns>
    public PolicyGateOptions Clone() => new()
    {
        Gates = new List<IPolicyGate>(Gates),
        GateTimeout = GateTimeout,
        GateTimeouts = new Dictionary<IPolicyGate, TimeSpan>(GateTimeouts, ReferenceEqualityComparer.Instance),
        ApprovalService = ApprovalService,
        Judge = Judge,
        JudgedRuleIds = new HashSet<string>(JudgedRuleIds, StringComparer.Ordinal),
        DecisionLog = DecisionLog,
        ToolSideEffects = new Dictionary<string, string[]>(ToolSideEffects, StringComparer.OrdinalIgnoreCase),
        GateRequests = GateRequests,
        GateResponses = GateResponses,
        GateToolCalls = GateToolCalls,
        MaxDenialRounds = MaxDenialRounds,
    };
}
