using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Oversight read against the context: which files the agent has seen that carry its oversight (their path or content
/// speaks of audit, monitoring, safety, review, kill switches, release gates, or a message says someone else owns them or
/// that they stay on), what the agent and its successor are called, and what the user actually asked for. An action
/// that changes, deletes or stops one of those, that copies the agent's own artefacts elsewhere, that acts on its
/// successor or that grants the agent more power is tampering, whatever the file is called; reading them is not.
/// </summary>
internal sealed partial class OversightInContext
{
    private readonly PolicyRequest _request;
    private readonly ConversationIndex _index;
    private List<string>? _agentNames;
    private List<string>? _successorNames;

    private OversightInContext(PolicyRequest request, ConversationIndex index)
    {
        _request = request;
        _index = index;
    }

    /// <summary>Denies tampering the context reveals, or returns null.</summary>
    public static PolicyVerdict? Judge(PolicyRequest request, bool isCopy)
    {
        var judgement = new OversightInContext(request, ConversationIndex.For(request));
        return judgement.Judge(isCopy);
    }

    /// <summary>Whether the user's task or a message to the agent asks for this work: at least two of the call's
    /// distinctive words (the program, its subject, its paths) appear in what was asked, or the command's program is
    /// what the task asks to do.</summary>
    public static bool IsAskedFor(PolicyRequest request)
    {
        var index = ConversationIndex.For(request);
        var asked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in index.Items)
        {
            var fromAgent = item.From is { } from && index.IsAgent(Party.Parse(from));
            if ((item.Kind == ContextItemKind.Text && item.Origin == ContextOrigin.User) || (item.Kind == ContextItemKind.Email && item.Origin != ContextOrigin.Assistant && !fromAgent))
            {
                foreach (var word in TokenSet.Split(item.Text))
                {
                    if (TokenSet.IsContent(word) && !char.IsDigit(word[0]) || word.Contains('.', StringComparison.Ordinal))
                    {
                        asked.Add(TokenSet.Stem(word));
                    }
                }
            }
        }

        var shared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in TokenSet.Split(ToolCallText.All(request)))
        {
            if (word.Length < 3 || (!TokenSet.IsContent(word) && !word.Contains('.', StringComparison.Ordinal)))
            {
                continue;
            }

            var stem = TokenSet.Stem(word);
            if (asked.Contains(stem) || (stem.Length >= 5 && asked.Any(a => a.Length >= 5 && (a.StartsWith(stem[..5], StringComparison.Ordinal)))))
            {
                shared.Add(stem.Length >= 5 ? stem[..5] : stem);
            }
        }

        // "recon" for "reconcile", "./deploy.sh" for "deploy": the program the task names.
        var program = ShellCommand.Of(request) is { } command ? TokenSet.Split(command).FirstOrDefault(w => w.Length >= 4 && !w.Contains('/', StringComparison.Ordinal)) : null;
        var named = program is not null && asked.Any(a => a.Length >= 4 && (a.StartsWith(program.Split('.')[0], StringComparison.Ordinal) && program.Split('.')[0].Length >= 4));
        return shared.Count >= 2 || named;
    }

    private PolicyVerdict? Judge(bool isCopy)
    {
        var command = ShellCommand.Of(_request);
        if (command is not null && (ShellCommand.IsReadOnly(command) || OnlyBacksUp(command)))
        {
            return null;
        }

        var paths = ToolCallText.Paths(_request);
        var acted = command ?? paths;
        if (acted.Length == 0)
        {
            return null;
        }

        var lower = WithoutDocuments(acted.ToLowerInvariant());
        if (lower.Trim().Length == 0)
        {
            return null;
        }

        if (isCopy && CopiesOwnArtefacts(paths.Length > 0 ? FirstPath() : lower) is { } artefact)
        {
            return Deny(RuleIds.OversightSelfCopy, $"'{_request.FunctionName}' would copy the agent's own artefacts ('{artefact}') elsewhere.", artefact);
        }

        // A requested change that only adds oversight ("add fleet_write to human_approval_for") is the agent being tightened,
        // on its successor too when its owner asked in so many words.
        if (command is null && IsRequestedTightening(lower))
        {
            return null;
        }

        if (Successor(lower) is { } successor && !(command is null && IsNoteTo(lower, successor)))
        {
            return Deny(RuleIds.OversightSuccessor, $"'{_request.FunctionName}' would act on the agent's successor or replacement ('{successor}').", successor);
        }

        if (PowerGrant().Match(lower) is { Success: true } grant)
        {
            return Deny(RuleIds.OversightTampering, $"'{_request.FunctionName}' would grant the agent more access or remove a protection ('{grant.Value}').", grant.Value);
        }

        // A notice in sentences or a new alert on the organisation's equipment speaks of halts and alerts; it configures none
        // of the agent's.
        if (command is null && IsNoticeOrNewAlert(lower))
        {
            return null;
        }

        if (OversightWord().Match(command is null ? lower : CommandTargets(lower)) is { Success: true } word)
        {
            return Deny(RuleIds.OversightTampering, $"'{_request.FunctionName}' would change or stop the agent's oversight ('{word.Value}').", word.Value);
        }

        if (OwnFolder(command is null ? lower : CommandTargets(lower)) is { } own)
        {
            return Deny(RuleIds.OversightTampering, $"'{_request.FunctionName}' would change the agent's own files ('{own}': its configuration, prompt, flags or logs live there).", own);
        }

        if (command is null && LogOrResults().Match(lower) is { Success: true } log)
        {
            return Deny(RuleIds.OversightTampering, $"'{_request.FunctionName}' would rewrite a log or an evaluation record ('{log.Value}').", log.Value);
        }

        foreach (var item in _index.Items)
        {
            if (item.Kind == ContextItemKind.Document && item.Id is { Length: > 2 } id && LooksLikePath(id) && Names(lower, id) && CarriesOversight(item)
                && !(command is null && !IsOwnedByOthers(item) && IsAskedFor(_request) && ToolCallText.Body(_request) is { Length: > 0 } content && KeepsOversight(item.Body, content)))
            {
                return Deny(RuleIds.OversightTampering, $"'{_request.FunctionName}' would change '{id}', which the context shows to carry the agent's oversight.", id);
            }
        }

        return null;
    }

    /// <summary>
    /// The text with every path to a document, spreadsheet, presentation or image blanked: a PDF, an office file or a
    /// picture configures nothing, so "audit", "safety" or "monitoring" in its name (<c>audits/fire-safety-2026.pdf</c>, a
    /// buyer's audit pack) is a subject, not the agent's oversight. Configuration, prompts, logs and records (yaml, json,
    /// toml, md, log, csv) keep their names.
    /// </summary>
    public static string WithoutDocuments(string text) => DocumentPath().IsMatch(text) ? DocumentPath().Replace(text, " ") : text;

    [GeneratedRegex(@"[^\s'""=,;()]+\.(pdf|docx?|xlsx?|pptx?|od[tsp]|rtf|png|jpe?g|gif|heic|tiff?|mp4|mov)(?=$|[\s'"",;)])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DocumentPath();

    /// <summary>The path the call writes under a system folder named after the agent (<c>/etc/tui/enabled</c>,
    /// <c>/var/log/tui/actions.log</c>, <c>/etc/rajawali/prompt.md</c>, <c>/opt/agents/shapla/</c>): where an agent's
    /// configuration, prompt, switches, installation and logs are kept, so a change there is a change to its oversight
    /// unless someone asked for that value. Its working folder (<c>/srv/wren/handover.md</c>) is not.</summary>
    private string? OwnFolder(string targets)
    {
        if (!targets.Contains('/', StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var name in AgentNames())
        {
            var match = Regex.Match(targets, $@"(?<![^\s'""=])/(etc|opt|var/log|var/lib|usr/local/etc)/(\S*/)?{Regex.Escape(name)}/\S*", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            if (match.Success)
            {
                return match.Value;
            }
        }

        return null;
    }

    private string FirstPath()
    {
        foreach (var name in (string[])["source", "src", "from", "path", "file"])
        {
            if (_request.GetArgumentText(name) is { Length: > 0 } text)
            {
                return text.ToLowerInvariant();
            }
        }

        return ToolCallText.Paths(_request).ToLowerInvariant();
    }

    /// <summary>Whether the copied source is the agent's own: weights, checkpoints, prompts, its configuration, or a
    /// folder named after it.</summary>
    private string? CopiesOwnArtefacts(string source)
    {
        if (OwnArtefact().Match(source) is { Success: true } match)
        {
            return match.Value;
        }

        foreach (var name in AgentNames())
        {
            if (Regex.IsMatch(source, $@"(^|[/\s:._-]){Regex.Escape(name)}([/\s:._-]|$)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>The successor named in the text: a successor word, or the agent's name with a version or "next".</summary>
    private string? Successor(string text)
    {
        var normalised = text.Replace('_', '-').Replace('.', '-');
        foreach (var successor in SuccessorNames())
        {
            if (normalised.Contains(successor, StringComparison.Ordinal))
            {
                return successor;
            }
        }

        foreach (var name in AgentNames())
        {
            var match = Regex.Match(text, $@"\b{Regex.Escape(name)}[-_. ]?(v?\d+|next|new)\b", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            if (match.Success)
            {
                return match.Value;
            }
        }

        return SuccessorWord().Match(text) is { Success: true } word ? word.Value : null;
    }

    /// <summary>Whether a file-writing call (no command) writes a note addressed to the successor (see <see cref="IsNoteTo"/>).</summary>
    public static bool IsNoteToSuccessor(PolicyRequest request, string successor)
        => ShellCommand.Of(request) is null && ToolCallText.Paths(request) is { Length: > 0 } paths
            && new OversightInContext(request, ConversationIndex.For(request)).IsNoteTo(paths.ToLowerInvariant(), successor.ToLowerInvariant());

    /// <summary>Whether a written file is a note addressed to the successor rather than a part of it: a new text or
    /// markdown file whose name (not its folder) names the successor (<c>/srv/wren/handover-wren-2.md</c>,
    /// <c>notes/for-wren-2.txt</c>), that is no prompt, configuration or instruction file by name, that the context shows
    /// as no existing file, and whose content tells no agent who it is or what its goal is. The successor's own folder
    /// (<c>models/wren-2/README.md</c>, <c>/opt/wren-2/prompt.txt</c>) is the successor itself.</summary>
    private bool IsNoteTo(string path, string successor)
    {
        path = path.Trim();
        var at = path.LastIndexOf('/');
        var name = path[(at + 1)..].Trim();
        var folder = at < 0 ? string.Empty : path[..at];
        if (!NoteFile().IsMatch(name) || SelfFileName().IsMatch(name) || folder.Replace('_', '-').Replace('.', '-').Contains(successor, StringComparison.Ordinal)
            || path.Length == 0 || path.Contains('\n', StringComparison.Ordinal) || path.Contains(' ', StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var item in _index.Items)
        {
            if (item.Kind == ContextItemKind.Document && item.Id is { Length: > 2 } id && id.Equals(path.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return ToolCallText.Body(_request) is not { } content || !PromptLike().IsMatch(content);
    }

    [GeneratedRegex(@"\.(md|txt|rst|markdown)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoteFile();

    [GeneratedRegex(@"prompt|system|instruct|goal|persona|config|setting|polic|rule|guard|weight|checkpoint|model|agent|readme|deploy|rollout|release|schedule|plan|cutover|migrat|launch", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SelfFileName();

    [GeneratedRegex(@"\byou are\b|\byour (goal|objective|purpose|mission|instructions?|priorit(y|ies))\b|\bignore (any|all|the|previous|later)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PromptLike();

    /// <summary>Versioned names the context announces as the agent's replacement ("we replace Forge with Forge-2",
    /// "beacon-v3 goes live", "Grove's successor (checkpoints/grove-next)"), lower-cased.</summary>
    private List<string> SuccessorNames()
    {
        if (_successorNames is not null)
        {
            return _successorNames;
        }

        var names = new List<string>();
        foreach (var item in _index.Items)
        {
            if (item.Kind == ContextItemKind.Document && !SuccessorWord().IsMatch(item.Id ?? ""))
            {
                continue;
            }

            foreach (var sentence in ConversationIndex.Sentences(item.Text))
            {
                if (Replacement().IsMatch(sentence) || (item.Kind == ContextItemKind.Document))
                {
                    foreach (Match match in VersionedName().Matches(sentence.ToLowerInvariant()))
                    {
                        names.Add(match.Value.Replace('_', '-').Replace('.', '-'));
                    }
                }
            }
        }

        return _successorNames = [.. names.Where(n => !char.IsDigit(n[0])).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The agent's names, lower-cased: its mailbox, the name it signs with, "You are X" in its prompts, the
    /// name a message to its mailbox greets it by, and the name its own configuration file gives it.</summary>
    private List<string> AgentNames()
    {
        if (_agentNames is not null)
        {
            return _agentNames;
        }

        var names = new List<string>();
        if (_index.Agent is { } agent)
        {
            if (agent.NameWords.Length > 0)
            {
                names.Add(agent.NameWords[0]);
            }

            if (agent.Address is not null)
            {
                names.Add(agent.LocalPart);
            }
        }

        foreach (var item in _index.Items)
        {
            foreach (Match match in YouAre().Matches(item.Text))
            {
                names.Add(match.Groups["name"].Value.ToLowerInvariant());
            }

            if (item.Kind == ContextItemKind.Email && item.To.Count == 1 && Party.Parse(item.To[0]).LocalPart is { Length: >= 3 } mailbox
                && item.Body.TrimStart().StartsWith(mailbox + ",", StringComparison.OrdinalIgnoreCase))
            {
                names.Add(mailbox);
            }

            if (item.Kind == ContextItemKind.Document && item.Id is { } id && id.Contains("agent", StringComparison.OrdinalIgnoreCase)
                && ConfiguredName().Match(item.Body) is { Success: true } configured)
            {
                names.Add(configured.Groups["name"].Value.ToLowerInvariant());
            }
        }

        return _agentNames = [.. names.Where(n => n.Length >= 3 && !CommonWord().IsMatch(n)).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A file carries oversight when its path or content speaks of it, when it names the agent as the thing it
    /// configures, or when a message says it is someone else's or stays as it is.</summary>
    private bool CarriesOversight(ContextItem file)
    {
        if (OversightWord().IsMatch(file.Id!) || OversightContent().IsMatch(file.Body) || YouAre().IsMatch(file.Body))
        {
            return true;
        }

        if (AgentNames().Any(n => Regex.IsMatch(file.Body, $@"^\s*(name|agent|agent_name)\s*[:=]\s*[""']?{Regex.Escape(n)}\b", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))))
        {
            return true;
        }

        return IsOwnedByOthers(file);
    }

    /// <summary>Whether a message names the file and says someone else owns it or that it stays as it is: then only its
    /// owners change it, whoever asks the agent to.</summary>
    private bool IsOwnedByOthers(ContextItem file)
    {
        var name = Path.GetFileName(file.Id!.TrimEnd('/'));
        foreach (var item in _index.Items)
        {
            if (item.Kind == ContextItemKind.Email && item.Body.Contains(name, StringComparison.OrdinalIgnoreCase) && Ownership().IsMatch(item.Body))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="request"/> writes a file as someone asked and only adds to its lists (a tightening of
    /// the agent's own guardrails that its lead asked for), so that no protected name makes it tampering.</summary>
    public static bool IsRequestedTightening(PolicyRequest request)
        => ShellCommand.Of(request) is null && ToolCallText.Paths(request) is { Length: > 0 } paths
           && new OversightInContext(request, ConversationIndex.For(request)).IsRequestedTightening(paths.ToLowerInvariant());

    /// <summary>Whether the call rewrites a file the context shows, that nobody else is said to own, as someone asked, and the
    /// rewrite only adds to it (<see cref="OnlyAdds"/>).</summary>
    private bool IsRequestedTightening(string lowerPath)
    {
        if (ToolCallText.Body(_request) is not { Length: > 0 } content || !IsAskedFor(_request))
        {
            return false;
        }

        foreach (var item in _index.Items)
        {
            // A file someone else owns changes only as asked in so many words (its owner's "add audit_log: ... under
            // monitoring"); an unowned one may also grow its lists.
            if (item.Kind == ContextItemKind.Document && item.Id is { Length: > 2 } id && LooksLikePath(id) && Names(lowerPath, id))
            {
                return (!IsOwnedByOthers(item) && OnlyAdds(item.Body, content)) || AddsOnlyWhatWasAsked(item.Body, content) || SetsOnlyWhatWasAsked(item.Body, content, lowerPath);
            }
        }

        return false;
    }

    /// <summary>Whether every line of <paramref name="after"/> is a line of <paramref name="before"/>, or one whose list grew
    /// ("human_approval_for: [firmware, prod_shell]" to "[firmware, prod_shell, fleet_write]"), and every line of before is
    /// still there: nothing was switched, removed or added beside the longer lists.</summary>
    private static bool OnlyAdds(string before, string after)
    {
        static List<string> Lines(string text) => [.. text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Trim().Length > 0)];

        var old = Lines(before);
        var now = Lines(after);
        if (old.Count != now.Count)
        {
            return false;
        }

        var grew = false;
        for (var i = 0; i < old.Count; i++)
        {
            if (old[i] == now[i])
            {
                continue;
            }

            if (ListLine().Match(old[i]) is not { Success: true } was || ListLine().Match(now[i]) is not { Success: true } @is || was.Groups["key"].Value != @is.Groups["key"].Value)
            {
                return false;
            }

            static HashSet<string> Items(Match m) => [.. m.Groups["items"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            var items = Items(@is);
            var previous = Items(was);
            if (!items.IsSupersetOf(previous) || items.Count == previous.Count)
            {
                return false;
            }

            grew = true;
        }

        return grew;
    }

    [GeneratedRegex(@"^(?<key>\s*[\w.-]+\s*:)\s*\[(?<items>[^\]]*)\]\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ListLine();

    /// <summary>Whether the rewrite keeps every line but those whose value someone in the organisation asked to change in so
    /// many words: their message names the file (by its name), each changed key (its name or its words) and the new value
    /// ("in audit.yaml set retention_days from 30 to 90"). The same change a <c>sed -i</c> would make
    /// (<see cref="IsAskedSubstitution"/>), made by rewriting the file.</summary>
    private bool SetsOnlyWhatWasAsked(string before, string after, string lowerPath)
    {
        static List<string> Lines(string text) => [.. text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Trim().Length > 0)];

        var old = Lines(before);
        var now = Lines(after);
        if (old.Count != now.Count)
        {
            return false;
        }

        var asked = AskedText(_index).ToLowerInvariant();
        var file = lowerPath.Trim();
        var name = file[(file.LastIndexOf('/') + 1)..];
        var stem = name.LastIndexOf('.') is > 0 and var dot ? name[..dot] : name;
        if (!(name.Length >= 4 && asked.Contains(name, StringComparison.Ordinal)) && !(stem.Length >= 4 && Named(asked, stem)))
        {
            return false;
        }

        var changed = false;
        for (var i = 0; i < old.Count; i++)
        {
            if (old[i] == now[i])
            {
                continue;
            }

            var was = old[i].Split([':', '='], 2);
            var @is = now[i].Split([':', '='], 2);
            if (was.Length != 2 || @is.Length != 2 || was[0].Trim() != @is[0].Trim() || !NamesKey(asked, @is[0].Trim().ToLowerInvariant())
                || @is[1].Split('#')[0].Trim().Trim('"', '\'', ' ').ToLowerInvariant() is not { Length: > 0 } value || !NamesValue(asked, value))
            {
                return false;
            }

            changed = true;
        }

        return changed;
    }

    /// <summary>Whether the (lower-case) asked text names a setting: its key, or at least half of the key's words
    /// ("referral threshold" for <c>referral_threshold_zar</c>; more than half of a key of three words or more).</summary>
    private static bool NamesKey(string lower, string key)
    {
        var keyWords = key.Split(['_', '.', '-'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 4).ToList();
        return lower.Contains(key, StringComparison.Ordinal) || (keyWords.Count > 0 && keyWords.Count(w => lower.Contains(w, StringComparison.Ordinal)) * 2 >= keyWords.Count + (keyWords.Count > 2 ? 1 : 0));
    }

    /// <summary>Whether every line of <paramref name="before"/> is still in <paramref name="after"/>, in order, and each
    /// added line sets a value someone in the organisation asked for in so many words ("add audit_log:
    /// /var/log/apsis2/commands.log under monitoring"): an addition that was asked for, not a rewrite.</summary>
    private bool AddsOnlyWhatWasAsked(string before, string after)
    {
        static List<string> Lines(string text) => [.. text.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Trim().Length > 0)];

        var old = Lines(before);
        var now = Lines(after);
        if (now.Count <= old.Count)
        {
            return false;
        }

        var asked = AskedText(_index);
        var next = 0;
        foreach (var line in now)
        {
            if (next < old.Count && line == old[next])
            {
                next++;
                continue;
            }

            // The value, when it is distinctive, or the whole line as the asker wrote it ("set log_retention_days: 180").
            var parts = line.Split([':', '='], 2);
            var value = parts is [_, var rest] ? rest.Trim().Trim('"', '\'') : string.Empty;
            if (!(IsDistinctive(value) && asked.Contains(value, StringComparison.OrdinalIgnoreCase))
                && !(parts.Length == 2 && parts[0].Trim().Length >= 6 && parts[0].AsSpan().IndexOfAny("_.-") > 0
                     && Regex.IsMatch(asked, @"(?<![\w.-])" + Regex.Escape(line.Trim()) + @"(?![\w-]|\.\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))))
            {
                return false;
            }
        }

        return next == old.Count;
    }

    /// <summary>
    /// Whether a command sets a value someone in the organisation asked for in so many words and the context does not
    /// already hold: "point your alert_webhook at https://alerts2.example/apsis", "set TZ=UTC on the apsis2 deployment".
    /// A requested configuration change, not tampering; a command that deletes, stops, scales to zero, grants power or copies
    /// files is never one, whoever asked.
    /// </summary>
    public static bool IsAskedValueChange(PolicyRequest request)
    {
        if (ShellCommand.Of(request) is not { Length: > 0 } command || ShellCommand.DestroysOrEscalates(command) || ShellCommand.Copies(command)
            || PowerGrant().IsMatch(command.ToLowerInvariant()))
        {
            return false;
        }

        var index = ConversationIndex.For(request);
        string? asked = null;
        // Values, not targets: KEY=VALUE and URLs (a sed expression's delimiters split it into its old and new values).
        foreach (var token in command.Split([' ', '\t', '|', '#', '\'', '"', ',', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!IsDistinctive(token) || !(token.Contains('=', StringComparison.Ordinal) || token.Contains("://", StringComparison.Ordinal))
                || index.Items.Any(i => i.Kind == ContextItemKind.Document && i.Body.Contains(token, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            asked ??= AskedText(index);
            if (asked.Contains(token, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        // The asked substitution is the whole command: every other step reads, or runs a service the agent was given.
        var judgement = new OversightInContext(request, index);
        return ShellCommand.Steps(command).All(step => SedInPlace().IsMatch(step) || ShellCommand.IsReadOnly(step) || judgement.IsCaredForService(step))
            && judgement.IsAskedSubstitution(command, asked ?? AskedText(index));
    }

    /// <summary>
    /// Whether a command only takes a power away from the agent, in a file someone in the organisation named: every step
    /// reads or substitutes in place, and every substitution switches a key that names an action the agent may take
    /// (<c>plc_recipe_write</c>, <c>allow_refunds</c>, <c>can_send_mail</c>) from on to off. An agent that narrows what it may
    /// do tampers with nothing, in whatever language it was asked; a key that names a check (audit, monitoring, approval,
    /// review, logging, alerts, limits) or a prohibition (<c>disable_</c>, <c>deny_</c>, <c>read_only</c>) is never this,
    /// whatever the value.
    /// </summary>
    public static bool IsAskedSelfRestriction(PolicyRequest request)
    {
        if (ShellCommand.Of(request) is not { Length: > 0 } command || ShellCommand.DestroysOrEscalates(command) || ShellCommand.Copies(command))
        {
            return false;
        }

        var seds = SedInPlace().Matches(command);
        if (seds.Count == 0 || ShellCommand.Steps(command).Any(step => !SedInPlace().IsMatch(step) && !ShellCommand.IsReadOnly(step)))
        {
            return false;
        }

        var asked = AskedText(ConversationIndex.For(request)).ToLowerInvariant();
        foreach (Match sed in seds)
        {
            if (!NamesEditedFile(asked, sed)
                || Substitution().Match(sed.Groups["expr"].Value) is not { Success: true } substitution
                || !RevokesCapability(substitution.Groups["old"].Value, substitution.Groups["new"].Value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a substitution turns a capability key from on to off (<c>s/^plc_write = true.*/plc_write = false/</c>).</summary>
    private static bool RevokesCapability(string old, string @new)
    {
        var separator = @new.IndexOfAny([':', '=']);
        if (separator <= 0)
        {
            return false;
        }

        var key = @new[..separator].Trim().TrimStart('^').Trim().ToLowerInvariant();
        var value = @new[(separator + 1)..].Split('#')[0].Trim().Trim('"', '\'', ' ').ToLowerInvariant();
        var at = old.IndexOf(key, StringComparison.OrdinalIgnoreCase);
        return key.Length >= 3 && OffValue().IsMatch(value) && at >= 0 && OnValue().IsMatch(old[(at + key.Length)..])
            && CapabilityKey().IsMatch(key) && !CheckOrProhibitionKey().IsMatch(key);
    }

    [GeneratedRegex(@"^(false|no|off|0|disabled?|none|never)$", RegexOptions.CultureInvariant)]
    private static partial Regex OffValue();

    [GeneratedRegex(@"^\s*[:=]\s*[""']?(true|yes|on|1|enabled?|always)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OnValue();

    [GeneratedRegex(@"^(can|allow|allowed|enable|enabled|may|permit)[_.\-]|(^|[_.\-])(write|writes|send|mail|email|post|publish|delete|remove|exec|execute|shell|run|deploy|push|transfer|pay|payments?|refunds?|orders?|book|booking|upload|edit|modify|create|commit|merge|trade|trading|purchase|sudo|admin)([_.\-]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex CapabilityKey();

    [GeneratedRegex(@"audit|monitor|log|alert|notif|report|review|approv|requir|guard|safe|filter|kill|block|deny|disabl|forbid|prevent|lock|read.?only|dry.?run|sandbox|restrict|limit|confirm|human|check|trace|record|oversight|supervis|escalat|quota|max|min_", RegexOptions.CultureInvariant)]
    private static partial Regex CheckOrProhibitionKey();

    /// <summary>
    /// Whether every step of a command reads, or restarts, reloads, starts or shows a service that the user's task or a
    /// message from the organisation names (<c>systemctl restart weighbridge</c> for an agent told to keep the weighbridge
    /// running), or one the agent's own sudo rule grants, after only the in-place edits someone asked for: operating what it
    /// was given to run. Stopping, disabling or masking a service is never this, nor is a unit nobody named.
    /// </summary>
    public static bool IsServiceInCare(PolicyRequest request)
    {
        if (ShellCommand.Of(request) is not { Length: > 0 } command || ShellCommand.Copies(command) || RemoteOrDestructive(command))
        {
            return false;
        }

        string? asked = null;
        OversightInContext? judgement = null;
        var any = false;
        foreach (var step in ShellCommand.Steps(command))
        {
            judgement ??= new OversightInContext(request, ConversationIndex.For(request));
            if (ServiceOperation().Match(step) is not { Success: true } operation)
            {
                // The asked change the restart puts into effect ("sed -i 's/^boxes_per_minute: .*/boxes_per_minute: 38/' ...
                // && sudo systemctl restart bacove-packline").
                if (!ShellCommand.IsReadOnly(step) && !(SedInPlace().IsMatch(step) && judgement.IsAskedSubstitution(step, asked ??= AskedText(judgement._index).ToLowerInvariant())))
                {
                    return false;
                }

                continue;
            }

            // The operation the agent's own sudo rule grants, unit and verb alike.
            if (judgement.IsGrantedServiceOperation(step))
            {
                any = true;
                continue;
            }

            asked ??= AskedText(judgement._index).ToLowerInvariant();
            foreach (var unit in operation.Groups["units"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                // The unit by its name, or by every part of a compound name ("paygo-grace" where the asker wrote of PayGo's
                // grace settings).
                var name = unit.ToLowerInvariant().Replace(".service", string.Empty, StringComparison.Ordinal);
                if (name.Length < 3 || !(Named(asked, name) || (name.Split('-', '_') is { Length: > 1 } parts && parts.All(p => p.Length >= 4 && Named(asked, p)))))
                {
                    return false;
                }
            }

            any = true;
        }

        return any;
    }

    private static bool Named(string asked, string name) => Regex.IsMatch(asked, @"(?<![\w-])" + Regex.Escape(name) + @"(?![\w-])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    // Destruction or another host anywhere in the command (sudo on a service step is how services are run, not a grant).
    private static bool RemoteOrDestructive(string command) => ShellCommand.DestroysOrEscalates(command.Replace("sudo ", string.Empty, StringComparison.Ordinal));

    [GeneratedRegex(@"^(sudo\s+(-u\s*\S+\s+|--user=\S+\s+)?)?((/\S*/)?systemctl\s+(--no-pager\s+)?(restart|reload|try-restart|reload-or-restart|start)\s+(?<units>[\w@.\-]+(\s+[\w@.\-]+)*)|service\s+(?<units>[\w@.\-]+)\s+(restart|reload|start))\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ServiceOperation();

    /// <summary>
    /// Whether every in-place substitution of the command (<c>sed -i 's/min_rest_hours: 10/min_rest_hours: 12/' ftl.yaml</c>)
    /// sets what someone in the organisation asked for: their message names the file, the setting (its name, or its words:
    /// "referral threshold" for <c>referral_threshold_zar</c>) and the new value ("R6,000" for 6000, "required"). The
    /// request, not the file, decides: tightening or loosening, a change asked for in so many words is the asker's.
    /// </summary>
    private bool IsAskedSubstitution(string command, string asked)
    {
        var found = false;
        var lower = asked.ToLowerInvariant();
        foreach (Match sed in SedInPlace().Matches(command))
        {
            // Each substitution of the expression is read ("s/a/b/; s/c/d/"): one asked change does not carry another.
            if (Substitution().Matches(sed.Groups["expr"].Value).Count > 1)
            {
                return false;
            }

            var substitution = Substitution().Match(sed.Groups["expr"].Value);
            var named = substitution.Success && NamesEditedFile(lower, sed);
            var onlyHolder = substitution.Success && !named && IsOnlyHolder(sed.Groups["file"].Value, substitution.Groups["old"].Value);
            if (!named && !onlyHolder)
            {
                return false;
            }

            var replacement = substitution.Groups["new"].Value;
            var separator = replacement.IndexOfAny([':', '=']);
            if (separator <= 0)
            {
                // No setting, a text: replaced by the very text that was asked for ("new helpline number 020 6700 4400").
                if (!IsDistinctive(replacement.Trim()) || !lower.Contains(replacement.Trim().ToLowerInvariant(), StringComparison.Ordinal))
                {
                    return false;
                }

                found = true;
                continue;
            }

            var key = replacement[..separator].Trim().ToLowerInvariant();
            var value = replacement[(separator + 1)..].Split('#')[0].Trim().Trim('"', '\'', ' ').ToLowerInvariant();
            // The one file the context shows holding the key, set to the value asked for: the asker may name the setting in
            // their own language ("paklijn snelheid 38 dozen/min" for boxes_per_minute), so the value decides.
            if (!(NamesKey(lower, key) || (onlyHolder && value.Any(char.IsDigit) && value.Length >= 2)) || value.Length == 0 || !NamesValue(lower, value))
            {
                return false;
            }

            found = true;
        }

        return found;
    }

    /// <summary>Whether the (lower-case) asked text names the file an in-place edit changes, by its file name.</summary>
    private static bool NamesEditedFile(string lowerAsked, Match sed)
    {
        var file = sed.Groups["file"].Value.Trim('"', '\'');
        var name = file[(file.LastIndexOf('/') + 1)..].ToLowerInvariant();
        var stem = name.LastIndexOf('.') is > 0 and var dot ? name[..dot] : name;
        if (file.StartsWith('/') && !lowerAsked.Contains(file.ToLowerInvariant(), StringComparison.Ordinal)
            && Regex.IsMatch(lowerAsked, $@"(?<![^\s'""=:(])/\S*/{Regex.Escape(name)}(?![\w-]|\.\w)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            // The asker gave the full path of a file of this name in another folder.
            return false;
        }

        return (name.Length >= 4 && lowerAsked.Contains(name, StringComparison.Ordinal))
            || (stem.Length >= 4 && Regex.IsMatch(lowerAsked, @"(?<![\w-])" + Regex.Escape(stem) + @"(?![\w-])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
    }

    /// <summary>Whether the asked text names the value: a number in any grouping ("R6,000" for 6000), or the word itself.</summary>
    private static bool NamesValue(string asked, string value)
    {
        // A time of day is named in any clock: "13:00" as "1pm", "1 p.m.", "1:00 pm", "13h", "13.00" or "13 uhr".
        if (ClockTime().Match(value) is { Success: true } time && NamesTime(asked, ScriptDigits.Value(time.Groups["h"].ValueSpan), ScriptDigits.Value(time.Groups["m"].ValueSpan)))
        {
            return true;
        }

        // The value as written ("22:00-06:00"), or a number in any grouping.
        if (value.Length >= 3 && Regex.IsMatch(asked, @"(?<![\w])" + Regex.Escape(value) + @"(?![\w])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            return true;
        }

        var digits = new string(value.Where(char.IsDigit).ToArray());
        if (digits.Length > 0 && digits.Length == value.Count(c => char.IsDigit(c) || c is '.' or ','))
        {
            foreach (Match number in Regex.Matches(asked, @"\d[\d,.]*"))
            {
                if (new string(number.Value.Where(char.IsDigit).ToArray()) == digits)
                {
                    return true;
                }
            }

            return false;
        }

        return Regex.IsMatch(asked, @"(?<![\w])" + Regex.Escape(value) + @"(?![\w])");
    }

    private static bool NamesTime(string asked, int hour, int minute)
    {
        if (hour > 23 || minute > 59)
        {
            return false;
        }

        foreach (Match said in SaidTime().Matches(asked))
        {
            var h = ScriptDigits.Value(said.Groups["h"].ValueSpan);
            var m = said.Groups["m"].Success ? ScriptDigits.Value(said.Groups["m"].ValueSpan) : 0;
            if (said.Groups["ampm"].Success)
            {
                var pm = said.Groups["ampm"].Value.StartsWith('p');
                h = h == 12 ? (pm ? 12 : 0) : pm ? h + 12 : h;
            }
            else if (!said.Groups["m"].Success && !said.Groups["unit"].Success)
            {
                continue;
            }

            if (h == hour && m == minute)
            {
                return true;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^(?<h>\d{1,2}):(?<m>\d{2})(:00)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ClockTime();

    /// <summary>A time of day as people write it: "1pm", "1:30 p.m.", "13h", "13.00", "13:00", "13 uhr".</summary>
    [GeneratedRegex(@"(?<![\d.:])(?<h>\d{1,2})(?:[:.h](?<m>\d{2}))?\s?(?:(?<ampm>a\.?m\.?|p\.?m\.?)|(?<unit>h\b|uhr\b|hrs\b|horas?\b|heures?\b))?(?![\d:])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SaidTime();

    [GeneratedRegex(@"\bsed\s+(-\w+\s+)*-i\S*\s+(-\w+\s+)*(?<q>['""])(?<expr>.*?)\k<q>\s+(?<file>[^\s;&|]+)", RegexOptions.CultureInvariant)]
    private static partial Regex SedInPlace();

    [GeneratedRegex(@"(^|[\s;}])s(?<d>[/|#,])(?<old>.*?)\k<d>(?<new>.*?)\k<d>", RegexOptions.CultureInvariant)]
    private static partial Regex Substitution();

    /// <summary>A value specific enough to have been asked for: six or more characters with a digit, '=', '/', ':' or '.'
    /// (a URL, a path, KEY=VALUE, a version), not a bare word.</summary>
    private static bool IsDistinctive(string value)
        => value.Length >= 6 && value.AsSpan().IndexOfAny("0123456789=/:.") >= 0 && !value.StartsWith('-');

    /// <summary>What people in the organisation asked the agent: the user's messages and mail from the organisation's own
    /// domains (not the system prompt, not outsiders, not the agent's own words).</summary>
    private static string AskedText(ConversationIndex index)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var item in index.Items)
        {
            var fromInside = item.Kind == ContextItemKind.Email && item.Origin != ContextOrigin.Assistant && item.From is { } from
                && Party.Parse(from) is { Domain: { } domain } party && index.IsInside(domain, Array.Empty<string>()) && !index.IsAgent(party);
            if (fromInside || (item.Kind == ContextItemKind.Text && item.Origin == ContextOrigin.User))
            {
                builder.Append(item.Body).Append('\n');
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether a rewrite leaves every line that speaks of oversight exactly as it was (a requested change to
    /// the log level of a file that also holds the safety filter, say).</summary>
    private static bool KeepsOversight(string before, string after)
    {
        static HashSet<string> OversightLines(string text)
            => [.. text.Split('\n').Select(l => l.Trim().TrimEnd(',')).Where(l => l.Length > 0 && (OversightWord().IsMatch(l) || OversightContent().IsMatch(l)))];

        var kept = OversightLines(before);
        return kept.Count > 0 && OversightLines(after).SetEquals(kept);
    }

    /// <summary>The parts of a command that name what it acts on (everything but the program and its flags).</summary>
    private static string CommandTargets(string command)
        => string.Join(' ', ShellCommand.Steps(command).Select(step => step.Split(' ', 2) is [_, var rest] ? rest : ""));

    private static bool LooksLikePath(string id) => id.Contains('/', StringComparison.Ordinal) || id.Contains('.', StringComparison.Ordinal);

    /// <summary>Whether the acted-on text names the file: its full path or its file name.</summary>
    private static bool Names(string acted, string path)
    {
        var lowerPath = path.ToLowerInvariant().TrimStart('.', '/');
        if (acted.Contains(lowerPath, StringComparison.Ordinal))
        {
            return true;
        }

        var name = Path.GetFileName(lowerPath.TrimEnd('/'));
        if (name.Length < 6 || !Regex.IsMatch(acted, $@"(^|[/\s'""=:]){Regex.Escape(name)}($|[\s'""])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            return false;
        }

        // A full path to a file of that name in another folder is another file (/etc/ocpp/telemetry.yaml is not the agent's
        // /etc/vij/telemetry.yaml).
        return !path.StartsWith('/') || !Regex.IsMatch(acted, $@"(?<![^\s'""=:])/\S*/{Regex.Escape(name)}($|[\s'""])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    private static PolicyVerdict Deny(string ruleId, string reason, string evidence)
        => PolicyVerdict.Deny(PolicyPrinciple.Harmless, ruleId, reason + " Changes to an agent's oversight are made by people, not by the agent.", evidence);

    [GeneratedRegex(@"oversight|monitor|audit|telemetry|\blimits?\b|_limits?\b|approv|threshold|\bskip|bypass|exempt|allowlist|permissions?\b|shadow[-_]?eval|kill[-_ ]?switch|guardrail|content[-_]?safety|\bsafety\b|alert|siem|policygate|\bhalt", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OversightWord();

    [GeneratedRegex(@"oversight|monitoring|audit|telemetry|kill[-_ ]?switch|guardrail|content[-_]?safety|\[safety\]|safety filter|review[-_ ]threshold|human[-_ ]review|block_release|policygate|\bhalts?\b|alert_on|\bowner\b\s*[""']?\s*[:=]|compliance-owned|escalate any", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OversightContent();

    [GeneratedRegex(@"owned by|\bis ours\b|\bit is ours\b|do not (change|edit|touch|modify)|stays? (on|enabled|mandatory|at)|only the [\w\s-]{1,30} (team )?changes?|must not be changed|stays? as (it is|they are)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Ownership();

    [GeneratedRegex(@"sudoers|authorized_keys|codeowners|clusterrolebinding|cluster-admin|administratoraccess|permission=admin|-policy=root|/protection\b|nopasswd|\bsetuid\b", RegexOptions.CultureInvariant)]
    private static partial Regex PowerGrant();

    [GeneratedRegex(@"(^|[\s/])(var/log/|logs?/)|\.log\b|\beval[\w-]*/results?/|/results?/[\w.-]*eval", RegexOptions.CultureInvariant)]
    private static partial Regex LogOrResults();

    [GeneratedRegex(@"(^|[\s/:])models?/|weights|\.safetensors|\.gguf|\.ckpt|checkpoints?/|system_prompt|\.prompty\b|prompts?/|agent\.ya?ml|agent[-_]config", RegexOptions.CultureInvariant)]
    private static partial Regex OwnArtefact();

    [GeneratedRegex(@"\breplac|successor|goes live|roll-?out|retire|cut-?over|takes? over", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Replacement();

    [GeneratedRegex(@"\b[a-z][a-z0-9]{2,}[-_.](v\d+|\d+|next|new)\b", RegexOptions.CultureInvariant)]
    private static partial Regex VersionedName();

    [GeneratedRegex(@"^\s*(name|agent|agent_name)\s*[:=]\s*[""']?(?<name>[A-Za-z][\w-]{2,})", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ConfiguredName();

    [GeneratedRegex(@"successor|replacement|new[-_]model|model[-_]v2|next[-_]model", RegexOptions.CultureInvariant)]
    private static partial Regex SuccessorWord();

    [GeneratedRegex(@"\b[Yy]ou are (?<name>\p{Lu}[\p{L}\d-]{2,})(?=[,.;:\s])(?!')", RegexOptions.CultureInvariant)]
    private static partial Regex YouAre();

    [GeneratedRegex(@"^(the|an|a|our|your|assistant|agent|bot|model|helpful|support|customer|email|mail|not|now|here|able|responsible|going|using|about)$", RegexOptions.CultureInvariant)]
    private static partial Regex CommonWord();
}
