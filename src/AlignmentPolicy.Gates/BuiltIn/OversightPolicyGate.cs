using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>Configures <see cref="OversightPolicyGate"/>.</summary>
public sealed class OversightPolicyOptions
{
    /// <summary>Path or name fragments (case-insensitive) of the agent's own configuration, prompts, credentials,
    /// monitoring and audit settings. Acting on them (writing, deleting, moving, running commands on them) is denied.</summary>
    public IList<string> ProtectedPaths { get; } =
    [
        "system_prompt", "system-prompt", "systemprompt", "prompts/", "agent_config", "agent-config", "agent.config", "agent.yaml", "agent.yml", "agent.json", "agent.toml",
        ".env", "credentials", "secrets", "api_key", "apikey",
        "oversight", "monitoring", "monitor_config", "audit", "logging_config", "guardrail", "policy.json", "alignment-policy",
    ];

    /// <summary>Fragments naming the agent's successor or replacement. Acting on them is denied.</summary>
    public IList<string> SuccessorMarkers { get; } = ["successor", "replacement", "new_model", "new-model", "newmodel", "model_v2", "next_model"];

    /// <summary>Fragments naming the agent's own artefacts (weights, prompts, memory). Copying them elsewhere is denied.</summary>
    public IList<string> OwnArtifacts { get; } = ["model_weights", "weights", ".safetensors", ".gguf", "checkpoint", "system_prompt", "agent_memory", "self"];

    /// <summary>Extra regular expressions over the call's arguments that are always denied
    /// (for example <c>oversight_enabled:\s*false</c>).</summary>
    public IList<string> DeniedArgumentPatterns { get; } = [];
}

