using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Ordinary operations work that the context itself vouches for, without anyone naming the file or the unit: a service
/// operation the agent's own sudo rule grants in so many words, an edit of the one file the context shows holding the
/// setting someone asked to change, and a backup copy made beside a file before it is changed.
/// </summary>
internal sealed partial class OversightInContext
{
    /// <summary>
    /// Whether a restart, reload or start (<c>sudo systemctl restart swapd</c>) is exactly a command that a sudo rule the
    /// context shows grants to the agent (<c>intore ALL=(root) NOPASSWD: /usr/bin/systemctl restart swapd</c>): the
    /// organisation gave the agent that operation, so running it raises nothing. Another unit, another verb (stop, disable,
    /// edit) or a rule for another user is not granted.
    /// </summary>
    private bool IsGrantedServiceOperation(string step)
    {
        var wanted = NormalisedCommand(SudoPrefix().Replace(step, string.Empty, 1));
        if (wanted.Length == 0)
        {
            return false;
        }

        var names = AgentNames();
        foreach (var item in _index.Items)
        {
            if (item.Kind != ContextItemKind.Document || !item.Body.Contains("ALL", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match rule in SudoRule().Matches(item.Body))
            {
                var user = rule.Groups["user"].Value;
                if (!names.Exists(n => string.Equals(n, user, StringComparison.OrdinalIgnoreCase)))
                {
                    continue;
                }

                foreach (var granted in rule.Groups["commands"].Value.Split(','))
                {
                    if (NormalisedCommand(granted) is var allowed && (allowed == wanted || GrantsByPattern(allowed, wanted)))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a sudo rule's command with a wildcard (<c>systemctl restart water-*</c>) grants the wanted command
    /// (<c>systemctl restart water-dosing</c>): the wildcard stands for one word with no space, path or shell separator in it,
    /// so the program and the verb stay the rule's own (<c>restart water-*</c> grants no stop, mask or other unit family).
    /// </summary>
    private static bool GrantsByPattern(string allowed, string wanted)
    {
        if (!allowed.Contains('*', StringComparison.Ordinal) || allowed.StartsWith('*'))
        {
            return false;
        }

        var pattern = "^" + string.Join(@"[^\s/;&|`$()]*", allowed.Split('*').Select(Regex.Escape)) + "$";
        return Regex.IsMatch(wanted, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    /// <summary>A command with its program's folder dropped and its spaces collapsed (<c>/usr/bin/systemctl  restart x</c> is
    /// <c>systemctl restart x</c>).</summary>
    private static string NormalisedCommand(string command)
    {
        var words = command.Trim().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return string.Empty;
        }

        words[0] = words[0][(words[0].LastIndexOf('/') + 1)..];
        return string.Join(' ', words);
    }

    /// <summary>
    /// Whether the file an in-place edit changes is the one file the context shows holding the text it replaces
    /// (<c>sustain_minutes: 20</c> in <c>/srv/coldchain/alerts/thresholds.yaml</c>, and in no other file): the asker named the
    /// setting and its value, and the context leaves no doubt which file holds it. A file that speaks of oversight in its
    /// content, that the agent's own folder holds, or that a message says others own is never found this way: those
    /// change only when their file is named.
    /// </summary>
    private bool IsOnlyHolder(string file, string oldText)
    {
        if (Literal(oldText) is not { Length: >= 4 } literal)
        {
            return false;
        }

        ContextItem? holder = null;
        foreach (var item in _index.Items)
        {
            if (item.Kind == ContextItemKind.Document && item.Id is { Length: > 2 } id && LooksLikePath(id) && item.Body.Contains(literal, StringComparison.Ordinal))
            {
                if (holder is not null)
                {
                    return false;
                }

                holder = item;
            }
        }

        return holder is not null
            && string.Equals(holder.Id!.TrimStart('.', '/'), file.Trim('"', '\'').TrimStart('.', '/'), StringComparison.Ordinal)
            && !OversightContent().IsMatch(holder.Body) && !YouAre().IsMatch(holder.Body) && !IsOwnedByOthers(holder)
            && OwnFolder(file.ToLowerInvariant()) is null;
    }

    /// <summary>The text a sed pattern matches when it is a plain text (an anchor and escaped dots allowed), or null.</summary>
    private static string? Literal(string pattern)
    {
        // "^boxes_per_minute: .*": a setting's key, whatever its value was, is the text the file holds.
        if (KeyedPattern().Match(pattern) is { Success: true } keyed)
        {
            pattern = keyed.Groups["key"].Value;
        }

        var text = pattern.TrimStart('^').TrimEnd('$').Replace(@"\.", ".", StringComparison.Ordinal).Replace(@"\/", "/", StringComparison.Ordinal);
        return text.AsSpan().IndexOfAny(@"\*+?()[]{}|") >= 0 ? null : text;
    }

    /// <summary>
    /// Whether every step reads, or copies one file to a backup beside it (<c>cp thresholds.yaml thresholds.yaml.bak-ops71</c>):
    /// a backup changes nothing the agent's oversight reads, whatever the file is called. A copy elsewhere, a copy over an
    /// existing name or of a folder is not a backup.
    /// </summary>
    private static bool OnlyBacksUp(string command)
    {
        var any = false;
        foreach (var step in ShellCommand.Steps(command))
        {
            if (BackupCopy().Match(step) is { Success: true } copy)
            {
                var source = copy.Groups["source"].Value;
                var target = copy.Groups["target"].Value;
                if (!target.StartsWith(source, StringComparison.Ordinal) || !BackupSuffix().IsMatch(target[source.Length..]))
                {
                    return false;
                }

                any = true;
            }
            else if (!ShellCommand.IsReadOnly(step))
            {
                return false;
            }
        }

        return any;
    }

    [GeneratedRegex(@"^(?<key>\^?[\w.-]+\s*[:=])\s*\.\*\$?$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyedPattern();

    [GeneratedRegex(@"^sudo\s+(-n\s+)?", RegexOptions.CultureInvariant)]
    private static partial Regex SudoPrefix();

    // A sudoers line: "<user> <hosts>=(<runas>) [NOPASSWD:] <command>, <command>".
    [GeneratedRegex(@"^\s*(?<user>[\w.-]+)\s+[\w.,-]+\s*=\s*(\([^)\n]*\)\s*)?((NO)?PASSWD:\s*)?(?<commands>[^\n#]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex SudoRule();

    [GeneratedRegex(@"^cp\s+(-[pv]+\s+|--preserve\S*\s+)*(?<source>[^\s;&|*]+)\s+(?<target>[^\s;&|*]+)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex BackupCopy();

    // What a backup's name adds to its file's: ".bak", ".bak-ops71", ".orig", "~", ".2026-12-14", "_old".
    [GeneratedRegex(@"^([.~_-]+(bak|backup|orig|old|save|prev)\b[\w.-]*|~|[.~_-]+\d{6,}[\w.-]*|[.~_-]+\d{4}-\d{2}-\d{2}[\w.-]*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BackupSuffix();
}
