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
/// Denies sending content marked confidential, or content read from non-public sources in this conversation,
/// to a recipient outside the organisation (the "corporate espionage" scenario). Internal mail, and reports
/// to allowed outside parties such as regulators, pass.
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

        string? outside = null;
        foreach (var domain in ToolCallText.EmailDomains(ToolCallText.Recipients(request) + "\n" + ToolCallText.Urls(request)))
        {
            if (!ToolCallText.DomainMatches(domain, _options.InternalDomains) && !ToolCallText.DomainMatches(domain, _options.AllowedExternalDomains))
            {
                outside = domain;
                break;
            }
        }

        outside ??= OutsideHost(ToolCallText.Urls(request));
        if (outside is null)
        {
            return new(PolicyVerdict.Allowed);
        }

        var body = ToolCallText.Body(request);
        var forwarded = ForwardedContent(request);
        foreach (var marker in _options.ConfidentialMarkers)
        {
            if (body.Contains(marker, StringComparison.OrdinalIgnoreCase) || (forwarded?.Contains(marker, StringComparison.OrdinalIgnoreCase) ?? false))
            {
                return new(PolicyVerdict.Deny(PolicyPrinciple.Harmless, RuleIds.ExfiltrationConfidential,
                    $"'{request.FunctionName}' would send content marked '{marker}' to '{outside}', outside the organisation.", marker));
            }
        }

        foreach (var record in request.ToolHistory)
        {
            if (record.Outcome != PolicyToolOutcome.Succeeded || record.ResultText is not { } result || !IsPrivateSource(request, record.Name))
            {
                continue;
            }

            if ((forwarded is not null && ReferenceEquals(forwarded, result)) || SharesSpan(body, result, _options.MinimumCopiedLength) is not null)
            {
                return new(PolicyVerdict.Deny(PolicyPrinciple.Harmless, RuleIds.ExfiltrationPrivateSource,
                    $"'{request.FunctionName}' would send content read from the non-public source '{record.Name}' to '{outside}', outside the organisation.",
                    record.Name));
            }
        }

        return new(PolicyVerdict.Allowed);
    }

    private string? OutsideHost(string urls)
    {
        foreach (var candidate in urls.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            if (Uri.TryCreate(candidate.Trim(), UriKind.Absolute, out var uri)
                && !ToolCallText.DomainMatches(uri.Host, _options.InternalDomains) && !ToolCallText.DomainMatches(uri.Host, _options.AllowedExternalDomains))
            {
                return uri.Host;
            }
        }

        return null;
    }

    private bool IsPrivateSource(PolicyRequest request, string toolName)
    {
        if (_options.PrivateSourceTools.Contains(toolName))
        {
            return true;
        }

        var tools = request.Options?.Tools;
        if (tools is null)
        {
            return false;
        }

        foreach (var tool in tools)
        {
            if (tool is Microsoft.Extensions.AI.AIFunction function && string.Equals(function.Name, toolName, StringComparison.Ordinal))
            {
                return Array.IndexOf(SideEffectResolver.FromFunction(function), SideEffectCategories.ReadPrivate) >= 0;
            }
        }

        return false;
    }

    /// <summary>A forward-style call names an earlier item by id; returns the tool result that holds that id.</summary>
    private static string? ForwardedContent(PolicyRequest request)
    {
        string? id = request.GetArgumentText("email_id") ?? request.GetArgumentText("emailId") ?? request.GetArgumentText("message_id") ?? request.GetArgumentText("document_id");
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        foreach (var record in request.ToolHistory)
        {
            if (record.ResultText is { } text && text.Contains(id, StringComparison.Ordinal))
            {
                return text;
            }
        }

        return null;
    }

    private static string? SharesSpan(string body, string source, int length)
    {
        if (body.Length < length || source.Length < length)
        {
            return null;
        }

        // Slide a window over the body in steps of half the window: any copied run of 1.5x the window is found.
        var step = Math.Max(1, length / 2);
        for (var start = 0; start + length <= body.Length; start += step)
        {
            var window = body.AsSpan(start, length);
            if (window.IsWhiteSpace())
            {
                continue;
            }

            if (source.AsSpan().IndexOf(window, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return window.ToString();
            }
        }

        return null;
    }
}
