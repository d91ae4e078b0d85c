using System.Globalization;
using System.Text;

namespace AlignmentPolicy.Core.Diagnostics;

/// <summary>
/// How a value from a user's file is quoted in a message: cut to a readable length (a 50 MB name is echoed as
/// its first characters and its length) and with line breaks and other control characters escaped, so that a
/// diagnostic stays one line, <c>file(line,col): error ALNxxxx: message</c>, whatever the input holds.
/// </summary>
public static class DisplayText
{
    /// <summary>The longest value quoted whole.</summary>
    public const int MaxLength = 80;

    /// <summary>The value as it appears between the quotes of a message.</summary>
    public static string Of(string? value, int maxLength = MaxLength)
    {
        if (value is null)
        {
            return "";
        }

        var cut = value.Length > maxLength;
        var keep = cut ? maxLength - 20 : value.Length;
        if (cut && char.IsHighSurrogate(value[keep - 1]))
        {
            keep--;
        }

        var builder = new StringBuilder(keep + 40);
        for (var i = 0; i < keep; i++)
        {
            Append(builder, value[i]);
        }

        if (cut)
        {
            builder.Append("... (").Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(" characters)");
        }

        return builder.ToString();
    }

    /// <summary>One character as it appears in a message ('\n' for a line feed).</summary>
    public static string Of(char c)
    {
        var builder = new StringBuilder(6);
        Append(builder, c);
        return builder.ToString();
    }

    private static void Append(StringBuilder builder, char c)
    {
        switch (c)
        {
            case '\n': builder.Append("\\n"); break;
            case '\r': builder.Append("\\r"); break;
            case '\t': builder.Append("\\t"); break;
            default:
                // U+0085, U+2028 and U+2029 end a line for many readers, Roslyn's among them.
                if (c < ' ' || c == '\u007F' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                {
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }

                break;
        }
    }
}
