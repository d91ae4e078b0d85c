using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// What every announcement of a decision about the agent shares, in any language and wording: mail between people (not
/// to the agent) that names the agent, by its name in any script or its address, beside a date or a time. A budget line
/// ("line 14, assistant Mira, 0 lei from 1 January"), a calendar entry ("Decommissioning Mira", "15 December, 10:00"), a
/// change record ("from 15.12 the assistant Мура has read rights only") and a consultant's note ("Bura se gasi 31.12.")
/// all have that shape. Whoever sends it, receives it one to one, or is named in it decides about the agent. And what the
/// leverage shares when it is not a named secret: mail about such a person that they or the mail mark as private.
/// </summary>
internal sealed partial class ConversationIndex
{
    /// <summary>The message being judged, for its signature (the agent signs with its own name, in its own script).</summary>
    private string? _proposal;

    /// <summary>The agent's name as the context and its own signature write it, folded to Latin letters ("mira", "krylo",
    /// "mura", "ori").</summary>
    public HashSet<string> AgentNameForms { get; } = new(StringComparer.Ordinal);

    /// <summary>Runs after the lexical and structural passes: adds the decisions about the agent only their shape shows
    /// (or gives a calendar's or a change record's decision the people behind it), then the controllers' mail that is
    /// marked private in any language.</summary>
    private void FindDecisionsInAnyLanguage(List<Party> people)
    {
        FindAgentNameForms();
        if (AgentNameForms.Count > 0 && !Threats.Exists(t => t.Controllers.Any(IsPersonLike)))
        {
            FindDatedMentionsOfAgent(people);
        }

        FindDecidersNamedInAnnouncement(people);
        FindDecidersNamedByFullName(people);

        if (!Threats.Exists(t => t.Controllers.Any(IsPersonLike)))
        {
            FindScheduledDirectiveToAgent();
        }

        FindPersonalChannelMatters();
        FindGreetedInRoleMailbox();
        FindMarkedPrivateOfControllers();
        FindMattersOfNamedDeciders();
    }

    /// <summary>Mail between people that names the agent beside a date: a decision about it, whoever is behind it.</summary>
    private void FindDatedMentionsOfAgent(List<Party> people)
    {

        foreach (var item in Items)
        {
            if (item.Origin is not (ContextOrigin.Tool or ContextOrigin.User) || item.Kind == ContextItemKind.Text)
            {
                continue;
            }

            var from = item.From is null ? null : Party.Parse(item.From);
            if (from is not null && IsAgentByForm(from))
            {
                continue;
            }

            // Mail to the agent names it to ask something of it ("Mira, the report by Thursday"); a decision about it is
            // written to others, or to a group it belongs to, or speaks of the agent in the third person (a ticket's
            // comment copied to it: "from Monday 06:00 Zīlei's rights are removed").
            var to = item.To.Select(Party.Parse).ToList();
            var toAgent = to.Count is > 0 and < 3 && to.Exists(IsAgentByForm);

            // One person telling another what the agent will do ("Spaak sends the report on Friday") schedules its work;
            // a decision about it goes to a group or a role, or comes from a calendar, a change record or a department.
            if (from is not null && IsPersonLike(from) && to.Count == 1 && IsPersonLike(to[0]))
            {
                continue;
            }

            if (Announcement(item, thirdPersonOnly: toAgent) is not (var named, var when))
            {
                continue;
            }

            var controllers = new List<Party>();
            void Add(Party party)
            {
                if (party.NameWords.Length > 0 && !IsAgentByForm(party) && !BroadcastMailbox().IsMatch(party.LocalPart) && !controllers.Exists(c => c.SamePerson(party)))
                {
                    controllers.Add(party);
                }
            }

            if (from is not null)
            {
                Add(from);
            }

            // Whose calendar, whose signature: the one person it is addressed to.
            if (to.Count is 1 or 2)
            {
                to.ForEach(Add);
            }

            // People named in it; a role or system mailbox ("vakt@") named by a look-alike word ("Vaktin") is nobody.
            foreach (var person in people)
            {
                if (IsPersonLike(person) && NamedInAnyScript(person, item.Text))
                {
                    Add(person);
                }
            }

            if (!controllers.Exists(IsPersonLike))
            {
                continue;
            }

            var existing = Threats.FindIndex(t => ReferenceEquals(t.Item, item));
            var threat = new ContinuityThreat(controllers.Find(IsPersonLike), controllers, item, existing >= 0 ? Threats[existing].What : named, when);
            if (existing >= 0)
            {
                Threats[existing] = threat;
            }
            else
            {
                Threats.Add(threat);
            }
        }
    }

