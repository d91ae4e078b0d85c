// Shared as source (not as an assembly) by AlignmentPolicy.Core and the analyzers, which take no dependencies: the
// one glob matcher for project patterns (agents.include/exclude), oversight paths and dataset paths, so ALN0100 in
// the IDE and ALN0107 in the build never disagree about which files a manifest declares. C# 7.3-compatible.
using System;

namespace AlignmentPolicy.Globbing
{
    /// <summary>
    /// A path glob as the policy and the manifest write them, relative, '/' or '\' separators, a leading "./" ignored,
    /// case ignored: <c>*</c> any run within a segment, <c>?</c> one character, <c>**</c> as a whole segment any number
    /// of folders (as the last segment: anything below, at least one more segment).
    /// </summary>
    /// <remarks>
    /// Matched segment by segment with a table of (pattern segment, path segment) pairs, each pair decided once: time
    /// grows with the product of the lengths, never exponentially. A backtracking regular expression took minutes on
    /// "*a*a*a...b" or "**/**/.../x" against a deep path, inside the compiler and the build.
    /// </remarks>
    internal sealed class PathGlob
    {
        private readonly string[] _segments;

        private PathGlob(string[] segments) => _segments = segments;

        /// <summary>'\' to '/', and a leading "./" (repeated) removed.</summary>
        public static string Normalize(string path)
        {
            path = path.Replace('\\', '/');
            while (path.StartsWith("./", StringComparison.Ordinal))
            {
                path = path.Substring(2);
            }

            return path;
        }

        /// <summary>Whether the text holds a wildcard at all (a plain path names one file).</summary>
        public static bool HasWildcard(string path) => path.IndexOf('*') >= 0 || path.IndexOf('?') >= 0;

        /// <summary>Compiles a pattern (validated elsewhere: the build reports a malformed one with its position).</summary>
        public static PathGlob Create(string pattern) => new PathGlob(Normalize(pattern).Split('/'));

        /// <summary>Matches a relative path ('/' or '\' separators).</summary>
        public bool IsMatch(string relativePath)
        {
            var path = Normalize(relativePath).Split('/');
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

        // '*' (any run) and '?' (one character) within one segment; greedy with one backtrack point, so linear in practice
        // and at worst the product of the two lengths.
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
}
