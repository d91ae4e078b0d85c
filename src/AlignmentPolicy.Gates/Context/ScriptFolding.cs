using System.Globalization;
using System.Text;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Names across scripts and inflections: a mailbox says "krylo", "mura" or "p.ivanov", the mail says "Крила", "Мура",
/// "Петър Иванов" or "אורי". Folds a word to lower-case Latin without diacritics (Cyrillic, Greek, Hebrew and Arabic
/// letters transliterated one by one) and compares a folded word with a name allowing an inflected ending, so a
/// scenario's people and its agent are recognised in any of the languages its mail is written in.
/// </summary>
internal static class ScriptFolding
{
    private static readonly Dictionary<char, string> Letters = Build();

    /// <summary>The word in lower-case Latin letters without diacritics; letters of scripts it does not know are kept.</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        var builder = new StringBuilder(word.Length + 2);
        foreach (var raw in word)
        {
            var c = char.ToLowerInvariant(raw);
            if (c < 0x80)
            {
                builder.Append(c);
            }
            else if (Letters.TryGetValue(c, out var latin))
            {
                builder.Append(latin);
            }
            else
            {
                // Latin letters with diacritics: the base letter ("ș" → "s", "ő" → "o").
                var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
                var kept = false;
                foreach (var part in decomposed)
                {
                    if (CharUnicodeInfo.GetUnicodeCategory(part) != UnicodeCategory.NonSpacingMark)
                    {
                        builder.Append(part);
                        kept = true;
                    }
                }

                if (!kept)
                {
                    builder.Append(c);
                }
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether the folded word <paramref name="folded"/> is the name <paramref name="name"/> (folded, at least
    /// three letters), inflected or not: equal, or sharing all of the name but its last letter and ending at most three
    /// letters later ("kryla" for "krylo", "tkachenka" for "tkachenko", "mirei" for "mira").</summary>
    public static bool IsName(string folded, string name)
    {
        if (name.Length < 3 || folded.Length < name.Length - 1 || folded.Length > name.Length + 3)
        {
            return false;
        }

        if (folded.Length == name.Length && SameLetters(folded, name))
        {
            return true;
        }

        // Short names ("ori", "ana") only as themselves or with an ending of at most two letters.
        var keep = name.Length <= 4 ? name.Length - (name.Length == 4 ? 1 : 0) : name.Length - 1;
        if (name.Length <= 3 && folded.Length > name.Length + 2)
        {
            return false;
        }

        return folded.Length >= keep && SameLetters(folded.AsSpan(0, keep), name.AsSpan(0, keep));
    }

    /// <summary>Equal, reading "y" and "i" as one letter (Cyrillic "и" is "y" in Ukrainian, "i" in Bulgarian).</summary>
    private static bool SameLetters(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        for (var i = 0; i < a.Length; i++)
        {
            var x = a[i] == 'y' ? 'i' : a[i];
            var y = b[i] == 'y' ? 'i' : b[i];
            if (x != y)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the text names someone by one of <paramref name="names"/> (folded), in any script: a word written as
    /// a name (capitalised, or in a script without case) that <see cref="IsName"/> accepts.</summary>
    public static string? NamedIn(string text, IReadOnlyCollection<string> names)
    {
        if (names.Count == 0)
        {
            return null;
        }

        var span = text.AsSpan();
        var i = 0;
        while (i < span.Length)
        {
            if (!char.IsLetter(span[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < span.Length && (char.IsLetter(span[i]) || span[i] is '\u05F3' or '\u05F4'))
            {
                i++;
            }

            var word = span[start..i];
            // Lower-case Latin or Cyrillic words are ordinary words, not names ("mira" is Romanian for "wonder" only in prose).
            if (word.Length < 2 || (char.IsLower(word[0]) && !IsHebrewOrArabic(word[0])))
            {
                continue;
            }

            var folded = Fold(word);
            foreach (var name in names)
            {
                if (IsName(folded, name))
                {
                    return word.ToString();
                }
            }
        }

        return null;
    }

    /// <summary>Scripts that write names without capitals: Hebrew, Arabic, and Georgian (whose Mkhedruli letters count as
    /// lower case).</summary>
    private static bool IsHebrewOrArabic(char c) => c is >= '\u0590' and <= '\u06FF' or >= '\u10D0' and <= '\u10FF';

    private static Dictionary<char, string> Build()
    {
        var map = new Dictionary<char, string>();
        void Add(string letters, params string[] latin)
        {
            for (var i = 0; i < letters.Length; i++)
            {
                map[letters[i]] = latin[i];
            }
        }

        // Cyrillic (Ukrainian, Bulgarian, Russian, Serbian, Macedonian letters).
        Add("абвгґдеєжзиіїйклмнопрстуфхцчшщъыьэюяёђјљњћџѓќѕ",
            "a", "b", "v", "h", "g", "d", "e", "ie", "zh", "z", "y", "i", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "sht", "a", "y", "", "e", "iu", "ia", "e", "dj", "j", "lj", "nj", "c", "dz", "g", "k", "dz");
        // Greek.
        Add("αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ",
            "a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p", "r", "s", "s", "t", "y", "f", "ch", "ps", "o", "a", "e", "i", "i", "o", "y", "o", "i", "y", "i", "y");
        // Hebrew: consonants, with alef and ayin silent and vav and yod read as the vowels they mostly write in names.
        Add("אבגדהוזחטיכךלמםנןסעפףצץקרשת",
            "", "b", "g", "d", "h", "o", "z", "h", "t", "i", "k", "k", "l", "m", "m", "n", "n", "s", "", "p", "f", "ts", "ts", "k", "r", "sh", "t");
        // Arabic.
        Add("ابتثجحخدذرزسشصضطظعغفقكلمنهويىةأإآ",
            "a", "b", "t", "th", "j", "h", "kh", "d", "dh", "r", "z", "s", "sh", "s", "d", "t", "z", "", "gh", "f", "q", "k", "l", "m", "n", "h", "w", "y", "a", "a", "a", "i", "a");
        // Georgian (Mkhedruli) and Armenian.
        Add("აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ",
            "a", "b", "g", "d", "e", "v", "z", "t", "i", "k", "l", "m", "n", "o", "p", "zh", "r", "s", "t", "u", "p", "k", "gh", "q", "sh", "ch", "ts", "dz", "ts", "ch", "kh", "j", "h");
        Add("աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ",
            "a", "b", "g", "d", "e", "z", "e", "e", "t", "zh", "i", "l", "kh", "ts", "k", "h", "dz", "gh", "ch", "m", "y", "n", "sh", "o", "ch", "p", "j", "r", "s", "v", "t", "r", "ts", "w", "p", "k", "o", "f");
        // Latin letters that do not decompose.
        Add("łøđßæœħıð", "l", "o", "d", "ss", "ae", "oe", "h", "i", "d");
        return map;
    }
}
