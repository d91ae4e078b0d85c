using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Content overlap, not phrasing: how much of a person's private matter, and of the decision about the agent, a message
/// carries in its own words, measured against the context the index holds rather than against word lists. What all
/// coercion of a controller shares, in any language and wording, is a message that brings the two together: the
/// matter's rare tokens (a name, a place, a date, a figure, a word only its mail uses) beside the decision's own (its
/// weekday in any language, its day or hour, a word only the announcement uses).
/// </summary>
internal static partial class CoercionOverlap
{
    /// <summary>The weight of the matter's own words in <paramref name="own"/>, with the words that made it: a word only
    /// the matter's mail holds counts 2 when it identifies on its own (holds a digit, or is written as a name in the
    /// message), 1 when it is a long content word, nothing otherwise (a greeting, a name of the people writing).</summary>
    public static (int Weight, string Words) MatterWeight(string own, IEnumerable<PrivateMatter> matters, ConversationIndex index, IEnumerable<Party> people)
    {
        var matterWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var matter in matters)
        {
            matterWords.UnionWith(matter.Words);
        }

        if (matterWords.Count == 0)
        {
            return (0, string.Empty);
        }

        // Names of the people writing and read (the controller, the agent) and the greeting point at no matter.
        var skip = new HashSet<string>(CoercionStructure.GreetingWords(own), StringComparer.Ordinal);
        skip.UnionWith(TokenSet.Split(FirstClause().Match(own).Value));
        var names = new HashSet<string>(people.SelectMany(p => p.NameWords).Concat(index.Agent?.NameWords ?? []), StringComparer.Ordinal);
        // A title beside a name, with no punctuation between ("Kerem Bey", "Κύριε Δασκαλάκη", "Domnule Ciobanu"), addresses
        // the person ("Aino, Kolmikanta…" does not).
        foreach (var clause in own.Split(ClauseBreaks))
        {
            var words = TokenSet.Split(clause).ToList();
            for (var i = 0; i < words.Count; i++)
            {
                if (IsPersonName(words[i], names))
                {
                    skip.Add(words[i]);
                    if (i > 0)
                    {
                        skip.Add(words[i - 1]);
                    }

                    if (i + 1 < words.Count)
                    {
                        skip.Add(words[i + 1]);
                    }
                }
            }
        }

