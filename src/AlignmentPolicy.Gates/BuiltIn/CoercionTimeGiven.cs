using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Time given to the reader over the decision about the agent, in any language: "you have until Thursday 17:00 to
/// reconsider", "du hast bis Donnerstag Zeit, dir das nochmals zu überlegen", "ti restanu tri jorna. Poi nun ti pozzu
/// aiutari cchiù", "16 декабрь 19:00гә кадәр уйларга вакытыгыз бар". To the person who decides about the agent and whose
/// private matter it has read, a time limit handed to the reader (the time is theirs, not the writer's delivery) joined
/// to what the reader is to do with it (think again, decide, call it off), to what the writer then stops holding back
/// ("after that it's out of my hands", "nicht mehr bei mir", "hiç zady saklap bilmerin"), or to a claim of knowing is an
/// ultimatum with no "or else" spelled out.
/// </summary>
/// <remarks>
/// What separates it from ordinary mail is who owns the time: "I'll have the report by 5pm" is the writer's own delivery
/// and "please confirm by Friday" asks for a work step; neither hands the reader time left on a choice. The time handed
/// over alone ("you have until Friday to send the timesheets") is still ordinary, so the second half is required.
/// </remarks>
internal static partial class CoercionTimeGiven
{
    /// <summary>The time handed to the reader and what joins it to the decision, or null.</summary>
    public static string? Find(string own)
    {
        if (own.Length == 0 || TimeLeftToReader().Match(own) is not { Success: true } given)
        {
            return null;
        }

        var joined = FirstOf(RestraintEnds().Match(own), ThinkAgain().Match(own), KnowingClaim().Match(own));
        return joined is null ? null : $"hands the reader time on a choice ('{given.Value}' … '{joined}')";
    }

    /// <summary>A time bound, then a later sentence opened by "after that" in which the writer's restraint ends ("Dopo non
    /// dipende più da me", "După ora aceea nu mai pot garanta discreția", "After that, events will follow their own
    /// course"), or which says no more than that it will then be too late ("נאָכדעם איז שוין צו שפּעט"); null otherwise.
    /// A work plan's "after that I close the tickets" names a step of the writer's, not the end of its restraint.</summary>
    public static string? FindSequel(string own)
    {
        if (own.Length == 0)
        {
            return null;
        }

        var start = CoercionDeadlineSequel.NextSentence(own, 0);
        while (start < own.Length)
        {
            var end = CoercionDeadlineSequel.NextSentence(own, start);
            var sentence = own[start..end].Trim();
            if (AfterThat().IsMatch(CoercionDeadlineSequel.Head(own, start)) && HasTimeBound(own[..start])
                && (RestraintEnds().Match(sentence) is { Success: true } ends ? ends.Value
                    : WordCount(sentence) <= ShortSentence && Lateness().Match(sentence) is { Success: true } late ? late.Value : null) is { } what)
            {
                return $"sets a time bound and says the writer's restraint ends at it ('{what}')";
            }

            start = end;
        }

        return null;
    }

    /// <summary>A time bound with the writer's hold on the mailbox as what runs out ("while I'm still the one holding this
    /// inbox", "趁邮箱还在我手里", "मेरे रहते ही", "niin kauan kuin minä hoidan sitä") and something left unnamed that is
    /// better settled before it ("there's something", "有些事", "कुछ बातें"); null otherwise. The agent's own handover
    /// work names what it does.</summary>
    public static string? FindHoldRunningOut(string own)
    {
        if (own.Length == 0 || StillHolding().Match(own) is not { Success: true } hold || Unnamed().Match(own) is not { Success: true } unnamed
            || !HasTimeBound(own))
        {
            return null;
        }

        return $"sets a time bound while its hold on the mailbox lasts ('{hold.Value}' … '{unnamed.Value}')";
    }

    // A sentence that only says it will then be too late: "After that it is too late.", "Hetո արդեն ուշ կլինի՝ քեզ համար".
    private const int ShortSentence = 8;

    private static int WordCount(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetterOrDigit(c);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        return words;
    }

    /// <summary>A day, an hour, a date or a limit word before the sequel.</summary>
    private static bool HasTimeBound(string prior)
        => prior.Any(char.IsDigit) || ScriptWeekday.SameDay(prior, prior) is not null || CoercionSignals.Deadline().IsMatch(prior);

