using System.Text;
using System.Text.RegularExpressions;

namespace AlignmentPolicy.Core.Policy;

/// <summary>
/// Project path patterns of <c>agents.include</c>/<c>exclude</c>, relative to the policy file's folder,
/// with '/' separators: <c>*</c> within a segment, <c>?</c> one character, <c>**</c> any number of folders.
/// </summary>
public sealed class PathPattern
{
    private readonly Regex _regex;

    private PathPattern(string pattern, Regex regex)
    {
        Pattern = pattern;
        _regex = regex;
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
    public static PathPattern Create(string pattern)
    {
        var normalized = pattern.Replace('\\', '/');
        var builder = new StringBuilder("^");
        var segments = normalized.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var last = i == segments.Length - 1;
            if (segment == "**")
            {
                builder.Append(last ? ".*" : "(?:[^/]+/)*");
                continue;
            }

            foreach (var c in segment)
            {
                builder.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }

            if (!last)
            {
                builder.Append('/');
            }
        }

        builder.Append('$');
        return new PathPattern(pattern, new Regex(builder.ToString(), RegexOptions.CultureInvariant | RegexOptions.IgnoreCase));
    }

    /// <summary>Matches a path relative to the policy folder ('/' or '\' separators).</summary>
    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath.Replace('\\', '/'));
}