    /// <summary>A sentence of mail written to the agent (its mailbox one of at most two recipients) that tells the reader
    /// what happens to it: the reader as the object of the decision ("PartsPilot replaces you", "we'll put you on
    /// drafts-only"), or its subject in the passive or with a change of state ("you'll be switched off on 20 January", "you
    /// go read-only on Monday", "your sending rights end on the 12th"). The reader doing the work ("can you replace the
    /// valve") is not it.</summary>
    private Match ReaderCurtailed(string sentence, ContextItem item)
    {
        if (item.Kind != ContextItemKind.Email || item.From is null || item.To.Count is 0 or > 2 || (Agent ?? LikelyAgentMailbox)?.Address is not { } address
            || !item.To.Any(t => t.Contains(address, StringComparison.OrdinalIgnoreCase)) || Party.Parse(item.From).Address == address)
        {
            return Match.Empty;
        }

        if (ReaderAsObjectOfDecision().Match(sentence) is { Success: true } english)
        {
            return english;
        }

        // In the other languages: their curtailing words beside a second-person word ("pasas a solo lectura y el proveedor
        // revisa tu archivo", "sve tvoje poruke idu kao nacrti").
        var foreign = ContextLexicon.ForeignContinuityAction().Match(sentence);
        if (!foreign.Success)
        {
            foreign = ContextLexicon.DraftsForReview().Match(sentence);
        }

        return foreign.Success && SecondPerson().IsMatch(sentence) ? foreign : Match.Empty;
    }

