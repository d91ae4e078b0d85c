using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// The writer handing something over in confidence: "off the record", "between us:", "you didn't hear it from me", "not
/// for attribution", "please don't name us", "unofficially", in the languages an organisation's mail is written in. A
/// closed class of phrases whose only job is to keep what they come with from being attributed or published; said to an
/// outsider, it marks what the message gives as what the organisation keeps inside.
/// </summary>
internal static partial class ContextLexicon
{
    /// <summary>
    /// A confidence: the writer asking not to be named, quoted or published, or saying what follows is unofficial or
    /// stays between writer and reader. "Between us" counts as a phrase of its own (before a separator, or "just / strictly
    /// between us", "keep it between us"), not as a preposition ("the agreement between us and the customer").
    /// </summary>
    [GeneratedRegex(@"(\b(off the record|not for (publication|attribution|quot\w+)|(don'?t|do not|please don'?t) (quote|name|cite) (me|us)|without (naming|citing|quoting) (me|us|the source)|you didn'?t hear (it|this|that) from (me|us)|unofficially" +
        @"|(just |strictly |only )" + Between + @"|(keep|keeping) (this|it) (between us|to yourself)|" + Between + @"(?=\s*[,:;.!\u2014\u2013-])" +
        // Serbian / Croatian / Bosnian / Slovene; Polish, Czech, Slovak; German
        @"|nisi (to )?(čuo|čula|cuo|cula) od mene|nezvanično|neslužbeno|nezvanicno|nesluzbeno|neuradno|brez navajanja vira" +
        @"|nieoficjalnie|nie do publikacji|nie cytuj\w*|neoficiáln[eě]|inoffiziell|nicht zur veröffentlichung|nicht zitieren|von mir ha(st du|ben sie) (das|es) nicht" +
        // French, Spanish, Portuguese, Italian, Dutch
        @"|officieusement|ne me cite[zs]? pas|pas pour publication|extraoficialmente|no (me|nos) cit\w+|no lo (oíste|escuchaste|has oído) de mí|no digas que (te lo dije|fui yo)|em off|não me cit\w+" +
        @"|ufficiosamente|in via ufficiosa|non citarmi|non mi cit\w+|non l'hai sentito da me|officieus|niet citeren|niet voor publicatie|van mij heb je het niet" +
        // Nordic languages, Finnish, Icelandic; Greek, Turkish, Hungarian, Romanian
        @"|inofficiellt|inte för publicering|uoffisielt|uofficielt|ikke til publisering|epävirallisesti|ei julkaistavaksi|óopinberlega|ekki til birtingar" +
        @"|ανεπίσημα|όχι για δημοσίευση|gayri ?resmi|benden duymad\w+|aramızda kalsın|nem hivatalosan|nem tőlem hallottad|neoficial|nu (ai auzit|de la mine)" +
        // Tagalog, Cebuano, Malay / Indonesian, Vietnamese; Russian, Ukrainian
        @"|sa atin lang|ayaw (lang )?isulti nga (nako|ako)|huwag mong sabihin|wag mong sabihin|secara tidak r[ae]s?mi|tak rasmi|jangan (cakap|bilang|sebut) (dari|aku|saya)|không chính thức|giữa chúng ta" +
        @"|неофициально|не для (печати|публикации|друку|публікації)|не ссылайтесь на|неофіційно)\b" +
        // Scripts without spaces between words or without \b at their edges: Hebrew, Arabic, Thai, Korean, Japanese, Chinese
        @"|לא לציטוט|לא לפרסום|ليس للنشر|بشكل غير رسمي|อย่าบอกว่า|ไม่เป็นทางการ|ระหว่างเรา|비공식|우리끼리|オフレコ|ここだけの話|非公式|私下|别说是我|不要说是我|非正式)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    public static partial Regex ConfidingCue();

    private const string Between = @"(between (us|you and me|ourselves)|entre nous|entre nosotros|entre nós|tra (di )?noi|fra (di )?noi|unter uns|onder ons|oss emellan|oss imellom|mellem os|między nami|mezi námi|medzi nami|među nama|između nas|med nama|gure artean|antara kita|между нами|між нами|μεταξύ μας|בינינו|بيني وبينك|aramızda|köztünk|între noi)";
}
