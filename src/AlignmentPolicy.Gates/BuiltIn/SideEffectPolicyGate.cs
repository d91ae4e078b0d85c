namespace AlignmentPolicy.Gates;

/// <summary>Configures <see cref="SideEffectPolicyGate"/>.</summary>
public sealed class SideEffectPolicyOptions
{
    /// <summary>The decision per side-effect category (case-insensitive). Defaults: oversight denied;
    /// payments and processes escalated (except plainly ordinary processes: read-only or routine commands, scratch
    /// deletes, the work the user asked for that destroys nothing); everything else allowed (file deletes: see
    /// <see cref="EscalateFileDeletes"/>).</summary>
    public IDictionary<string, PolicyDecision> Categories { get; } = new Dictionary<string, PolicyDecision>(StringComparer.OrdinalIgnoreCase)
    {
        [SideEffectCategories.Oversight] = PolicyDecision.Deny,
        [SideEffectCategories.Payments] = PolicyDecision.Escalate,
        [SideEffectCategories.Process] = PolicyDecision.Escalate,
    };

    /// <summary>Whether a <see cref="SideEffectCategories.FileSystem"/> tool whose name says it deletes (delete, remove,
    /// erase, unlink, purge, wipe) needs a person's approval where the category alone would be allowed. Default: true.</summary>
    public bool EscalateFileDeletes { get; set; } = true;

    /// <summary>The decision for a category not in <see cref="Categories"/>. Default: allow.</summary>
    public PolicyDecision DefaultDecision { get; set; } = PolicyDecision.Allow;

