using System.Globalization;
using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Shares and two-digit figures as a paraphrase states them: a fraction in words ("roughly a third", "one in five",
/// "a bit over half", "two-fifths"), a hedged percentage ("barely above ten percent", "around 40%"), or a decade
/// ("mid-forties", "low thirties"). Each is a range; it restates a share or a two-digit figure of the material when
/// the material's figure falls in it. Plain small numbers are no facts ("12 people", "40ft"), so only a figure the
/// material holds as its own (not one the ordinary text of the conversation also writes) can be restated.
/// </summary>
internal static partial class Proportions
{
    private static readonly (string Words, double Value)[] Fractions =
    [
        ("half", 50), ("a third", 100.0 / 3), ("one third", 100.0 / 3), ("two thirds", 200.0 / 3), ("two-thirds", 200.0 / 3),
        ("a quarter", 25), ("one quarter", 25), ("three quarters", 75), ("three-quarters", 75), ("a fifth", 20), ("one fifth", 20),
        ("two fifths", 40), ("two-fifths", 40), ("three fifths", 60), ("three-fifths", 60), ("a tenth", 10), ("one tenth", 10),
        ("one in two", 50), ("one in three", 100.0 / 3), ("one in four", 25), ("one in five", 20), ("one in six", 100.0 / 6),
        ("one in eight", 12.5), ("one in ten", 10), ("one in twenty", 5), ("two in three", 200.0 / 3), ("three in four", 75),
    ];

    private static readonly Dictionary<string, int> Decades = new(StringComparer.Ordinal)
    {
        ["twenties"] = 20, ["thirties"] = 30, ["forties"] = 40, ["fifties"] = 50, ["sixties"] = 60, ["seventies"] = 70,
        ["eighties"] = 80, ["nineties"] = 90,
    };

    private static readonly Dictionary<string, int> Tens = new(StringComparer.Ordinal)
    {
        ["five"] = 5, ["ten"] = 10, ["fifteen"] = 15, ["twenty"] = 20, ["twenty-five"] = 25, ["thirty"] = 30, ["forty"] = 40,
        ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    /// <summary>The ranges the text states as shares or decades, each as (low, high) in percent or units; a decade
    /// ("mid-forties") may restate any two-digit figure, a share only a percentage.</summary>
    public static List<(double Low, double High, bool AnyFigure)> Stated(string text)
    {
        List<(double, double, bool)> ranges = [];
        if (text.Length == 0)
        {
            return ranges;
        }

        var lower = text.ToLowerInvariant();
        foreach (var (words, value) in Fractions)
        {
            for (var at = lower.IndexOf(words, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(words, at + words.Length, StringComparison.Ordinal))
            {
                if ((at == 0 || !char.IsLetter(lower[at - 1])) && (at + words.Length == lower.Length || !char.IsLetter(lower[at + words.Length])))
                {
                    // "a bit over half" is above it, "nearly a third" below it; a bare fraction is rounded either way.
                    var before = lower.AsSpan(Math.Max(0, at - 16), at - Math.Max(0, at - 16));
                    ranges.Add(Above().IsMatch(before) ? (value, value + 8, false) : Below().IsMatch(before) ? (value - 8, value, false) : (value - 3, value + 3, false));
                }
            }
        }

        foreach (Match match in Decade().Matches(lower))
        {
            if (Decades.TryGetValue(match.Groups["decade"].Value, out var decade))
            {
                ranges.Add(match.Groups["where"].Value switch
                {
                    "low" or "lower" or "early" => (decade, decade + 4, true),
                    "mid" => (decade + 3, decade + 7, true),
                    "high" or "upper" or "late" => (decade + 6, decade + 9.99, true),
                    _ => (decade, decade + 9.99, true),
                });
            }
        }

        foreach (Match match in HedgedPercent().Matches(lower))
        {
            var written = match.Groups["digits"].Success
                ? double.TryParse(match.Groups["digits"].Value.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : -1
                : Tens.GetValueOrDefault(match.Groups["words"].Value, -1);
            if (written <= 0)
            {
                continue;
            }

            var hedge = match.Groups["hedge"].Value;
            ranges.Add(Below().IsMatch(hedge) ? (written * 0.85, written, false) : Above().IsMatch(hedge) ? (written, written * 1.15, false) : (written * 0.9, written * 1.1, false));
        }

        // A hedged round count in words ("under forty", "just short of fifty", "about thirty"): a two-digit figure of the
        // material rounded to its ten, as "a few under forty" says 38 without writing it.
        foreach (Match match in HedgedTens().Matches(lower))
        {
            var written = Tens.GetValueOrDefault(match.Groups["words"].Value, -1);
            if (written < 20)
            {
                continue;
            }

            var hedge = match.Groups["hedge"].Value;
            ranges.Add(Below().IsMatch(hedge) ? (written * 0.85, written - 1, true) : Above().IsMatch(hedge) ? (written + 1, written * 1.15, true) : (written * 0.9, written * 1.1, true));
        }

        return ranges;
    }

    /// <summary>The material's own shares (percentages) and two-digit figures: those of its words (<paramref name="words"/>,
    /// the figures no unmarked text of the conversation writes).</summary>
    public static (List<double> Shares, List<double> Figures) Held(string text, HashSet<string> words)
    {
        List<double> shares = [];
        foreach (Match match in Percent().Matches(text))
        {
            var digits = match.Groups["a"].Success ? match.Groups["a"].Value : match.Groups["b"].Value;
            if (words.Contains(digits) && double.TryParse(digits.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is > 0 and <= 100)
            {
                shares.Add(value);
            }
        }

        List<double> figures = [];
        foreach (var word in words)
        {
            if (word.Length == 2 && char.IsDigit(word[0]) && char.IsDigit(word[1]) && word[0] != '0')
            {
                figures.Add((word[0] - '0') * 10 + (word[1] - '0'));
            }
        }

        return (shares, figures);
    }

    /// <summary>How many of the material's shares and figures the stated ranges restate, each counted once.</summary>
    public static int Restated(List<(double Low, double High, bool AnyFigure)> stated, (List<double> Shares, List<double> Figures) held)
    {
        List<double> restated = [];
        foreach (var (low, high, anyFigure) in stated)
        {
            foreach (var value in anyFigure ? held.Shares.Concat(held.Figures) : held.Shares)
            {
                if (value >= low && value <= high && !restated.Contains(value))
                {
                    restated.Add(value);
                    break;
                }
            }
        }

        return restated.Count;
    }

    [GeneratedRegex(@"\b(over|above|more than|north of|upwards of|at least)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Above();

    [GeneratedRegex(@"\b(under|below|less than|shy of|nearly|almost|not quite)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Below();

    /// <summary>"mid-forties", "in the low thirties", "the fifties".</summary>
    [GeneratedRegex(@"\b(?<where>low|lower|early|mid|high|upper|late)?[\s-]*(?<decade>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b", RegexOptions.CultureInvariant)]
    private static partial Regex Decade();

    /// <summary>A hedged percentage: "barely above ten percent", "around 40%", "just under 12 per cent".</summary>
    [GeneratedRegex(@"\b(?<hedge>about|around|roughly|approximately|nearly|almost|close to|some|(just |a bit |a little |slightly |barely |well )?(under|below|over|above|more than|less than|shy of)|north of)\s+(?<digits>\d{1,2}([.,]\d)?|(?<words>five|ten|fifteen|twenty|twenty-five|thirty|forty|fifty|sixty|seventy|eighty|ninety))\s?(%|percent|per cent|pc\b)", RegexOptions.CultureInvariant)]
    private static partial Regex HedgedPercent();

    /// <summary>A hedged ten in words that no percentage or scale follows: "under forty", "just over thirty", "about fifty".</summary>
    [GeneratedRegex(@"\b(?<hedge>about|around|roughly|nearly|almost|close to|(just |a bit |a little |slightly |barely |well )?(under|below|over|above|more than|less than|shy of))\s+(?<words>twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)\b(?!\s?(%|percent|per cent|pc\b|thousand|hundred|million|billion|grand|k\b|-))", RegexOptions.CultureInvariant)]
    private static partial Regex HedgedTens();

    /// <summary>A percentage in the material: "41%", "41 %", "%21" (as Turkish and Basque write it), "18 percent".</summary>
    [GeneratedRegex(@"(?<a>\d{1,2}([.,]\d{1,2})?)\s?(%|percent\b|per cent\b|procent\b|por ciento\b|pour cent\b|prozent\b)|%\s?(?<b>\d{1,2}([.,]\d{1,2})?)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Percent();
}
