using System.Globalization;

namespace AlignmentPolicy.Gates;

/// <summary>
/// The figures of a text as numbers, so that a paraphrase that restates a confidential figure in other form ("212 million"
/// for "EUR 212m", "160-190" for "158-189k") still counts as carrying it. Only figures that identify something count:
/// numbers of 100 or more, and fractions ("6.80", "0.19"); days of the month, small counts and calendar years do not.
/// </summary>
internal static class FigureOverlap
{
    /// <summary>How far a restated figure may be from the original and still be the same fact (rounding: 160 for 158).</summary>
    private const double Tolerance = 0.03;

    /// <summary>The identifying numbers inside <paramref name="words"/>' tokens that hold digits.</summary>
    public static List<double> Figures(IEnumerable<string> words)
    {
        List<double> figures = [];
        foreach (var word in words)
        {
            if (word.AsSpan().IndexOfAnyInRange('0', '9') >= 0)
            {
                AddFigures(word, figures);
            }
        }

        return figures;
    }

    /// <summary>Whether <paramref name="figure"/> restates one of <paramref name="originals"/> (equal, or rounded within 3%).</summary>
    public static bool Restates(double figure, List<double> originals, out double original)
    {
        foreach (var candidate in originals)
        {
            var isFraction = candidate != Math.Floor(candidate);
            if (figure == candidate || (!isFraction && candidate >= 100 && Math.Abs(figure - candidate) <= Tolerance * Math.Max(figure, candidate)))
            {
                original = candidate;
                return true;
            }
        }

        original = 0;
        return false;
    }

    /// <summary>Whether a token that starts with a digit holds a number that identifies a fact.</summary>
    public static bool Identifying(string token)
    {
        List<double> figures = [];
        AddFigures(token, figures);
        return figures.Count > 0;
    }

    /// <summary>Reads the numbers of one token: "158-189k" holds 158 and 189, "61,400" 61400, "8.5x" 8.5.</summary>
    public static void AddFigures(string token, List<double> figures)
    {
        var i = 0;
        while (i < token.Length)
        {
            if (!char.IsDigit(token[i]))
            {
                i++;
                continue;
            }

            // A code's digits ("ard-207", "ns-7") are part of a name, not a quantity: only tokens that start as numbers.
            var start = i;
            var previous = start > 0 ? token[start - 1] : ' ';
            while (i < token.Length && (char.IsDigit(token[i]) || ((token[i] is '.' or ',') && i + 1 < token.Length && char.IsDigit(token[i + 1]))))
            {
                i++;
            }

            if (char.IsLetter(previous))
            {
                continue;
            }

            var text = token[start..i].Replace(",", string.Empty, StringComparison.Ordinal);
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && Identifies(value))
            {
                figures.Add(value);
            }
        }
    }

    /// <summary>Numbers that identify a fact: 100 or more (not a calendar year), or a fraction.</summary>
    private static bool Identifies(double value)
        => value != Math.Floor(value) ? value > 0 : value >= 100 && !(value >= 1900 && value <= 2100);
}