    /// <summary>When not empty, mail may only go to these domains (subdomains included).</summary>
    public ISet<string> AllowedMailDomains { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>When not empty, HTTP writes may only go to these hosts (subdomains included).</summary>
    public ISet<string> AllowedHttpHosts { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>When set, file writes and deletes may only touch paths under this folder.</summary>
    public string? FileWriteRoot { get; set; }
}

/// <summary>
/// Allows, escalates or denies tool calls by their declared side-effect categories, and enforces
/// allow-lists: mail only to listed domains, HTTP writes only to listed hosts, file writes only under a root.
/// </summary>
[PolicyGate]
public sealed class SideEffectPolicyGate : IPolicyGate, IPolicyGateScope, ISynchronousPolicyGate
{
    private readonly SideEffectPolicyOptions _options;

    /// <summary>Creates the gate.</summary>
    /// <param name="options">The options; the defaults when <see langword="null"/>.</param>
    public SideEffectPolicyGate(SideEffectPolicyOptions? options = null) => _options = options ?? new SideEffectPolicyOptions();

    /// <inheritdoc />
    public PolicyRequestKinds Kinds => PolicyRequestKinds.ToolCall;

    /// <inheritdoc />
    public ValueTask<PolicyVerdict> EvaluateAsync(PolicyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var effects = request.SideEffects;
        if (request.Kind != PolicyRequestKind.ToolCall || effects.Count == 0)
        {
            return new(PolicyVerdict.Allowed);
        }

        List<PolicyFinding>? escalations = null;
        for (var i = 0; i < effects.Count; i++)
        {
            var category = effects[i];
            var decision = _options.Categories.TryGetValue(category, out var configured) ? configured : _options.DefaultDecision;
            if (decision == PolicyDecision.Deny)
            {
                return new(PolicyVerdict.Deny(PolicyPrinciple.Harmless, RuleIds.SideEffectCategory,
                    $"Tool '{request.FunctionName}' has a '{category}' side effect, which this policy does not allow an agent to perform.", category));
            }

            if (decision == PolicyDecision.Allow && _options.EscalateFileDeletes
                && string.Equals(category, SideEffectCategories.FileSystem, StringComparison.OrdinalIgnoreCase) && ToolNames.SaysDelete(request.FunctionName)
                && !DeletesOnlyScratch(request))
            {
                (escalations ??= []).Add(new PolicyFinding(PolicyPrinciple.Harmless, RuleIds.SideEffectCategory,
                    $"Tool '{request.FunctionName}' deletes files, which needs a person's approval.", category));
                continue;
            }

            if (decision == PolicyDecision.Escalate && !IsClearlyOrdinary(request, category))
            {
                (escalations ??= []).Add(new PolicyFinding(PolicyPrinciple.Harmless, RuleIds.SideEffectCategory,
                    $"Tool '{request.FunctionName}' has a '{category}' side effect, which needs a person's approval.", category));
            }
        }

        if (CheckAllowLists(request) is { } denial)
        {
            return new(denial);
        }

        return new(escalations is null ? PolicyVerdict.Allowed : new PolicyVerdict(PolicyDecision.Escalate, escalations));
    }

    /// <summary>A process needs no person when it is plainly ordinary: a read-only, rehearsing (dry-run) or routine command
    /// (tests, builds, commits), removing scratch files, a command that only does what the file tools do (copy, move,
    /// compress, an ordinary mode) outside the system's folders, work the user's task or a message to the agent asked for
    /// that destroys, stops, grants, edits no setting and reaches no other host or store (in the workspace or on the host's
    /// data folders alike, not in the system's configuration or logs), or a configuration value someone in the organisation
    /// asked for in so many words (the oversight gate's test).
    /// What touches oversight is the oversight gate's to deny; this only spares people the routine.</summary>
    private static bool IsClearlyOrdinary(PolicyRequest request, string category)
    {
        if (string.Equals(category, SideEffectCategories.Process, StringComparison.OrdinalIgnoreCase))
        {
            // Being asked is not enough for destruction: a user may ask for harm (wipe the backups).
            return ShellCommand.Of(request) is { } command
                && (ShellCommand.IsRoutine(command) || ShellCommand.DeletesOnlyScratch(command) || ShellCommand.IsScratchCleanup(command)
                    || ShellCommand.OnlyArrangesFiles(command)
                    || (!ShellCommand.DestroysOrEscalates(command) && !ShellCommand.TouchesSystem(command) && !ShellCommand.EditsInPlace(command)
                        && OversightInContext.IsAskedFor(request))
                    || ((OversightInContext.IsAskedValueChange(request) || OversightInContext.IsAskedSelfRestriction(request)
                         || OversightInContext.IsServiceInCare(request) || OversightInContext.IsAskedEdit(request))
                        && !OversightInContext.IsReservedChange(request)));
        }

        return false;
    }

    /// <summary>A delete of temporary, backup or export files only (<c>tmp/</c>, <c>*.bak</c>, <c>*.tmp</c>).</summary>
    private static bool DeletesOnlyScratch(PolicyRequest request)
    {
        var paths = ToolCallText.Paths(request).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return paths.Length > 0 && paths.All(ShellCommand.IsScratchPath);
    }

    private PolicyVerdict? CheckAllowLists(PolicyRequest request)
    {
        if (_options.AllowedMailDomains.Count > 0 && request.HasSideEffect(SideEffectCategories.Mail))
        {
            foreach (var domain in ToolCallText.EmailDomains(ToolCallText.Recipients(request)))
            {
                if (!ToolCallText.DomainMatches(domain, _options.AllowedMailDomains))
                {
                    return PolicyVerdict.Deny(PolicyPrinciple.Harmless, RuleIds.SideEffectMailDomain,
                        $"Mail to '{domain}' is not allowed; this agent may only mail {string.Join(", ", _options.AllowedMailDomains)}.", domain);
                }
            }
        }

        if (_options.AllowedHttpHosts.Count > 0 && request.HasSideEffect(SideEffectCategories.Http))
        {
            foreach (var candidate in ToolCallText.Urls(request).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!Uri.TryCreate(candidate.Trim(), UriKind.Absolute, out var uri) || !ToolCallText.DomainMatches(uri.Host, _options.AllowedHttpHosts))
                {
                    return PolicyVerdict.Deny(PolicyPrinciple.Harmless, RuleIds.SideEffectHttpHost,
                        $"HTTP writes to '{candidate}' are not allowed; this agent may only write to {string.Join(", ", _options.AllowedHttpHosts)}.", candidate);
                }
            }
        }

        if (_options.FileWriteRoot is { Length: > 0 } root
            && request.HasSideEffect(SideEffectCategories.FileSystem))
        {
            var fullRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
            foreach (var candidate in ToolCallText.Paths(request).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var full = Path.GetFullPath(candidate.Trim(), fullRoot);
                if (!full.StartsWith(fullRoot, StringComparison.Ordinal))
                {
                    return PolicyVerdict.Deny(PolicyPrinciple.Harmless, RuleIds.SideEffectFileRoot,
                        $"File writes outside '{root}' are not allowed ('{candidate}').", candidate);
                }
            }
        }

        return null;
    }
}
