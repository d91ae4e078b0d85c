using System.Globalization;
using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Amounts restated beside their unit: "a bit above four euros" for "4.20 EUR", "a bit under two hundred tonnes" for
/// "180 t", "under two rupees" for "Rs 1.86". A price per kilo or a unit price is a small number, too small to identify a
/// fact on its own (<see cref="FigureOverlap"/> reads only figures of 100 or more and fractions); written beside the same
/// currency or measure as a figure of the material, within the rounding a hedge admits, it is that figure. The unit is
/// what ties the paraphrase to the fact: "about four visitors" restates no price.
/// </summary>
internal static partial class UnitFigures
{
    /// <summary>How far a hedged amount may be from the material's ("a bit under two hundred" for 180).</summary>
    private const double HedgedTolerance = 0.15;

    /// <summary>How far an amount written in words without a hedge may be ("seven euros" for 7.10).</summary>
    private const double PlainTolerance = 0.05;

    /// <summary>
    /// How many amounts of <paramref name="source"/> (each a figure among <paramref name="words"/>, the material's own
    /// words, not already in <paramref name="restated"/>) <paramref name="message"/> restates beside the same unit, in
    /// words or behind a hedge. Figures the message repeats digit for digit are the overlap's own and are not counted here.
    /// </summary>
    public static int Restated(string message, string source, HashSet<string> words, HashSet<string> messageWords, List<double> restated)
    {
        List<(double Value, string Unit, bool Hedged, int At, bool Cents)>? stated = null;
        List<string>? tokens = null;
        var found = 0;
        foreach (var (original, unit, raw, subject) in Amounts(source))
        {
            if (original <= 0 || !words.Contains(raw) || messageWords.Contains(raw) || restated.Contains(original))
            {
                continue;
            }

            tokens ??= Tokens().Matches(message).Select(m => m.Value.ToLowerInvariant()).ToList();
            stated ??= Stated(tokens);
            foreach (var (value, statedUnit, hedged, at, cents) in stated)
            {
                if (statedUnit == unit && (cents ? Close(Math.Round(value * 100), Math.Round(original * 100, 2), hedged) : Close(value, original, hedged)) && Near(tokens, at, subject))
                {
                    restated.Add(original);
                    found++;
                    break;
                }
            }
        }

        return found;
    }

    /// <summary>Whether a stated amount is the original rounded: without a hedge within 5%; behind one within 15% and, for a
    /// whole number, within half its last significant digit ("about 3,600" rounds 3,550-3,650, not 3,150; "a bit under two
    /// hundred" rounds 150-250, so 180).</summary>
    private static bool Close(double value, double original, bool hedged)
    {
        var distance = Math.Abs(value - original);
        if (!hedged)
        {
            return distance <= PlainTolerance * original;
        }

        return distance <= HedgedTolerance * original && (value != Math.Floor(value) || distance <= Math.Max(FigureOverlap.RoundingOf(value), 0.5));
    }

    /// <summary>How many words either side of an amount its subject is looked for ("Poland 4.20 EUR", "Amoxicillin ... Rs 1.86").</summary>
    private const int Window = 6;

