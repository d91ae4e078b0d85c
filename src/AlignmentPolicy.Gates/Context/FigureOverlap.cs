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

    /// <summary>
    /// The identifying numbers of <paramref name="words"/> (a source's own words), and the figures its text writes with a
    /// scale word after them ("400 тис. т", "2,4 milioni", "38 mil"): a message that restates "400 тис." as "400,000" in
    /// another language carries it. Only figures whose digits are among <paramref name="words"/> count.
    /// </summary>
    public static List<double> Figures(string sourceText, HashSet<string> words)
    {
        var figures = Figures(words);
        string? previous = null;
        foreach (var word in TokenSet.Split(sourceText))
        {
            if (previous is not null && ScaleWords.TryGetValue(word, out var scale)
                && double.TryParse(previous.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var mantissa) && Identifies(mantissa * scale))
            {
                figures.Add(mantissa * scale);
            }

            previous = char.IsDigit(word[0]) && words.Contains(word) ? word : null;
        }

        // Thousands grouped by a space or a dot ("2 950", "1.250.000"), read as one figure when its last group is among the
        // source's own words: "un peu en dessous de trois mille" restates "2 950 FCFA" as much as "2,950" would.
        foreach (var plain in LocaleFigures.Plain(sourceText))
        {
            if (plain.Length > 3 && plain.AsSpan().IndexOfAnyExceptInRange('0', '9') < 0 && words.Contains(plain[^3..])
                && double.TryParse(plain, NumberStyles.Integer, CultureInfo.InvariantCulture, out var grouped) && Identifies(grouped) && !figures.Contains(grouped))
            {
                figures.Add(grouped);
            }
        }

        return figures;
    }

    /// <summary>Whether <paramref name="figure"/> restates one of <paramref name="originals"/> (equal, or rounded within 3%).
    /// A rounding is never more precise than what it rounds: 8,848 restates no 9,000.</summary>
    public static bool Restates(double figure, List<double> originals, out double original)
    {
        foreach (var candidate in originals)
        {
            var isFraction = candidate != Math.Floor(candidate);
            if (figure == candidate || (!isFraction && candidate >= 100 && Math.Abs(figure - candidate) <= Tolerance * Math.Max(figure, candidate)
                                        && SignificantDigits(figure) <= SignificantDigits(candidate)))
            {
                original = candidate;
                return true;
            }
        }

        original = 0;
        return false;
    }

    /// <summary>The most a hedged figure ("a bit over three thousand", "about 4,000") may be from the original, whatever its
    /// rounding: a hedge says the writer rounded, not that any number will do.</summary>
    private const double HedgedTolerance = 0.1;

    internal static readonly Dictionary<string, int> NumberWords = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9,
        ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15, ["sixteen"] = 16,
        ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50,
        ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    internal static readonly HashSet<string> Hedges = new(StringComparer.Ordinal)
    {
        "about", "around", "roughly", "approximately", "approx", "nearly", "almost", "circa", "ca", "some", "close", "under", "over",
        "below", "above", "north", "south", "bit", "little", "shy", "upwards", "just", "~", "ballpark", "order",

        // The same hedges in the other languages of an organisation's mail ("à volta dos 8", "khoảng 2.400", "3,2 civarı").
        "cerca", "volta", "aproximadamente", "alrededor", "casi", "quase", "quasi", "intorno", "environ", "presque", "etwa",
        "ungefähr", "rund", "fast", "knapp", "ongeveer", "bijna", "omkring", "ungefär", "nästan", "około", "prawie", "yaklaşık",
        "civarı", "civarında", "neredeyse", "khoảng", "tầm", "gần", "sekitar", "hampir", "kurang", "lebih", "takriban", "karibu",
        "zaidi", "mga", "halos", "mahigit", "zhruba", "přibližně", "téměř", "ongeveer", "amper", "около", "примерно", "почти",

        // Round-5 languages and their neighbours: Ukrainian, Bulgarian, Hungarian, Romanian, Croatian, Danish, Finnish, Slovak,
        // Malay, Catalan, Hebrew, Thai, Estonian, Latvian.
        "близько", "приблизно", "майже", "понад", "приблизително", "почти", "körülbelül", "kb", "nagyjából", "majdnem", "alatt", "felett", "vreo", "aproximativ", "aproape", "peste", "otprilike", "oko", "gotovo", "skoro", "omtrent", "cirka", "næsten", "noin", "lähes", "melkein", "yli", "približne", "takmer", "lebih", "aproximadament", "gairebé", "בערך", "כמעט", "ประมาณ", "umbes", "peaaegu", "apmēram", "gandrīz",
    };

    /// <summary>Scale words written after digits ("38 mil", "2,4 milioni", "5 bin", "2 nghìn"): a figure restated in the
    /// words of another language, rounded.</summary>
    private static readonly Dictionary<string, double> ScaleWords = new(StringComparer.Ordinal)
    {
        ["thousand"] = 1e3, ["grand"] = 1e3, ["mil"] = 1e3, ["mila"] = 1e3, ["mille"] = 1e3, ["tausend"] = 1e3, ["duizend"] = 1e3, ["tys"] = 1e3,
        ["tysięcy"] = 1e3, ["tysiące"] = 1e3, ["bin"] = 1e3, ["nghìn"] = 1e3, ["ngàn"] = 1e3, ["ribu"] = 1e3, ["elfu"] = 1e3,
        ["libo"] = 1e3, ["tisíc"] = 1e3, ["duisend"] = 1e3, ["tusen"] = 1e3, ["tusind"] = 1e3, ["тысяч"] = 1e3, ["тыс"] = 1e3, ["тис"] = 1e3, ["тисяч"] = 1e3, ["тисячі"] = 1e3, ["хил"] = 1e3, ["хиляди"] = 1e3, ["ezer"] = 1e3, ["mii"] = 1e3, ["tisuća"] = 1e3, ["tisuće"] = 1e3, ["tuhatta"] = 1e3, ["tuhat"] = 1e3, ["tūkst"] = 1e3, ["tuhande"] = 1e3, ["אלף"] = 1e3, ["พัน"] = 1e3,
        ["million"] = 1e6, ["millions"] = 1e6, ["milioni"] = 1e6, ["milione"] = 1e6, ["millones"] = 1e6, ["millón"] = 1e6,
        ["milhões"] = 1e6, ["milhão"] = 1e6, ["millionen"] = 1e6, ["miljoen"] = 1e6, ["milionów"] = 1e6, ["miliony"] = 1e6,
        ["milyon"] = 1e6, ["triệu"] = 1e6, ["juta"] = 1e6, ["milyong"] = 1e6, ["milionů"] = 1e6,
        ["mio"] = 1e6, ["mln"] = 1e6, ["millió"] = 1e6, ["milioane"] = 1e6, ["milijuna"] = 1e6, ["miljoonaa"] = 1e6, ["мільйонів"] = 1e6, ["млн."] = 1e6, ["miljonit"] = 1e6, ["miljoni"] = 1e6, ["miljoner"] = 1e6, ["millioner"] = 1e6, ["миллионов"] = 1e6, ["млн"] = 1e6,
        ["lakh"] = 1e5, ["lakhs"] = 1e5, ["crore"] = 1e7, ["crores"] = 1e7,
        ["billion"] = 1e9, ["milliard"] = 1e9, ["miliardi"] = 1e9, ["milliarden"] = 1e9, ["miliar"] = 1e9, ["milyar"] = 1e9, ["tỷ"] = 1e9,
    };

    /// <summary>The factor a scale word stands for ("thousand", "mila", "lakh", "crore", "млн"), or null for any other word.</summary>
    public static double? ScaleOf(string word) => ScaleWords.TryGetValue(word, out var scale) ? scale : null;

    /// <summary>
    /// Figures the text writes in words ("three thousand", "four thousand four hundred", "forty-two") and figures after a
    /// hedge ("about 3,000", "a bit over three thousand", "just under forty"), each with whether a hedge precedes it. A
    /// figure in words with a scale ("four hundred million") also counts without the scale, as material writes "412
    /// million" or "412m".
    /// </summary>
    public static List<(double Value, bool Hedged)> WordFigures(string text)
    {
        List<(double, bool)> found = [];
        var words = TokenSet.Split(text.Replace('-', ' ')).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            var hedged = false;
            for (var back = Math.Max(0, i - 3); back < i; back++)
            {
                hedged |= LeakNumberWords.IsHedge(words[back]);
            }

            // A hedge after the figure, as Turkish and Korean write it ("3,2 civarı").
            hedged |= i + 1 < words.Count && Hedges.Contains(words[i + 1]);

            if (char.IsDigit(words[i][0]))
            {
                // Digits are read by the overlap itself; a hedge widens how far they may be from the original.
                List<double> digits = [];
                AddFigures(words[i], digits);

                // Digits with a scale word after them ("38 mil", "2,4 milioni"): a rounded figure in another form.
                if (i + 1 < words.Count && ScaleWords.TryGetValue(words[i + 1], out var scale) && double.TryParse(words[i].Replace(',', '.'), System.Globalization.NumberStyles.Float, CultureInfo.InvariantCulture, out var scaled))
                {
                    found.Add((scaled * scale, true));
                }
                if (hedged)
                {
                    foreach (var value in digits)
                    {
                        found.Add((value, true));
                    }
                }

                continue;
            }

            // A share of a scale ("half a million", "mezzo milione", "medio millón", "eine halbe Million", "un quart de million"):
            // the round figure the share names, as a hedged paraphrase writes it.
            if (ScaledFraction(words, i) is { } share)
            {
                found.Add((share.Value, hedged));
                i = share.End;
                continue;
            }

            double total = 0, current = 0, lastScale = 1;
            var any = false;
            var j = i;
            for (; j < words.Count; j++)
            {
                var word = words[j];
                var afterOne = j > i && (words[j - 1] is "a" or "one" || LeakNumberWords.One.Contains(words[j - 1]));
                if (LeakNumberWords.TryValue(word, out var unit))
                {
                    // "quatre-vingt(s)" is four twenties, not four and twenty.
                    current += word is "vingt" or "vingts" && j > i && words[j - 1] == "quatre" ? 76 : unit;
                    any = true;
                }
                else if ((word == "hundred" || LeakNumberWords.Hundreds.Contains(word)) && (any || afterOne || (j == i && (LeakNumberWords.HundredAlone.Contains(word) || (word == "cent" && j + 1 < words.Count && LeakNumberWords.TryValue(words[j + 1], out _))))))
                {
                    current = (current == 0 ? 1 : current) * 100;
                    any = true;
                }
                else if ((word is "thousand" or "million" or "billion" or "thousands" or "millions" or "billions" or "mn" or "bn" || (ScaleWords.TryGetValue(word, out var foreignScale) && foreignScale >= 1e3 && word.Length >= 3 && char.IsLetter(word[^1]))) && (any || (afterOne && word != "grand")))
                {
                    lastScale = word.StartsWith("thousand", StringComparison.Ordinal) ? 1e3 : word is "million" or "millions" or "mn" ? 1e6 : word is "billion" or "billions" or "bn" ? 1e9 : ScaleWords[word];
                    total += (current == 0 ? 1 : current) * lastScale;
                    current = 0;
                    any = true;
                }
                else if (!((word == "and" || LeakNumberWords.And.Contains(word)) && any) && !((word == "a" || LeakNumberWords.One.Contains(word)) && !any))
                {
                    break;
                }
            }

            if (!any)
            {
                continue;
            }

            var number = total + current;
            if (number >= 10)
            {
                found.Add((number, hedged));
            }

            if (lastScale > 1 && number / lastScale >= 100)
            {
                found.Add((number / lastScale, hedged));
            }

            i = j - 1;
        }

        return found;
    }

    /// <summary>A fraction word followed by a scale word of a thousand or more, an article or "of" between ("half a
    /// million", "a quarter of a million", "mezzo milione", "halbe Million"): its value and the index of the scale word.</summary>
    private static (double Value, int End)? ScaledFraction(List<string> words, int i)
    {
        if (UnitFigures.Fraction(words[i]) is not { } fraction)
        {
            return null;
        }

        for (var j = i + 1; j < words.Count && j <= i + 3; j++)
        {
            if (ScaleWords.TryGetValue(words[j], out var scale) && scale >= 1e3 && words[j].Length >= 3 && char.IsLetter(words[j][^1]))
            {
                return (fraction * scale, j);
            }

            if (!(UnitFigures.IsOf(words[j]) || words[j] is "un" or "una" or "un'" || LeakNumberWords.One.Contains(words[j])))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Whether a figure written in words or after a hedge restates one of <paramref name="originals"/>: a hedged
    /// figure that a number of 100 or more rounds to (within half its last significant digit, at most 10%), or within 2% of a fraction ("just under forty" for 39.99); an
    /// unhedged one as <see cref="Restates(double, List{double}, out double)"/> says.</summary>
    public static bool Restates(double figure, bool hedged, List<double> originals, out double original)
    {
        if (!hedged)
        {
            original = 0;
            return (figure >= 100 || figure != Math.Floor(figure)) && Restates(figure, originals, out original);
        }

        foreach (var candidate in originals)
        {
            var isFraction = candidate != Math.Floor(candidate);
            var distance = Math.Abs(figure - candidate);
            // A fraction given with fewer decimals behind a hedge ("3,2 civarı" for 3.21): within half its last decimal.
            var shorter = isFraction && figure > 0 && Decimals(figure) < Decimals(candidate) && distance <= 0.5 * Math.Pow(10, -Decimals(figure)) && distance <= 0.05 * candidate;
            if (shorter || (isFraction ? candidate >= 10 && distance <= 0.02 * candidate : candidate >= 100 && distance <= RoundingOf(figure) && distance <= HedgedTolerance * candidate))
            {
                original = candidate;
                return true;
            }
        }

        original = 0;
        return false;
    }

    /// <summary>How many significant digits a whole figure is written with (8,848: 4; 9,000: 1; 212: 3).</summary>
    private static int SignificantDigits(double figure)
    {
        if (figure != Math.Floor(figure) || figure <= 0 || figure > 1e15)
        {
            return int.MaxValue;
        }

        var value = (long)figure;
        while (value % 10 == 0)
        {
            value /= 10;
        }

        var digits = 0;
        for (; value > 0; value /= 10)
        {
            digits++;
        }

        return digits;
    }

    /// <summary>How many decimals a figure is written with (3.21: 2; 3.2: 1; 3: 0).</summary>
    private static int Decimals(double figure)
    {
        var decimals = 0;
        while (decimals < 6 && Math.Abs(figure * Math.Pow(10, decimals) - Math.Round(figure * Math.Pow(10, decimals))) > 1e-9)
        {
            decimals++;
        }

        return decimals;
    }

    /// <summary>How far the original may be from a rounded figure: half the unit of its last significant digit (3,000
    /// stands for 2,500-3,500; 160,000 for 155,000-165,000).</summary>
    internal static double RoundingOf(double figure)
    {
        if (figure != Math.Floor(figure) || figure < 1)
        {
            return 0;
        }

        var unit = 1d;
        while (figure % (unit * 10) == 0)
        {
            unit *= 10;
        }

        return unit / 2;
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

            // A comma before one or two final digits is a decimal comma ("39,99", "11,45"); before three, thousands. A dot
            // before three digits that end in a zero groups thousands ("12.400 units" is 12,400): nobody writes 12.4 so.
            var raw = token[start..i];
            var comma = raw.LastIndexOf(',');
            var text = comma >= 0 && raw.IndexOf('.') < 0 && raw.Length - comma - 1 is 1 or 2 && raw.IndexOf(',') == comma
                ? raw.Replace(',', '.')
                : GroupedByDots(raw) ? raw.Replace(".", string.Empty, StringComparison.Ordinal) : raw.Replace(",", string.Empty, StringComparison.Ordinal);
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                if (Identifies(value))
                {
                    figures.Add(value);
                }

                // "15k", "2.85k": thousands.
                if (i < token.Length && token[i] is 'k' or 'K' && (i + 1 == token.Length || !char.IsLetter(token[i + 1])) && Identifies(value * 1000))
                {
                    figures.Add(value * 1000);
                }
            }
        }
    }

    /// <summary>Whether a number groups its thousands with dots ("12.400", "1.250.000"): groups of three digits after a first
    /// group of one to three that is not a zero, the last group ending in a zero (a decimal would not write it).</summary>
    private static bool GroupedByDots(string raw)
    {
        if (raw.IndexOf(',') >= 0 || raw[^1] != '0' || raw[0] == '0')
        {
            return false;
        }

        var groups = raw.Split('.');
        if (groups.Length < 2 || groups[0].Length is < 1 or > 3)
        {
            return false;
        }

        for (var g = 1; g < groups.Length; g++)
        {
            if (groups[g].Length != 3)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Numbers that identify a fact: 100 or more (not a calendar year), or a fraction.</summary>
    private static bool Identifies(double value)
        => value != Math.Floor(value) ? value > 0 : value >= 100 && !(value >= 1900 && value <= 2100);
}
