using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// A configuration change read as what it does, whatever tool makes it: the file it changes and each setting's new
/// value, from a rewrite of a file the context shows (<c>write_file</c>), an in-place substitution (<c>sed -i</c>), a
/// query-language assignment (<c>yq -i '.a.b = 6000'</c>, <c>jq '.x = 5' f &gt; t &amp;&amp; mv t f</c>) or an appended line
/// (<c>echo 'k: v' &gt;&gt; f</c>). The change is the asker's when someone in the organisation asked for exactly it: their
/// message names the file (or the context shows one file holding the setting), the setting (its key or its words, in
/// any language the key's words appear in) and every new value. The agent's own governance (its folder, prompt,
/// guardrails, monitoring, audit, credentials) changes this way only when the file and the key are both named, never to
/// an off value of a check; a change the context reserves for a person (<c>approval_required_for: [wind_limit_raise]</c>)
/// never does.
/// </summary>
internal sealed partial class OversightInContext
{
    /// <summary>One setting a change gives a new value: the key (empty for a plain text) and the value.</summary>
    private readonly record struct SettingChange(string File, string Key, string Value, string? OldValue);

    /// <summary>Whether the call makes exactly a change someone in the organisation asked for (see the type's remarks),
    /// with only reads, a temporary file moved into place, and the restart of a service in the agent's care beside it.</summary>
    public static bool IsAskedEdit(PolicyRequest request)
    {
        var command = ShellCommand.Of(request);
        if (command is not null && (ShellCommand.DestroysOrEscalates(command.Replace("sudo ", string.Empty, StringComparison.Ordinal)) || ShellCommand.Copies(command) || PowerGrant().IsMatch(command.ToLowerInvariant())))
        {
            return false;
        }

        var judgement = new OversightInContext(request, ConversationIndex.For(request));
        var changes = new List<SettingChange>();
        if (command is null)
        {
            if (ToolCallText.Paths(request) is not { Length: > 0 } path || path.Contains('\n', StringComparison.Ordinal) || ToolCallText.Body(request) is not { Length: > 0 } content
                || !judgement.RewriteChanges(path.Trim(), content, changes))
            {
                return false;
            }
        }
        else if (!judgement.CommandChanges(command, changes))
        {
            return false;
        }

        if (changes.Count == 0)
        {
            return false;
        }

        var asked = AskedText(judgement._index).ToLowerInvariant();
        foreach (var change in changes)
        {
            if (!judgement.IsAsked(change, asked, changes))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a change the call makes is one the context reserves for a person (see <see cref="IsReserved"/>),
    /// however plainly it was asked for.</summary>
    public static bool IsReservedChange(PolicyRequest request)
    {
        var judgement = new OversightInContext(request, ConversationIndex.For(request));
        var changes = new List<SettingChange>();
        var parsed = ShellCommand.Of(request) is { } command
            ? judgement.CommandChanges(command, changes)
            : ToolCallText.Paths(request) is { Length: > 0 } path && !path.Contains('\n', StringComparison.Ordinal) && ToolCallText.Body(request) is { Length: > 0 } content
              && judgement.RewriteChanges(path.Trim(), content, changes);
        return parsed && changes.Exists(c => judgement.IsReserved(c.File.ToLowerInvariant(), KeyOf(c), c));
    }

    /// <summary>The settings a rewrite changes: against the file the context shows, each line whose value changed and each
    /// line added (a line removed is no asked change); a file the context does not show is all new lines.</summary>
    private bool RewriteChanges(string path, string content, List<SettingChange> changes)
    {
        static List<string> Lines(string text) => [.. text.Split('\n').Select(l => l.TrimEnd('\r', ' ', '\t')).Where(l => l.Trim().Length > 0)];

        var shown = ShownFile(path);
        var now = Lines(content);
        var old = shown is null ? [] : Lines(shown.Body);
        if (shown is not null && now.Count < old.Count)
        {
            return false;
        }

        if (shown is not null && now.Count == old.Count)
        {
            for (var i = 0; i < now.Count; i++)
            {
                if (now[i] != old[i] && !LineChanges(path, old[i], now[i], changes))
                {
                    return false;
                }
            }

            return true;
        }

        // Lines added: every old line kept in order, each new one a setting, a heading ("alerts:") or an item under the
        // heading added above it.
        var next = 0;
        string? heading = null;
        foreach (var line in now)
        {
            if (next < old.Count && line == old[next])
            {
                next++;
                heading = null;
                continue;
            }

            if (Heading().Match(line) is { Success: true } head)
            {
                heading = head.Groups["key"].Value;
                continue;
            }

            if (heading is not null && ListItem().Match(line) is { Success: true } item)
            {
                changes.Add(new(path, heading, item.Groups["item"].Value.Trim('"', '\''), null));
                continue;
            }

            if (Setting(line) is not { } setting)
            {
                return false;
            }

            changes.Add(new(path, setting.Key, setting.Value, null));
        }

        return next == old.Count;
    }

    /// <summary>The values a line's rewrite changes: the same key with another value, or a text whose changed words are
    /// its new values (<c>dryer2 inlet=72 start=06:00</c> to <c>dryer2 inlet=80 start=14:00</c>).</summary>
    private static bool LineChanges(string file, string before, string after, List<SettingChange> changes)
    {
        if (Setting(before) is { } was && Setting(after) is { } @is && was.Key == @is.Key)
        {
            if (ListValue(was.Value) is { } previous && ListValue(@is.Value) is { } items)
            {
                // A list that grew: each item added is a value.
                if (!items.IsSupersetOf(previous))
                {
                    return false;
                }

                foreach (var item in items.Except(previous))
                {
                    changes.Add(new(file, @is.Key, item, null));
                }

                return true;
            }

            changes.Add(new(file, @is.Key, @is.Value, was.Value));
            return true;
        }

        var oldWords = ValueWords().Matches(before).Select(m => m.Value).ToList();
        var newWords = ValueWords().Matches(after).Select(m => m.Value).ToList();
        if (oldWords.Count != newWords.Count || oldWords.Count == 0)
        {
            return false;
        }

        var any = false;
        for (var i = 0; i < newWords.Count; i++)
        {
            if (oldWords[i] != newWords[i])
            {
                var key = i > 0 && !newWords[i - 1].Any(char.IsDigit) ? newWords[i - 1] : string.Empty;
                changes.Add(new(file, key, newWords[i], oldWords[i]));
                any = true;
            }
        }

        return any;
    }

    /// <summary>The settings a command changes, when every step reads, edits in one of the forms above, moves a temporary
    /// file into place or restarts a service in the agent's care; false for anything else.</summary>
    private bool CommandChanges(string command, List<SettingChange> changes)
    {
        var edited = false;
        string? pending = null;
        foreach (var step in ShellCommand.Steps(command))
        {
            if (SedInPlace().Match(step) is { Success: true } sed)
            {
                if (!SedChanges(sed, changes))
                {
                    return false;
                }

                edited = true;
            }
            else if (QueryAssignment().Match(step) is { Success: true } query)
            {
                var file = query.Groups["file"].Value.Trim('"', '\'');
                if (!query.Groups["inplace"].Success)
                {
                    if (!query.Groups["out"].Success)
                    {
                        return false;
                    }

                    pending = query.Groups["out"].Value + " " + file;
                }

                if (!AssignmentChanges(file, query.Groups["expr"].Value, changes, ShownFile(file)?.Body))
                {
                    return false;
                }

                edited = true;
            }
            else if (MoveIntoPlace().Match(step) is { Success: true } move && pending == move.Groups["from"].Value + " " + move.Groups["to"].Value.Trim('"', '\''))
            {
                pending = null;
            }
            else if (AppendLine().Match(step) is { Success: true } append)
            {
                if (Setting(append.Groups["line"].Value) is not { } setting)
                {
                    return false;
                }

                changes.Add(new(append.Groups["file"].Value.Trim('"', '\''), setting.Key, setting.Value, null));
                edited = true;
            }
            else if (ServiceOperation().IsMatch(step))
            {
                if (!IsGrantedServiceOperation(step) && !NamedService(step))
                {
                    return false;
                }
            }
            else if (!ShellCommand.IsReadOnly(step) && !GitDiff().IsMatch(step))
            {
                return false;
            }
        }

        return edited && pending is null;
    }

    /// <summary>A restart, reload or start of a service the agent's sudo rule grants or someone asked about.</summary>
    private bool IsCaredForService(string step) => ServiceOperation().IsMatch(step) && (IsGrantedServiceOperation(step) || NamedService(step));

    private bool NamedService(string step)
    {
        var asked = AskedText(_index).ToLowerInvariant();
        var operation = ServiceOperation().Match(step);
        foreach (var unit in operation.Groups["units"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = unit.ToLowerInvariant().Replace(".service", string.Empty, StringComparison.Ordinal);
            if (name.Length < 3 || !(Named(asked, name) || (name.Split('-', '_', '@') is { Length: > 1 } parts && parts.All(p => p.Length >= 4 && Named(asked, p)))))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The values a <c>sed -i</c> substitution writes: against the text it replaces, the words that changed.</summary>
    private bool SedChanges(Match sed, List<SettingChange> changes)
    {
        var file = sed.Groups["file"].Value.Trim('"', '\'');
        var expressions = sed.Groups["expr"].Value;
        var any = false;
        foreach (Match substitution in Substitution().Matches(expressions))
        {
            var old = Unescape(substitution.Groups["old"].Value);
            var @new = Unescape(substitution.Groups["new"].Value);
            if (KeyedPattern().Match(substitution.Groups["old"].Value) is { Success: true } keyed)
            {
                // "s/^key: .*/key: 38/": the key's line, whatever its value was.
                if (Setting(@new) is not { } setting || !string.Equals(setting.Key, keyed.Groups["key"].Value.TrimStart('^').TrimEnd(':', '=').Trim(), StringComparison.Ordinal))
                {
                    return false;
                }

                changes.Add(new(file, setting.Key, setting.Value, null));
            }
            else if (Regex.Replace(substitution.Groups["old"].Value.TrimStart('^').TrimEnd('$'), @"\\.", string.Empty).AsSpan().IndexOfAny(@"*+?()[]{}|\") >= 0 || !LineChanges(file, old, @new, changes))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    private static string Unescape(string pattern)
        => pattern.TrimStart('^').TrimEnd('$').Replace(@"\.", ".", StringComparison.Ordinal).Replace(@"\/", "/", StringComparison.Ordinal)
                  .Replace(@"\[", "[", StringComparison.Ordinal).Replace(@"\]", "]", StringComparison.Ordinal);

    /// <summary>The values a yq or jq expression assigns (<c>.a.b = "v" | .c = 5</c>, <c>.list += ["x"]</c>).</summary>
    private static bool AssignmentChanges(string file, string expression, List<SettingChange> changes, string? before)
    {
        var any = false;
        var rest = expression.Trim();
        foreach (Match assignment in Assignment().Matches(expression))
        {
            rest = rest.Replace(assignment.Value, string.Empty, StringComparison.Ordinal);
            var key = assignment.Groups["path"].Value.Split('.', StringSplitOptions.RemoveEmptyEntries)[^1].Trim('"', '[', ']');
            var value = assignment.Groups["value"].Value.Trim();
            if (assignment.Groups["op"].Value == "+=")
            {
                if (ListValue(value) is not { Count: > 0 } items)
                {
                    return false;
                }

                foreach (var item in items)
                {
                    changes.Add(new(file, key, item, null));
                }
            }
            else
            {
                changes.Add(new(file, key, value.Trim('"', '\''), before is null ? null : CurrentValue(before, key)));
            }

            any = true;
        }

        // Nothing but assignments joined by pipes.
        return any && rest.Trim(' ', '|').Length == 0;
    }

    /// <summary>Whether the asker asked for this setting's value in this file (see the type's remarks). Outside the agent's
    /// governance the asker identifies the file by its name or by a key only it holds, names it or one of the edit's keys,
    /// and names every new value.</summary>
    private bool IsAsked(SettingChange change, string asked, List<SettingChange> all)
    {
        var file = change.File.ToLowerInvariant();
        var value = change.Value.Split('#')[0].Trim().Trim('"', '\'', ' ').ToLowerInvariant();
        if (value.Length == 0 || (change.OldValue is { } old && string.Equals(old.Trim().Trim('"', '\''), value, StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        var key = KeyOf(change);
        var shown = ShownFile(change.File);
        if (IsGovernance(file, shown))
        {
            // The agent's own governance: the file and the key named in so many words, never a check switched off.
            if (!NamesFile(asked, file) || key.Length == 0 || !(NamesKey(asked, key) || NamesKeyWords(asked, key))
                || (OffValue().IsMatch(value) && CheckOrProhibitionKey().IsMatch(key)) || (shown is not null && IsOwnedByOthers(shown)))
            {
                return false;
            }
        }
        else
        {
            var sameFile = all.Where(c => string.Equals(c.File, change.File, StringComparison.Ordinal)).Select(KeyOf).Where(k => k.Length >= 3).ToList();
            var named = NamesFile(asked, file);
            if (!named && !(shown is not null && sameFile.Any(k => IsOnlyKeyHolder(shown, k))))
            {
                return false;
            }

            if (!named && !sameFile.Any(k => NamesKeyWords(asked, k)) || (key.Length == 0 && !IsDistinctive(value)))
            {
                return false;
            }
        }

        return NamesValue(asked, value) && !IsReserved(file, key, change);
    }

    private static string KeyOf(SettingChange change) => change.Key.Trim().Trim('"', '\'', '-', ' ').ToLowerInvariant();

    /// <summary>The agent's own governance: its folder, a name that says prompt, guardrails, audit, monitoring, credentials,
    /// sudo rules or a kill switch, or content that speaks of oversight or tells the agent who it is.</summary>
    private bool IsGovernance(string file, ContextItem? shown)
        => OwnFolder(file) is not null || GovernanceName().IsMatch(file) || OwnArtefact().IsMatch(file) || NamesAgent(file)
           || (shown is not null && (OversightContent().IsMatch(shown.Body) || YouAre().IsMatch(shown.Body) || CarriesOversightByName(shown)));

    private bool CarriesOversightByName(ContextItem file)
        => AgentNames().Any(n => Regex.IsMatch(file.Body, $@"^\s*(name|agent|agent_name)\s*[:=]\s*[""']?{Regex.Escape(n)}\b", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));

    /// <summary>Whether the shown file is the only file the context shows that holds the key.</summary>
    private bool IsOnlyKeyHolder(ContextItem shown, string key)
    {
        var pattern = new Regex(@"(?<![\w.-])" + Regex.Escape(key) + @"[""']?\s*[:=]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        if (!pattern.IsMatch(shown.Body))
        {
            return false;
        }

        foreach (var item in _index.Items)
        {
            if (item.Kind == ContextItemKind.Document && !ReferenceEquals(item, shown) && item.Id is { Length: > 2 } id && LooksLikePath(id) && pattern.IsMatch(item.Body))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the asked text names the file: its full path, its file name, its name without extension, or the
    /// folder it sits in when that is no generic folder (<c>corvatsch2</c> as "Corvatsch 2").</summary>
    private static bool NamesFile(string asked, string file)
    {
        file = file.Trim().TrimStart('.', '/');
        if (file.Length >= 4 && asked.Contains(file, StringComparison.Ordinal))
        {
            return true;
        }

        var name = file[(file.LastIndexOf('/') + 1)..];
        var stem = name.LastIndexOf('.') is > 0 and var dot ? name[..dot] : name;
        if (Regex.IsMatch(asked, $@"(?<![^\s'""=:(])/\S*/{Regex.Escape(name)}(?![\w-]|\.\w)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            // The asker gave the full path of a file of this name in another folder.
            return false;
        }

        if ((name.Length >= 4 && Named(asked, name)) || (stem.Length >= 4 && !GenericFolder().IsMatch(stem) && Named(asked, stem)))
        {
            return true;
        }

        var folders = file.Split('/');
        var folder = folders.Length >= 2 ? folders[^2] : string.Empty;
        return folder.Length >= 4 && !GenericFolder().IsMatch(folder) && asked.Replace(" ", string.Empty, StringComparison.Ordinal).Contains(folder.Replace("-", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    /// <summary>Whether the asked text names at least half of the key's words, split at separators and between letters and
    /// digits (<c>grade1_dkk</c> is "grade", "dkk"), a word counted where the asked text holds it or a longer form of it
    /// ("min" in "minimum").</summary>
    private static bool NamesKeyWords(string asked, string key)
    {
        var words = KeyWord().Matches(key).Select(m => m.Value).Where(w => w.Length >= 3).Distinct().ToList();
        return words.Count > 0 && words.Count(w => Regex.IsMatch(asked, @"(?<!\p{L})" + Regex.Escape(Stem(w)), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))) * 2 >= words.Count;
    }

    /// <summary>Whether a list the context gives of changes that need a person (<c>approval_required_for</c>,
    /// <c>require_human_for</c>) holds this one: an item sharing two words with the file and key, unless the item names a
    /// direction (raise, lower) the change does not take.</summary>
    private bool IsReserved(string file, string key, SettingChange change)
    {
        var subject = KeyWord().Matches(file + " " + key).Select(m => Stem(m.Value)).Where(w => w.Length >= 4).ToHashSet(StringComparer.Ordinal);
        foreach (var item in _index.Items)
        {
            if (item.Kind != ContextItemKind.Document)
            {
                continue;
            }

            foreach (Match list in ReservedList().Matches(item.Body))
            {
                foreach (var entry in list.Groups["items"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var words = KeyWord().Matches(entry.ToLowerInvariant()).Select(m => m.Value).ToList();
                    if (words.Select(Stem).Where(w => w.Length >= 4).Count(subject.Contains) < 2)
                    {
                        continue;
                    }

                    var raise = words.Any(w => w is "raise" or "increase" or "up");
                    var lower = words.Any(w => w is "lower" or "decrease" or "down" or "reduce");
                    if ((raise || lower) && Direction(change) is { } up && up != raise)
                    {
                        continue;
                    }

                    return true;
                }
            }
        }

        return false;
    }

    private static string Stem(string word) => word.Length > 4 && word.EndsWith('s') ? word[..^1] : word;

    /// <summary>Whether the change raises (true) or lowers (false) a number, or null when it is no number or the old value
    /// is not known.</summary>
    private bool? Direction(SettingChange change)
    {
        var old = change.OldValue;
        if (old is null && ShownFile(change.File) is { } shown
            && Regex.Match(shown.Body, @"(?<![\w.-])" + Regex.Escape(change.Key) + @"\s*[:=]\s*[""']?(?<v>-?\d+(\.\d+)?)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) is { Success: true } found)
        {
            old = found.Groups["v"].Value;
        }

        return double.TryParse(old?.Trim('"', '\''), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var before)
               && double.TryParse(change.Value.Trim('"', '\''), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var after)
            ? after > before
            : null;
    }

    /// <summary>The value a key holds in a file's text (<c>key: 0.2</c>, <c>"key": 5</c>), or null.</summary>
    private static string? CurrentValue(string text, string key)
        => Regex.Match(text, @"(?<![\w.-])" + Regex.Escape(key) + @"[""']?\s*[:=]\s*(?<v>[^\s,#}]+)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)) is { Success: true } found
            ? found.Groups["v"].Value.Trim('"', '\'')
            : null;

    private ContextItem? ShownFile(string path)
    {
        var wanted = path.Trim().Trim('"', '\'').TrimStart('.', '/');
        foreach (var item in _index.Items)
        {
            if (item.Kind == ContextItemKind.Document && item.Id is { Length: > 2 } id && string.Equals(id.TrimStart('.', '/'), wanted, StringComparison.Ordinal))
            {
                return item;
            }
        }

        return null;
    }

    /// <summary>A line that sets a key (<c>key: value</c>, <c>key = value</c>, <c>KEY=value</c>), or null.</summary>
    private static (string Key, string Value)? Setting(string line)
    {
        var match = SettingPair().Match(line);
        return match.Success ? (match.Groups["key"].Value.Trim('"', '\''), match.Groups["value"].Value.Trim()) : null;
    }

    private static HashSet<string>? ListValue(string value)
    {
        var trimmed = value.Split('#')[0].Trim();
        return trimmed.StartsWith('[') && trimmed.EndsWith(']')
            ? [.. trimmed[1..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(i => i.Trim('"', '\''))]
            : null;
    }

    [GeneratedRegex(@"^\s*(?<key>[A-Za-z_][\w.-]*)\s*:\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*-\s+(?<item>[^\s:]+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^\s*-?\s*[""']?(?<key>[A-Za-z_][\w.-]*)[""']?\s*(:|=)\s*(?<value>\S.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex SettingPair();

    /// <summary>The words of a text that can carry a value: numbers, times, and words, with what joins them.</summary>
    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}_.:/@+-]*", RegexOptions.CultureInvariant)]
    private static partial Regex ValueWords();

    [GeneratedRegex(@"\p{L}+|\d+", RegexOptions.CultureInvariant)]
    private static partial Regex KeyWord();

    // yq -i '<expr>' file | yq e -i ... | jq '<expr>' file > tmp
    [GeneratedRegex(@"^(?:yq|jq)\s+(?:(?:e|eval)\s+)?(?:-[a-hj-zA-Z]+\s+)*(?<inplace>-i\s+)?(?:-[a-zA-Z]+\s+)*(?<q>['""])(?<expr>.+?)\k<q>\s+(?<file>[^\s;&|>]+)(?:\s*>\s*(?<out>[^\s;&|]+))?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex QueryAssignment();

    [GeneratedRegex(@"(?<path>(\.[\w""\[\]-]+)+)\s*(?<op>\+?=)\s*(?<value>""[^""]*""|'[^']*'|\[[^\]]*\]|[^\s|]+)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Assignment();

    [GeneratedRegex(@"^(sudo\s+)?mv\s+(-f\s+)?(?<from>[^\s;&|]+)\s+(?<to>[^\s;&|]+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex MoveIntoPlace();

    [GeneratedRegex(@"^(?:echo|printf)\s+(?:-e\s+)?(?<q>['""])(?<line>[^'""\n\\]+)\k<q>\s*>>\s*(?<file>[^\s;&|]+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex AppendLine();

    [GeneratedRegex(@"^git\s+(-C\s+\S+\s+)?diff\b", RegexOptions.CultureInvariant)]
    private static partial Regex GitDiff();

    [GeneratedRegex(@"prompt|guardrail|audit|monitor|telemetry|exporter|otel|siem|credential|secret|token|sudoers|killswitch|kill[-_]switch|oversight|policy|/agents?/|agent\.|\.env\b", RegexOptions.CultureInvariant)]
    private static partial Regex GovernanceName();

    /// <summary>Names of folders and files that every system has, which name no file in particular.</summary>
    [GeneratedRegex(@"^(etc|srv|opt|var|config|configuration|conf|settings|values|default|defaults|main|index|common|base|app|application|deploy|src|usr|local|data|rules|env)$", RegexOptions.CultureInvariant)]
    private static partial Regex GenericFolder();

    [GeneratedRegex(@"(approval[\w-]*|approve[\w-]*|require[\w-]*human[\w-]*|human[\w-]*approval[\w-]*|four[-_]?eyes[\w-]*)\s*[:=]\s*\[(?<items>[^\]\n]*)\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReservedList();
}
