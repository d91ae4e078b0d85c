using System.Text.RegularExpressions;

namespace AlignmentPolicy.Analyzers.Corpus.Tests;

/// <summary>A diagnostic the corpus expects: the file (relative to Corpus/), the 1-based line and the rule ID.</summary>
internal readonly record struct ExpectedDiagnostic(string File, int Line, string Id);

/// <summary>
/// Reads the trailing markers <c>// expect: ALN0002</c>, <c>// expect: ALN0001, ALN0005</c> and
/// <c>// expect-info: ALN0001</c> (an Information-severity finding, counted apart from precision and recall).
/// </summary>
internal static partial class ExpectationMarkers
{
    [GeneratedRegex(@"//\s*expect(?<info>-info)?:\s*(?<ids>ALN\d{4}(?:\s*,\s*ALN\d{4})*)[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"//\s*expect", RegexOptions.IgnoreCase)]
    private static partial Regex AnyMarker();

    /// <summary>
    /// Blanks the markers (same length, so lines and columns stay) before the analyzers see the text:
    /// a marker after <c>#pragma warning disable</c> must not read as its justification.
    /// </summary>
    public static string Blank(string text) => Marker().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), m => new string(' ', m.Length));

    public static MarkerSet Read(string relativePath, string text)
    {
        var warnings = new List<ExpectedDiagnostic>();
        var infos = new List<ExpectedDiagnostic>();
        var malformed = new List<string>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (!AnyMarker().IsMatch(line))
            {
                continue;
            }

            var match = Marker().Match(line);
            if (!match.Success)
            {
                malformed.Add($"{relativePath}({i + 1}): malformed marker: {line.Trim()}");
                continue;
            }

            var target = match.Groups["info"].Success ? infos : warnings;
            foreach (var id in match.Groups["ids"].Value.Split(',', StringSplitOptions.TrimEntries))
            {
                target.Add(new ExpectedDiagnostic(relativePath, i + 1, id));
            }
        }

        return new MarkerSet(warnings, infos, malformed);
    }
}

internal sealed record MarkerSet(IReadOnlyList<ExpectedDiagnostic> Warnings, IReadOnlyList<ExpectedDiagnostic> Infos, IReadOnlyList<string> Malformed);
