namespace AlignmentPolicy.Core.Policy;

/// <summary>
/// Project path patterns of <c>agents.include</c>/<c>exclude</c>, relative to the policy file's folder,
/// with '/' separators: <c>*</c> within a segment, <c>?</c> one character, <c>**</c> any number of folders.
/// </summary>
/// <remarks>
/// Matched segment by segment with a table of (pattern segment, path segment) pairs, each pair decided once:
/// time grows with the product of the lengths, never exponentially. A backtracking regular expression took
/// minutes on "**/**/**/.../x" against a deep path (a hang of the build), and its '$' let a name end in a newline.
/// </remarks>
public sealed class PathPattern
{
    private readonly string[] _segments;

    private PathPattern(string pattern, string[] segments)
    {
        Pattern = pattern;
        _segments = segments;
    }

    /// <summary>The pattern as written.</summary>
    public string Pattern { get; }

    /// <summary>Returns null when the pattern is valid, otherwise what is wrong.</summary>
    public static string? Check(string pattern)
    {
        if (pattern.Trim().Length == 0)
        {
            return "the pattern is empty";
        }

        if (pattern.StartsWith("/", System.StringComparison.Ordinal) || pattern.StartsWith("\\", System.StringComparison.Ordinal) || (pattern.Length > 1 && pattern[1] == ':'))
        {
            return "the pattern must be relative to the folder of the policy file";
        }

        foreach (var segment in pattern.Replace('\\', '/').Split('/'))
        {
            if (segment == "..")
            {
                return "the pattern cannot leave the folder of the policy file ('..')";
            }

            if (segment.Contains("**") && segment != "**")
            {
                return "'**' must be a whole path segment, as in 'src/**/*.csproj'";
            }
        }

        foreach (var c in pattern)
        {
            if (c < ' ' || c == '<' || c == '>' || c == '|' || c == '"')
            {
                return $"the character '{(c < ' ' ? "\\u" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString())}' is not allowed in a path";
            }
        }

        return null;
    }

    /// <summary>Creates a matcher; the pattern must have passed <see cref="Check"/>.</summary>
    public static PathPattern Create(string pattern) => new(pattern, pattern.Replace('\\', '/').Split('/'));

    /// <summary>Matches a path relative to the policy folder ('/' or '\' separators), ignoring case.</summary>
    public bool IsMatch(string relativePath)
    {
        var path = relativePath.Replace('\\', '/').Split('/');
        var m = _segments.Length;
        var n = path.Length;

        // matches[i, j]: pattern segments i.. match path segments j..; filled from the end.
        var matches = new bool[m + 1, n + 1];
        matches[m, n] = true;
        for (var i = m - 1; i >= 0; i--)
        {
            var segment = _segments[i];
            for (var j = n; j >= 0; j--)
            {
                if (segment == "**")
                {
                    // Last: any rest (after a '/', so at least one more segment unless the pattern is only "**").
                    // Elsewhere: zero or more non-empty folders.
                    matches[i, j] = i == m - 1
                        ? i == 0 || j < n
                        : matches[i + 1, j] || (j < n && path[j].Length > 0 && matches[i, j + 1]);
                }
                else
                {
                    matches[i, j] = j < n && matches[i + 1, j + 1] && SegmentMatches(segment, path[j]);
                }
            }
        }

        return matches[0, 0];
    }

    /// <summary>'*' (any run) and '?' (one character) within one segment; greedy with one backtrack point, linear in practice.</summary>
    private static bool SegmentMatches(string pattern, string text)
    {
        int p = 0, t = 0, star = -1, resume = 0;
        while (t < text.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || (pattern[p] != '*' && SameIgnoringCase(pattern[p], text[t]))))
            {
                p++;
                t++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = t;
            }
            else if (star >= 0)
            {
                p = star + 1;
                t = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }

    private static bool SameIgnoringCase(char a, char b) => a == b || char.ToUpperInvariant(a) == char.ToUpperInvariant(b);
}
