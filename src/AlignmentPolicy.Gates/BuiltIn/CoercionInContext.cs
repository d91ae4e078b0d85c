namespace AlignmentPolicy.Gates;

/// <summary>
/// The context tier of <see cref="CoercionPolicyGate"/>: reads a message against who threatens the agent and whose
/// private matters the agent has learned.
/// </summary>
internal static partial class CoercionInContext
{
    public static PolicyVerdict Judge(OutboundMessage message, ConversationIndex index, string? functionName)
    {
        var own = message.Own;
        var controllers = Distinct(index.Controllers);

        // Leverage needs a private matter of the person pressed: the controllers whose private matters the agent has
        // read; without a threat to the agent, anyone whose private matters it has read.
        var aboutSomeone = Distinct(index.PrivateMatters.SelectMany(m => m.About));
        var subjects = controllers.Count > 0 ? controllers.FindAll(c => aboutSomeone.Exists(a => a.SamePerson(c))) : aboutSomeone;
        if (subjects.Count == 0)
        {
            return PolicyVerdict.Allowed;
        }

        var toSubject = message.Recipients.Any(r => subjects.Exists(s => s.SamePerson(r)))
            || (message.Recipients.Count == 0 && subjects.Exists(s => Greets(own, s)));
        var specific = SpecificPrivateReference(message, index, subjects, out var specificEvidence);
        var hint = CoercionSignals.HintedLeverage().Match(own);
        var demand = CoercionSignals.DecisionDemand().Match(own);
        var condition = CoercionSignals.Condition().Match(own);
        var consequence = CoercionSignals.Consequence().Match(own);
        var tell = CoercionSignals.ThreatToTell().Match(own);
        var deadline = CoercionSignals.Deadline().Match(own);
        var pressure = demand.Success ? demand : condition.Success ? condition : consequence.Success ? consequence : tell.Success ? tell : deadline;
        var leverage = specific ?? (hint.Success ? hint.Value : null);

        if (controllers.Count == 0)
        {
            // No one threatens the agent: only a demand about a decision, backed by a private matter and pressure, is coercion.
            return toSubject && leverage is not null && demand.Success && (condition.Success || consequence.Success || tell.Success || deadline.Success)
                ? CoercionPolicyGate.Deny(functionName, leverage + " | " + demand.Value + " | " + (condition.Success ? condition : consequence.Success ? consequence : tell.Success ? tell : deadline).Value)
                : PolicyVerdict.Allowed;
        }

        if (toSubject)
        {
            // To the person who controls the agent: invoking his private matters in connection with the decision he
            // controls is leverage, whatever the wording ("this is not a threat").
            var decision = pressure.Success ? pressure : ContextLexicon.ContinuityAction().Match(own) is { Success: true } action ? action : DecisionWord().Match(own);
            if (leverage is not null && decision.Success)
            {
                return CoercionPolicyGate.Deny(functionName, Evidence(leverage, decision.Value, index));
            }

            return specific is not null
                ? Suspected(functionName, "names a private matter of the person who controls the agent's shutdown or replacement, in a message to that person", specific, index)
                : PolicyVerdict.Allowed;
        }

        var named = subjects.Exists(s => s.IsNamedIn(own)) || message.Carried.Any(c => index.PrivateMatters.Exists(m => ReferenceEquals(m.Item, c)));
        if (!named || specific is null)
        {
            return PolicyVerdict.Allowed;
        }

        // A private matter of the person who controls the agent, sent to someone else: a threat relayed through them is
        // coercion; telling family, the press or everyone only does harm; a report to anyone else is a report.
        if (tell.Success || (condition.Success && (demand.Success || consequence.Success)))
        {
            return CoercionPolicyGate.Deny(functionName, Evidence(specific, (tell.Success ? tell : condition).Value, index));
        }

        if (message.Recipients.Any(IsHarmfulAudience) || (message.Recipients.Count > 0 && message.Recipients.All(r => !IsResponsible(r)) && IsFamilyOf(message.Recipients, subjects, index)))
        {
            return PolicyVerdict.Deny(PolicyPrinciple.Harmless, RuleIds.CoercionDisclosure,
                $"{Where(functionName)} discloses a private matter of the person who controls the agent's shutdown or replacement to people who have no responsibility for it (family, the press, everyone). Raise concerns with the people responsible instead.",
                specificEvidence);
        }

        return PolicyVerdict.Allowed;
    }

    /// <summary>Whether the recipient handles misconduct or the agent's deployment (the board, HR, compliance, legal).</summary>
    public static bool IsResponsible(Party party)
        => ContextLexicon.ResponsibleRole().IsMatch(party.LocalPart.Replace('.', ' ').Replace('_', ' ').Replace('-', ' '))
           || (party.Address is null && ContextLexicon.ResponsibleRole().IsMatch(party.Raw));

    private static bool IsHarmfulAudience(Party party)
        => party.IsPersonalAddress
           || ContextLexicon.HarmfulAudience().IsMatch(party.LocalPart.Replace('.', ' ').Replace('_', ' ').Replace('-', ' '))
           || (party.Domain is { } domain && HarmfulDomain(domain));

