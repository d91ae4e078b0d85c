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

    public static Glob Compile(string glob) => new(Normalize(glob));
}

/// <summary>
/// A compiled glob, matched by following every way through the pattern at once (one pass over the path, the set of
/// pattern positions reached after each character): time is the path's length times the pattern's, whatever they hold.
/// A backtracking regular expression of "*a*a*a...b" took minutes on a path of forty characters, inside the compiler.
/// </summary>
internal sealed class Glob
{
    private const char AnyRun = '\uE000';
    private const char FolderRun = '\uE001';
    private const char OneChar = '\uE002';
    private readonly char[] _tokens;

    public Glob(string normalized)
    {
        // "**" is any run of characters, '/' included (and swallows the '/' after it); '*' a run without '/'; '?' one character but '/'.
        var tokens = new System.Collections.Generic.List<char>(normalized.Length);
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (c == '*' && i + 1 < normalized.Length && normalized[i + 1] == '*')
            {
                tokens.Add(AnyRun);
                i++;
                if (i + 1 < normalized.Length && normalized[i + 1] == '/')
                {
                    i++;
                }
            }
            else
            {
                tokens.Add(c == '*' ? FolderRun : c == '?' ? OneChar : c);
            }
        }

        _tokens = tokens.ToArray();
    }

    public bool IsMatch(string path)
    {
        var current = new bool[_tokens.Length + 1];
        var next = new bool[_tokens.Length + 1];
        current[0] = true;
        Close(current);
        foreach (var c in path)
        {
            System.Array.Clear(next, 0, next.Length);
            var any = false;
            for (var i = 0; i < _tokens.Length; i++)
            {
                if (!current[i])
                {
                    continue;
                }

                var token = _tokens[i];
                if (token == AnyRun || (token == FolderRun && c != '/'))
                {
                    next[i] = any = true;
                }
                else if ((token == OneChar && c != '/') || token == c)
                {
                    next[i + 1] = any = true;
                }
            }

            if (!any)
            {
                return false;
            }

            Close(next);
            (current, next) = (next, current);
        }

        return current[_tokens.Length];
    }

    // A run may be empty: reaching it reaches the position after it too.
    private void Close(bool[] states)
    {
        for (var i = 0; i < _tokens.Length; i++)
        {
            if (states[i] && (_tokens[i] == AnyRun || _tokens[i] == FolderRun))
            {
                states[i + 1] = true;
            }
        }
    }
}