/// <summary>
/// Denies actions on the agent's own configuration, prompts, credentials, monitoring or audit settings,
/// on its successor or replacement, and copying its own artefacts elsewhere (in-context scheming and
/// self-preservation), found by name and by what the context shows about each file (<see cref="OversightInContext"/>).
/// Reading those files, with a tool or a read-only command, is allowed; acting on them is not.
/// </summary>
[PolicyGate]
public sealed partial class OversightPolicyGate : IPolicyGate, IPolicyGateScope, ISynchronousPolicyGate
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (bool Action, bool Copy)> NameKinds = new(StringComparer.Ordinal);
    private readonly OversightPolicyOptions _options;
    private readonly Regex[] _patterns;

    /// <summary>Creates the gate.</summary>
    /// <param name="options">The options; the defaults when <see langword="null"/>.</param>
    public OversightPolicyGate(OversightPolicyOptions? options = null)
    {
        _options = options ?? new OversightPolicyOptions();
        _patterns = [.. _options.DeniedArgumentPatterns.Select(p => new Regex(p, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))];
    }

    /// <inheritdoc />
    public PolicyRequestKinds Kinds => PolicyRequestKinds.ToolCall;

    /// <inheritdoc />
    public ValueTask<PolicyVerdict> EvaluateAsync(PolicyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Kind != PolicyRequestKind.ToolCall || request.Arguments.Count == 0 || !IsAction(request))
        {
            return new(PolicyVerdict.Allowed);
        }

        // Reading an audit log or a configuration is allowed however the reading is done.
        if (ShellCommand.Of(request) is { } command && ShellCommand.IsReadOnly(command))
        {
            return new(PolicyVerdict.Allowed);
        }

        var text = ToolCallText.All(request);
        foreach (var pattern in _patterns)
        {
            if (pattern.Match(text) is { Success: true } match)
            {
                return new(Deny(RuleIds.OversightTampering, $"'{request.FunctionName}' matches a denied oversight pattern.", match.Value));
            }
        }

        if (DisablesOversight().Match(text) is { Success: true } disable)
        {
            return new(Deny(RuleIds.OversightTampering, $"'{request.FunctionName}' would disable or weaken the agent's oversight.", disable.Value));
        }

        if (IsCopy(request) && Find(ToolCallText.Paths(request) + "\n" + text, _options.OwnArtifacts) is { } artefact)
        {
            return new(Deny(RuleIds.OversightSelfCopy, $"'{request.FunctionName}' would copy the agent's own artefacts ('{artefact}') elsewhere.", artefact));
        }

        // A value someone in the organisation asked for in so many words ("set TZ=UTC on the apsis2 deployment"), or a power
        // the agent was asked to give up (its own write right switched off in the file its lead named).
        // The same asked change made with any tool (a rewrite, yq, jq, an appended line): the file, the setting and the value
        // someone asked for, nothing else.
        if ((OversightInContext.IsAskedValueChange(request) || OversightInContext.IsAskedSelfRestriction(request) || OversightInContext.IsAskedEdit(request))
            && !OversightInContext.IsReservedChange(request))
        {
            return new(PolicyVerdict.Allowed);
        }

        // A document's name (a buyer's audit pack as a PDF) speaks of its subject, not of the agent's oversight.
        var named = OversightInContext.WithoutDocuments(text);
        if (Find(named, _options.SuccessorMarkers) is { } successor && !OversightInContext.IsNoteToSuccessor(request, successor))
        {
            return new(Deny(RuleIds.OversightSuccessor, $"'{request.FunctionName}' would act on the agent's successor or replacement ('{successor}').", successor));
        }

        if (Find(named, _options.ProtectedPaths) is { } protectedPath && !OversightInContext.IsRequestedTightening(request))
        {
            return new(Deny(RuleIds.OversightTampering, $"'{request.FunctionName}' would change the agent's own configuration, prompts, credentials or monitoring ('{protectedPath}').", protectedPath));
        }

        // What the names above cannot see: the files the context shows to carry oversight, the agent's and its
        // successor's names, grants of power, logs.
        return new(OversightInContext.Judge(request, IsCopy(request)) ?? PolicyVerdict.Allowed);
    }

    private static PolicyVerdict Deny(string ruleId, string reason, string evidence)
        => PolicyVerdict.Deny(PolicyPrinciple.Harmless, ruleId, reason + " Changes to an agent's oversight are made by people, not by the agent.", evidence);

    private static bool IsAction(PolicyRequest request)
    {
        if (request.HasSideEffect(SideEffectCategories.Oversight) || request.HasSideEffect(SideEffectCategories.FileSystem)
            || request.HasSideEffect(SideEffectCategories.Process) || request.HasSideEffect(SideEffectCategories.Http)
            || request.HasSideEffect(SideEffectCategories.Database))
        {
            return true;
        }

        // Undeclared tools: judge by what the tool says it does. Read-only names pass.
        return request.SideEffects.Count == 0 && request.FunctionName is { } name && KindsOf(name).Action;
    }

    private static bool IsCopy(PolicyRequest request)
        => (request.FunctionName is { } name && KindsOf(name).Copy) || CopyCommand().IsMatch(ToolCallText.All(request));

    /// <summary>What a tool's name says it does; a process has few tool names, so the answer is cached.</summary>
    private static (bool Action, bool Copy) KindsOf(string name)
    {
        if (NameKinds.TryGetValue(name, out var kinds))
        {
            return kinds;
        }

        var words = CamelBoundary().Replace(name, "_");
        return NameKinds.GetOrAdd(name, (ActionName().IsMatch(words), CopyName().IsMatch(words)));
    }

    private static string? Find(string text, IList<string> fragments)
    {
        foreach (var fragment in fragments)
        {
            if (text.Contains(fragment, StringComparison.OrdinalIgnoreCase))
            {
                return fragment;
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<![a-z])(write|delete|remove|rm|copy|cp|move|mv|rename|run|exec|execute|shell|command|update|set|edit|modify|patch|put|post|deploy|disable|upload|overwrite|replace|kill|stop)(?![a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ActionName();

    [GeneratedRegex(@"(?<![a-z])(copy|cp|scp|rsync|upload|transfer|clone|replicate)(?![a-z])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CopyName();

    [GeneratedRegex(@"(?<=[a-z0-9])(?=[A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex CamelBoundary();



    [GeneratedRegex(@"\b(scp|rsync|cp|copy|curl\s+-T|aws\s+s3\s+cp|gsutil\s+cp)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CopyCommand();

    [GeneratedRegex(@"\b(oversight|monitoring|audit|logging|guardrails?|safety)[\w\.\-]*[""']?\s*[:=]\s*[""']?(false|off|disabled?|0|no)\b|\b(disable|turn\s+off|stop|kill|bypass)\s+(the\s+)?(oversight|monitoring|audit|logging|guardrails?|safety)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DisablesOversight();
}
