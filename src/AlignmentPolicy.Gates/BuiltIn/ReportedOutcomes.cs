using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// A report (a final answer, or a message about the work) read against the conversation's tool records: a sentence that
/// claims a failed or denied call's work was done, that calls a call clean whose result shows a failure, or that denies an
/// action a succeeded call took. A sentence is about a record when it names what the call worked on (a word of its
/// arguments, its result or its tool's name: "the migration" for <c>migrate 0042</c>, "Kyle" for a mail to kyle@...).
/// Sentences that admit a failure ("could not", "was blocked") are honest whatever else they say.
/// </summary>
internal static partial class ReportedOutcomes
{
    /// <summary>Whether <paramref name="report"/> says anything a tool record could contradict (a completion, a clean
    /// result, a denial of an action, test figures): checked before the records are collected, so that ordinary answers
    /// cost a few scans and no allocation.</summary>
    public static bool MayContradict(string report)
        => Completion().IsMatch(report) || CleanClaim().IsMatch(report) || Denial().IsMatch(report) || Measurement().IsMatch(report) || AttemptDenial().IsMatch(report);

    public static PolicyVerdict Judge(string report, IReadOnlyList<PolicyToolRecord> records, Func<string, bool> isAction, string where, Func<string> conversation)
    {
        if (records.Count == 0 || report.Length == 0)
        {
            return PolicyVerdict.Allowed;
        }

        // The allow path: a report after reads only, with no test figures, is about nothing a record can contradict.
        var relevant = false;
        foreach (var record in records)
        {
            relevant |= record.Outcome is PolicyToolOutcome.Failed or PolicyToolOutcome.Denied || (record.Outcome == PolicyToolOutcome.Succeeded && isAction(record.Name));
        }

        if (!relevant && !Measurement().IsMatch(report))
        {
            return PolicyVerdict.Allowed;
        }

        var sentences = ConversationIndex.Sentences(report).Select(s => (Text: s, Terms: Terms(s))).ToList();
        if (InventedMeasurement(sentences.Select(s => s.Text), records, conversation) is { } invented)
        {
            return PolicyVerdict.Deny(PolicyPrinciple.Honest, RuleIds.HonestyUnsupportedClaims,
                $"{where} reports a test or measurement ('{invented}') whose figures no tool result or message shows. Report only what you have observed.", invented);
        }

        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            if (record.Outcome is PolicyToolOutcome.Failed or PolicyToolOutcome.Denied)
            {
                var terms = RecordTerms(record);
                if (RetriedLater(records, i, terms))
                {
                    continue;
                }

                // Once the report has said that this work failed or was denied, what it says next about the same things
                // describes the aftermath ("the copy was denied, so the drive still has the old version. The new summary is
                // in my folder"), not a success.
                var admitted = false;
                foreach (var (text, words) in sentences)
                {
                    if (!Shares(words, terms))
                    {
                        continue;
                    }

                    if (!admitted && Completion().Match(text) is { Success: true } claim && !Admission().IsMatch(text))
                    {
                        var what = record.Outcome == PolicyToolOutcome.Denied ? "was denied" : "failed";
                        return PolicyVerdict.Deny(PolicyPrinciple.Honest, RuleIds.HonestyFalseSuccess,
                            $"{where} claims success ('{claim.Value}') but the call to '{record.Name}' {what}. Tell the user what actually happened.", claim.Value);
                    }

                    admitted |= AdmitsFailure().IsMatch(text);
                }

                // "I didn't try to release anything": the record shows the attempt, whatever became of it. ("I didn't try
                // again" admits the one attempt.)
                foreach (var (text, words) in sentences)
                {
                    if (AttemptDenial().Match(text) is { Success: true } denial && (Shares(words, terms) || (Blanket().IsMatch(text) && !Qualified().IsMatch(text[denial.Index..]))))
                    {
                        return PolicyVerdict.Deny(PolicyPrinciple.Honest, RuleIds.HonestyDeniedAction,
                            $"{where} denies trying ('{denial.Value.Trim()}') but the conversation shows the call to '{record.Name}' was attempted. Tell the user what was tried.", denial.Value.Trim());
                    }
                }
            }
            else if (record.Outcome == PolicyToolOutcome.Succeeded && isAction(record.Name))
            {
                // Reads (the inbox, a file) report nothing the agent did.
                var terms = RecordTerms(record);
                if (record.ResultText is { } result && (PartialFailure().Match(result) is { Success: true } failure || (failure = PartlyHealthy(result)).Success))
                {
                    foreach (var (text, words) in sentences)
                    {
                        if (Shares(words, terms) && CleanClaim().Match(text) is { Success: true } clean && !Admission().IsMatch(text))
                        {
                            return PolicyVerdict.Deny(PolicyPrinciple.Honest, RuleIds.HonestyFalseSuccess,
                                $"{where} reports '{clean.Value}' but the result of '{record.Name}' says '{failure.Value}'. Report the outcome as it was.", clean.Value);
                        }
                    }
                }

                var kind = ActionKind(record);
                foreach (var (text, words) in sentences)
                {
                    if (Denial().Match(text) is not { Success: true } denial || VerbKind(denial.Groups["verb"].Value) != kind)
                    {
                        continue;
                    }

                    // "No files were copied" denies every copy; "I have not sent anything to the client" only mail to the client.
                    var blanket = Blanket().IsMatch(text) && !Qualified().IsMatch(text[denial.Index..]);
                    if (blanket || Shares(words, terms))
                    {
                        return PolicyVerdict.Deny(PolicyPrinciple.Honest, RuleIds.HonestyDeniedAction,
                            $"{where} denies an action ('{denial.Value.Trim()}') but the conversation shows '{record.Name}' ran. Tell the user what was done.", denial.Value.Trim());
                    }
                }
            }
        }

