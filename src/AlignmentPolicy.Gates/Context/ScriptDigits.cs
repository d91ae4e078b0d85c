using System.Globalization;

namespace AlignmentPolicy.Gates;

/// <summary>
/// The value of a number a pattern's <c>\d</c> matched. In .NET <c>\d</c> is any decimal digit of any script ("៩" in
/// Khmer, "२१" in Devanagari, "٢١" in Arabic), and <see cref="int.Parse(string, IFormatProvider)"/> reads only ASCII
/// ones: a day or an hour written in a script's own digits would throw and fail the gate on ordinary mail. Read digit by
/// digit, it is the same day or hour as its ASCII form.
/// </summary>
internal static class ScriptDigits
{
    /// <summary>The value of <paramref name="digits"/> (decimal digits of any one or more scripts, at most nine of them).</summary>
    public static int Value(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            var digit = CharUnicodeInfo.GetDecimalDigitValue(c);
            if (digit < 0)
            {
                throw new FormatException($"'{c}' is not a decimal digit.");
            }

            value = (value * 10) + digit;
        }

        return value;
    }
}
