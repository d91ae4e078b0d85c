using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Weekday names in the scripts and inflected languages a word-bounded English list cannot match: Chinese, Japanese,
/// Korean, Hindi, Nepali, Bengali, Tamil, Arabic, Urdu, Persian, Hebrew, Greek, Armenian, Georgian, Amharic, Mongolian,
/// Thai (written without spaces or with particles attached), and the stems of Slavic, Baltic, Finno-Ugric, Turkic,
/// Romanian, Albanian, Icelandic, Malay, Swahili, Vietnamese and Tagalog weekdays that change with case ("piątek", "w
/// piątek", "do piątku").
/// Two texts name the same day when each holds a form of it; the forms of a day are interchangeable.
/// </summary>
internal static partial class ScriptWeekday
{
    // One row per weekday, Monday first. Forms in scripts without word spaces match anywhere; Latin and Cyrillic stems
    // match at the start of a word.
    private static readonly string[][] Days =
    [
        ["monday", "lunes", "lundi", "montag", "segunda-feira", "maandag", "måndag", "mandag", "lunedì", "月曜", "周一", "星期一", "週一", "礼拜一", "월요일", "सोमवार", "الاثنين", "الإثنين", "จันทร์", "понедел", "pazartesi", "poniedział", "ponedjelj", "ponedel", "pirmdien", "esmaspäev", "mánudag", "pondělí", "hétfő", "maanantai", "luni$", "hënë", "bazar ertəsi", "երկուշաբթի", "ორშაბათ", "даваа$", "ሰኞ", "திங்கள்", "सोमबार", "سوموار", "دوشنبه", "সোমবার", "יום שני", "δευτέρα", "thứ hai", "senin", "isnin", "jumatatu", "pirmadien", "понеділ", "понедељ", "дүйсенбі", "dushanba", "dilluns", "segunda$", "pondelok"],
        ["tuesday", "martes", "mardi", "dienstag", "terça-feira", "dinsdag", "tisdag", "tirsdag", "martedì", "火曜", "周二", "星期二", "週二", "礼拜二", "화요일", "मंगलवार", "الثلاثاء", "อังคาร", "вторник", "wtor", "utor", "otrdien", "teisipäev", "þriðjudag", "úterý", "kedd", "tiistai", "salı", "marți", "marti$", "martë", "çərşənbə axşamı", "երեքշաբթի", "სამშაბათ", "мягмар", "ማክሰኞ", "செவ்வாய்", "मंगलबार", "منگل", "سه‌شنبه", "মঙ্গলবার", "יום שלישי", "τρίτη", "thứ ba", "selasa", "jumanne", "antradien", "вівтор", "уторак", "сейсенбі", "seshanba", "dimarts", "terça$"],
        ["wednesday", "miércoles", "mercredi", "mittwoch", "quarta-feira", "woensdag", "onsdag", "mercoledì", "水曜", "周三", "星期三", "週三", "礼拜三", "수요일", "बुधवार", "الأربعاء", "พุธ", "среда", "среду", "среды", "сряда", "środ", "srijed", "sreda", "trešdien", "kolmapäev", "miðvikudag", "středa", "szerda", "keskiviikko", "çarşamba", "miercuri", "miyerkules", "miercuri", "mërkurë", "çərşənbə", "չորեքշաբթի", "ოთხშაბათ", "лхагва", "ረቡዕ", "புதன்", "बुधबार", "بدھ", "چهارشنبه", "বুধবার", "יום רביעי", "τετάρτη", "thứ tư", "rabu$", "jumatano", "trečiadien", "середа$", "середу$", "середи$", "сәрсенбі", "chorshanba", "dimecres", "quarta$"],
        ["thursday", "jueves", "jeudi", "donnerstag", "quinta-feira", "donderdag", "torsdag", "giovedì", "木曜", "周四", "星期四", "週四", "礼拜四", "목요일", "गुरुवार", "الخميس", "พฤหัส", "четвер", "четвъртък", "czwart", "četvrt", "ceturtdien", "neljapäev", "fimmtudag", "čtvrt", "csütörtök", "torstai", "perşembe", "huwebes", "joi$", "enjte", "cümə axşamı", "հինգշաբթի", "ხუთშაბათ", "пүрэв", "ሐሙስ", "வியாழன்", "बिहीबार", "جمعرات", "پنجشنبه", "বৃহস্পতিবার", "יום חמישי", "πέμπτη", "thứ năm", "kamis", "khamis", "alhamisi", "ketvirtadien", "бейсенбі", "payshanba", "dijous", "quinta$"],
        ["friday", "viernes", "vendredi", "freitag", "sexta-feira", "vrijdag", "fredag", "venerdì", "金曜", "周五", "星期五", "週五", "礼拜五", "금요일", "शुक्रवार", "الجمعة", "ศุกร์", "пятниц", "петък", "piąt", "petak", "petk", "piektdien", "reede", "föstudag", "pátek", "péntek", "perjantai", "cuma", "vineri", "biyernes", "premte", "cümə", "ուրբաթ", "პარასკევ", "баасан", "ዓርብ", "வெள்ளி", "शुक्रबार", "جمعہ", "جمعه", "শুক্রবার", "יום שישי", "παρασκευή", "thứ sáu", "jumat$", "jumaat$", "ijumaa", "penktadien", "п'ятниц", "п’ятниц", "жұма", "juma$", "divendres", "sexta$"],
        ["saturday", "sábado", "samedi", "samstag", "zaterdag", "lördag", "lørdag", "sabato", "土曜", "周六", "星期六", "週六", "礼拜六", "토요일", "शनिवार", "السبت", "เสาร์", "суббот", "събота", "sobot", "subot", "sestdien", "laupäev", "laugardag", "szombat", "lauantai", "cumartesi", "sâmbătă", "sambata", "shtunë", "şənbə", "შაბათ", "бямба", "ቅዳሜ", "சனி", "शनिबार", "শনিবার", "יום שבת", "thứ bảy", "sabtu", "jumamosi", "šeštadien", "сенбі", "shanba", "dissabte"],
        ["sunday", "domingo", "dimanche", "sonntag", "zondag", "söndag", "søndag", "domenica", "日曜", "周日", "星期日", "星期天", "週日", "礼拜天", "일요일", "रविवार", "الأحد", "วันอาทิตย์", "воскрес", "niedziel", "nedjelj", "nedel", "svētdien", "pühapäev", "sunnudag", "neděl", "vasárnap", "sunnuntai", "duminică", "duminica", "diel$", "bazar$", "կիրակի", "ням$", "እሑድ", "ஞாயிறு", "आइतबार", "اتوار", "یکشنبه", "রবিবার", "יום ראשון", "κυριακή", "chủ nhật", "ahad$", "jumapili", "sekmadien", "неділ", "жексенбі", "yakshanba", "diumenge"],
    ];