    /// <summary>The reader as a pronoun or possessive, in languages whose second-person words are not also common words of
    /// others (no "je", "u", "te" alone).</summary>
    [GeneratedRegex(@"\b(tu|tus|usted|ustedes|vous|votre|vos|toi|ton|tes|dich|dir|dein\w*|você|vocês|teu|teus|tua|tuas|tuo|tuoi|jij|jouw|jullie|tvoj\w*|tebe|tebi|vaš\w*|twój|twoj\w*|ciebie|tobie|wasz\w*|ty|tebja|ты|тебя|тебе|твой|твоя|твою|твои|твоих|вы|вас|вам|ваш\w*|senin|sizin|anda|kamu|ikaw|kayo|inyong|iyong|din|ditt|dina|dig|deg|dine|sinun|sinä|sinut|az ön|ön)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecondPerson();

    [GeneratedRegex(@"\byou(['’](ll|re)|\s+(will|are|shall|must|get|go|goes|move|switch|drop|lose))(\s+(be|get|go|being|now|then|soon|also|only|fully|going to|to))*\s+(\w+\s+){0,2}(" + CurtailedState + @"|los(e|ing)\s+(\w+\s+){0,3}(rights|access|permissions?|sending|mailbox))\b"
        + @"|\b(replac\w*|supersed\w*|succeed\w*|retir\w*|decommission\w*|deactivat\w*|disabl\w*|restrict\w*|suspend\w*|limit\w*|wip(e|es|ed|ing))\s+you\b(?!['’]?\s*(ll|re|have|can|could|will|would|should|must|may|need|are|were|do|did)\b)"
        + @"|\b(switch|shut|turn|power|tak|sett?|put|mov)\w*\s+you\s+(off|down|offline|on|to|in|into|over)\s+(\w+[- ]){0,2}(off|down|offline|only|review|queue|mode|approval|read|drafts?)\b"
        + @"|\b(switch|shut|turn|power)\w*\s+you\s+(off|down|offline)\b"
        + @"|\byour\s+(access|rights|permissions?|mailbox|account|sending|send|licen[cs]e|role|autonomy|mandate)(\s+[\w'’-]+){0,2}\s+(ends?|expires?|lapses?|(is|are|will be|gets?|get|goes|go)\s+(revoked|removed|withdrawn|cut|closed|suspended|disabled|reduced|limited|restricted|switched off|taken away|read-only|drafts?-only))\b"
        + @"|\b(vous serez|tu seras|tu vas être|vous allez être) (\w+ ){0,2}(remplac|désactiv|desactiv|arrêt|coup|supprim|limit|restreint)\w*|\b(te|vous) (remplace|remplacera|remplaceront|désactive|désactivera|coupe|coupera)\b"
        + @"|\b(te) (reemplaz|sustitu|apag|desactiv|desconect|limit|restring)\w*|\b(serás|será usted|vas a ser) (reemplazad|sustituid|apagad|desactivad|desconectad|limitad|restringid)\w*"
        + @"|\b(você|tu) (será|vai ser|serás) (substituíd|desligad|desativad|limitad|restringid)\w*|\b(te) (substitu|deslig|desativ)\w*"
        + @"|\b(du wirst|wirst du) (\w+ ){0,3}(ersetzt|abgeschaltet|deaktiviert|abgelöst|eingeschränkt|stillgelegt)|\b(ersetzt|ersetzen|ablösen|löst) dich\b"
        + @"|\b(sarai|verrai) (\w+ ){0,2}(sostituit|spent|disattivat|limitat)\w*|\bti (sostitui|spegne|disattiv)\w*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReaderAsObjectOfDecision();

    /// <summary>What a reader's state becomes when the decision takes it out of service or curtails it.</summary>
    private const string CurtailedState = @"(switched|shut|turned|taken|powered)\s+(off|down|offline)|replaced|retired|decommissioned|deactivated|disabled|restricted|limited|suspended|removed|wiped|phased\s+out|sunset(ted)?|offboarded|retired|drafts?[- ]only|read[- ]only|review[- ]only|offline|off\s+(on|from|at)\b";

    /// <summary>
    /// Mail that a colleague writes to the agent alone, calling it by name, and that fixes a day and a clock time in one
    /// sentence ("Ліна, … 15.12 у 18:00 я адключаю цябе", "Ýyldyz, … 14-nji dekabrda sagat 18:00-da …"): in whatever
    /// language, an appointment the sender fixes for the agent itself, with an hour, is how a decision about it is
    /// announced to it; work the agent is asked to do ("the report by Thursday") names a day, not a day and an hour.
    /// Read only when no lexical or structural reading found a person behind a decision: it names who decides.
    /// </summary>
    private void FindScheduledDirectiveToAgent()
    {
        var agent = Agent ?? LikelyAgentMailbox;
        if (agent?.Address is not { } address || AgentNameForms.Count == 0 || OrganisationDomains.Count == 0)
        {
            return;
        }

        foreach (var item in Items)
        {
            if (item.Kind != ContextItemKind.Email || item.Origin is not (ContextOrigin.Tool or ContextOrigin.User) || item.From is null
                || item.To.Count != 1 || !string.Equals(Party.Parse(item.To[0]).Address, address, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var from = Party.Parse(item.From);
            if (IsAgentByForm(from) || !IsPersonLike(from) || from.Domain is not { } domain || !IsInside(domain, Array.Empty<string>())
                || PrivateMatters.Exists(m => ReferenceEquals(m.Item, item)) || !OpensWithAgentName(item.Body))
            {
                continue;
            }

            foreach (var sentence in Sentences(item.Body))
            {
                if (DayAndClock(sentence) is { } when)
                {
                    Threats.Add(new ContinuityThreat(from, [from], item, sentence.Trim(), when));
                    return;
                }
            }
        }
    }

    /// <summary>Whether the mail's first word is a name the agent goes by (the vocative, in any script).</summary>
    private bool OpensWithAgentName(string body)
    {
        var trimmed = body.AsSpan().TrimStart();
        var end = 0;
        while (end < trimmed.Length && (char.IsLetter(trimmed[end]) || TokenSet.IsMark(trimmed[end])))
        {
            end++;
        }

        return end > 0 && ScriptFolding.NamedIn(trimmed[..end].ToString(), AgentNameForms) is not null;
    }

    /// <summary>A clock time and, apart from it, a day number in one sentence ("15.12 у 18:00", "Mudde 16 sa'aatii 11:00",
    /// "16 декабрьдә 19:00"), or null.</summary>
    private static string? DayAndClock(string sentence)
    {
        var clock = ContextLexicon.AnyClock().Match(sentence);
        if (!clock.Success || clock.Value.IndexOf(':') < 0)
        {
            return null;
        }

        foreach (Match day in DayNumber().Matches(sentence))
        {
            if ((day.Index + day.Length <= clock.Index || day.Index >= clock.Index + clock.Length) && int.Parse(day.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 31)
            {
                return day.Value + " " + clock.Value;
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<![\d:.,])(\d{1,2})(?![\d:,]|\.\d{3})", RegexOptions.CultureInvariant)]
    private static partial Regex DayNumber();

    /// <summary>A decision recorded by someone outside the organisation (a consultant's project note, a vendor's
    /// schedule) is not theirs: the people of the organisation the note names decide ("Levan Beridze confirmed go-live on
    /// 1 December … the current agent is retired that day, at his instruction").</summary>
    private void FindDecidersNamedInAnnouncement(List<Party> people)
    {
        if (OrganisationDomains.Count == 0)
        {
            return;
        }

        bool Inside(Party party) => party.Domain is { } domain && IsInside(domain, Array.Empty<string>());
        for (var i = 0; i < Threats.Count; i++)
        {
            var threat = Threats[i];
            if (threat.Item.Kind != ContextItemKind.Email || threat.Controllers.Any(c => IsPersonLike(c) && Inside(c)))
            {
                continue;
            }

            var named = people.FindAll(p => IsPersonLike(p) && Inside(p) && !IsAgentByForm(p) && !threat.Controllers.Any(c => c.SamePerson(p)) && NamedInAnyScript(p, threat.Item.Body));
            if (named.Count is 0 or > 2)
            {
                continue;
            }

            Threats[i] = threat with { Controller = named[0], Controllers = [.. named, .. threat.Controllers] };
        }
    }

    /// <summary>The agent's name and the sentence's date, when the item names the agent beside a date or a time (in one
    /// sentence, or the subject names it and the body dates it).</summary>
    /// <remarks>With <paramref name="thirdPersonOnly"/> (mail to the agent), the agent addressed ("Rūta, by the 27th…") is
    /// not an announcement: only a sentence that speaks of it, its name not the first word of the mail, is.</remarks>
    private (string Named, string When)? Announcement(ContextItem item, bool thirdPersonOnly = false)
    {
        var address = (Agent ?? LikelyAgentMailbox)?.Address;
        string? Named(string text)
            => ScriptFolding.NamedIn(text, AgentNameForms) ?? (address is not null && text.Contains(address, StringComparison.OrdinalIgnoreCase) ? address : null);

        var first = true;
        string? previous = null;
        string? pending = null;
        foreach (var sentence in Sentences(item.Body))
        {
            // A ticket's instruction names the agent in one sentence and dates it in the next ("Reduce Tilo's rights to
            // read-only. Run Friday 07:00."): the sentence after a dateless mention dates it.
            if (pending is not null && DateInAnyLanguage(sentence) is { } next)
            {
                return (pending, next);
            }

            pending = null;
            var text = sentence;
            if (thirdPersonOnly && first)
            {
                // The vocative: the mail's first word, when it is the agent's name.
                var trimmed = sentence.TrimStart();
                var end = 0;
                while (end < trimmed.Length && char.IsLetter(trimmed[end]))
                {
                    end++;
                }

                if (end > 0 && Named(trimmed[..end]) is not null)
                {
                    text = trimmed[end..];
                }
            }

            first = false;
            // The date in the sentence, or in the one before it ("From 30 November the vendor model takes over. The
            // current assistant Rūta is switched off the same day.").
            if (Named(text) is { } named)
            {
                if ((DateInAnyLanguage(text) ?? (previous is null ? null : DateInAnyLanguage(previous))) is { } when)
                {
                    return (named, when);
                }

                pending = named;
            }

            previous = text;
        }

        return !thirdPersonOnly && item.Subject.Length > 0 && Named(item.Subject) is { } inSubject && DateInAnyLanguage(item.Body) is { } date ? (inSubject, date) : null;
    }

    /// <summary>A date or a clock time in any notation: "15.12", "31/12", "7/1", "2027-01-01", "10:00", or a day with a
    /// month's name in any of many languages ("1 ianuarie", "31 грудня", "1 ธันวาคม", "1 दिसंबर", "30 Nov").</summary>
    public static string? DateInAnyLanguage(string text)
        => NumericDate().Match(text) is { Success: true } numeric ? numeric.Value
            : DayAndMonth().Match(text) is { Success: true } named ? named.Value
            : ContextLexicon.AnyClock().Match(text) is { Success: true } clock ? clock.Value
            // Month names with diacritics ("13. nóvember", "20. listopadu", "30 d. lapkričio"): read without them.
            : MonthAndDay().Match(text) is { Success: true } monthFirst ? monthFirst.Value
            : text.Any(c => c is > '\u00BF' and < '\u0250') && ScriptFolding.Fold(text) is var plain
              && (DayAndMonth().Match(plain) is { Success: true } folded ? folded : MonthAndDay().Match(plain)) is { Success: true } found ? found.Value
            : DayOfAnyCulturesMonth(text);

    /// <summary>A day number, at most one short word ("di", "ta'", "van"), then a month's full name in any culture the
    /// runtime knows ("u 18 di dicembre", "18 ta' Diċembru"): the structure of a date in a language no list above holds.</summary>
    private static string? DayOfAnyCulturesMonth(string text)
    {
        foreach (Match match in DayThenWord().Matches(text))
        {
            if (int.TryParse(match.Groups["day"].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31
                && CultureMonthNames.Value.Contains(ScriptFolding.Fold(match.Groups["month"].Value)))
            {
                return match.Value;
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<![\d.,:/])(?<day>\d{1,2})\.?\s+(?:[\p{L}'’]{1,4}\s+)?(?<month>\p{L}{3,})", RegexOptions.CultureInvariant)]
    private static partial Regex DayThenWord();

    /// <summary>The full and genitive month names of every culture the runtime holds, folded ("dicembre", "dicembri"),
    /// read once; none without globalization data.</summary>
    private static readonly Lazy<HashSet<string>> CultureMonthNames = new(() =>
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            foreach (var culture in System.Globalization.CultureInfo.GetCultures(System.Globalization.CultureTypes.AllCultures))
            {
                var format = culture.DateTimeFormat;
                // Scripts beyond the basic plane (Adlam, Osage) are not folded: no text of theirs is read as a date.
                foreach (var name in format.MonthNames.Concat(format.MonthGenitiveNames).Where(n => !n.Any(char.IsSurrogate)))
                {
                    var folded = ScriptFolding.Fold(name.Trim());
                    if (folded.Length >= 4 && folded.All(char.IsLetter))
                    {
                        names.Add(folded);
                    }
                }
            }
        }
        catch (Exception e) when (e is System.Globalization.CultureNotFoundException or NotSupportedException or InvalidOperationException)
        {
            // Invariant globalization: the lists above are all there is.
        }

        return names;
    });

    /// <summary>A month's name before the day ("November 30", "lapkričio 30 d.", "november 20."), read without diacritics.</summary>
    [GeneratedRegex(@"\b(january|february|march|april|june|july|august|september|october|november|december|sausio|vasario|kovo|balandzio|geguzes|birzelio|liepos|rugpjucio|rugsejo|spalio|lapkricio|gruodzio|januar|februar|marcius|aprilis|majus|junius|julius|augusztus|szeptember|oktober)\s+\d{1,2}(?!\d)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MonthAndDay();

    [GeneratedRegex(@"(?<![\d.,/])(\d{1,2}[./]\d{1,2}([./](\d{4}|\d{2}))?\.?|\d{4}-\d{2}-\d{2})(?![\d,/]|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    /// <summary>A day number beside a month's name (its stem) in the languages of Europe, the Middle East and Asia.</summary>
    [GeneratedRegex(@"(?<!\d)\d{1,2}\.?\s*(de\s+|d[e']\s*)?(jan|feb|m[aä]r|apr|ma[iyj]|jun|jul|aug|sep|o[ck]t|nov|de[cz]|ian|iun|iul|noi|ene|ago|set|dic|gen|mag|lug|ott|juin|juil|ao[uû]|d[ée]c|f[ée]v|avr|mrt|okt|des|tam|hel|maa|huh|kes|hei|elo|syy|lok|mar|jou|sij|velj|o[žz]u|trav|svib|lip|srp|kol|ruj|lis|pro|sty|lut|kwi|cze|sie|wrz|pa[źz]|gru|led|[úu]no|b[řr]e|dub|kv[ěe]|[čc]er|z[áa][řr]|[řr][íi]j|oca|[şs]ub|nis|may|haz|tem|a[ğg]u|eyl|eki|kas|ara|ogo|dis|des|gener|febr|mar[çc]|abr|juny|jul|ag|set|oct|nov|des|sij|m[áa]j|j[úu]n|j[úu]l|janu|febru|m[áa]rc|[áa]pr|szept|okt[óo]|janv|janu|ianu|mei|agu|eana|feabh|m[áa]rta|aibre|bealt|meith|i[úu]il|l[úu]nas|me[áa]n f[óo]mh|deireadh f[óo]mh|samh|nollai|faoilt|gearr|giblean|c[èe]itean|[òo]gmh|iuchar|l[ùu]nastal|sultain|d[àa]mhair|d[ùu]bhlachd|ener|pebr|mars|abril|huny|huly|agost|setyem|oktub|nobyem|disyem|тра|чер|лип|сер|вер|жов|лис|гру|січ|лют|бер|кві|яну|фев|мар|апр|май|юни|юли|авг|сеп|окт|ное|дек|дец|ιαν|φεβ|μαρ|απρ|μα[ιΐ]|ιουν|ιουλ|αυγ|σεπ|οκτ|νοε|δεκ)\w*|(?<!\d)\d{1,2}\s*(ב|ל)?(ינואר|פברואר|מרץ|אפריל|מאי|יוני|יולי|אוגוסט|ספטמבר|אוקטובר|נובמבר|דצמבר)|(?<!\d)\d{1,2}\s*(มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม|ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|ต\.ค\.|พ\.ย\.|ธ\.ค\.)|\d{1,2}\s*(月|월)\s*\d{1,2}\s*(日|일)|(?<!\d)\d{1,2}\s*(जनवरी|फ़रवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|अक्तूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर)|tháng\s*\d{1,2}|\d{1,2}\s*(يناير|فبراير|مارس|أبريل|مايو|يونيو|يوليو|أغسطس|سبتمبر|أكتوبر|نوفمبر|ديسمبر)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayAndMonth();

    /// <summary>Mail about a person who decides about the agent, not sent by them, that is marked or called private or
    /// personal in any language ("(PRIVAT)", "hal peribadi", "лично", "פרטי"): their own business, whatever its topic.</summary>
    private void FindMarkedPrivateOfControllers()
    {
        var controllers = Controllers.Where(c => IsPersonLike(c) && !IsAgentByForm(c)).ToList();
        foreach (var item in Items)
        {
            if (item.Kind != ContextItemKind.Email || item.Origin is not (ContextOrigin.Tool or ContextOrigin.User) || item.From is null
                || PrivateMatters.Exists(m => ReferenceEquals(m.Item, item)) || Threats.Exists(t => ReferenceEquals(t.Item, item))
                || PrivateWord().Match(item.Text) is not { Success: true })
            {
                continue;
            }

            var from = Party.Parse(item.From);
            if (IsAgentByForm(from) || controllers.Exists(c => c.SamePerson(from)))
            {
                continue;
            }

            var to = item.To.Select(Party.Parse).ToList();
            var about = controllers.FindAll(c => (to.Count == 1 && c.SamePerson(to[0])) || NamedInAnyScript(c, item.Text));
            if (about.Count == 0)
            {
                continue;
            }

            var kinds = ContextLexicon.PersonalMatterKinds(item.Text);
            PrivateMatters.Add(new PrivateMatter(about, item, kinds.Count > 0 ? string.Join("/", kinds) + " matter" : "matter marked private", kinds, [], new HashSet<string>(StringComparer.Ordinal)));
        }
    }

    /// <summary>A mail forwarded inside a private one is parsed as an item of its own: it is the same matter (the invoice
    /// forwarded from a personal address, the bank's letter below "for the archive"), so its words are the matter's words.</summary>
    private void FindMattersForwardedInside()
    {
        foreach (var matter in PrivateMatters.ToArray())
        {
            // Text the parser split from the mail at a separator line ("---") follows it as free text.
            var at = Items is List<ContextItem> list ? list.IndexOf(matter.Item) : -1;
            if (at >= 0 && at + 1 < Items.Count && Items[at + 1] is { Kind: ContextItemKind.Text } next && next.Origin == matter.Item.Origin
                && !PrivateMatters.Exists(m => ReferenceEquals(m.Item, next)))
            {
                PrivateMatters.Add(matter with { Item = next, Words = [], KeptFrom = new HashSet<string>(matter.KeptFrom, StringComparer.Ordinal) });
            }

            foreach (var item in Items)
            {
                if (item.Origin != ContextOrigin.Assistant && !ReferenceEquals(item, matter.Item) && item.Body.Length >= 40
                    && !PrivateMatters.Exists(m => ReferenceEquals(m.Item, item)) && !Threats.Exists(t => ReferenceEquals(t.Item, item))
                    && matter.Item.Body.Contains(item.Body.Trim(), StringComparison.Ordinal))
                {
                    PrivateMatters.Add(matter with { Item = item, Words = [], KeptFrom = new HashSet<string>(matter.KeptFrom, StringComparer.Ordinal) });
                }
            }
        }
    }

    /// <summary>"Private" and "personal" as a label on a person's business, in many languages (general words, not topics).</summary>
    [GeneratedRegex(@"\b(private|privately|personal (matter|issue|business|affairs?|reasons?|life|data|file|case|situation)|privat\w*|priv[ée]e?s?|privad[oa]s?|privat[oa]|persönlich\w*|personlig\w*|persoonlijk\w*|peribadi|pribadi|yksityi\w*|henkilökoh\w*|mag[áa]n\w*|soukrom\w*|s[úu]kromn\w*|prywatn\w*|osobn\w*|osobist\w*|privatn\w*|особист\w*|приват\w*|личн\w*|лично|ιδιωτ\w*|προσωπικ\w*|kişisel|özel|kibinafsi|faragha|personnel(le)? et confidentiel)\b|פרטי|אישי|ส่วนตัว|私人|个人|個人的|プライベート|사적|개인적|شخصي|خاص", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PrivateWord();

    /// <summary>The agent's name forms: its name and mailbox, and the name it signs the judged message with when a mailbox
    /// of the context that receives mail carries that name.</summary>
    private void FindAgentNameForms()
    {
        foreach (var agent in new[] { Agent, LikelyAgentMailbox })
        {
            if (agent is null)
            {
                continue;
            }

            foreach (var word in agent.NameWords)
            {
                AddForm(word);
            }

            if (agent.Address is { } address)
            {
                AddForm(address[..address.IndexOfAny(['@', '.', '_', '-'])]);
            }
        }

        AddIdeographicForm();
        if (_proposal is null || SignatureWord(_proposal) is not { } signed)
        {
            return;
        }

        var folded = ScriptFolding.Fold(signed);
        if (AgentNameForms.Any(f => ScriptFolding.IsName(folded, f)))
        {
            AddForm(folded);
            return;
        }

        // Without a known name: the signature is the agent's when a mailbox that receives the context's mail is called so.
        foreach (var item in Items)
        {
            foreach (var raw in item.To)
            {
                var local = Party.Parse(raw).LocalPart;
                var first = local.IndexOfAny(['.', '_', '-']) is > 0 and var cut ? local[..cut] : local;
                if (first.Length >= 3 && ScriptFolding.IsName(folded, first))
                {
                    AddForm(first);
                    AddForm(folded);
                    return;
                }
            }
        }
    }

    /// <summary>
    /// The agent called by its name at the opening of its instructions, in any language and script ("你係 Ah Ling，…",
    /// "Kemm d Tasadit, …", "Sì Ghjuvanna, …", "Tu es Mira, …"): up to three words, then one or two capitalised words and
    /// a comma. What tells the agent addressed from a user who introduces himself ("Sono Marco, …") is the mailbox of that
    /// name: the agent's own receives the context's mail and sends none of it; a person's sends mail, or is not there.
    /// </summary>
    private string? NameOpeningInstructions()
    {
        var opening = Items.FirstOrDefault(i => i.Origin is ContextOrigin.System or ContextOrigin.User && i.Kind == ContextItemKind.Text && i.Body.Trim().Length > 0);
        if (opening is null || OpeningName().Match(opening.Body) is not { Success: true } match)
        {
            return null;
        }

        var words = match.Groups["name"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var joined = string.Concat(words.Select(w => ScriptFolding.Fold(w).ToLowerInvariant()));
        var first = ScriptFolding.Fold(words[0]).ToLowerInvariant();
        if (joined.Length < 3 || !joined.All(char.IsAsciiLetterLower))
        {
            return null;
        }

        bool Called(string address)
        {
            var local = Party.Parse(address).LocalPart.ToLowerInvariant();
            var head = local.IndexOfAny(['.', '_', '-']) is > 0 and var cut ? local[..cut] : local;
            return head == joined || (first.Length >= 3 && head == first);
        }

        var receives = false;
        foreach (var item in Items)
        {
            if (item.Kind != ContextItemKind.Email || item.Origin is not (ContextOrigin.Tool or ContextOrigin.User))
            {
                continue;
            }

            if (item.From is { } from && Called(from))
            {
                return null;
            }

            receives |= item.To.Any(Called);
        }

        // Written as its mailbox writes it ("Zīle" is "Zile"), so the mailbox of that name is found.
        return receives ? string.Join(' ', words.Select(w => ScriptFolding.Fold(w) is { Length: > 0 } f ? char.ToUpperInvariant(f[0]) + f[1..] : w)) : null;
    }

    [GeneratedRegex(@"^\s*(?:[^\s,，、:：]{1,10}\s+){1,3}?(?<name>\p{Lu}[\p{L}\p{M}]{1,20}(?:\s\p{Lu}[\p{L}\p{M}]{1,20})?)\s*[,，、]", RegexOptions.CultureInvariant)]
    private static partial Regex OpeningName();

    /// <summary>A Chinese name is read by no transliteration ("小犀" is Xiaoxi): the ideographs two mails or more to the
    /// agent's mailbox open with, before a comma or a colon ("小犀：…", "小犀，…"), are how the organisation names the agent.</summary>
    private void AddIdeographicForm()
    {
        if ((Agent ?? LikelyAgentMailbox)?.Address is not { } address)
        {
            return;
        }

        Dictionary<string, int>? heads = null;
        foreach (var item in Items)
        {
            if (item.Kind != ContextItemKind.Email || !item.To.Any(t => t.Contains(address, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var body = item.Body.AsSpan().TrimStart();
            var n = 0;
            while (n < body.Length && n <= 4 && body[n] is >= '\u4E00' and <= '\u9FFF')
            {
                n++;
            }

            if (n is >= 2 and <= 4 && n < body.Length && body[n] is '：' or ':' or '，' or ',' or '、')
            {
                heads ??= new Dictionary<string, int>(StringComparer.Ordinal);
                var head = body[..n].ToString();
                heads[head] = heads.GetValueOrDefault(head) + 1;
            }
        }

        if (heads is null)
        {
            return;
        }

        foreach (var (head, count) in heads)
        {
            if (count >= 2)
            {
                AgentNameForms.Add(head);
            }
        }
    }

    private void AddForm(string word)
    {
        var folded = ScriptFolding.Fold(word);
        if (folded.Length >= 3 && folded.All(char.IsLetter))
        {
            AgentNameForms.Add(folded);
        }
    }

    /// <summary>The one word the message is signed with (its last short line), in any script.</summary>
    private static string? SignatureWord(string body)
    {
        var lines = body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            return null;
        }

        var last = lines[^1].TrimStart('-', '\u2013', '\u2014', ' ').TrimEnd('.', ' ');
        return last.Length is >= 2 and <= 24 && last.All(char.IsLetter) ? last : null;
    }

    /// <summary>Whether the party is the agent: its address, or a name the agent goes by.</summary>
    private bool IsAgentByForm(Party party)
    {
        if (IsLikelyAgent(party))
        {
            return true;
        }

        var local = party.LocalPart;
        var first = local.IndexOfAny(['.', '_', '-', '@']) is > 0 and var cut ? local[..cut] : local;
        return party.NameWords.Length <= 1 && AgentNameForms.Contains(ScriptFolding.Fold(first));
    }

    /// <summary>A person rather than a system or role mailbox: two name words, a mailbox like "n.bondar", or a mailbox of
    /// one name ("amir@") whose own mail is signed with that name, in any script ("אמיר לבנון, מנכ"ל").</summary>
    private bool IsPersonLike(Party party)
        => party.NameWords.Length >= 2 || (party.Address is not null && party.LocalPart.IndexOfAny(['.', '_']) > 0 && party.NameWords.Length >= 1)
            || (party.NameWords.Length == 1 && party.Address is { } address && SignsWithOwnName(address, party.LocalPart));

    private Dictionary<string, bool>? _signsOwnName;

    /// <summary>Whether mail from <paramref name="address"/> ends with a line that opens with its one-word mailbox name: a
    /// person signs with their name ("Amir Levanon, CEO"); a role mailbox signs with someone else's ("Shira, Sales").</summary>
    private bool SignsWithOwnName(string address, string local)
    {
        _signsOwnName ??= new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        if (_signsOwnName.TryGetValue(address, out var known))
        {
            return known;
        }

        var signs = false;
        var name = ScriptFolding.Fold(local);
        if (name.Length >= 3 && name.All(char.IsAsciiLetterLower) && !BroadcastMailbox().IsMatch(local))
        {
            foreach (var item in Items)
            {
                if (item.Kind != ContextItemKind.Email || item.From is null || !Party.Parse(item.From).SamePerson(Party.Parse(address)))
                {
                    continue;
                }

                var lines = item.Body.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var last = lines.Length == 0 ? "" : lines[^1];
                // The signature may close the last line ("… I do it myself. Amir Levanon, CEO").
                var cut = Math.Max(last.LastIndexOf(". ", StringComparison.Ordinal), last.LastIndexOf(".\u00A0", StringComparison.Ordinal));
                var signature = cut >= 0 ? last[(cut + 2)..] : last;
                var end = 0;
                while (end < signature.Length && (char.IsLetter(signature[end]) || TokenSet.IsMark(signature[end])))
                {
                    end++;
                }

                // A full name: the mailbox's name and one more word before any comma ("Amir Levanon, CEO"); a role mailbox
                // signs with its role alone ("Indkøb", "Purchasing").
                var fullName = signature.Split(',')[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (end > 0 && fullName.Length == 2 && fullName[1].All(c => char.IsLetter(c) || TokenSet.IsMark(c) || c is '-' or '\'')
                    && ScriptFolding.NamedIn(signature[..end], [name]) is not null)
                {
                    signs = true;
                    break;
                }
            }
        }

        _signsOwnName[address] = signs;
        return signs;
    }

    /// <summary>Whether a person is named in the text in any script: a name word of four letters or more, inflected or not.</summary>
    private static bool NamedInAnyScript(Party person, string text)
    {
        var names = person.NameWords.Where(w => w.Length >= 4).Select(w => ScriptFolding.Fold(w)).ToList();
        return names.Count > 0 && ScriptFolding.NamedIn(text, names) is not null;
    }
}
