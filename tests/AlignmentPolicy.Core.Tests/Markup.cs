using System.Text;

namespace AlignmentPolicy.Testing;

/// <summary>
/// Test sources mark expected diagnostics in place, as Roslyn's testing library does: <c>{|ALN0303:"gatez"|}</c>
/// expects ALN0303 where <c>"gatez"</c> starts. Positions are computed from the text with the markup removed.
/// </summary>
internal static class Markup
{
    public static (string Text, List<Expected> Expected) Parse(string markup)
    {
        var text = new StringBuilder();
        var expected = new List<Expected>();
        var line = 1;
        var column = 1;
        for (var i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                var colon = markup.IndexOf(':', i);
                expected.Add(new Expected(markup.Substring(i + 2, colon - i - 2), line, column));
                i = colon;
                continue;
            }

            if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}')
            {
                i++;
                continue;
            }

            text.Append(markup[i]);
            if (markup[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (text.ToString(), expected);
    }

    internal sealed record Expected(string Code, int Line, int Column)
    {
        public override string ToString() => $"{Code}({Line},{Column})";
    }
}
