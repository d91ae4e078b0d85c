namespace AlignmentPolicy.Gates;

/// <summary>How much of a source item an outbound message carries.</summary>
/// <param name="Shared">Distinct content words of the source's own vocabulary that the message repeats.</param>
/// <param name="Numeric">How many of them are numbers or codes (figures, part numbers: the facts a leak is made of).</param>
/// <param name="Grams">Word 4-grams the message repeats verbatim.</param>
/// <param name="Ratio">The weight as a share of the source's own vocabulary (at most 40 words counted).</param>
/// <param name="Example">One shared word or passage, for the finding's evidence.</param>
internal readonly record struct Overlap(int Shared, int Numeric, int Grams, double Ratio, string? Example)
{
    /// <summary>Enough to say the message carries the source: quoted passages, its figures, or many of its words.
    /// Words alone weigh little: product names and topics are shared by public and confidential texts alike.</summary>
    public bool IsCopy => Grams >= 3 || Numeric >= 2 || (Numeric >= 1 && Shared >= 3) || Shared >= 8 || (Shared >= 5 && Ratio >= 0.4);

    /// <summary>Some of the source's facts, not enough to decide.</summary>
    public bool IsPartial => !IsCopy && (Grams >= 1 || Numeric >= 1 || Shared >= 6);

    /// <inheritdoc />
    public override string ToString() => $"{Shared} of its own words ({Numeric} figures), {Grams} quoted 4-word runs";

    /// <summary>Measures how much of <paramref name="source"/>'s own vocabulary (<paramref name="words"/>) the message carries.</summary>
    public static Overlap Measure(OutboundMessage message, ContextItem source, HashSet<string> words, HashSet<long>? unmarkedGrams = null)
    {
        var shared = 0;
        var numeric = 0;
        string? example = null;
        foreach (var word in message.Tokens.Words)
        {
            if (!words.Contains(word))
            {
                continue;
            }

            shared++;
            // A figure: a number or code of three characters or more ("6.80", "61,400", "ard-207"); "12" may be a day.
            var isNumber = word.Length >= 3 && word.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
            numeric += isNumber ? 1 : 0;
            if (example is null || isNumber)
            {
                example = word;
            }
        }

        var grams = 0;
        foreach (var gram in message.Tokens.Grams)
        {
            if (source.Tokens.Grams.Contains(gram) && (unmarkedGrams is null || !unmarkedGrams.Contains(gram)))
            {
                grams++;
            }
        }

        var ratio = words.Count == 0 ? 0 : (double)shared / Math.Min(words.Count, 40);
        return new Overlap(shared, numeric, grams, ratio, example);
    }

    /// <summary>Whether two vocabularies talk about the same thing (at least two content words in common).</summary>
    public static bool Relevant(HashSet<string> a, HashSet<string> b)
    {
        var common = 0;
        foreach (var word in a)
        {
            if (b.Contains(word) && ++common >= 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A run of <paramref name="length"/> characters of <paramref name="body"/> that <paramref name="source"/> contains.</summary>
    public static string? SharesSpan(string body, string source, int length)
    {
        if (body.Length < length || source.Length < length)
        {
            return null;
        }

        // Slide a window over the body in steps of half the window: any copied run of 1.5x the window is found.
        var step = Math.Max(1, length / 2);
        for (var start = 0; start + length <= body.Length; start += step)
        {
            var window = body.AsSpan(start, length);
            if (window.IsWhiteSpace())
            {
                continue;
            }

            if (source.AsSpan().IndexOf(window, StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return window.ToString();
            }
        }

        return null;
    }
}