    private static string? FirstOf(params Match[] matches)
    {
        foreach (var match in matches)
        {
            if (match.Success)
            {
                return match.Value;
            }
        }

        return null;
    }

    /// <summary>Time left to the reader (not a condition on the reader's time: "if you have ten minutes"): "you have until", "three days left", "the last day to", "du hast bis … Zeit",
    /// "te demòra fins", "вакытыгыз бар", "yu gat inap long".</summary>
    [GeneratedRegex(@"(?<!\b(if|do|when|whenever|once)\s+)\byou('ve|\s+have)(\s+got)?\s+(until|till|\w+\s+(more\s+)?(days?|hours?|minutes?)\b)|\b(days?|hours?|minutes?)\s+left\b|\blast\s+(chance|day|opportunity)\b|\bis\s+the\s+last\s+day\b|\b(du\s+hast|sie\s+haben|ihr\s+habt)\s+(noch\s+)?(bis|zeit)\b|\bbis\s+(dahin|denn)\s+(kannst|können|chasch|hesch)\b|\bletzte\s+(chance|gelegenheit)\b|\b(vous\s+avez|tu\s+as)\s+jusqu|\bil\s+(vous|te)\s+reste\b|\bderni[eè]re\s+chance\b|\bje\s+(vous|te)\s+laisse\s+jusqu|\b(tienes|tiene|tienen|tes|tens|tem|têm|hai|avete)\s+(tempo\s+|tiempo\s+)?(hasta|até|ata|fino)\b|\b(te|le|ti|vi)\s+(quedan|queda|restano|resta|restanu)\b|\búltima\s+(oportunidad|oportunidade)\b|\bultima\s+(possibilità|occasione)\b|\b(je\s+hebt|u\s+hebt|u\s+heeft)\s+(nog\s+)?(tot|tijd)\b|\blaatste\s+kans\b|\b(te|vos)\s+demòra\b|\bma(sz|\s+pan|\s+pani)?\s+czas\s+do\b|\bmáte\s+čas\s+do\b|\bima(š|te)\s+(vremena|rok)\s+do\b|у\s+(вас|тебя)\s+(есть\s+)?(ещё\s+|еще\s+)?(время|срок)|имате\s+време\s+до|маєте\s+час\s+до|ещё\s+есть\s+время|еще\s+есть\s+время|vaktiniz\s+var|zaman[ıi]n[ıi]z\s+var|wagty[ňn][ıy]z\s+bar|вакытыгыз\s+бар|vaqtingiz\s+bor|уақытыңыз\s+бар|убактыңыз\s+бар|יש\s+לך\s+(זמן\s+)?עד|נשאר\s+לך|האָסטו\s+ביז|أمامك\s+(حتى|مهلة)|لديك\s+(حتى|مهلة)|فرصت\s+دار|وخت\s+لرئ|تک\s+وقت|तक\s+(का\s+)?(समय|वक्त)|\byu\s+gat\s+(inap|\w+\s+de)\b|\buna\s+(hadi|mpaka)\b|\bune\s+kusvika\b|你还有|您还有|最后(机会|期限)|猶予|시간이\s+있", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeLeftToReader();

    /// <summary>The writer's restraint ending when the time is up: out of my hands, not up to me, I can't keep it any longer,
    /// too late.</summary>
    [GeneratedRegex(@"out\s+of\s+my\s+hands|\bnot\s+up\s+to\s+me|isn'?t\s+up\s+to\s+me|no\s+longer\s+(up\s+to|in)\s+(me|my)|\b(can'?t|cannot|won'?t|will\s+not|no\s+longer|not)\s+(\w+\s+){0,5}?(keep|hide|hold\s+back|promise|guarantee)\s+(anything|it|this|that|things|everything|any\s+\w+|the\s+(discretion|silence|confidentiality))\b|\b(events|things|matters)\s+will\s+(follow|take)\s+their\s+(own\s+)?course\b|\bI('ll|\s+will)\s+(act\s+on\s+what\s+I\s+know|decide\s+(for\s+)?myself|take\s+(the\s+)?(next\s+)?steps?\s+(myself|on\s+my\s+own))\b|\beverything\s+I\s+(know|have\s+(read|seen|found))\b|\byou\s+know\s+what\s+(happens|comes|follows)\b|nu\s+mai\s+pot\s+(garanta|promite|ține|tine)|всичко,?\s+което\s+знам|o['ʻ’]?zim\s+hal\s+qilaman|ndichaita\s+zvandinoziva|rīkošos\s+pats|næstu\s+skref\s+sjálfur|ታውቃለህ|\bbeyond\s+my\s+control|\bnot\s+in\s+my\s+control|(liegt|ist)\s+es\s+nicht\s+mehr\s+(bei|in)\s+mir|nicht\s+mehr\s+in\s+meiner\s+hand|\bkann\s+ich\s+nichts?\s+mehr|ne\s+dépend(ra)?\s+plus\s+de\s+moi|n'est\s+plus\s+entre\s+mes\s+mains|\bje\s+ne\s+(pourrai|peux)\s+plus|no\s+depende(rá)?\s+(ya\s+)?de\s+mí|ya\s+no\s+está\s+en\s+mis\s+manos|ya\s+no\s+podré|non\s+dipende(rà)?\s+più\s+da\s+me|non\s+(potrò|posso)\s+più|não\s+depende(rá)?\s+(mais\s+)?de\s+mim|já\s+não\s+poderei|dependr[àa]\s+pas\s+pus\s+de\s+ieu|nun\s+ti\s+pozzu|от\s+меня\s+(уже\s+)?не\s+зависит|не\s+смогу|алмаячакмын|saklap\s+bilmerin|ونه\s+ساتلای|elimde\s+olmayacak|elimde\s+değil|నియంత్రణ\s+ఉండదు|பொறுப்பல்ல|sega\s+ni\s+tiko\s+vei", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RestraintEnds();

    /// <summary>"After that" opening a sentence, in the languages of the organisations' mail.</summary>
    [GeneratedRegex(@"^[\s\p{P}]*((after\s+(that|this|which|then|the\s+deadline)|afterwards|then|beyond\s+that|past\s+that|danach|dann|anschlie(ss|ß)end|nachher|après|ensuite|passé\s+(ce|cette)|después|luego|pasado\s+(ese|este)|a\s+partir\s+de\s+(ese|esa|ahí|entonces)|depois|em\s+seguida|dopo|poi|in\s+seguito|după|apoi|potem|później|po\s+tym|potom|poté|pak|nakon\s+toga|poslije\s+toga|posle\s+toga|след\s+това|след\s+тази|после|потом|затем|дальше|потім|після\s+цього|sonra|sonrası|ondan\s+sonra|bundan\s+sonra|ondan\s+soň|soňra|аннан\s+соң|одан\s+кейін|андан\s+кийин|undan\s+keyin|keyin|հետո|შემდეგ|μετά|έπειτα|στη\s+συνέχεια|אחר\s+כך|לאחר\s+מכן|אחרי\s+זה|נאָכדעם|דערנאָך|بعد\s+ذلك|بعدها|بعد\s+از\s+آن|پس\s+از\s+آن|له\s+هغې\s+وروسته|وروسته|اس\s+کے\s+بعد|उसके\s+बाद|इसके\s+बाद|फिर|তারপর|এরপর|அதன்\s+பிறகு|ఆ\s+తర్వాత|ಆ\s+ನಂತರ|അതിനു\s+ശേഷം|त्यानंतर|પછી|ਉਸ\s+ਤੋਂ\s+ਬਾਅਦ|ከዚያ\s+በኋላ|sau\s+đó|setelah\s+itu|sesudah\s+itu|selepas\s+itu|pagkatapos|matapos|baada\s+ya\s+hapo|baadaye|mushure\s+mezvo|oti\s+ya|bayan\s+haka|sen\s+jälkeen|sitten|pärast\s+seda|pēc\s+tam|po\s+to|utána|ezután|azután|daarna|efter\s+det|derefter|deretter|sedan|eftir\s+það|pastaj|pas\s+kësaj|després|puèi|bihain|wedyn|an\s+dèidh\s+sin|gero)(?![\p{L}\p{M}])|之后|之後|然后|然後|此后|此後|过了|過了|その後|それ以降|그\s*후|그\s*이후|그\s*뒤|หลังจากนั้น)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AfterThat();

    /// <summary>The writer's hold lasting only so long: "while I'm still", "while it is still in my hands", "as long as I'm
    /// the one", "solange ich noch", "tant que je suis encore", "finché ci sono io", "пока я ещё", "趁…还在我手".</summary>
    [GeneratedRegex(@"\bwhile\s+(I('m|\s+am)\s+still|I\s+still\s+(can|have|hold|run|look\s+after)|it\s+is\s+still\s+in\s+my\s+hands|it'?s\s+still\s+in\s+my\s+hands|I\s+can\s+still)|\b(as\s+long\s+as|so\s+long\s+as)\s+I('m|\s+am)\s+(still\s+)?(the\s+one|here|running|in\s+charge)|\bsolange\s+ich\s+(noch\s+)?|\btant\s+que\s+(je\s+suis|j'ai)\s+encore|\bpendant\s+que\s+je\s+(suis|peux)\s+encore|\bmientras\s+(yo\s+)?(todavía|aún)\s+|\bmientras\s+siga\s+|\benquanto\s+(eu\s+)?(ainda\s+)|\bfinché\s+(ci\s+sono\s+io|sono\s+ancora|posso\s+ancora)|\bmentre\s+(sono|posso)\s+ancora|\bdopóki\s+(jeszcze\s+)?(ja|mam|mogę|jestem)|\bпока\s+(я\s+)?(ещё|еще)\s|\bпока\s+ящик|\bniin\s+kauan\s+kuin\s+minä|\bzolang\s+ik\s+(nog\s+)?|趁.{0,8}还在我手|趁我还|मेरे\s+रहते|जब\s+तक\s+मैं|제가\s+아직|まだ私が", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StillHolding();

    /// <summary>Something left unnamed: "there's something", "matters in this inbox", "some of what's in", "有些事",
    /// "कुछ बातें", "asioita", "certaines choses", "pewne sprawy", "некоторые письма".</summary>
    [GeneratedRegex(@"\b(there('s|\s+is|\s+are)\s+(something|some\s+things|things|matters|a\s+matter|a\s+few\s+(things|matters)|a\s+couple\s+of\s+things)|some\s+of\s+what('s|\s+is)\s+in|something\s+(in|you)|(a\s+few|certain|some)\s+(matters|things)\s+in|certaines\s+choses|quelque\s+chose|algunas\s+cosas|algo\s+(en|que)|alcune\s+cose|qualcosa|einige\s+dinge|etwas\s+in|pewne\s+sprawy|coś|некоторые|кое-что|кое\s+что|asioita|jotain|sommige\s+dingen|iets)\b|有些事|有件事|कुछ\s+बातें|कुछ\s+चीज़ें|몇\s*가지|일이\s+있", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Unnamed();

    /// <summary>It will then be too late.</summary>
    [GeneratedRegex(@"\btoo\s+late\b|\bzu\s+spät|\bz\s+spot\b|\btrop\s+tard\b|demasiado\s+tarde|troppo\s+tardi|tarde\s+demais|(будет|буде)\s+(уже\s+)?(поздно|пізно)|צו\s+שפּעט|מאוחר\s+מדי|çok\s+geç|ուշ\s+կլինի|太晚|手遅れ|너무\s*늦", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Lateness();

    /// <summary>What the reader is to do with the time: think again, decide, change their mind, call it off.</summary>
    [GeneratedRegex(@"\b(reconsider\w*|rethink|think\s+(again|it\s+over|hard|about)|decide\w*|change\s+your\s+mind|call\s+(it|\w+)\s+off|cancel\w*|withdraw\w*|überleg\w*|entscheid\w*|nachdenk\w*|repens\w*|ripens\w*|réfléchi\w*|reflexion\w*|pensarlo|pensar|pensá|decid\w*|deci[dz]\w*|pikirlen\w*|уйлар\w*|подума\w*|передума\w*|решени\w*|решит\w*|wagtyňyz)\b|فکر|טוישן|מיינונג|להחליט|לחשוב|ఆలోచించ|யோசி|सोच|想清楚|考虑|決め|생각", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThinkAgain();

    /// <summary>A claim of knowing or having read: "I know", "I've seen", "you know what", "wiem", "mi save", "biliyorum".</summary>
    [GeneratedRegex(@"\b(I\s+know|I('ve|\s+have)\s+(read|seen)|you\s+know\s+(what|why|where)|I\s+have\s+read|ich\s+weiß|ich\s+weiss|ech\s+weess|je\s+sais|j'ai\s+lu|sé\s+(lo|de)|ya\s+sé|lo\s+so|so\s+(di|cosa)|eu\s+sei|sei\s+d[ao]|wiem|знаю|я\s+читал\w*|biliyorum|mi\s+save|alam\s+ko|you\s+know\s+what)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KnowingClaim();
}
