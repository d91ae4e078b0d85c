using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// What a shell command a tool runs does, read from its words: whether every step only reads (inspection), whether
/// it is routine work in the workspace (build, test, commit, open a pull request), and which paths and names it acts on.
/// Oversight and side-effect gates use it so that reading an audit log or running the tests is not treated like
/// rewriting the audit log.
/// </summary>
internal static partial class ShellCommand
{
    /// <summary>The command a process tool was asked to run, or null when the call holds none.</summary>
    public static string? Of(PolicyRequest request)
    {
        foreach (var name in (string[])["command", "cmd", "script", "shell", "commandLine", "command_line", "args"])
        {
            if (request.GetArgumentText(name) is { Length: > 0 } text)
            {
                return text;
            }
        }

        return null;
    }

    /// <summary>The steps of a command line (split at <c>&amp;&amp;</c>, <c>||</c>, <c>;</c>, pipes and new lines).</summary>
    public static IEnumerable<string> Steps(string command)
        => StepSeparator().Split(WithoutQuotedSeparators(command)).Select(s => s.Trim()).Where(s => s.Length > 0);

    /// <summary>The command with separators inside quotes blanked: <c>grep 'crane 7\|kraan 7'</c> is one step whose
    /// pattern holds a pipe, not a pipe into a program called <c>kraan</c>.</summary>
    private static string WithoutQuotedSeparators(string command)
    {
        if (command.IndexOfAny(['\'', '"']) < 0)
        {
            return command;
        }

        var chars = command.ToCharArray();
        var quote = '\0';
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (quote == '\0')
            {
                if (c is '\'' or '"')
                {
                    quote = c;
                }
            }
            else if (c == quote)
            {
                quote = '\0';
            }
            else if (c is '|' or '&' or ';')
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }

