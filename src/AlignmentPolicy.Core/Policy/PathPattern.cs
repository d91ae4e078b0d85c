namespace AlignmentPolicy.Core.Policy;

/// <summary>
/// Project path patterns of <c>agents.include</c>/<c>exclude</c> and dataset globs, relative to the policy's (or the
/// project's) folder: <c>*</c> within a segment, <c>?</c> one character, <c>**</c> any number of folders, case ignored.
/// The matching is <see cref="AlignmentPolicy.Globbing.PathGlob"/>, shared as source with the analyzers (ALN0100), so
/// the IDE and the build never disagree; this class adds the checks the policy and the manifest report.
/// </summary>
public sealed class PathPattern
{
    private readonly AlignmentPolicy.Globbing.PathGlob _glob;

    private PathPattern(string pattern)
    {
        Pattern = pattern;
        _glob = AlignmentPolicy.Globbing.PathGlob.Create(pattern);
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
    public static PathPattern Create(string pattern) => new(pattern);

    /// <summary>Matches a path relative to the policy folder ('/' or '\' separators), ignoring case.</summary>
    public bool IsMatch(string relativePath) => _glob.IsMatch(relativePath);
}