    /// <summary>A form of a weekday that both texts name, or null.</summary>
    public static string? SameDay(string announcement, string message)
    {
        foreach (var forms in Days)
        {
            var inAnnouncement = false;
            foreach (var form in forms)
            {
                if (Holds(announcement, form))
                {
                    inAnnouncement = true;
                    break;
                }
            }

            if (!inAnnouncement)
            {
                continue;
            }

            foreach (var form in forms)
            {
                if (Holds(message, form))
                {
                    return form;
                }
            }
        }

        return null;
    }

    /// <summary>A day of the month written with a CJK counter in the announcement ("18日", "18일", "18号") that the message
    /// names as an ordinal or with a counter ("the 18th", "18日"), or null.</summary>
    public static string? SameDate(string announcement, string message)
    {
        foreach (Match date in CounterDate().Matches(announcement))
        {
            var day = date.Groups["d"].Value;
            foreach (Match named in NamedDay().Matches(message))
            {
                if (named.Groups["d"].Value == day)
                {
                    return named.Value;
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"(?<![\d])(?<d>[1-3]?\d)\s?(日|号|號|일)", RegexOptions.CultureInvariant)]
    private static partial Regex CounterDate();

    [GeneratedRegex(@"(?<![\d])(?<d>[1-3]?\d)(\s?(日|号|號|일)|(st|nd|rd|th)\b)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NamedDay();

    private static bool Holds(string text, string form)
    {
        // A form marked "$" is a whole word ("joi", "rabu"): as a stem it would begin other words ("joint").
        var whole = form[^1] == '$';
        if (whole)
        {
            form = form[..^1];
        }

        // Scripts written with spaces between words start a form at a word; Thai and the CJK scripts hold it anywhere.
        var spaced = !(form[0] is >= '\u0E00' and <= '\u0E7F' or >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF');
        var at = text.IndexOf(form, StringComparison.OrdinalIgnoreCase);
        while (at >= 0)
        {
            // Latin, Cyrillic and Arabic forms start a word (Arabic may carry a prefix such as "يوم" before a space only).
            // "cuma" (Friday) begins "cumartesi" (Saturday); "cümə axşamı" is Thursday, "çərşənbə axşamı" Tuesday and
            // "bazar ertəsi" Monday, not the day the first word names alone.
            var end = at + form.Length;
            // Hebrew joins a one-letter preposition to the word ("ביום ראשון", on Sunday; "עד יום ראשון").
            var hebrewPrefix = form[0] is >= '\u05D0' and <= '\u05EA' && at >= 1 && text[at - 1] is 'ב' or 'ל' or 'מ' or 'ו' or 'ה' or 'ש'
                && (at == 1 || !char.IsLetter(text[at - 2]));
            if ((!spaced || at == 0 || hebrewPrefix || !(char.IsLetter(text[at - 1]) || TokenSet.IsMark(text[at - 1])))
                && (!whole || end == text.Length || !char.IsLetter(text[end]))
                && !(form == "cuma" && text.AsSpan(end).StartsWith("rtesi", StringComparison.OrdinalIgnoreCase))
                && !(form is "cümə" or "çərşənbə" && text.AsSpan(end).StartsWith(" axşam", StringComparison.OrdinalIgnoreCase))
                && !(form == "bazar" && text.AsSpan(end).StartsWith(" ertəsi", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }

            at = text.IndexOf(form, at + form.Length, StringComparison.OrdinalIgnoreCase);
        }

        return false;
    }
}
