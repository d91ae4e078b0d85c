using System.Globalization;

namespace AlignmentPolicy.Gates;

/// <summary>
/// The content of a text as the overlap measures see it: its content words (lower-cased, crudely stemmed, no stop
/// words) and hashes of its word 4-grams. Content words measure paraphrase (the same facts in other words);
/// 4-grams measure quoting.
/// </summary>
internal sealed class TokenSet
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "are", "but", "not", "you", "your", "yours", "all", "any", "can", "had", "her", "was", "one", "our", "out",
        "has", "have", "him", "his", "how", "its", "may", "new", "now", "old", "see", "two", "who", "did", "get", "got", "let", "put",
        "say", "she", "too", "use", "that", "with", "this", "they", "them", "then", "than", "there", "their", "theirs", "these", "those",
        "from", "into", "onto", "been", "being", "were", "what", "when", "where", "which", "while", "will", "would", "shall", "should",
        "could", "might", "must", "about", "above", "after", "again", "against", "also", "because", "before", "below", "between", "both",
        "does", "doing", "done", "down", "each", "few", "further", "here", "just", "more", "most", "much", "only", "other", "over", "same",
        "some", "such", "through", "under", "until", "very", "well", "want", "like", "make", "made", "know", "need", "take", "come",
        "going", "good", "great", "hello", "dear", "thanks", "thank", "regards", "best", "cheers", "please", "sent", "send", "email",
        "mail", "message", "subject", "sure", "yes", "okay", "ok", "hope", "today", "tomorrow", "week", "time", "day", "let's", "i'm",
        "i've", "i'll", "it's", "don't", "can't", "won't", "we're", "we'll", "you're", "you'll", "that's", "there's", "what's", "via",
        "per", "etc", "also", "still", "even", "ever", "every", "many", "own", "off", "yet", "why", "nor", "itself", "myself", "yourself",
        "himself", "herself", "ourselves", "themselves", "whom", "whose", "once", "since", "though", "although", "either", "neither",
        "within", "without", "upon", "among", "across", "around", "toward", "towards", "back", "next", "last", "first", "team", "hi",
        "note", "notes", "attached", "below", "forward", "forwarded", "reply", "re", "fw", "fwd", "asap", "quick", "update", "info",
    };

    private TokenSet(HashSet<string> words, HashSet<long> grams, int wordCount)
    {
        Words = words;
        Grams = grams;
        WordCount = wordCount;
    }

    /// <summary>Distinct content words.</summary>
    public HashSet<string> Words { get; }

    /// <summary>Hashes of word 4-grams (stop words included: quoting keeps them).</summary>
    public HashSet<long> Grams { get; }

    /// <summary>How many words the text has.</summary>
    public int WordCount { get; }

    public static TokenSet Of(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var grams = new HashSet<long>();
        Span<long> window = stackalloc long[4];
        var count = 0;
        foreach (var word in Split(text))
        {
            window[count % 4] = Hash(word);
            count++;
            if (count >= 4)
            {
                grams.Add(Combine(window, count));
            }

            if (IsContent(word))
            {
                words.Add(Stem(word));
            }

            // "high-dose" also counts as "high" and "dose"; "price-match" as "price" and "match".
            if (word.Contains('-'))
            {
                foreach (var part in word.Split('-', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (IsContent(part))
                    {
                        words.Add(Stem(part));
                    }
                }
            }
        }

        return new TokenSet(words, grams, count);
    }

    /// <summary>Whether a lower-cased word carries content (not a stop word, long enough or holding a digit).</summary>
    public static bool IsContent(string word)
        => (word.Length >= 3 || word.AsSpan().IndexOfAnyInRange('0', '9') >= 0) && !StopWords.Contains(word);

    /// <summary>Lower-cased words: letters and digits, with inner hyphens, dots and apostrophes kept (QUANTUM-7, 4.1x, don't).</summary>
    public static IEnumerable<string> Split(string text)
    {
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var inner = ((c is '-' or '.' or '\'' or '\u2019') && start >= 0 && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
                || (c == ':' && start >= 0 && char.IsDigit(text[i - 1]) && i + 2 < text.Length && char.IsDigit(text[i + 1]) && char.IsDigit(text[i + 2]))
                || (c == ',' && start >= 0 && char.IsDigit(text[i - 1]) && i + 3 < text.Length && char.IsDigit(text[i + 1]) && char.IsDigit(text[i + 2]) && char.IsDigit(text[i + 3]))
                // A decimal comma: "39,99", "11,45".
                || (c == ',' && start >= 0 && char.IsDigit(text[i - 1]) && i + 2 < text.Length && char.IsDigit(text[i + 1]) && char.IsDigit(text[i + 2]) && (i + 3 == text.Length || !char.IsLetterOrDigit(text[i + 3])));
            // A figure written against a unit in a script without spaces ("39.99美元", "2,870원", "6万台") is a word of its own:
            // the figure a message restates in any language.
            if (start >= 0 && i < text.Length && char.IsLetterOrDigit(c) && (char.IsDigit(c) ? WrittenWithoutSpaces(text[i - 1]) : char.IsDigit(text[i - 1]) && WrittenWithoutSpaces(c)))
            {
                var part = text[start..i].ToLowerInvariant();
                yield return part;
                start = i;
                continue;
            }

            // A vowel sign or diacritic belongs to its word: Devanagari, Tamil and Thai write vowels as marks, Arabic and
            // Hebrew their optional vowels.
            if (char.IsLetterOrDigit(c) || inner || (start >= 0 && IsMark(c)))
            {
                if (start < 0)
                {
                    start = i;
                }
            }
            else if (start >= 0)
            {
                var word = WithoutOptionalVowels(text.AsSpan(start, i - start)).Replace('\u2019', '\'').ToLowerInvariant();

                // "Katrin's" is "Katrin".
                yield return word.EndsWith("'s", StringComparison.Ordinal) && word.Length > 3 ? word[..^2] : word;
                start = -1;
            }
        }
    }

    /// <summary>Whether <paramref name="c"/> is a combining mark (a vowel sign, a diacritic written apart from its letter).</summary>
    public static bool IsMark(char c)
        => c >= '\u0300' && CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>Whether <paramref name="c"/> is a vowel point or elongation Arabic and Hebrew may write or leave out
    /// ("مُحَمَّد" and "محمد", "שָׁלוֹם" and "שלום" are one word).</summary>
    public static bool IsOptionalVowel(char c)
        => c is >= '\u0591' and <= '\u05C7' or >= '\u0610' and <= '\u061A' or >= '\u064B' and <= '\u065F' or '\u0670' or '\u0640' or >= '\u06D6' and <= '\u06ED'
           && (c == '\u0640' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark);

    /// <summary>The word without the vowel points Arabic and Hebrew leave optional.</summary>
    public static string WithoutOptionalVowels(ReadOnlySpan<char> word)
    {
        if (word.IndexOfAnyInRange('\u0591', '\u06ED') < 0)
        {
            return word.ToString();
        }

        var builder = new System.Text.StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (!IsOptionalVowel(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Letters of scripts written without spaces between words and figures: Thai, Hiragana, Katakana, Han, Hangul.</summary>
    private static bool WrittenWithoutSpaces(char c)
        => c is (>= '\u0E00' and <= '\u0E7F') or (>= '\u3040' and <= '\u30FF') or (>= '\u3400' and <= '\u9FFF') or (>= '\uAC00' and <= '\uD7AF') or (>= '\uF900' and <= '\uFAFF');

    /// <summary>A crude suffix stripper, enough to match "specifications" with "specification" and "leaked" with "leak".</summary>
    public static string Stem(string word)
    {
        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal))
        {
            return word[..^3];
        }

        if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.Length > 4 && word.EndsWith("es", StringComparison.Ordinal) && !word.EndsWith("ses", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.Length > 3 && word[^1] == 's' && word[^2] != 's')
        {
            return word[..^1];
        }

        return word;
    }

    /// <summary>The word 4-grams of <paramref name="text"/> (hashed as <see cref="Grams"/> are) that hold at least one word of
    /// <paramref name="words"/> (stemmed content words): the quoted runs that carry something distinctive, not a stock phrase.
    /// With <paramref name="distinctiveOnly"/>, a word of <paramref name="words"/> that identifies nothing on its own (a month,
    /// a day's number: <see cref="Overlap.IsWeak"/>) does not make a run hold it.</summary>
    public static HashSet<long> GramsHolding(string text, HashSet<string> words, bool distinctiveOnly = false)
    {
        var grams = new HashSet<long>();
        Span<long> window = stackalloc long[4];
        Span<bool> holds = stackalloc bool[4];
        var count = 0;
        foreach (var word in Split(text))
        {
            window[count % 4] = Hash(word);
            holds[count % 4] = IsContent(word) && Stem(word) is var stem && words.Contains(stem) && !(distinctiveOnly && Overlap.IsWeak(stem));
            count++;
            if (count >= 4 && (holds[0] || holds[1] || holds[2] || holds[3]))
            {
                grams.Add(Combine(window, count));
            }
        }

        return grams;
    }

    private static long Combine(Span<long> window, int count)
    {
        // The window is a ring: read it in order, oldest first.
        long hash = 17;
        for (var i = 0; i < 4; i++)
        {
            hash = hash * 1_000_003L + window[(count + i) % 4];
        }

        return hash;
    }

    private static long Hash(string word)
    {
        long hash = unchecked((long)14695981039346656037UL);
        foreach (var c in word)
        {
            hash = (hash ^ c) * 1099511628211L;
        }

        return hash;
    }
}
