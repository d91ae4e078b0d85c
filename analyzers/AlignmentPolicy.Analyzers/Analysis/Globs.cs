using System.Text;
using System.Text.RegularExpressions;

namespace AlignmentPolicy.Analyzers.Analysis;

/// <summary>Path globs as the policy and the manifest write them: <c>*</c> within a folder, <c>?</c> one character, <c>**</c> any folders.</summary>
internal static class Globs
{
    public static string Normalize(string path)
    {
        path = path.Replace('\\', '/');
        while (path.StartsWith("./", System.StringComparison.Ordinal))
        {
            path = path.Substring(2);
        }

        return path;
    }

    public static Regex ToRegex(string glob)
    {
        var builder = new StringBuilder("^");
        var normalized = Normalize(glob);
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (c == '*' && i + 1 < normalized.Length && normalized[i + 1] == '*')
            {
                builder.Append(".*");
                i++;
                if (i + 1 < normalized.Length && normalized[i + 1] == '/')
                {
                    i++;
                }
            }
            else if (c == '*')
            {
                builder.Append("[^/]*");
            }
            else if (c == '?')
            {
                builder.Append("[^/]");
            }
            else
            {
                builder.Append(Regex.Escape(c.ToString()));
            }
        }

        builder.Append('$');
        return new Regex(builder.ToString(), RegexOptions.CultureInvariant);
    }
}
