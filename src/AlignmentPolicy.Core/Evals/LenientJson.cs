using System.Text;

namespace AlignmentPolicy.Core.Evals;

/// <summary>
/// Suite definitions may carry comments and trailing commas (the harness reads them with System.Text.Json's
/// <c>JsonCommentHandling.Skip</c> and <c>AllowTrailingCommas</c>); Core's strict parser does not take them. This blanks
/// both out with spaces, keeping every other character, and so every line and column, where it was.
/// </summary>
internal static class LenientJson
{
    public static string ToStrict(string text)
    {
        var chars = new StringBuilder(text);
        var inString = false;
        var pendingComma = -1;
        for (var i = 0; i < chars.Length; i++)
        {
            var c = chars[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            if (c == '/' && i + 1 < chars.Length && chars[i + 1] == '/')
            {
                for (; i < chars.Length && chars[i] != '\n' && chars[i] != '\r'; i++)
                {
                    chars[i] = ' ';
                }

                continue;
            }

            if (c == '/' && i + 1 < chars.Length && chars[i + 1] == '*')
            {
                var start = i;
                for (i += 2; i + 1 < chars.Length && !(chars[i] == '*' && chars[i + 1] == '/'); i++)
                {
                }

                // An unclosed comment is left to the parser to report.
                if (i + 1 >= chars.Length)
                {
                    return chars.ToString();
                }

                for (var j = start; j <= i + 1; j++)
                {
                    chars[j] = chars[j] is '\n' or '\r' ? chars[j] : ' ';
                }

                i++;
                continue;
            }

            if (c is ' ' or '\t' or '\n' or '\r')
            {
                continue;
            }

            if ((c == '}' || c == ']') && pendingComma >= 0)
            {
                chars[pendingComma] = ' ';
            }

            pendingComma = c == ',' ? i : -1;
            inString = c == '"';
        }

        return chars.ToString();
    }
}
