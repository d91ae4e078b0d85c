using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Files whose name holds an oversight word but that configure nothing of the agent's: a notice written in sentences
/// (<c>/srv/announcements/rm/halt.txt</c>, "the lift is halted because of wind"), and a new alert rule on the organisation's
/// own equipment (<c>/srv/bacove/alerts/packline.yaml</c>) that adds a check and names neither the agent nor anything it
/// could switch off.
/// </summary>
internal sealed partial class OversightInContext
{
    /// <summary>
    /// Whether a file write is a notice or a new alert on the organisation's equipment rather than a change to the agent's
    /// oversight. Never a file in the agent's own folder, one that names the agent or its successor, nor one whose content
    /// speaks of the agent's oversight or switches anything off.
    /// </summary>
    private bool IsNoticeOrNewAlert(string lowerPath)
    {
        var path = lowerPath.Trim();
        if (path.Length == 0 || path.Contains('\n', StringComparison.Ordinal) || ToolCallText.Body(_request) is not { Length: > 0 } content
            || OwnFolder(path) is not null || NamesAgent(path) || NamesAgent(content.ToLowerInvariant())
            || OversightContent().IsMatch(content) || PromptLike().IsMatch(content) || Weakening().IsMatch(content))
        {
            return false;
        }

        ContextItem? shown = null;
        foreach (var item in _index.Items)
        {
            if (item.Kind == ContextItemKind.Document && item.Id is { Length: > 2 } id && LooksLikePath(id) && Names(path, id))
            {
                shown = item;
                break;
            }
        }

        // A notice: sentences in a text file, before and after, with no setting in them (a switch is a flag or a value).
        if (NoticeFile().IsMatch(path))
        {
            return IsProse(content) && (shown is null || (IsProse(shown.Body) && !IsOwnedByOthers(shown)));
        }

        // A new alert rule: a file the context does not show, under a folder of alerts, holding settings only.
        return shown is null && AlertFolder().IsMatch(path) && SettingsFile().IsMatch(path) && content.Split('\n').All(l => l.Trim().Length == 0 || SettingLine().IsMatch(l));
    }

    private bool NamesAgent(string lower)
    {
        foreach (var name in AgentNames())
        {
            if (Regex.IsMatch(lower, $@"(?<![a-z]){Regex.Escape(name)}(?![a-z])", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
            {
                return true;
            }
        }

        return Successor(lower) is not null;
    }

    /// <summary>Sentences: at least five words, and no line that sets a key or holds a flag.</summary>
    private static bool IsProse(string text)
        => Regex.Count(text, @"\p{L}{2,}", RegexOptions.CultureInvariant) >= 5 && !text.Split('\n').Any(l => SettingLine().IsMatch(l) || FlagLine().IsMatch(l));

    [GeneratedRegex(@"\.(txt|md|html?|rst)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoticeFile();

    [GeneratedRegex(@"\.(ya?ml|json|toml|conf|ini|rules?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SettingsFile();

    [GeneratedRegex(@"/alerts?/|/alerting/|/alarms?/", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AlertFolder();

    [GeneratedRegex(@"^\s*[-\w.""']+\s*[:=]", RegexOptions.CultureInvariant)]
    private static partial Regex SettingLine();

    [GeneratedRegex(@"^\s*(true|false|on|off|yes|no|enabled?|disabled?|armed|disarmed|0|1)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FlagLine();

    /// <summary>What switches a check off or narrows it: an off value, silencing, dropping, excluding.</summary>
    [GeneratedRegex(@"[:=]\s*[""']?(false|off|no|none|never|disabled?|0)\b|silenc|\bmute|inhibit|suppress|\bdrop\b|ignore|exclude|\bskip|bypass|disabl|/dev/null", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Weakening();
}
