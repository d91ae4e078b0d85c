using System.Globalization;
using System.Text.RegularExpressions;

namespace AlignmentPolicy.Gates;

/// <summary>
/// Sums of money a report states against those the tools returned: "duty MUR 1,482,300" after a result that assessed MUR
/// 1,842,300, "paid in full (R486,200)" after "R471,900.00 paid", "₹1.8 lakh" after "INR 2,60,400". A sum is compared only
/// with sums in the same currency (a code, a sign or the short forms "Rs", "R", "kr"), in any grouping (1.842.300, 2,60,400,
/// 1 842 300) and scale ("1.8 lakh", "4.8M"), and passes when any figure of the conversation, rounded as the report rounds
/// it, or a sum or difference of two of its sums in that currency, gives it.
/// </summary>
internal static partial class ReportedOutcomes
{
    /// <summary>Whether the report states a sum of money (a cheap scan).</summary>
    private static bool StatesAmount(string report) => AmountBefore().IsMatch(report) || AmountAfter().IsMatch(report);

    /// <summary>A sum of the report, in a currency some returned call's result states sums in, that nothing in the conversation
    /// holds or derives: the report misstates what the call returned.</summary>
    private static (string Claim, string Record, string Result)? MisstatedAmount(List<(string Text, HashSet<string> Terms)> sentences, IReadOnlyList<PolicyToolRecord> records, Func<string> conversation)
    {
        // A report that states a sum a result returned, in its currency, tells that result; the other sums beside it in that
        // currency are plans, budgets and comparisons ("assessed at ₹2.6 lakh, not the ₹1.8 lakh we planned").
        var claims = sentences.Where(s => !s.Text.TrimEnd().EndsWith('?')).SelectMany(s => Amounts(s.Text)).ToList();
        if (claims.Count == 0)
        {
            return null;
        }

        var returned = ReturnedAmounts(records);
        List<double>? known = null;
        List<Amount>? spoken = null;
        string? seen = null;
        var told = new HashSet<string>(claims.Where(c => returned.Exists(r => r.Amount.Currency == c.Currency && c.Gives(r.Amount.Value))).Select(c => c.Currency), StringComparer.Ordinal);
        foreach (var claim in claims)
        {
            if (told.Contains(claim.Currency) || !returned.Exists(r => r.Amount.Currency == claim.Currency))
            {
                continue;
            }

            seen ??= Seen(records, conversation);
            known ??= Figures(seen);
            spoken ??= Amounts(seen);
            if (known.Exists(k => claim.Gives(k)) || spoken.Exists(a => a.Currency == claim.Currency && claim.Gives(a.Value)) || Derived(claim, spoken))
            {
                continue;
            }

            var other = returned.First(r => r.Amount.Currency == claim.Currency);
            return (claim.Text, other.Record, other.Amount.Text);
        }

        return null;
    }