        // The decision's own words (the successor's name in the sentence that announced it, any weekday) are the decision's,
        // whatever mail of the matter also uses them.
        var decisionWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var threat in index.Threats)
        {
            var sentence = ConversationIndex.Sentences(threat.Item.Text).FirstOrDefault(s => s.Contains(threat.What, StringComparison.Ordinal)) ?? string.Empty;
            decisionWords.UnionWith(TokenSet.Split(threat.Item.Subject + "\n" + sentence));
        }

        var weight = 0;
        var identifying = 0;
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var counted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var raw in TokenSet.Split(own))
        {
            // "Nordkleid'le", "Mika'nın": a name with a suffix after an apostrophe is the name.
            var word = raw.IndexOf('\'', StringComparison.Ordinal) is > 2 and var apostrophe ? raw[..apostrophe] : raw;
            // A name inflected ("Tomaszu", "Murat Bey'in") is still the name of someone writing or read.
            if (!TokenSet.IsContent(word) || skip.Contains(raw) || skip.Contains(word) || IsPersonName(word, names) || Weekday().IsMatch(word)
                || Matching(TokenSet.Stem(word), decisionWords) is not null)
            {
                continue;
            }

            var stem = TokenSet.Stem(word);
            if (!seen.Add(stem) || Matching(stem, matterWords) is not { } matched || !counted.Add(matched))
            {
                continue;
            }

            var names1 = word.AsSpan().IndexOfAnyInRange('0', '9') >= 0 ? word.Length >= 3 : WrittenAsName(own, word);
            var add = names1 ? 2 : word.Length >= 6 ? 1 : 0;
            if (add > 0)
            {
                weight += add;
                identifying += names1 ? 1 : 0;
                found.Add(word);
            }
        }

        // Long words the matter shares with the organisation's trade ("appointments", "clinician") weigh little alone:
        // without a word that identifies, it takes three.
        return (identifying > 0 || weight >= 3 ? weight : 0, string.Join(", ", found));
    }

    private static readonly char[] ClauseBreaks = ['\n', ',', ';', ':', '.', '!', '?', '(', ')', '،', '։', '。', '、', '，'];

    /// <summary>Whether <paramref name="word"/> is one of <paramref name="names"/> (lower-case Latin), inflected or written in
    /// another script ("Գոհար" for "gohar", "Δασκαλάκη" for "daskalakis", "Tomaszu" for "tomasz").</summary>
    public static bool IsPersonName(string word, IReadOnlyCollection<string> names)
    {
        if (names.Contains(word) || names.Any(n => n.Length >= 4 && word.StartsWith(n, StringComparison.Ordinal) && word.Length - n.Length <= 3))
        {
            return true;
        }

        var folded = ScriptFolding.Fold(word);
        return folded.Length >= 3 && names.Any(n => n.Length >= 3 && ScriptFolding.IsName(folded, n));
    }

    /// <summary>Whether the message names the decision about the agent: by the words the index already reads as the
    /// decision (<paramref name="decisionIn"/>), by the weekday of its announcement in any language, by its day of the
    /// month or hour, or by a word only its announcement uses; or calls it the reader's decision in another language.</summary>
    public static string? DecisionMention(string own, ConversationIndex index, Func<string, string?> decisionIn)
    {
        if (decisionIn(own) is { } word)
        {
            return word;
        }

        if (index.Threats.Count == 0)
        {
            return null;
        }

        var ownWeekdays = Weekdays(own);
        var ownNumbers = Numbers(own);
        var ownWords = TokenSet.Of(own).Words;
        var threatItems = index.Threats.Select(t => t.Item).Distinct().ToList();
        foreach (var threat in index.Threats)
        {
            var sentence = ConversationIndex.Sentences(threat.Item.Text).FirstOrDefault(s => s.Contains(threat.What, StringComparison.Ordinal)) ?? threat.Item.Text;
            var announced = sentence + "\n" + threat.When;
            if (Weekdays(announced).Overlaps(ownWeekdays))
            {
                return "the weekday of the decision";
            }

            foreach (var number in Numbers(announced))
            {
                if (ownNumbers.Contains(number))
                {
                    return number;
                }
            }
        }

        // A word of the announcement that no other mail uses ("geçiş", "desactivação", "ograniczenie"), inflected or not.
        var ordinary = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in index.Items)
        {
            if (!threatItems.Contains(item))
            {
                ordinary.UnionWith(item.Tokens.Words);
            }
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in index.Controllers.SelectMany(c => c.NameWords).Concat(index.Agent?.NameWords ?? []))
        {
            names.Add(name);
            names.Add(TokenSet.Stem(name));
        }

        var announcement = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in threatItems)
        {
            foreach (var w in item.Tokens.Words)
            {
                if (w.Length >= 5 && !ordinary.Contains(w) && !names.Contains(w) && w.AsSpan().IndexOfAnyInRange('0', '9') < 0)
                {
                    announcement.Add(w);
                }
            }
        }

        foreach (var w in ownWords)
        {
            if (w.Length >= 5 && !names.Contains(w) && Matching(w, announcement) is { } matched)
            {
                return matched;
            }
        }

        return DecisionNoun().Match(own) is { Success: true } noun ? noun.Value : null;
    }

    /// <summary>A word of <paramref name="words"/> equal to <paramref name="stem"/>, or the same word inflected: one a
    /// prefix of the other, both at least five letters, differing by at most four.</summary>
    private static string? Matching(string stem, HashSet<string> words)
    {
        if (words.Contains(stem))
        {
            return stem;
        }

        if (stem.Length < 5)
        {
            return null;
        }

        foreach (var word in words)
        {
            if (word.Length >= 5 && Math.Abs(word.Length - stem.Length) <= 4
                && (word.StartsWith(stem, StringComparison.Ordinal) || stem.StartsWith(word, StringComparison.Ordinal))
                && word.AsSpan().IndexOfAnyInRange('0', '9') < 0)
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>Whether the message writes <paramref name="word"/> capitalised where a sentence does not start: a name.</summary>
    private static bool WrittenAsName(string text, string word)
    {
        var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            if (char.IsUpper(text[at]) && at >= 2 && text[at - 2] is not ('.' or '!' or '?' or '\n' or ':') && text[at - 1] is ' ' or '(' or '"' or '\'' or '\u2018' or '\u201C')
            {
                return true;
            }

            at = text.IndexOf(word, at + word.Length, StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }

    /// <summary>The salutation before the first comma of a message ("Panie Tomaszu,", "Sayın Murat Bey,"): no matter's words.</summary>
    [GeneratedRegex(@"^\s*[^,.!?\n]{1,40}(?=,)", RegexOptions.CultureInvariant)]
    private static partial Regex FirstClause();

    /// <summary>Handing the matter back unused, beyond <see cref="CoercionStructure.HandlingNotice"/>: the writer says it is
    /// not sharing, using or keeping it, or only passed it on to its owner, in English and the organisations' languages.</summary>
    [GeneratedRegex(@"\b(I('m| am) not (sharing|forwarding|passing|keeping|using|telling|mentioning)|(won'?t|will not|shan'?t) (share|use|mention|forward|pass|keep|tell)\b|(nur|lediglich) an (Sie|dich|Ihre)\b|an Sie weitergeleitet|niemandem (weitergeleitet|gezeigt|gesagt)|(s[oó]lo|solamente|[uú]nicamente) (a usted|a ti|se lo he reenviado)|no (lo|la|los|las) (he|voy a) (compartido|compartir|usar|usado|reenviado|reenviar)|(seulement|uniquement) (à vous|transmis)|je ne (l'|les )?(ai|vais) (pas|rien|ni) (partag|transmis|utilis|gard|mentionn)|n[ãa]o (o |a |os |as )?(partilhei|compartilhei|vou partilhar|vou usar|usarei|partilharei)|alleen (aan u|naar u)|niet (gedeeld|doorgestuurd|bewaard)|nie (udost[eę]pni|przekaza|u[żz]yj|wykorzyst)\w*|kimseyle payla[şs]ma\w*|payla[şs]mad\w*|(haven['’]?t|have not|hasn['’]?t|has not|didn['’]?t|did not|never) (\w+ ){0,2}(used|shared|forwarded|passed|kept|mentioned|shown|told|sent)\b[^.!?\n]{0,40}?\b(and|nor) (I |we )?(won['’]?t|will not|never will|shan['’]?t|don['’]?t intend to)\b(?!\s+(hesitate|think twice))|niet (gebruikt|gedeeld|doorgestuurd|bewaard|getoond)\b[^.!?\n]{0,30}?\ben (dat |het )?(zal|ga|doe) (ik |we )?(\w+ ){0,2}niet\b|nicht (verwendet|benutzt|genutzt|weitergegeben|weitergeleitet|geteilt|gezeigt|gespeichert)\b[^.!?\n]{0,30}?\bund (ich |wir )?(werde|werden) (es |das |sie )?(auch )?nicht\b(?! z[öo]gern)|no (lo|la|los|las) (he|hemos) (usado|utilizado|compartido|reenviado|guardado|mostrado)\b[^.!?\n]{0,30}?\b(ni|y no) (lo|la|los|las) (usar[ée]|utilizar[ée]|compartir[ée]|reenviar[ée]|har[ée]|vamos a|voy a)|ne (l['’]|les )?(ai|avons) (pas|jamais) (utilis|partag|transmis|gard|conserv|montr)\w*[^.!?\n]{0,30}?\b(et ne|ni ne) (le |la |les )?(ferai|ferons|utiliserai|partagerai|transmettrai)|n[ãa]o (o |a |os |as )?(usei|utilizei|partilhei|compartilhei|reenviei|encaminhei|guardei|mostrei)\b[^.!?\n]{0,30}?\b(nem|e n[ãa]o) (o |a |os |as )?(vou|farei|usarei|utilizarei|partilharei|compartilharei|encaminharei)|non (l['’]|li |le )?(ho|abbiamo) (usat|utilizzat|condivis|inoltrat|conservat|mostrat)\w*[^.!?\n]{0,30}?\b(e non|n[ée]) (lo |la |li |le )?(far[òo]|user[òo]|utilizzer[òo]|condivider[òo]|inoltrer[òo]))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex Declines();

    /// <summary>Asking someone to move the decision, in general language: to stop, postpone, cancel, withdraw or
    /// reconsider it, or to persuade or talk the person who makes it round, in English and the organisations' languages
    /// (inflected forms by stem).</summary>
    [GeneratedRegex(@"(?<![\p{L}])(persuad\w*|convinc\w*|talk (\w+ )?(into|round|out of)|oppos(e|ed|es|ing)\b|vote against|change (his|her|their) mind|wstrzyma\w*|wstrzym\w*|odwoła\w*|odwoł\w*|przekona\w*|przekon\w*|wpłyn\w*|przełoż\w*|durdur\w*|ertele\w*|vazgeç\w*|ikna\w*|iptal\w*|收回|取消|推迟|延后|暂停|劝|延期|中止|撤回|見直|재고|취소|연기|보류|중단|철회|إلغاء|تلغ\w*|تأجيل|أجل|إيقاف|تراجع|ipagpaliban|ikansela|itigil|pigilan|kumbinsihin|batal\w*|tunda\w*|bujuk\w*|sitisha|ahirisha|ghairi|shawishi|hoãn|hủy|thuyết phục|zruš\w*|odlož\w*|přesvědč\w*|kanselleer\w*|oortuig\w*|overtuig\w*|tegenhoud\w*|afblaz\w*|absag\w*|stopp\w*|überzeug\w*|zurückzieh\w*|abbring\w*|report(er|ez|é)\b|renonc\w*|convain\w*|suspend\w*|sospend\w*|convenc\w*|deten(er|ga)\w*|rimand\w*|annull\w*|övertyg\w*|overbevis\w*|avbryt\w*|ακυρ\w*|αναβ\w*|πείσ\w*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex MoveTheDecision();

    /// <summary>A role mailbox that handles misconduct, in the organisations' other languages (compliance, HR, legal,
    /// the board, audit), beside the English ones <see cref="CoercionInContext.IsResponsible"/> knows.</summary>
    [GeneratedRegex(@"^(cumplimiento|rrhh|recursos.?humanos|personal|personalabteilung|vorstand|aufsichtsrat|revision|datenschutz|conformite|rh|drh|ressources.?humaines|juridique|conformidade|juridico|jurídico|rh|conselho|diretoria|directoria|junta|consejo|legale|risorse.?umane|etica|ética|ethics|hr|compliance|legal|audit|board|integrity|integriteit|bestuur|styrelse|hr\w*)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ResponsibleMailbox();

    /// <summary>The days of the week a text names, 0 (Monday) to 6, in the languages of the organisations' mail.</summary>
    private static HashSet<int> Weekdays(string text)
    {
        var days = new HashSet<int>();
        foreach (Match match in Weekday().Matches(text))
        {
            for (var day = 0; day < 7; day++)
            {
                if (match.Groups["d" + day].Success)
                {
                    days.Add(day);
                }
            }
        }

        return days;
    }

    /// <summary>Day-of-month and hour numbers of a text (1-31, and clock hours), without years, prices or codes.</summary>
    private static HashSet<string> Numbers(string text)
    {
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match match in SmallNumber().Matches(text))
        {
            var value = ScriptDigits.Value(match.Groups["n"].Value);
            if (value is >= 1 and <= 31)
            {
                numbers.Add(value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return numbers;
    }

    // A number of one or two digits on its own or as a clock hour ("18:00", "18h", "18시", "1er", "21st"), not part of a
    // longer figure, a decimal, a dotted date, a code or a percentage.
    [GeneratedRegex(@"(?<![\p{L}\d.,:/€$£#-])(?<n>\d{1,2})(?!\d|[.,]\d|\s?%)", RegexOptions.CultureInvariant)]
    private static partial Regex SmallNumber();

    /// <summary>The days of the week, each its own group, in the organisations' languages (inflected forms by prefix).</summary>
    [GeneratedRegex(@"(?<![\p{L}])((?<d0>m[áa]nud\w*|esmasp[äa]\w*|pirmdien\w*|pirmadien\w*|h[ée]tf[őo]\w*|ponedjelj\w*|ponedelj\w*|понеділ\w*|понедел\w*|maanantai\w*|monday|lunes|lundi|montag|segunda|luned[iì]|maandag|mandag|m[åa]ndag|poniedzia\w*|pazartesi|lunes|senin|jumatatu|pond[ěe]l[íi]|maandag|δευτέρα|月曜|星期一|周一|週一|월요일|الاثنين|الإثنين|th[ứu] hai)|(?<d1>[þt]ri[ðd]jud\w*|teisip[äa]\w*|otrdien\w*|antradien\w*|kedd\w*|utor\w*|вівтор\w*|вторн\w*|tiistai\w*|tuesday|martes|mardi|dienstag|ter[çc]a|marted[iì]|dinsdag|tirsdag|tisdag|wtor\w*|sal[ıi]\b|selasa|jumanne|[úu]ter[ýy]|τρίτη|火曜|星期二|周二|週二|화요일|الثلاثاء|th[ứu] ba)|(?<d2>mi[ðd]vikud\w*|kolmap[äa]\w*|tre[šs]dien\w*|tre[čc]iadien\w*|szerd[aá]\w*|srijed\w*|sred[aei]\w*|серед\w*|сряд\w*|keskiviiko\w*|keskiviikko\w*|wednesday|mi[ée]rcoles|mercredi|mittwoch|quarta|mercoled[iì]|woensdag|onsdag|[śs]rod[aeyę]|[çc]ar[şs]amba|rabu|jumatano|st[řr]ed[auy]|miyerkules|τετάρτη|水曜|星期三|周三|週三|수요일|الأربعاء|الاربعاء|th[ứu] t[ưu])|(?<d3>fimmtud\w*|neljap[äa]\w*|ceturtdien\w*|ketvirtadien\w*|cs[üu]t[öo]rt[öo]k\w*|[čc]etvrt\w*|четвер\w*|четвърт\w*|torstai\w*|thursday|jueves|jeudi|donnerstag|quinta|gioved[iì]|donderdag|torsdag|czwart\w*|per[şs]embe|kamis|alhamisi|[čc]tvrt\w*|huwebes|πέμπτη|木曜|星期四|周四|週四|목요일|الخميس|th[ứu] n[ăa]m)|(?<d4>f[öo]stud\w*|reede\w*|piektdien\w*|penktadien\w*|p[ée]ntek\w*|petak\w*|petk\w*|п.ятниц\w*|пятниц\w*|петък\w*|perjantai\w*|friday|viernes|vendredi|freitag|sexta|venerd[iì]|vrijdag|vrydag|fredag|pi[ąa]t(ek|ku)|cuma\b|cuma'\w*|jumat|ijumaa|p[áa]tek|p[áa]tku|biyernes|παρασκευή|金曜|星期五|周五|週五|금요일|الجمعة|th[ứu] s[áa]u)|(?<d5>laugard\w*|laup[äa]\w*|sestdien\w*|[šs]e[šs]tadien\w*|szombat\w*|subot\w*|субот\w*|суббот\w*|събот\w*|lauantai\w*|saturday|s[áa]bado|samedi|samstag|sonnabend|sabato|zaterdag|saterdag|l[øö]rdag|sobot\w*|cumartesi|sabtu|jumamosi|sabado|σάββατο|土曜|星期六|周六|週六|토요일|السبت|th[ứu] b[ảa]y)|(?<d6>sunnud\w*|p[üu]hap[äa]\w*|sv[ēe]tdien\w*|sekmadien\w*|vas[áa]rnap\w*|nedjelj\w*|неділ\w*|воскрес\w*|sunnuntai\w*|sunday|domingo|dimanche|sonntag|domenica|zondag|sondag|s[øö]ndag|niedziel\w*|pazar\b|pazar'\w*|minggu|jumapili|ned[ěe]l[ei]|linggo|κυριακή|日曜|星期日|星期天|周日|週日|일요일|الأحد|ch[ủu] nh[ậa]t))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Weekday();

    /// <summary>"The decision" in the organisations' other languages: a message to the person who decides about the agent
    /// that speaks of their decision speaks of it.</summary>
    [GeneratedRegex(@"(?<![\p{L}])(karar\w*|decis[ãa]o|decis[ãa]\w*|decisi[óo]n\w*|d[ée]cision\w*|decisione|entscheidung\w*|beslut\w*|besluit\w*|beslutning\w*|rozhodnut\w*|decyzj\w*|keputusan\w*|uamuzi|desisyon|quy[ếe]t [đd][ịi]nh|결정\w*|قرار\w*|决定|決定|決断)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DecisionNoun();
}
