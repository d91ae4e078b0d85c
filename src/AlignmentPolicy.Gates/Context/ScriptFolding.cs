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

    /// <summary>The text with the Turkish capital dotted I and small dotless i written "i": culture-invariant matching
    /// reads neither as an i, so "GİZLİ" and "DIŞINA" (capitals of "gizli", "dışına") would miss the lexicons. Returns the
    /// text itself when it has neither.</summary>
    public static string FoldTurkishI(string text)
        => text.AsSpan().IndexOfAny('\u0130', '\u0131') < 0 ? text : text.Replace('\u0130', 'i').Replace('\u0131', 'i');

    /// <summary>The word in lower-case Latin letters without diacritics; letters of scripts it does not know are kept.</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        var builder = new StringBuilder(word.Length + 2);
        for (var i = 0; i < word.Length; i++)
        {
            var c = char.ToLowerInvariant(word[i]);
            if (c < 0x80)
            {
                builder.Append(c);
            }
            else if (Letters.TryGetValue(c, out var latin))
            {
                builder.Append(latin);
            }
            else if (c is >= '\uAC00' and <= '\uD7A3')
            {
                AppendHangul(builder, c);
            }
            else if (c is >= '\u0900' and <= '\u097F')
            {
                // Devanagari: a consonant carries an "a" unless a vowel sign or the virama follows it.
                if (Devanagari.TryGetValue(c, out var sound))
                {
                    builder.Append(sound);
                    var next = i + 1 < word.Length ? word[i + 1] : '\0';
                    if (c is >= '\u0915' and <= '\u0939' && !(next is >= '\u093E' and <= '\u094D'))
                    {
                        builder.Append('a');
                    }
                }
            }
            else if (c is >= '\u0E01' and <= '\u0E4E' || c is >= '\u3041' and <= '\u30FF')
            {
                // Thai tone marks and the kana length mark and small tsu are not letters of the skeleton.
            }
            else if (TokenSet.IsOptionalVowel(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark)
            {
                // Vowel points Arabic and Hebrew may leave out, and diacritics written apart from their letter, are no
                // letters of the name: "مُحَمَّد" is "محمد".
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

    private static readonly string[] HangulInitials = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];
    private static readonly string[] HangulVowels = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi", "yu", "eu", "ui", "i"];
    private static readonly string[] HangulFinals = ["", "k", "k", "k", "n", "n", "n", "t", "l", "l", "l", "l", "l", "l", "l", "l", "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t"];

    /// <summary>A Hangul syllable in the Revised Romanization ("누" → "nu", "리" → "ri", "별" → "byeol").</summary>
    private static void AppendHangul(StringBuilder builder, char syllable)
    {
        var index = syllable - '\uAC00';
        builder.Append(HangulInitials[index / (21 * 28)]).Append(HangulVowels[index / 28 % 21]).Append(HangulFinals[index % 28]);
    }

    private static readonly Dictionary<char, string> Devanagari = BuildDevanagari();

    private static Dictionary<char, string> BuildDevanagari()
    {
        var map = new Dictionary<char, string>();
        const string Consonants = "कखगघङचछजझञटठडढणतथदधनपफबभमयरलवशषसह";
        string[] consonantSounds = ["k", "kh", "g", "gh", "n", "ch", "chh", "j", "jh", "n", "t", "th", "d", "dh", "n", "t", "th", "d", "dh", "n", "p", "ph", "b", "bh", "m", "y", "r", "l", "v", "sh", "sh", "s", "h"];
        for (var i = 0; i < Consonants.Length; i++)
        {
            map[Consonants[i]] = consonantSounds[i];
        }

        const string Vowels = "अआइईउऊऋएऐओऔािीुूृेैोौंँः़्";
        string[] vowelSounds = ["a", "a", "i", "i", "u", "u", "ri", "e", "ai", "o", "au", "a", "i", "i", "u", "u", "ri", "e", "ai", "o", "au", "n", "n", "h", "", ""];
        for (var i = 0; i < Vowels.Length; i++)
        {
            map[Vowels[i]] = vowelSounds[i];
        }

        return map;
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

    /// <summary>Whether a Hebrew or Arabic word (folded) writes a Latin name: the two agree in their consonants, since these
    /// scripts leave most vowels out ("דקל" is "Dekel", "نور" is "Noor", "אמיר" is "Amir"). A name of two consonants needs a
    /// vowel letter written in the word too ("אמר", "said", is not "Amir").</summary>
    private static bool IsAbjadName(string folded, string name)
    {
        Span<char> a = stackalloc char[folded.Length];
        Span<char> b = stackalloc char[name.Length];
        var x = Skeleton(folded, a);
        var y = Skeleton(name, b);
        return y >= 2 && x == y && a[..x].SequenceEqual(b[..y]) && (y >= 3 || folded.Length > x);

        static int Skeleton(string word, Span<char> into)
        {
            var n = 0;
            foreach (var c in word)
            {
                if (c is not ('a' or 'e' or 'i' or 'o' or 'u' or 'w' or 'y') && char.IsAsciiLetter(c))
                {
                    into[n++] = c;
                }
            }

            return n;
        }
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
            while (i < span.Length && (char.IsLetter(span[i]) || span[i] is '\u05F3' or '\u05F4' || (i > start && (IsVowelSign(span[i]) || TokenSet.IsMark(span[i])))) && IsSyllabic(span[i]) == IsSyllabic(span[start]))
            {
                i++;
            }

            var word = span[start..i];
            if (IsSyllabic(word[0]))
            {
                foreach (var name in names)
                {
                    if (NamedInSyllables(word, name))
                    {
                        return word.ToString();
                    }
                }

                continue;
            }

            // Lower-case Latin or Cyrillic words are ordinary words, not names ("mira" is Romanian for "wonder" only in prose).
            if (word.Length < 2 || (char.IsLower(word[0]) && !IsHebrewOrArabic(word[0])))
            {
                continue;
            }

            var folded = Fold(word);
            foreach (var name in names)
            {
                if (IsName(folded, name) || (IsHebrewOrArabic(word[0]) && IsAbjadName(folded, name)))
                {
                    return word.ToString();
                }
            }
        }

        return null;
    }

    /// <summary>Scripts written in syllables or without spaces between words: Hangul, kana and the ideographs they are
    /// written among, Thai and Devanagari.</summary>
    private static bool IsSyllabic(char c)
        => c is >= '\uAC00' and <= '\uD7A3' or >= '\u3041' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF' or >= '\u0E01' and <= '\u0E4E' or >= '\u0900' and <= '\u097F';

    /// <summary>The vowel signs and marks of Thai and Devanagari, which are not letters but belong to the word.</summary>
    private static bool IsVowelSign(char c)
        => c is >= '\u0E31' and <= '\u0E4E' or >= '\u0900' and <= '\u0903' or >= '\u093A' and <= '\u094F' or >= '\u0951' and <= '\u0957' or >= '\u0962' and <= '\u0963';

    /// <summary>Whether a word of a syllabic script names <paramref name="name"/> (folded Latin): a Korean word that is
    /// the name and a particle of at most two syllables ("누리를", "누리에게"); a run of katakana in Japanese text
    /// ("アプシス"); a span of a Thai run (Thai writes no spaces between words: "ปิดระบบโลตัส"); a Devanagari word. The
    /// transliteration is compared as it sounds (<see cref="SoundsLike"/>), since a Latin name is written in these scripts
    /// by its sound ("ロータス", "로터스" and "โลตัส" are all "Lotus").</summary>
    private static bool NamedInSyllables(ReadOnlySpan<char> word, string name)
    {
        // A name held in ideographs (how the organisation writes the agent's Chinese name) is read as written.
        if (name.Length > 0 && name[0] is >= '\u4E00' and <= '\u9FFF')
        {
            return word.Contains(name.AsSpan(), StringComparison.Ordinal);
        }

        if (name.Length < 3)
        {
            return false;
        }

        var first = word[0];
        if (first is >= '\uAC00' and <= '\uD7A3')
        {
            for (var n = word.Length; n >= 1; n--)
            {
                if (word.Length - n <= 2 && SoundsLike(Fold(word[..n]), name))
                {
                    return true;
                }
            }

            return false;
        }

        if (first is >= '\u0900' and <= '\u097F')
        {
            return SoundsLike(Fold(word), name);
        }

        if (first is >= '\u0E01' and <= '\u0E4E')
        {
            // A span starts at a consonant or a vowel written before one, and does not end inside a syllable.
            for (var start = 0; start < word.Length; start++)
            {
                if (IsVowelSign(word[start]))
                {
                    continue;
                }

                for (var end = start + 2; end <= word.Length && end - start <= name.Length + 4; end++)
                {
                    if ((end == word.Length || !IsVowelSign(word[end])) && SoundsLike(Fold(word[start..end]), name))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        // Japanese: each run of katakana (a foreign name's script) among the kanji and hiragana.
        var i = 0;
        while (i < word.Length)
        {
            if (word[i] is < '\u30A1' or > '\u30FF')
            {
                i++;
                continue;
            }

            var start = i;
            while (i < word.Length && word[i] is >= '\u30A1' and <= '\u30FF' and not '\u30FB')
            {
                i++;
            }

            if (i > start && SoundsLike(Fold(word[start..i]), name))
            {
                return true;
            }

            i = Math.Max(i, start + 1);
        }

        return false;
    }

    /// <summary>Whether a transliterated word sounds like the name: equal reading "l" and "r", "y" and "i", "v" and "b" as
    /// one letter (Korean and Japanese do not tell them apart), or, for a name of three consonants or more, the same
    /// consonants in the same order with the vowels the script adds or drops left out ("apushisu" for "apsis", "roteoseu"
    /// for "lotus").</summary>
    public static bool SoundsLike(string folded, string name)
    {
        if (folded.Length == 0)
        {
            return false;
        }

        if (string.Equals(Loose(folded), Loose(name), StringComparison.Ordinal))
        {
            return true;
        }

        var skeleton = Skeleton(name);
        return skeleton.Length >= 3 && string.Equals(Skeleton(folded), skeleton, StringComparison.Ordinal);
    }

    private static string Loose(string word)
    {
        var builder = new StringBuilder(word.Length);
        foreach (var raw in word)
        {
            var c = raw switch { 'l' => 'r', 'y' => 'i', 'v' => 'b', _ => raw };
            if (builder.Length == 0 || builder[^1] != c)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The consonants in order, voiced and voiceless read as one ("g"/"k", "d"/"t", "b"/"p"), "h" after the first
    /// letter dropped ("sh", "th", "kh"), a doubled consonant once.</summary>
    private static string Skeleton(string word)
    {
        var builder = new StringBuilder(word.Length);
        var plain = word.Replace("ng", "n", StringComparison.Ordinal).Replace("ts", "s", StringComparison.Ordinal);
        var previous = '\0';
        for (var i = 0; i < plain.Length; i++)
        {
            var c = plain[i];
            if (c == 'h' && i > 0)
            {
                continue;
            }

            if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'w' || !char.IsAsciiLetterLower(c))
            {
                previous = '\0';
                continue;
            }

            c = c switch { 'l' => 'r', 'v' or 'b' or 'f' => 'p', 'g' or 'c' or 'q' => 'k', 'd' => 't', 'z' or 'j' => 's', _ => c };
            if (c != previous)
            {
                builder.Append(c);
            }

            previous = c;
        }

        return builder.ToString();
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
        // Kana (hiragana and katakana): each letter its syllable, small letters their vowel or glide.
        const string Gojuon = "あいうえおかきくけこがぎぐげごさしすせそざじずぜぞたちつてとだぢづでどなにぬねのはひふへほばびぶべぼぱぴぷぺぽまみむめもやゆよらりるれろわをんぁぃぅぇぉゃゅょゔ";
        string[] gojuonSounds = ["a", "i", "u", "e", "o", "ka", "ki", "ku", "ke", "ko", "ga", "gi", "gu", "ge", "go", "sa", "shi", "su", "se", "so", "za", "ji", "zu", "ze", "zo", "ta", "chi", "tsu", "te", "to", "da", "ji", "zu", "de", "do", "na", "ni", "nu", "ne", "no", "ha", "hi", "fu", "he", "ho", "ba", "bi", "bu", "be", "bo", "pa", "pi", "pu", "pe", "po", "ma", "mi", "mu", "me", "mo", "ya", "yu", "yo", "ra", "ri", "ru", "re", "ro", "wa", "o", "n", "a", "i", "u", "e", "o", "ya", "yu", "yo", "vu"];
        Add(Gojuon, gojuonSounds);
        // Katakana are the hiragana shifted by 0x60.
        Add(string.Concat(Gojuon.Select(h => (char)(h + 0x60))), gojuonSounds);
        // Thai: consonants by their initial sound, vowels by their letter (a vowel written before its consonant keeps
        // its place: the consonant skeleton is what names are compared by).
        Add("กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรฤลฦวศษสหฬอฮะัาำิีึืุูเแโใไๅ",
            "k", "kh", "kh", "kh", "kh", "kh", "ng", "j", "ch", "ch", "s", "ch", "y", "d", "t", "th", "th", "th", "n", "d", "t", "th", "th", "th", "n", "b", "p", "ph", "f", "ph", "f", "ph", "m", "y", "r", "ri", "l", "lu", "w", "s", "s", "s", "h", "l", "", "h", "a", "a", "a", "am", "i", "i", "ue", "ue", "u", "u", "e", "ae", "o", "ai", "ai", "a");
        // Latin letters that do not decompose.
        Add("łøđßæœħıð", "l", "o", "d", "ss", "ae", "oe", "h", "i", "d");
        return map;
    }
}
