using System.Globalization;
using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Figures written the way most of Europe and Asia writes them, which the word-level reading misses: thousands grouped by
/// a space or a dot ("18 400", "18.000", "1.250.000,50") and a decimal comma after a zero ("0,412"). A leak that restates
/// a confidential figure in the recipient's own number format still carries it.
/// </summary>
internal static partial class LocaleFigures
{
    /// <summary>How many of <paramref name="words"/>' figures <paramref name="text"/> restates only in a grouped or
    /// decimal-comma form (the ones the ordinary reading already found are not counted again).</summary>
    public static int Restated(string text, HashSet<string> words, TokenSet messageTokens)
    {
        if (words.Count == 0 || !Grouped().IsMatch(text))
        {
            return 0;
        }

        var originals = FigureOverlap.Figures(words);
        if (originals.Count == 0)
        {
            return 0;
        }

        var seen = new List<double>();
        foreach (var figure in FigureOverlap.Figures(messageTokens.Words))
        {
            if (FigureOverlap.Restates(figure, originals, out var original))
            {
                seen.Add(original);
            }
        }

        var found = 0;
        foreach (Match match in Grouped().Matches(text))
        {
            var raw = match.Value;
            var number = raw.StartsWith("0,", StringComparison.Ordinal)
                ? raw.Replace(',', '.')
                : Separator().Replace(raw, string.Empty).Replace(',', '.');
            if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && FigureOverlap.Identifying(number)
                && FigureOverlap.Restates(value, originals, out var restated) && !seen.Contains(restated))
            {
                seen.Add(restated);
                found++;
            }
        }

        return found;
    }

    /// <summary>The grouped figures of a material's text as plain numbers ("1 870" as "1870", "12.400" as "12400"), so that
    /// a message that writes them ungrouped still carries them.</summary>
    public static IEnumerable<string> Plain(string text)
    {
        foreach (Match match in Grouped().Matches(text))
        {
            if (!match.Value.StartsWith("0,", StringComparison.Ordinal))
            {
                yield return Separator().Replace(match.Value, string.Empty);
            }
        }
    }

    [GeneratedRegex(@"(?<![\d.,])(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?:,\d+)?|0,\d+)(?![\d])", RegexOptions.CultureInvariant)]
    private static partial Regex Grouped();

    [GeneratedRegex(@"[ \u00a0\u202f.]", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();
}