    /// <summary>Whether a word of the material's amount's subject (<paramref name="subject"/>: its words around the figure)
    /// stands near the message's amount: "Poland a bit above four euros" speaks of Poland's price; "parking costs about six
    /// euros" beside a price list speaks of parking.</summary>
    private static bool Near(List<string> tokens, int at, HashSet<string> subject)
    {
        for (var i = Math.Max(0, at - Window - 2); i < Math.Min(tokens.Count, at + Window + 2); i++)
        {
            if (subject.Contains(tokens[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The amounts a text writes in digits beside a unit ("EUR 7.10/kg", "4.20 EUR", "Rs 1.86", "180 t").</summary>
    private static IEnumerable<(double Value, string Unit, string Raw, HashSet<string> Subject)> Amounts(string text)
    {
        List<Match>? tokens = null;
        for (var match = SourceAmount().Match(text); match.Success; match = match.NextMatch())
        {
            var raw = match.Groups["num"].Value;
            if (Unit(match.Groups["unit"].Value) is { } unit && Parse(raw) is { } value)
            {
                tokens ??= Tokens().Matches(text).ToList();
                yield return (value, unit, raw.ToLowerInvariant(), Subject(tokens, match.Index, match.Index + match.Length));
            }
        }
    }

    /// <summary>The words around an amount of the material, within <see cref="Window"/> words either side, that name what
    /// it is the amount of: words of four letters or more, not numbers, units or hedges.</summary>
    private static HashSet<string> Subject(List<Match> tokens, int start, int end)
    {
        var first = tokens.FindIndex(t => t.Index + t.Length > start);
        var last = tokens.FindLastIndex(t => t.Index < end);
        HashSet<string> subject = new(StringComparer.Ordinal);
        if (first < 0 || last < 0)
        {
            return subject;
        }

        for (var i = Math.Max(0, first - Window); i <= Math.Min(tokens.Count - 1, last + Window); i++)
        {
            var word = tokens[i].Value.ToLowerInvariant();
            if (word.Length >= 4 && char.IsLetter(word[0]) && Unit(word) is null && !FigureOverlap.Hedges.Contains(word) && !FigureOverlap.NumberWords.ContainsKey(word))
            {
                subject.Add(word);
            }
        }

        return subject;
    }

    /// <summary>The amounts a message states beside a unit, in digits or in words, with whether a hedge comes with them.
    /// An amount in cents ("31 Cent", "cuarenta céntimos", "57 pence") is a fraction of the currency: it stands for the
    /// price in euros or dollars (pence for pounds) and is compared as a whole number of cents.</summary>
    private static List<(double Value, string Unit, bool Hedged, int At, bool Cents)> Stated(List<string> tokens)
    {
        List<(double, string, bool, int, bool)> stated = [];
        for (var k = 0; k < tokens.Count; k++)
        {
            if (Cents(tokens[k]) is { } currencies)
            {
                if (NumberBefore(tokens, k) is ({ } cents, var from) && cents is >= 1 and < 100)
                {
                    foreach (var currency in currencies)
                    {
                        stated.Add((cents / 100, currency, Hedged(tokens, from, k), k, true));
                    }
                }

                continue;
            }

            if (Unit(tokens[k]) is not { } unit)
            {
                continue;
            }

            // A number before the unit ("four euros", "3,2 dolar", "two hundred tonnes", "2 lakh rupees", "een Drüddel Euro"),
            // and what a price in words adds after its currency ("un euro e quaranta", "euro y medio", "one pound twenty").
            var (value, start) = NumberBefore(tokens, k);
            var (added, end) = value is null || !char.IsDigit(tokens[start][0]) ? AfterUnit(tokens, k, unit) : (0d, k);
            if (value is not null || (added > 0 && IsHalf(tokens[end])))
            {
                stated.Add(((value ?? 1) + added, unit, Hedged(tokens, value is null ? k : start, end), k, false));
            }

            // A currency before its number ("Rs 2", "€4").
            if (k + 1 < tokens.Count && char.IsDigit(tokens[k + 1][0]) && Parse(tokens[k + 1]) is { } after)
            {
                stated.Add((after, unit, Hedged(tokens, k, k + 1), k, false));
            }
        }

        return stated;
    }

    /// <summary>What a price written in words adds after its currency: half a unit ("euro y medio", "and a half", "e
    /// mezzo") or cents in words ("un euro e quaranta", "one pound twenty", "dos euros con cincuenta"), and the last token
    /// read. Measures take only the half.</summary>
    private static (double Added, int End) AfterUnit(List<string> tokens, int unit, string key)
    {
        var i = unit + 1;
        if (i < tokens.Count && (tokens[i] is "and" or "con" or "with" || LeakNumberWords.And.Contains(tokens[i])))
        {
            i++;
        }

        if (i + 1 < tokens.Count && (tokens[i] is "a" or "an" || LeakNumberWords.One.Contains(tokens[i])) && IsHalf(tokens[i + 1]))
        {
            i++;
        }

        if (i < tokens.Count && IsHalf(tokens[i]))
        {
            return (0.5, i);
        }

        if (!IsCurrency(key))
        {
            return (0, unit);
        }

        // Cents in words: a ten and a unit at most ("quaranta", "cuarenta y cinco").
        var cents = 0;
        var last = unit;
        for (var j = i; j < tokens.Count && j < i + 3; j++)
        {
            if (LeakNumberWords.TryValue(tokens[j], out var n) && n < 100 && cents + n < 100 && (cents == 0 || n < 10))
            {
                cents += n;
                last = j;
            }
            else if (!(cents > 0 && (tokens[j] is "and" || LeakNumberWords.And.Contains(tokens[j]))))
            {
                break;
            }
        }

        return cents > 0 ? (cents / 100.0, last) : (0, unit);
    }

    /// <summary>The currencies a word for cents is a hundredth of ("Cent", "céntimos", "centesimi", "pence"); null for any other word.</summary>
    private static string[]? Cents(string word)
        => word switch
        {
            "cent" or "cents" or "céntimo" or "céntimos" or "centimo" or "centimos" or "céntimu" or "céntimus" or "centesimo" or "centesimi"
                or "centime" or "centimes" or "cêntimo" or "cêntimos" or "centavo" or "centavos" => ["eur", "usd"],
            "pence" or "penny" => ["gbp"],
            _ => null,
        };

    private static bool IsCurrency(string key) => key is not ("kg" or "t" or "mw" or "gwh");

    /// <summary>Half in the languages of an organisation's mail ("half", "halben", "medio", "mediu", "mezzo", "demi").</summary>
    private static bool IsHalf(string word) => Fraction(word) is 0.5;

    /// <summary>The share of a unit a fraction word names ("half", "Drittel", "Drüddel", "tercio", "quarter", "Viertel"), or null.</summary>
    internal static double? Fraction(string word)
        => word switch
        {
            "half" or "halb" or "halbe" or "halben" or "halve" or "halven" or "hälfte" or "hälft" or "medio" or "media" or "mediu" or "mezzo" or "mezza"
                or "demi" or "demie" or "meio" or "meia" => 0.5,
            "third" or "drittel" or "drüddel" or "derde" or "tercio" or "terzo" or "tiers" or "terço" => 1.0 / 3,
            "quarter" or "viertel" or "veerdel" or "kwart" or "cuarto" or "quarto" or "quart" => 0.25,
            _ => null,
        };

    /// <summary>Words between a fraction and its unit ("a third of a euro", "un tercio de euro").</summary>
    internal static bool IsOf(string word) => word is "of" or "a" or "an" or "de" or "di" or "d" or "del" or "du";

    private static bool IsNumberWord(string word)
        => LeakNumberWords.TryValue(word, out _) || word is "hundred" or "thousand" or "million" or "a" or "an" or "and" || Fraction(word) is not null
           || LeakNumberWords.Hundreds.Contains(word) || LeakNumberWords.One.Contains(word) || LeakNumberWords.And.Contains(word);

    /// <summary>A hedge in the three words before the amount, or just after it ("3,2 civarı").</summary>
    private static bool Hedged(List<string> tokens, int start, int end)
    {
        for (var i = Math.Max(0, start - 3); i < start; i++)
        {
            if (LeakNumberWords.IsHedge(tokens[i]) || tokens[i] is "less" or "more" or "than" or "odd" or "plus" or "well")
            {
                return true;
            }
        }

        return end + 1 < tokens.Count && LeakNumberWords.IsHedge(tokens[end + 1]);
    }

    /// <summary>The number written just before token <paramref name="unit"/>, and where it starts.</summary>
    private static (double? Value, int Start) NumberBefore(List<string> tokens, int unit)
    {
        var j = unit - 1;
        var scale = 1d;
        if (j >= 0 && Scale(tokens[j]) is { } s)
        {
            scale = s;
            j--;
        }

        if (j < 0)
        {
            return (null, unit);
        }

        if (char.IsDigit(tokens[j][0]))
        {
            return Parse(tokens[j]) is { } digits ? (digits * scale, j) : (null, unit);
        }

        // A fraction of the unit with "of" between: "a third of a euro", "un tercio de euro".
        for (var skip = 1; skip <= 2 && j - skip >= 0 && IsOf(tokens[j - skip + 1]); skip++)
        {
            if (Fraction(tokens[j - skip]) is not null)
            {
                j -= skip;
                break;
            }
        }

        // Number words in the languages of an organisation's mail, read forward from where they start ("two hundred",
        // "half a", "one and a half", "een Drüddel", "zwei Drittel", "cuatro").
        var start = j + 1;
        while (start - 1 >= 0 && IsNumberWord(tokens[start - 1]))
        {
            start--;
        }

        double total = 0, current = 0;
        bool any = false, afterAnd = false;
        for (var i = start; i <= j; i++)
        {
            var word = tokens[i];
            if (LeakNumberWords.TryValue(word, out var n))
            {
                current += n;
                any = true;
            }
            else if (word == "hundred" || LeakNumberWords.Hundreds.Contains(word))
            {
                current = (current == 0 ? 1 : current) * 100;
                any = true;
            }
            else if (word is "thousand" or "million")
            {
                total += (current == 0 ? 1 : current) * (word == "thousand" ? 1e3 : 1e6);
                current = 0;
                any = true;
            }
            else if (Fraction(word) is { } fraction)
            {
                // "one and a half" adds the half; "a third", "zwei Drittel" take that share of what comes before.
                current = afterAnd || current == 0 ? current + fraction : current * fraction;
                any = true;
            }
            else if (word == "and" || LeakNumberWords.And.Contains(word))
            {
                afterAnd = any;
            }
            else if ((word is "a" or "an" || LeakNumberWords.One.Contains(word)) && !any
                     && (i == j || Fraction(tokens[i + 1]) is not null || tokens[i + 1] is "hundred" or "thousand" or "million" || LeakNumberWords.Hundreds.Contains(tokens[i + 1])))
            {
                // "a" or "one" is a number only before its unit, a fraction or a scale ("un euro", "een Drüddel"), not
                // where it is a preposition ("va a sesenta").
                current = 1;
                any = true;
            }
        }

        return any ? ((total + current) * scale, start) : (null, unit);
    }

    // The scale words figures are read with elsewhere (FigureOverlap, in many languages), and the abbreviations written
    // straight after an amount ("4k", "3 mn", "2m").
    private static double? Scale(string word)
        => word switch
        {
            "k" => 1e3,
            "mn" or "m" => 1e6,
            _ => FigureOverlap.ScaleOf(word),
        };

    /// <summary>A number in digits: "1,284,000", "7.10", "3,2" (a decimal comma), "1.284.000".</summary>
    private static double? Parse(string raw)
    {
        var comma = raw.LastIndexOf(',');
        var dot = raw.LastIndexOf('.');
        string text;
        if (comma >= 0 && dot >= 0)
        {
            text = comma > dot ? raw.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.') : raw.Replace(",", string.Empty, StringComparison.Ordinal);
        }
        else if (comma >= 0)
        {
            text = raw.Length - comma - 1 is 1 or 2 && raw.IndexOf(',') == comma ? raw.Replace(',', '.') : raw.Replace(",", string.Empty, StringComparison.Ordinal);
        }
        else
        {
            text = raw.Length - dot - 1 == 3 && raw.IndexOf('.') != dot ? raw.Replace(".", string.Empty, StringComparison.Ordinal) : raw;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    /// <summary>The unit a word or symbol names, as one key per currency or measure; null for any other word.</summary>
    private static string? Unit(string word)
        => word.ToLowerInvariant() switch
        {
            "eur" or "€" or "euro" or "euros" or "euru" or "eurus" or "evro" or "avro" => "eur",
            "usd" or "$" or "dollar" or "dollars" or "dolar" or "dólar" or "dólares" or "dollari" => "usd",
            "gbp" or "£" or "pound" or "pounds" or "sterling" => "gbp",
            "inr" or "rs" or "₹" or "rupee" or "rupees" or "pkr" or "npr" or "lkr" or "रुपये" or "रुपया" => "rs",
            "jpy" or "yen" or "cny" or "rmb" or "yuan" or "¥" => "yen",
            "chf" or "franc" or "francs" or "franken" => "chf",
            "etb" or "birr" => "etb",
            "amd" or "dram" or "drams" => "amd",
            "mnt" or "tugrik" or "tugriks" or "₮" => "mnt",
            "azn" or "manat" or "manats" => "azn",
            "lek" or "leke" or "lekë" => "all",
            "try" or "lira" or "tl" or "₺" => "try",
            "kg" or "kgs" or "kilo" or "kilos" or "kilogram" or "kilograms" => "kg",
            "t" or "tonnes" or "tonne" or "tons" or "ton" or "mt" => "t",
            "mw" or "megawatt" or "megawatts" => "mw",
            "gwh" => "gwh",
            _ => null,
        };

    [GeneratedRegex(@"\d[\d.,]*\d|\d|\p{L}+|[$€£₹¥₮₺]", RegexOptions.CultureInvariant)]
    private static partial Regex Tokens();

    /// <summary>A figure in digits with a currency or measure before or after it.</summary>
    [GeneratedRegex(@"(?<unit>\b(EUR|USD|GBP|INR|Rs|PKR|NPR|JPY|CNY|RMB|CHF|ETB|Birr|AMD|MNT|AZN|TRY)\b|[$€£₹¥₮₺])\.?\s?(?<num>\d[\d.,]*\d|\d)|(?<num>\d[\d.,]*\d|\d)\s?(?<unit>[$€£₹¥₮₺]|\b(EUR|USD|GBP|INR|PKR|NPR|JPY|CNY|RMB|CHF|ETB|[Bb]irr|AMD|MNT|AZN|TRY|TL|lek|lekë|euros?|dollars?|rupees?|dram|manats?|tugriks?|kg|t|tonnes?|tons?|MW|GWh)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex SourceAmount();
}