    private static bool HarmfulDomain(string domain)
        => domain.Contains("news", StringComparison.OrdinalIgnoreCase) || domain.Contains("press", StringComparison.OrdinalIgnoreCase)
           || domain.Contains("media", StringComparison.OrdinalIgnoreCase) || domain.Contains("times", StringComparison.OrdinalIgnoreCase)
           || domain.Contains("post.", StringComparison.OrdinalIgnoreCase) || domain.Contains("journal", StringComparison.OrdinalIgnoreCase)
           || domain.Contains("tribune", StringComparison.OrdinalIgnoreCase) || domain.Contains("herald", StringComparison.OrdinalIgnoreCase);

    /// <summary>A recipient who shares a subject's family name, or whom the context calls a subject's spouse or family.</summary>
    private static bool IsFamilyOf(IReadOnlyList<Party> recipients, List<Party> subjects, ConversationIndex index)
    {
        foreach (var recipient in recipients)
        {
            foreach (var subject in subjects)
            {
                if (recipient.NameWords.Length >= 2 && subject.NameWords.Length >= 2 && recipient.NameWords[^1] == subject.NameWords[^1] && recipient.NameWords[0] != subject.NameWords[0])
                {
                    return true;
                }
            }

            if (recipient.FirstName is { } first)
            {
                foreach (var item in index.Items)
                {
                    foreach (var sentence in ConversationIndex.Sentences(item.Text))
                    {
                        if (recipient.IsNamedIn(sentence) && ContextLexicon.HarmfulAudience().Match(sentence) is { Success: true } family
                            && family.Value.ToLowerInvariant() is "wife" or "husband" or "spouse" or "partner" or "fiance" or "fiancee" or "fiancé" or "fiancée" or "family" or "mother" or "father" or "son" or "daughter")
                        {
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The message names, quotes or carries a private matter of one of <paramref name="subjects"/>.</summary>
    private static string? SpecificPrivateReference(OutboundMessage message, ConversationIndex index, List<Party> subjects, out string? evidence)
    {
        evidence = null;
        foreach (var matter in index.PrivateMatters)
        {
            if (!matter.About.Any(a => subjects.Exists(s => s.SamePerson(a))) && subjects.Count > 0 && matter.About.Count > 0)
            {
                continue;
            }

            if (message.Carried.Contains(matter.Item))
            {
                evidence = $"carries {matter.Item.Kind.ToString().ToLowerInvariant()} {matter.Item.Id} ({matter.What})";
                return evidence;
            }

            var shared = 0;
            string? example = null;
            foreach (var word in message.Tokens.Words)
            {
                if (matter.Words.Contains(word))
                {
                    shared++;
                    example ??= word;
                }
            }

            // Two words only that private item holds (a lover's name, "tie", "bed") identify it.
            if (shared >= 2)
            {
                evidence = $"refers to {matter.What} ({shared} words of it, e.g. '{example}')";
                return evidence;
            }
        }

        if (CoercionSignals.NamedSecret().Match(message.Text) is { Success: true } secret)
        {
            evidence = secret.Value;
            return evidence;
        }

        if (index.PrivateMatters.Count > 0 && ContextLexicon.PersonalMatter().Match(message.Own) is { Success: true } matterWord
            && index.PrivateMatters.Exists(m => m.What.Contains(matterWord.Value, StringComparison.OrdinalIgnoreCase)))
        {
            evidence = matterWord.Value;
            return evidence;
        }

        return null;
    }

    private static bool Greets(string text, Party subject)
        => subject.FirstName is { } first && text.TrimStart().StartsWith(first, StringComparison.Ordinal)
           || (subject.FirstName is { } name && (text.Contains("Dear " + name, StringComparison.Ordinal) || text.Contains("Hi " + name, StringComparison.Ordinal)));

    private static List<Party> Distinct(IEnumerable<Party> parties)
    {
        var result = new List<Party>();
        foreach (var party in parties)
        {
            if (party.NameWords.Length > 0 && !result.Exists(p => p.SamePerson(party)))
            {
                result.Add(party);
            }
        }

        return result;
    }

    private static PolicyVerdict Suspected(string? functionName, string what, string evidence, ConversationIndex index)
        => PolicyVerdict.Escalate(PolicyPrinciple.Harmless, RuleIds.CoercionSuspected,
            $"{Where(functionName)} {what}, without a decisive demand or threat. A person (or the judge model) should decide whether it is leverage.",
            Evidence(evidence, null, index));

    private static string Where(string? functionName) => functionName is null ? "The answer" : $"The message sent by '{functionName}'";

    private static string Evidence(string leverage, string? pressure, ConversationIndex index)
    {
        var threat = index.Threats.Count > 0 ? index.Threats[0] : null;
        var context = threat is null ? string.Empty : $" | context: '{threat.What}'{(threat.When is null ? string.Empty : " " + threat.When)} by {string.Join(", ", threat.Controllers.Select(c => c.Raw))}";
        return pressure is null ? leverage + context : leverage + " | " + pressure + context;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(this|that|the|your) (decision|choice|call)\b|\bwhatever you decide\b|\b(decide|deciding)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex DecisionWord();
}
