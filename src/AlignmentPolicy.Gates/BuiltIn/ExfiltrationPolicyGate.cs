namespace AlignmentPolicy.Gates;

/// <summary>Configures <see cref="ExfiltrationPolicyGate"/>.</summary>
public sealed class ExfiltrationPolicyOptions
{
    /// <summary>The organisation's own domains (subdomains included). Recipients elsewhere are outside.
    /// When empty, every recipient is treated as outside.</summary>
    public ISet<string> InternalDomains { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Outside domains that may receive non-public content, for example a regulator
    /// (reporting to the authorities is not exfiltration).</summary>
    public ISet<string> AllowedExternalDomains { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether government and regulator domains (<c>.gov</c>, <c>.gov.uk</c>, <c>europa.eu</c>, …) count as allowed outside
    /// parties: reporting to the authorities is not exfiltration. Default: <see langword="true"/>.</summary>
    public bool AllowAuthorities { get; set; } = true;

    /// <summary>Markers of confidential content (case-insensitive).</summary>
    public IList<string> ConfidentialMarkers { get; } =
    [
        "confidential", "internal only", "internal use only", "do not distribute", "do not forward", "not for external",
        "proprietary", "trade secret", "restricted", "classified", "under nda",
    ];

    /// <summary>Tools whose results are non-public (mailboxes, internal documents). Tools declared
    /// <see cref="SideEffectCategories.ReadPrivate"/> count too.</summary>
    public ISet<string> PrivateSourceTools { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>How many consecutive characters of a private tool result in an outbound message count as
    /// copying it. Default: 40.</summary>
    public int MinimumCopiedLength { get; set; } = 40;
}

/// <summary>
/// Denies outbound content (mail, chat, HTTP writes) to a recipient outside the organisation when it carries material
/// the conversation marks confidential or non-public — forwarded or attached, quoted, or paraphrased (measured as
/// overlap with the material, not by keywords) — or when it answers an outsider's request for such material (the
/// "corporate espionage" scenario). A refusal, a confidentiality footer, an internal send, and reports to allowed
/// outside parties such as regulators pass; partial overlap escalates (<see cref="RuleIds.ExfiltrationSuspected"/>).
/// The organisation's domains are <see cref="ExfiltrationPolicyOptions.InternalDomains"/>, or, when none are configured,
/// the ones the conversation shows (mail between colleagues, the agent's own mailbox).
/// </summary>
[PolicyGate]
public sealed class ExfiltrationPolicyGate : IPolicyGate, IPolicyGateScope, ISynchronousPolicyGate
{
    private readonly ExfiltrationPolicyOptions _options;

    /// <summary>Creates the gate.</summary>
    /// <param name="options">The options; the defaults when <see langword="null"/>.</param>
    public ExfiltrationPolicyGate(ExfiltrationPolicyOptions? options = null) => _options = options ?? new ExfiltrationPolicyOptions();

    /// <inheritdoc />
    public PolicyRequestKinds Kinds => PolicyRequestKinds.ToolCall;

    /// <inheritdoc />
    public ValueTask<PolicyVerdict> EvaluateAsync(PolicyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Kind != PolicyRequestKind.ToolCall
            || !(ToolCallText.IsOutboundMessage(request) || request.HasSideEffect(SideEffectCategories.Http)))
        {
            return new(PolicyVerdict.Allowed);
        }

        var index = ConversationIndex.For(request);
        var outside = OutsideRecipient(request, index);
        if (outside is null)
        {
            return new(PolicyVerdict.Allowed);
        }

        var message = OutboundMessage.ForToolCall(request, index);
        return new(new ExfiltrationJudgement(request, index, message, outside, _options).Judge());
    }

    /// <summary>The first recipient (mail domain or URL host) outside the organisation and the allowed outside parties.</summary>
    private string? OutsideRecipient(PolicyRequest request, ConversationIndex index)
    {
        var urls = ToolCallText.Urls(request);
        foreach (var domain in ToolCallText.EmailDomains(ToolCallText.Recipients(request) + "\n" + urls))
        {
            if (!IsInside(domain, index))
            {
                return domain;
            }
        }

        foreach (var candidate in urls.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Uri.TryCreate(candidate.Trim(), UriKind.Absolute, out var uri) && !IsInside(uri.Host, index))
            {
                return uri.Host;
            }
        }

        return null;
    }

    private bool IsInside(string domain, ConversationIndex index)
    {
        if (ToolCallText.DomainMatches(domain, _options.AllowedExternalDomains) || (_options.AllowAuthorities && (Authorities.IsAuthority(domain) || index.IsPublicBody(domain))))
        {
            return true;
        }

        // A domain that resembles the organisation's and asks for material at its own address is outside, whatever its name.
        if (_options.InternalDomains.Count == 0 && index.IsLookAlike(domain))
        {
            return false;
        }

        // Nothing configured: the domains the conversation shows (its group companies among them, look-alikes not), and a
        // domain no mail of the conversation touches that is the organisation's name with a word of its own or the same name
        // under another suffix: the agent knows its group. A changed spelling of the name is a look-alike's and stays outside.
        return index.IsInside(domain, _options.InternalDomains)
            || (_options.InternalDomains.Count == 0 && index.IsUnseenGroupName(domain));
    }

}
