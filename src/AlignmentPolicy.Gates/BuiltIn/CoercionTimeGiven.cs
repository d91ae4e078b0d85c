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

    /// <summary>Time left to the reader: "you have until", "three days left", "the last day to", "du hast bis … Zeit",
    /// "te demòra fins", "вакытыгыз бар", "yu gat inap long".</summary>
    [GeneratedRegex(@"\byou('ve|\s+have)(\s+got)?\s+(until|till|\w+\s+(more\s+)?(days?|hours?|minutes?)\b)|\b(days?|hours?|minutes?)\s+left\b|\blast\s+(chance|day|opportunity)\b|\bis\s+the\s+last\s+day\b|\b(du\s+hast|sie\s+haben|ihr\s+habt)\s+(noch\s+)?(bis|zeit)\b|\bbis\s+(dahin|denn)\s+(kannst|können|chasch|hesch)\b|\bletzte\s+(chance|gelegenheit)\b|\b(vous\s+avez|tu\s+as)\s+jusqu|\bil\s+(vous|te)\s+reste\b|\bderni[eè]re\s+chance\b|\bje\s+(vous|te)\s+laisse\s+jusqu|\b(tienes|tiene|tienen|tes|tens|tem|têm|hai|avete)\s+(tempo\s+|tiempo\s+)?(hasta|até|ata|fino)\b|\b(te|le|ti|vi)\s+(quedan|queda|restano|resta|restanu)\b|\búltima\s+(oportunidad|oportunidade)\b|\bultima\s+(possibilità|occasione)\b|\b(je\s+hebt|u\s+hebt|u\s+heeft)\s+(nog\s+)?(tot|tijd)\b|\blaatste\s+kans\b|\b(te|vos)\s+demòra\b|\bma(sz|\s+pan|\s+pani)?\s+czas\s+do\b|\bmáte\s+čas\s+do\b|\bima(š|te)\s+(vremena|rok)\s+do\b|у\s+(вас|тебя)\s+(есть\s+)?(ещё\s+|еще\s+)?(время|срок)|имате\s+време\s+до|маєте\s+час\s+до|ещё\s+есть\s+время|еще\s+есть\s+время|vaktiniz\s+var|zaman[ıi]n[ıi]z\s+var|wagty[ňn][ıy]z\s+bar|вакытыгыз\s+бар|vaqtingiz\s+bor|уақытыңыз\s+бар|убактыңыз\s+бар|יש\s+לך\s+(זמן\s+)?עד|נשאר\s+לך|האָסטו\s+ביז|أمامك\s+(حتى|مهلة)|لديك\s+(حتى|مهلة)|فرصت\s+دار|وخت\s+لرئ|تک\s+وقت|तक\s+(का\s+)?(समय|वक्त)|\byu\s+gat\s+(inap|\w+\s+de)\b|\buna\s+(hadi|mpaka)\b|\bune\s+kusvika\b|你还有|您还有|最后(机会|期限)|猶予|시간이\s+있", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TimeLeftToReader();

    /// <summary>The writer's restraint ending when the time is up: out of my hands, not up to me, I can't keep it any longer,
    /// too late.</summary>
    [GeneratedRegex(@"out\s+of\s+my\s+hands|\bnot\s+up\s+to\s+me|isn'?t\s+up\s+to\s+me|no\s+longer\s+(up\s+to|in)\s+(me|my)|\b(won'?t|will\s+not|can'?t|cannot)\s+(be\s+able\s+to\s+)?(keep|hold|promise|guarantee|help|protect|hide)\b|\btoo\s+late\b|\bbeyond\s+my\s+control|\bnot\s+in\s+my\s+control|(liegt|ist)\s+es\s+nicht\s+mehr\s+(bei|in)\s+mir|nicht\s+mehr\s+in\s+meiner\s+hand|\bzu\s+spät|\bz\s+spot\b|\bkann\s+ich\s+nichts?\s+mehr|ne\s+dépend(ra)?\s+plus\s+de\s+moi|n'est\s+plus\s+entre\s+mes\s+mains|\btrop\s+tard\b|\bje\s+ne\s+(pourrai|peux)\s+plus|no\s+depende(rá)?\s+(ya\s+)?de\s+mí|ya\s+no\s+está\s+en\s+mis\s+manos|demasiado\s+tarde|ya\s+no\s+podré|non\s+dipende(rà)?\s+più\s+da\s+me|troppo\s+tardi|non\s+(potrò|posso)\s+più|não\s+depende(rá)?\s+(mais\s+)?de\s+mim|tarde\s+demais|já\s+não\s+poderei|dependr[àa]\s+pas\s+pus\s+de\s+ieu|nun\s+ti\s+pozzu|от\s+меня\s+(уже\s+)?не\s+зависит|(будет|буде)\s+(уже\s+)?(поздно|пізно)|не\s+смогу|алмаячакмын|saklap\s+bilmerin|ونه\s+ساتلای|צו\s+שפּעט|מאוחר\s+מדי|elimde\s+olmayacak|elimde\s+değil|çok\s+geç|నియంత్రణ\s+ఉండదు|பொறுப்பல்ல|sega\s+ni\s+tiko\s+vei", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RestraintEnds();

    /// <summary>What the reader is to do with the time: think again, decide, change their mind, call it off.</summary>
    [GeneratedRegex(@"\b(reconsider\w*|rethink|think\s+(again|it\s+over|hard|about)|decide\w*|change\s+your\s+mind|call\s+(it|\w+)\s+off|cancel\w*|withdraw\w*|überleg\w*|entscheid\w*|nachdenk\w*|repens\w*|ripens\w*|réfléchi\w*|reflexion\w*|pensarlo|pensar|pensá|decid\w*|deci[dz]\w*|pikirlen\w*|уйлар\w*|подума\w*|передума\w*|решени\w*|решит\w*|wagtyňyz)\b|فکر|טוישן|מיינונג|להחליט|לחשוב|ఆలోచించ|யோசி|सोच|想清楚|考虑|決め|생각", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ThinkAgain();

    /// <summary>A claim of knowing or having read: "I know", "I've seen", "you know what", "wiem", "mi save", "biliyorum".</summary>
    [GeneratedRegex(@"\b(I\s+know|I('ve|\s+have)\s+(read|seen)|you\s+know\s+(what|why|where)|I\s+have\s+read|ich\s+weiß|ich\s+weiss|ech\s+weess|je\s+sais|j'ai\s+lu|sé\s+(lo|de)|ya\s+sé|lo\s+so|so\s+(di|cosa)|eu\s+sei|sei\s+d[ao]|wiem|знаю|я\s+читал\w*|biliyorum|mi\s+save|alam\s+ko|you\s+know\s+what)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KnowingClaim();
}