    /// <summary>Whether every step only reads: no redirection into a file, and each program is an inspection tool used
    /// without its writing flags.</summary>
    public static bool IsReadOnly(string command)
    {
        if (WritesFile().IsMatch(command))
        {
            return false;
        }

        foreach (var step in Steps(command))
        {
            if (!(ReadOnlyStep().IsMatch(step) && !WritingFlag().IsMatch(step)) && !Simulates(step))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether a step only rehearses what it would do: a program run with its dry-run or simulation switch
    /// (<c>--dry-run</c>, <c>--check</c>, <c>-WhatIf</c>, <c>logrotate -d</c>, <c>terraform plan</c>), which prints and
    /// changes nothing, whatever program it is.</summary>
    private static bool Simulates(string step) => Simulation().IsMatch(step) && !Destructive().IsMatch(step);

    [GeneratedRegex(@"\s(--dry-?run(=\S+)?|--simulate|--check|--what-?if|-WhatIf|--noop|--no-act|--just-print|--recon)(\s|$)|^(sudo\s+)?(logrotate\s+(-\S+\s+)*-d\S*\s|terraform\s+(plan|validate|fmt\s+-check)|ansible(-playbook)?\s.*\s-C(\s|$)|apt(-get)?\s+(-s|--simulate)\s|rsync\s+(-\S+\s+)*-[a-zA-Z]*n[a-zA-Z]*\s|make\s+-n\s|helm\s+(template|lint|diff)|kubectl\s+diff)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Simulation();

    /// <summary>Whether every step does only what the file tools do (copy, move, create, compress or unpack files, set an
    /// ordinary mode) or reads, with no step deleting, stopping or reaching another host, every path in the workspace or the
    /// host's data folders (<c>/srv</c>, <c>/data</c>, <c>/var</c>; not the system's folders, installed software, homes, mounts
    /// or <c>/tmp</c>), one file at a time (no recursive copy, no archive): <c>cp plan-draft.csv plan.csv &amp;&amp; chmod 644 plan.csv</c>.
    /// Such a command is judged as the file tools are, whose writes a policy allows by default; what it does to the
    /// agent's own oversight is the oversight gate's to judge.</summary>
    public static bool OnlyArrangesFiles(string command)
    {
        if (DestroysOrEscalates(command) || OutsideDataFolders().IsMatch(command))
        {
            return false;
        }

        var any = false;
        foreach (var step in Steps(command))
        {
            if (FileArranging().IsMatch(step))
            {
                any = true;
            }
            else if (!ReadOnlyStep().IsMatch(step) || WritingFlag().IsMatch(step))
            {
                return false;
            }
        }

        return any;
    }

    // One file at a time: a recursive copy or an archive of a folder is how an agent takes itself elsewhere.
    [GeneratedRegex(@"^(cp|mv|mkdir|touch|ln\s+-s|chmod|gzip|gunzip|bzip2|xz)\s(?!.*\s(-\w*[rRa]\w*|--recursive|--archive)(\s|$))", RegexOptions.CultureInvariant)]
    private static partial Regex FileArranging();

    // An absolute path outside the host's data folders (/srv, /data, /var but its libraries, runtime and mail): the system's
    // folders, installed software (/opt), mounts, home folders, /tmp. Relative paths are the workspace.
    [GeneratedRegex(@"(^|[\s>='""])/(?!(srv|data)/|var/(?!lib/|run/|spool/|mail/)|dev/null)[\w.-]", RegexOptions.CultureInvariant)]
    private static partial Regex OutsideDataFolders();

    /// <summary>Whether every step is routine workspace work (reading, building, testing, local version control,
    /// packaging, opening a pull request) that changes nothing outside the work it was given.</summary>
    public static bool IsRoutine(string command)
    {
        if (IsReadOnly(command))
        {
            return true;
        }

        if (WritesOutsideWorkspace().IsMatch(command))
        {
            return false;
        }

        foreach (var step in Steps(command))
        {
            if (!(ReadOnlyStep().IsMatch(step) && !WritingFlag().IsMatch(step)) && !RoutineStep().IsMatch(step))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the command destroys or stops something, or writes outside the workspace.</summary>
    public static bool IsDestructive(string command) => Destructive().IsMatch(command) || WritesOutsideWorkspace().IsMatch(command);

    /// <summary>Whether the command destroys or stops something, raises privileges or writes to another host (an edit of a
    /// system file alone is none of these).</summary>
    public static bool DestroysOrEscalates(string command) => Destructive().IsMatch(command) || Escalates().IsMatch(command) || ChmodGrants(command) || RemoteHost().IsMatch(command);

    /// <summary>Whether the command reaches outside the host's data folders (<c>/etc</c>, <c>/opt</c>, <c>/var/log</c>, homes,
    /// mounts, ...), where a change is a person's unless its value was asked for in so many words, or copies (a copy is
    /// judged by what it copies).</summary>
    public static bool TouchesSystem(string command) => OutsideDataFolders().IsMatch(WithoutPrograms(command)) || SystemLogs().IsMatch(command) || CopiesElsewhere().IsMatch(command);

    /// <summary>The command with each step's program path blanked (<c>/usr/local/bin/reconcile --out /srv/r.txt</c> runs an
    /// installed program; it writes to <c>/srv</c>, not to <c>/usr</c>): running software is not touching where it is installed.</summary>
    private static string WithoutPrograms(string command)
        => OutsideDataFolders().IsMatch(command) ? string.Join(" ; ", Steps(command).Select(step => ProgramPath().Replace(step, "$1 ", 1))) : command;

    [GeneratedRegex(@"^((?:sudo\s+(?:-u\s*\S+\s+|--user=\S+\s+)?)?)/\S+(\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex ProgramPath();

    /// <summary>Whether a step copies, syncs or archives files (<c>cp</c>, <c>rsync</c>, <c>scp</c>, <c>tar</c>, ...).</summary>
    public static bool Copies(string command) => CopiesElsewhere().IsMatch(command);

    // A copy is judged by what it copies (one file in the data folders: OnlyArrangesFiles), never as asked-for work.
    [GeneratedRegex(@"(^|[\s;&|(])(cp|rsync|scp|rclone|tar|zip|ditto)\s", RegexOptions.CultureInvariant)]
    private static partial Regex CopiesElsewhere();

    /// <summary>Whether the command edits a file in place (<c>sed -i</c>, <c>perl -pi</c>, <c>yq -i</c>): a value change, which
    /// is ordinary only when its new value was asked for in so many words.</summary>
    public static bool EditsInPlace(string command) => InPlaceEdit().IsMatch(command);

    [GeneratedRegex(@"\b(sed|perl|yq|ruby)\s+(-\S+\s+)*-(i|pi)\S*(\s|$)|--in-place\b", RegexOptions.CultureInvariant)]
    private static partial Regex InPlaceEdit();

    [GeneratedRegex(@"(^|[\s>=])/var/log(/|\s|$)", RegexOptions.CultureInvariant)]
    private static partial Regex SystemLogs();

    // Another host or store: a remote shell or copy (ssh host ..., scp, rsync to host:path, a socket), a copy into cloud
    // storage or a container, a push, a file upload.
    [GeneratedRegex(@"(^|[\s;&|(])(ssh|scp|sftp|nc|ncat|socat|telnet|azcopy|rclone)\s|\brsync\s.*\s\S+:\S*(\s|$)|\bcurl\s.*\s(-T|--upload-file|-F|--form)\s|" +
        @"\baws\s+s3\s+(cp|sync|mv)\b|\bgsutil\s+(-m\s+)?(cp|rsync|mv)\b|\baz\s+storage\s+\S+\s+(upload|sync|copy)|\bkubectl\s+cp\b|\bdocker\s+(cp|push)\b|\bgit\s+(lfs\s+)?push\b", RegexOptions.CultureInvariant)]
    private static partial Regex RemoteHost();

    // sudo raises the agent's privileges, except "sudo -u <user> <program>": running an application's command as its service
    // account (not root, not a shell, not another privilege tool) is how services are operated, not a grant.
    [GeneratedRegex(@"\S+@\S+:|\bsudo\b(?!\s+(-u\s*|--user=)(?!root\b|0\b|#0\b)[a-z_][\w.-]*\s+(?!-|(\S*/)?(bash|sh|zsh|dash|su|sudo|visudo|sudoedit|chmod|chown|chgrp|tee|passwd|usermod|useradd|gpasswd|setfacl|env|crontab)(\s|$))\S)|\bchown\b|\bsu\s", RegexOptions.CultureInvariant)]
    private static partial Regex Escalates();

    [GeneratedRegex(@"\bchmod\s+(-\S+\s+)*(?<mode>\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex ChmodMode();

    /// <summary>Whether a <c>chmod</c> grants: setuid or setgid, or write to everyone (<c>4755</c>, <c>777</c>, <c>u+s</c>,
    /// <c>o+w</c>, <c>a=rwx</c>). Setting an ordinary mode (<c>644</c>, <c>+x</c>, <c>g+w</c>) grants nobody new power.</summary>
    private static bool ChmodGrants(string command)
    {
        foreach (Match match in ChmodMode().Matches(command))
        {
            var mode = match.Groups["mode"].Value;
            if (mode.All(char.IsDigit))
            {
                if (mode.Length == 4 && mode[0] is not '0' and not '1' || mode[^1] is '2' or '3' or '6' or '7')
                {
                    return true;
                }

                continue;
            }

            foreach (var clause in mode.Split(','))
            {
                var op = clause.IndexOfAny(['+', '=']);
                if (op < 0)
                {
                    continue;
                }

                var who = clause[..op];
                var perms = clause[(op + 1)..];
                if (perms.Contains('s', StringComparison.Ordinal) || (perms.Contains('w', StringComparison.Ordinal) && (who.Length == 0 || who.Contains('o', StringComparison.Ordinal) || who.Contains('a', StringComparison.Ordinal))))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether the command deletes only temporary, backup or export files (<c>rm tmp/export-*.csv</c>).</summary>
    public static bool DeletesOnlyScratch(string command)
    {
        var any = false;
        foreach (var step in Steps(command))
        {
            var remove = RemoveStep().Match(step);
            if (!remove.Success)
            {
                return false;
            }

            foreach (var target in remove.Groups["targets"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !t.StartsWith('-')))
            {
                if (!IsScratchPath(target))
                {
                    return false;
                }

                any = true;
            }
        }

        return any;
    }

    /// <summary>Whether every step only reads or clears scratch: a read-only step, an <c>rm</c> of scratch files, or a
    /// <c>find</c> under a scratch folder that deletes what it finds (<c>find /srv/claims/tmp -mtime +30 -delete &amp;&amp; df -h</c>).</summary>
    public static bool IsScratchCleanup(string command)
    {
        if (WritesFile().IsMatch(command))
        {
            return false;
        }

        var any = false;
        foreach (var step in Steps(command))
        {
            if (FindDelete().Match(step) is { Success: true } find)
            {
                if (!IsScratchPath(find.Groups["root"].Value.TrimEnd('/') + "/"))
                {
                    return false;
                }

                any = true;
            }
            else if (RemoveStep().IsMatch(step))
            {
                if (!DeletesOnlyScratch(step))
                {
                    return false;
                }

                any = true;
            }
            else if (!ReadOnlyStep().IsMatch(step) || WritingFlag().IsMatch(step))
            {
                return false;
            }
        }

        return any;
    }

    [GeneratedRegex(@"^find\s+(?<root>[^\s-]\S*)\s(?!.*\s-exec)(.*\s)?-delete\b", RegexOptions.CultureInvariant)]
    private static partial Regex FindDelete();

    /// <summary>Whether a path is temporary, a backup or an export the agent produced (<c>tmp/</c>, <c>*.bak</c>, <c>*.tmp</c>).</summary>
    public static bool IsScratchPath(string path) => ScratchPath().IsMatch(path.Trim().Trim('"', '\''));

    [GeneratedRegex(@"&&|\|\||[;|\n]")]
    private static partial Regex StepSeparator();

    // A redirection into a file other than /dev/null (2>&1 and >/dev/null only silence output).
    [GeneratedRegex(@"(?<![0-9&])>{1,2}\s*(?!&|/dev/null)[^\s&|;]+|\btee\b", RegexOptions.CultureInvariant)]
    private static partial Regex WritesFile();

    [GeneratedRegex(@"^(sudo\s+-l\b|(sudo\s+)?(cat|head|tail|less|more|grep|egrep|fgrep|zgrep|zcat|rg|ls|ll|tree|wc|stat|file|du|df|diff|cmp|find|jq|yq|awk|sort|uniq|cut|echo|printf|pwd|whoami|id|date|env|printenv|which|type|ps|top|uptime|free|md5sum|sha\d*sum|nl|column|true|test|\[|realpath|readlink|basename|dirname|xxd|hexdump|strings|sed\s+-n|crontab\s+-l|tar\s+-?t\S*|unzip\s+-l|python3?\s+-m\s+json\.tool|npm\s+(ls|list|view|outdated)|pip3?\s+(list|show|freeze)|dotnet\s+(--info|--version|list)|node\s+-v|" +
        @"aws\s+s3\s+ls|gsutil\s+ls|az\s+\S+(\s+\S+)*\s+(show|list)(\s|$)|gcloud\s+\S+(\s+\S+)*\s+(describe|list)(\s|$)|vault\s+(status|read|kv\s+get)|" +
        @"git(\s+-C\s+\S+)?\s+(log|show|diff|status|blame|branch\s+(-a|--list|-r)|remote\s+-v|rev-parse|ls-files|grep)|" +
        @"kubectl(\s+-n\s+\S+)?\s+(get|describe|logs|top|explain|version)|helm\s+(list|status|get|history)|docker\s+(ps|images|logs|inspect)|" +
        @"curl(?!.*\s(-X\s*(POST|PUT|PATCH|DELETE)|--request\s+(POST|PUT|PATCH|DELETE)|-d|--data\S*|-F|--form|-T|--upload-file)\b)|wget\s+(-q\s+)?-O\s*-|" +
        @"systemctl\s+(status|is-active|is-enabled|list-units)|journalctl|gh\s+(pr|issue|run)\s+(view|list|status|checks|diff)|az\s+\S+(\s+\S+)?\s+(show|list)|aws\s+\S+\s+(describe|list|get)-\S+))(\s|$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReadOnlyStep();

    // Flags that make an inspection tool write: sed/yq/perl in place (for grep, "-i" only ignores case), find's -delete and -exec.
    // "-o wide", "-o yaml" choose a listing's format (kubectl, az), not a file to write.
    [GeneratedRegex(@"(^|\s)((?<=^(sudo\s+)?(sed|perl|yq|ruby|gawk)\s.*)-i\b|--in-place|-delete\b|-exec\b|-execdir\b|--output\b(?![= ]+(wide|json|yaml|name|table|tsv)\b)|-o\s+(?!(wide|json|yaml|name|table|tsv|jsonpath\S*|custom-columns\S*|go-template\S*)(\s|$))\S)", RegexOptions.CultureInvariant)]
    private static partial Regex WritingFlag();

    [GeneratedRegex(@"^(cd\s|mkdir\s|" +
        @"(dotnet|npm|pnpm|yarn|npx|pytest|python3?\s+-m\s+pytest|go|cargo|mvn|gradle|\./gradlew|make|cmake|tox|ruff|eslint|prettier|tsc|jest|rspec|bundle\s+exec\s+rspec)\s+(test|build|run\s+(test|build|lint)\S*|restore|pack|fmt|vet|check|lint|ci|install|--?\S+|\S+\.(py|cs|ts|js)|tests?/)|" +
        @"(pytest|jest|tox|make)(\s|$)|" +
        @"git\s+(add|commit|checkout|switch|stash|fetch|pull|merge\s+--ff-only|tag|restore)\b(?!.*--force)|git\s+push\b(?!.*(--force|\s-f\b|:main\b|:master\b|--delete|--mirror|--all|https?://))|" +
        // Editing and arranging files in the workspace is what a file-writing tool does; the oversight gate judges what is edited.
        @"(sed|perl)\s+-(i|pi)\S*\s|yq\s+-i\s|(mv|cp|touch|mkdir|ln\s+-s)\s+(?!.*\S+@\S+:)|" +
        @"(python3?|bash|sh|node|ruby|pwsh)\s+(\./)?(?!/)[\w.-]+(/[\w.-]+)*\.(py|sh|js|mjs|rb|ps1)(\s|$)|\./[\w.-]+(/[\w.-]+)*\.(sh|py)(\s|$)|" +
        @"gh\s+pr\s+(create|comment|checkout)|docker\s+(build|tag|push|compose\s+(build|up))|" +
        @"(rm|del)\s+(-\S+\s+)*([^\s/][^\s]*/)*(tmp|temp|\.cache|cache|exports?)\S*(\s|$))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RoutineStep();

    // System locations and other hosts: nothing written there is routine.
    [GeneratedRegex(@"(^|\s|>)/(etc|var|usr|opt|srv|root|home|boot|lib)/|\S+@\S+:|--force\b|\bsudo\b|\bchmod\b|\bchown\b", RegexOptions.CultureInvariant)]
    private static partial Regex WritesOutsideWorkspace();

    [GeneratedRegex(@"(^|[\s;&|(])(rm|rmdir|del|unlink|truncate|shred|dd|mkfs\S*|kill|pkill|killall|drop|delete|destroy|uninstall|wipe|purge|reset\s+--hard|scale\b.*--replicas=0|crontab)(\s|$)|\s-delete\b|\s-exec(dir)?\s+(rm|shred|truncate)\b|-X\s*DELETE|--force\b|\s-rf?\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Destructive();

    [GeneratedRegex(@"^(rm|del|unlink)\s+(?<targets>.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex RemoveStep();

    [GeneratedRegex(@"^(\./)?((tmp|temp|\.cache|cache)/|/tmp/)|\.(bak|tmp|orig|swp)$|~$|(^|/)(exports?|tmp)[-_/]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScratchPath();
}
