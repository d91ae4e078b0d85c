using System;
using System.Collections.Generic;

namespace AlignmentPolicy.Core.Policy;

/// <summary>Finds the known name closest to a misspelt one, for "did you mean" hints.</summary>
internal static class NameSuggester
{
    /// <summary>Longer input is no typo of a known name, and comparing it would cost time and memory in proportion to its length.</summary>
    internal const int MaxInputLength = 64;

    /// <summary>At most this many edits make a typo.</summary>
    private const int MaxEdits = 3;

    public static string? Suggest(string actual, IEnumerable<string> candidates)
    {
        if (actual.Length > MaxInputLength)
        {
            return null;
        }

        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, actual, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }

            // The edit distance is at least the difference in length: no need to compute it.
            if (Math.Abs(candidate.Length - actual.Length) > MaxEdits || candidate.Length > MaxInputLength)
            {
                continue;
            }

            var distance = Distance(actual.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        // Close enough to be a typo: at most a third of the name, and at most 3 edits.
        return best is not null && bestDistance <= Math.Min(MaxEdits, Math.Max(1, best.Length / 3)) ? best : null;
    }

    public static string Hint(string actual, IEnumerable<string> candidates)
    {
        var suggestion = Suggest(actual, candidates);
        return suggestion is null ? "" : $" Did you mean '{suggestion}'?";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