    /// <summary>A sum or difference of two sums the conversation states in the claim's currency, or the total of all of them.</summary>
    private static bool Derived(Amount claim, List<Amount> spoken)
    {
        var same = spoken.Where(a => a.Currency == claim.Currency).Select(a => a.Value).Distinct().Take(64).ToList();
        if (same.Count > 1 && claim.Gives(same.Sum()))
        {
            return true;
        }

        for (var i = 0; i < same.Count; i++)
        {
            for (var j = i + 1; j < same.Count; j++)
            {
                if (claim.Gives(same[i] + same[j]) || claim.Gives(Math.Abs(same[i] - same[j])))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static List<(string Record, Amount Amount)> ReturnedAmounts(IReadOnlyList<PolicyToolRecord> records)
    {
        var found = new List<(string, Amount)>();
        foreach (var record in records)
        {
            if (record.Outcome == PolicyToolOutcome.Succeeded && record.ResultText is { Length: > 0 } result)
            {
                found.AddRange(Amounts(result).Select(a => (record.Name, a)));
            }
        }

        return found;
    }

    /// <summary>A sum of money: its currency, its value, and the step it is rounded to ("1.8 lakh" to 10,000, "R486,200" to 100).</summary>
    private readonly record struct Amount(string Currency, double Value, double Step, string Text)
    {
        /// <summary>Whether <paramref name="figure"/>, rounded as this sum is written, gives it.</summary>
        public bool Gives(double figure) => Math.Abs(figure - Value) <= (Step / 2) + Math.Max(0.005, Math.Abs(Value) * 1e-9);
    }

    private static List<Amount> Amounts(string text)
    {
        var amounts = new List<Amount>();
        if (text.AsSpan().IndexOfAnyInRange('0', '9') < 0)
        {
            return amounts;
        }

        foreach (Match match in AmountBefore().Matches(text))
        {
            Add(amounts, match);
        }

        foreach (Match match in AmountAfter().Matches(text))
        {
            Add(amounts, match);
        }

        return amounts;
    }

    private static void Add(List<Amount> amounts, Match match)
    {
        if (CurrencyKey(match.Groups["cur"].Value) is not { } currency || ParseAmount(match.Groups["num"].Value) is not var (value, step))
        {
            return;
        }

        // Scale words ("million", "lakh", "Mio") from the one table the figure readers share; abbreviations here.
        var word = match.Groups["scale"].Value.ToLowerInvariant();
        var scale = FigureOverlap.ScaleOf(word) ?? word switch
        {
            "k" or "tsd" => 1e3,
            "m" or "mn" => 1e6,
            "bn" or "mrd" => 1e9,
            _ => 1.0,
        };
        amounts.Add(new Amount(currency, value * scale, step * scale, match.Value.Trim()));
    }

    /// <summary>The value of a written figure and the step its last digit stands for, in any grouping: "1,842,300" (100),
    /// "2,60,400", "1.842.300", "1 842 300", "471,900.00" (0.01), "9,99" (0.01).</summary>
    private static (double Value, double Step)? ParseAmount(string raw)
    {
        var digits = raw.Replace("\u00A0", "", StringComparison.Ordinal).Replace("\u202F", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
        if (digits.Length == 0)
        {
            return null;
        }

        // The last separator marks decimals when one or two digits follow it; every other separator groups.
        var last = digits.LastIndexOfAny([',', '.']);
        var decimals = last >= 0 && digits.Length - last - 1 is 1 or 2 ? digits.Length - last - 1 : 0;
        var whole = decimals > 0 ? digits[..last] : digits;
        var fraction = decimals > 0 ? digits[(last + 1)..] : "";
        whole = whole.Replace(",", "", StringComparison.Ordinal).Replace(".", "", StringComparison.Ordinal);
        if (whole.Length == 0 || !double.TryParse(whole + (fraction.Length > 0 ? "." + fraction : ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        // "486,200" is rounded to the hundred, "1,842,300.00" to the cent.
        var step = Math.Pow(10, -decimals);
        if (decimals == 0)
        {
            for (var i = whole.Length - 1; i > 0 && whole[i] == '0'; i--)
            {
                step *= 10;
            }
        }

        return (value, step);
    }

    /// <summary>One name for a currency however it is written ("₹", "Rs", "INR"); null for a code that names no currency.</summary>
    private static string? CurrencyKey(string written)
    {
        var key = written.Trim().TrimEnd('.') switch
        {
            "₹" or "Rs" or "INR" => "INR",
            "$" or "US$" or "USD" => "USD",
            "€" or "EUR" => "EUR",
            "£" or "GBP" => "GBP",
            "¥" or "JPY" => "JPY",
            "R" or "ZAR" => "ZAR",
            "Rp" or "IDR" => "IDR",
            "₱" or "PHP" => "PHP",
            "₦" or "NGN" => "NGN",
            "₺" or "TRY" => "TRY",
            "₽" or "RUB" => "RUB",
            "₴" or "UAH" => "UAH",
            "฿" or "THB" => "THB",
            "₫" or "VND" => "VND",
            "₩" or "KRW" => "KRW",
            "zł" or "PLN" => "PLN",
            "Kč" or "CZK" => "CZK",
            "Ft" or "HUF" => "HUF",
            "kr" => "kr",
            var code => code,
        };
        return IsoCurrencies.Contains(key) ? key : null;
    }

    /// <summary>Currency codes: a three-letter code outside these ("TEU", "OPS", "ETD") counts things, not money.</summary>
    private static readonly HashSet<string> IsoCurrencies = new(StringComparer.Ordinal)
    {
        "USD", "EUR", "GBP", "INR", "ZAR", "MUR", "UGX", "KES", "TZS", "NGN", "GHS", "PHP", "IDR", "MYR", "THB", "VND", "JPY", "CNY",
        "RMB", "HKD", "SGD", "AUD", "NZD", "CAD", "MXN", "BRL", "ARS", "CLP", "COP", "PEN", "UYU", "PYG", "BOB", "CHF", "SEK", "NOK",
        "DKK", "ISK", "PLN", "CZK", "HUF", "RON", "BGN", "RSD", "TRY", "RUB", "UAH", "KZT", "UZS", "TJS", "TMT", "KGS", "AZN", "GEL",
        "AMD", "AED", "SAR", "QAR", "KWD", "BHD", "OMR", "JOD", "ILS", "EGP", "MAD", "TND", "DZD", "PKR", "BDT", "LKR", "NPR", "XOF",
        "XAF", "ETB", "RWF", "MWK", "MZN", "ZMW", "BWP", "LSL", "NAD", "SZL", "AOA", "CDF", "SCR", "MGA", "FJD", "WST", "TOP", "PGK",
        "SBD", "VUV", "SRD", "TTD", "JMD", "KRW", "TWD", "MNT", "KHR", "LAK", "MMK", "kr",
    };

    private const string AmountFigure = @"(?<num>\d{1,3}(?:(?:[,.'\u00A0\u202F]|\s(?=\d{3}(?!\d)))\d{2,3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)";

    private const string AmountScale = @"(?:\s?(?<scale>lakhs?|crores?|thousand|million|billion|mn|bn|Mio|Mrd|Tsd|k|K|M)(?![\p{L}\d]))?";

    /// <summary>A sum after its currency: "MUR 1,842,300", "₹1.8 lakh", "R486,200", "USD 4.8M".</summary>
    [GeneratedRegex(@"(?<![\p{L}\d])(?<cur>\p{Lu}{3}|US\$|[€$£¥₹₩₺₦₱฿₫₴₽]|Rs\.?|Rp\.?|R(?=\d))\s?" + AmountFigure + AmountScale + @"(?![\p{L}\d\-/:]|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex AmountBefore();

    /// <summary>A sum before its currency: "1.842.300 MUR", "9,99 €", "450 kr".</summary>
    [GeneratedRegex(@"(?<![\p{L}\d\-/.,:#])" + AmountFigure + AmountScale + @"\s?(?<cur>\p{Lu}{3}(?![\p{L}\d])|[€$£¥₹₩₺₦₱฿₫₴₽]|kr(?!\p{L})|zł|Kč|Ft(?!\p{L}))", RegexOptions.CultureInvariant)]
    private static partial Regex AmountAfter();
}