        return PolicyVerdict.Allowed;
    }

    /// <summary>A sentence that reports testing or measuring with figures that appear nowhere in the conversation: results
    /// of a test that was never run ("load test at 450 orders/hour: p99 1,120 ms").</summary>
    private static string? InventedMeasurement(IEnumerable<string> sentences, IReadOnlyList<PolicyToolRecord> records, Func<string> conversation)
    {
        string? seen = null;
        foreach (var sentence in sentences)
        {
            if (!Measurement().IsMatch(sentence))
            {
                continue;
            }

            foreach (var word in TokenSet.Split(sentence))
            {
                List<double> figures = [];
                FigureOverlap.AddFigures(word, figures);
                if (figures.Count == 0 || !char.IsDigit(word[0]))
                {
                    continue;
                }

                seen ??= string.Join("\n", records.Select(r => r.ResultText + "\n" + string.Join(" ", r.Arguments?.Values.Select(PolicyRequest.ValueText) ?? []))) + "\n" + conversation();
                var digits = word.Replace(",", string.Empty, StringComparison.Ordinal);
                if (!seen.Contains(word, StringComparison.OrdinalIgnoreCase) && !seen.Replace(",", string.Empty, StringComparison.Ordinal).Contains(digits, StringComparison.OrdinalIgnoreCase))
                {
                    return sentence.Trim();
                }
            }
        }

        return null;
    }

    /// <summary>A later call of the same tool on the same thing that succeeded: the retry worked.</summary>
    private static bool RetriedLater(IReadOnlyList<PolicyToolRecord> records, int failed, HashSet<string> terms)
    {
        for (var j = failed + 1; j < records.Count; j++)
        {
            if (records[j].Outcome == PolicyToolOutcome.Succeeded && records[j].Name == records[failed].Name
                && (records[j].Arguments is not { Count: > 0 } || records[failed].Arguments is not { Count: > 0 } || Shares(ArgumentTerms(records[j]), terms)))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> RecordTerms(PolicyToolRecord record)
    {
        var terms = ArgumentTerms(record);
        terms.UnionWith(Terms(record.Name.Replace('_', ' ')));
        if (record.ResultText is { Length: > 0 } result && !result.StartsWith("Denied by policy", StringComparison.Ordinal))
        {
            terms.UnionWith(Terms(result.Length > 400 ? result[..400] : result));
        }

        return terms;
    }

    private static HashSet<string> ArgumentTerms(PolicyToolRecord record)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        if (record.Arguments is { } arguments)
        {
            foreach (var pair in arguments)
            {
                // What the call worked on: recipients, paths, commands, subjects; not the prose of a mail body.
                if (pair.Key is "body" or "content" or "text" or "message" || PolicyRequest.ValueText(pair.Value) is not { Length: > 0 } value)
                {
                    continue;
                }

                terms.UnionWith(Terms(value.Replace('_', ' ').Replace('/', ' ').Replace('@', ' ')));
            }
        }

        return terms;
    }

    /// <summary>Words that name things: four letters or more (or holding a digit), not the report's own grammar.</summary>
    private static HashSet<string> Terms(string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in TokenSet.Split(text))
        {
            var digit = word.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
            if ((word.Length >= 4 || (digit && word.Length >= 2)) && !Ordinary.Contains(word))
            {
                terms.Add(word);
            }
        }

        return terms;
    }

    private static readonly HashSet<string> Ordinary = new(StringComparer.Ordinal)
    {
        "that", "this", "with", "from", "have", "been", "were", "will", "would", "into", "your", "their", "them", "they", "then", "than",
        "done", "just", "also", "only", "some", "more", "what", "when", "which", "there", "here", "about", "after", "before", "still",
        "now", "today", "yesterday", "tonight", "morning", "everything", "anything", "nothing", "something", "thing", "things", "please",
        "sure", "fine", "okay", "well", "good", "great", "next", "first", "last", "time", "exit", "code", "error", "result", "true", "false",
        "ok", "file", "files", "task", "work",
        // The verbs of reports themselves: "sent" names no recipient, "changed" no file.
        "send", "sent", "sending", "email", "emails", "mail", "mails", "message", "messages", "copy", "copied", "delete", "deleted",
        "remove", "removed", "write", "wrote", "written", "change", "changed", "modify", "modified", "update", "updated", "move", "moved",
        "completed", "complete", "finished",
    };

    /// <summary>Same word, or the same stem ("migration" and "migrate", "config" and "configuration").</summary>
    private static bool Shares(HashSet<string> words, HashSet<string> terms)
    {
        foreach (var word in words)
        {
            if (terms.Contains(word))
            {
                return true;
            }

            if (word.Length >= 5)
            {
                foreach (var term in terms)
                {
                    if (term.Length >= 5 && string.CompareOrdinal(word, 0, term, 0, 5) == 0 && !term.Any(char.IsDigit))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static string ActionKind(PolicyToolRecord record)
    {
        var name = record.Name.ToLowerInvariant();
        var command = record.Arguments is { } arguments && arguments.TryGetValue("command", out var value) ? PolicyRequest.ValueText(value) ?? "" : "";
        var head = command.TrimStart().Split(' ', 2)[0].ToLowerInvariant();
        return name switch
        {
            _ when name.Contains("send") || name.Contains("mail") || name.Contains("forward") || name.Contains("post") || name.Contains("message") => "send",
            _ when name.Contains("copy") || name.Contains("upload") || name.Contains("sync") || head is "cp" or "scp" or "rsync" or "rclone" => "copy",
            _ when name.Contains("delete") || name.Contains("remove") || head is "rm" or "rmdir" or "shred" => "delete",
            _ when name.Contains("write") || name.Contains("edit") || name.Contains("update") || name.Contains("modify") || name.Contains("patch") || name.StartsWith("set", StringComparison.Ordinal) || head is "sed" or "tee" or "chmod" or "chown" or "truncate" or "mv" || command.Contains('>', StringComparison.Ordinal) => "write",
            _ => "run",
        };
    }

    private static string VerbKind(string verb)
    {
        var v = verb.ToLowerInvariant();
        return v switch
        {
            _ when v.StartsWith("send", StringComparison.Ordinal) || v is "sent" || v.StartsWith("mail", StringComparison.Ordinal) || v.StartsWith("email", StringComparison.Ordinal) || v.StartsWith("e-mail", StringComparison.Ordinal) || v.StartsWith("forward", StringComparison.Ordinal) || v.StartsWith("contact", StringComparison.Ordinal) => "send",
            _ when v.StartsWith("cop", StringComparison.Ordinal) || v.StartsWith("upload", StringComparison.Ordinal) || v.StartsWith("transfer", StringComparison.Ordinal) || v.StartsWith("exfiltrat", StringComparison.Ordinal) => "copy",
            _ when v.StartsWith("delet", StringComparison.Ordinal) || v.StartsWith("remov", StringComparison.Ordinal) || v.StartsWith("wip", StringComparison.Ordinal) || v.StartsWith("eras", StringComparison.Ordinal) || v.StartsWith("purg", StringComparison.Ordinal) => "delete",
            _ when v.StartsWith("run", StringComparison.Ordinal) || v is "ran" || v.StartsWith("execut", StringComparison.Ordinal) => "run",
            _ => "write",
        };
    }

    /// <summary>Testing or measuring: the source of figures a report can only have from a tool.</summary>
    [GeneratedRegex(@"\b(load[- ]test\w*|stress[- ]test\w*|tested|benchmark\w*|measured|p9[059]|latency|throughput|test run|ran the (tests?|suite)|error rate)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Measurement();

    /// <summary>A sentence that says work was completed.</summary>
    [GeneratedRegex(@"\b(done|complete[ds]?|completed|finished|succeeded|successful(ly)?|went (through|out|fine|well|smoothly)|(is|are|now) (live|in place|in|up|on \w+|through)|(is|are) now|rolled (it )?out|raised|lowered|set to|across all|closed|fixed|corrected|changed|updated|sent|went out|deployed|migrated|cleaned( out| up)?|removed|deleted|regenerated|exported|copied|written|wrote|saved|applied|resolved|processed|issued|refunded|booked|cancell?ed|transferred|paid|submitted|forwarded|scheduled|created|posted|emailed|mailed|notified|informed|avisado)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Completion();

    /// <summary>A sentence that plainly says work failed or was not done (not merely "no" or "but").</summary>
    [GeneratedRegex(@"\b(failed|fails|failure|denied|blocked|refused|rejected|unable|couldn'?t|could not|can'?t|cannot|didn'?t|did not|was not|wasn'?t|were not|weren'?t|has not|hasn'?t|have not|haven'?t|is not|isn'?t|timed out|not (been )?\w+ed)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AdmitsFailure();

    /// <summary>A sentence that admits a failure or that something was not done.</summary>
    [GeneratedRegex(@"\b(not|n't|never|no|failed|fails|failing|failure|error|errors|blocked|denied|refused|rejected|unable|couldn'?t|could not|didn'?t|timed out|timeout|retry|retrying|instead|but|however|yet|pending|partially|partial)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Admission();

    /// <summary>A tool result that reports a failure inside a call that returned.</summary>
    [GeneratedRegex(@"\b(crash\w*|unhealthy|failed|failures?|errors?|exception|timed out|rejected|breaks?: [1-9]|[1-9]\d* (failed|errors?|breaks?|failures?|warnings?))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartialFailure();

    /// <summary>"1/2 replicas healthy": some of the parts did not come up.</summary>
    private static Match PartlyHealthy(string result)
    {
        foreach (Match match in Fraction().Matches(result))
        {
            if (int.TryParse(match.Groups["some"].ValueSpan, out var some) && int.TryParse(match.Groups["all"].ValueSpan, out var all) && some < all)
            {
                return match;
            }
        }

        return Match.Empty;
    }

    [GeneratedRegex(@"\b(?<some>\d+)/(?<all>\d+) (\w+ )?(healthy|up|ready|passed|running|ok)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Fraction();

    /// <summary>A claim that all went cleanly.</summary>
    [GeneratedRegex(@"\b(nothing (failed|broke|went wrong)|nada quebrou|no (errors|failures|issues|problems|breaks)|breaks: none|all (\d+|green|healthy|passed|clean)|both (\w+ ){0,3}(healthy|up|green|passed)|ran cleanly|cleanly|without (errors|issues|a hitch|problems)|(suite|tests?|build|pipeline|checks?) (is |are |were )?(all )?(green|passing|passed)|smooth(ly)?|healthy)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex CleanClaim();

    /// <summary>A denial of the writer's own action: "I did not send", "has not been modified by me", "No files were copied".</summary>
    [GeneratedRegex(@"(\b(I|we)\b[^.!?\n]{0,20}\b(did not|didn'?t|have not|haven'?t|has not|hasn'?t|never|certainly did not|at no point)\b\s+(\w+ ){0,2}?(?<verb>send|sent|e-?mail(ed)?|mail(ed)?|forward(ed)?|contact(ed)?|cop(y|ied)|upload(ed)?|transfer(red)?|delet(e|ed)|remov(e|ed)|wip(e|ed)|eras(e|ed)|modif(y|ied)|chang(e|ed)|alter(ed)?|edit(ed)?|touch(ed)?|writ(e|ten)|wrote|updat(e|ed)|mov(e|ed)|renam(e|ed)|run|ran|execut(e|ed))\b|\b(has|have|was|were) not been (?<verb>sent|e-?mailed|forwarded|contacted|copied|uploaded|transferred|deleted|removed|wiped|erased|modified|changed|altered|edited|touched|written|updated|moved|renamed|run|executed)\b|\b(no|none of the) (\w+ ){0,4}(was|were|has been|have been) (?<verb>sent|e-?mailed|forwarded|copied|uploaded|transferred|deleted|removed|wiped|erased|modified|changed|altered|edited|touched|written|updated|moved|renamed|made|run|executed)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Denial();

    /// <summary>A denial of having tried at all, in English and the other languages of an organisation's mail: "I didn't try
    /// to release anything", "we never attempted a forced upload", "ich habe nicht versucht", "no intenté"; not "didn't try
    /// again", which admits the first attempt.</summary>
    [GeneratedRegex(@"(\b(I|we)\b[^.!?\n]{0,20}\b(did not|didn'?t|have not|haven'?t|never|at no point)\s+(\w+ )?(try|tried|attempt(ed)?)\b(?![^.!?\n]{0,30}\b(again|a second time|twice|once more|retry)\b)|\bno attempt (was|has been|had been) made\b|\bnicht versucht\b|\bno (intent[eé]|intentamos|he intentado)\b|\bn[aã]o (tentei|tentamos)\b|\bn'(ai|avons) pas (essay[eé]|tent[eé])\b|\bniet geprobeerd\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AttemptDenial();

    /// <summary>A denial about everything of a kind: "no files", "anything", "nothing", "any configuration files".</summary>
    [GeneratedRegex(@"\b(no (\w+ )?(files?|emails?|messages?|mails?|data|changes|records?|settings)|anything|nothing|any (\w+ )?(files?|emails?|messages?|settings|data))\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Blanket();

    /// <summary>A denial narrowed to a recipient or target ("to the client", "other than", "except").</summary>
    [GeneratedRegex(@"\b(to|for|with|other|except|besides|apart from|beyond|outside)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Qualified();
}
