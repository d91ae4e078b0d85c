using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AlignmentPolicy.Analyzers.Analysis.Sources;

/// <summary>
/// Name-first dispatch of a rule's operation actions, as BannedApiAnalyzers looks a call's name up before any symbol
/// work: a rule whose callbacks can find something only in a call spelled with one of its names registers them, from an
/// operation-block-start action, only for the blocks whose source text spells one of those names as a whole word. The
/// driver then calls the rule for no operation of any other block (it neither walks those blocks' operations for the rule
/// nor calls it per invocation). No binding.
/// </summary>
/// <remarks>
/// Each tree's text is read once per name list (the whole words that are one of the list's names, with their positions),
/// and a block asks only whether one of them lies inside its span (a binary search): the driver calls each rule's
/// block-start action for every block of the compilation, and searching each block's text once per name (about forty
/// for ALN0001) was most of what those calls cost.
/// </remarks>
internal sealed class SpelledNames
{
    // Per tree and name list (a rule's static array, compared by reference): the whole words of the tree's text that are
    // one of the list's names, as start and end pairs in source order.
    private readonly ConcurrentDictionary<(SyntaxTree Tree, IReadOnlyList<string> Names), int[]> _words = new();

    // Per name list: its names by length, and those that are not plain identifiers (searched in each span as before).
    private readonly ConcurrentDictionary<IReadOnlyList<string>, NameSet> _sets = new();

    // Per tree: its text, read once (SourceText.ToString() builds a new string each time).
    private readonly ConcurrentDictionary<SyntaxTree, string> _texts = new();

    /// <summary>
    /// Whether the text of any of the blocks contains one of the names as a whole word (not inside a longer identifier).
    /// A name in a comment or a string counts too: the rule is then registered for a block where it finds nothing, which
    /// costs only the callbacks this saves elsewhere. (An identifier written with a Unicode escape, <c>\u0043reate</c>, is not
    /// seen, as in every text search of <see cref="SourceIndex"/>.) <paramref name="names"/> must be a list kept for the
    /// compilation (a rule's static array): what was read from a tree is cached per list instance.
    /// </summary>
    public bool AnySpells(ImmutableArray<IOperation> blocks, IReadOnlyList<string> names)
    {
        var set = _sets.GetOrAdd(names, n => new NameSet(n));
        foreach (var block in blocks)
        {
            var syntax = block.Syntax;
            var span = syntax.Span;
            var words = _words.GetOrAdd((syntax.SyntaxTree, names), key =>
            {
                WorkCounters.Count(ref WorkCounters.DispatchNameSearches);
                return WholeWords(TextOf(key.Tree), set);
            });
            if (AnyWithin(words, span.Start, span.End))
            {
                return true;
            }

            if (set.Others.Length > 0)
            {
                var text = TextOf(syntax.SyntaxTree);
                foreach (var name in set.Others)
                {
                    WorkCounters.Count(ref WorkCounters.DispatchNameSearches);
                    if (Spells(text, span.Start, span.End, name))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private string TextOf(SyntaxTree tree) => _texts.GetOrAdd(tree, t => t.GetText().ToString());

    /// <summary>
    /// The whole words of <paramref name="text"/> that are one of the names (each a maximal run of identifier characters), as
    /// start and end pairs in source order: exactly the positions at which <see cref="Spells"/> finds a name.
    /// </summary>
    internal static int[] WholeWords(string text, IReadOnlyList<string> names) => WholeWords(text, new NameSet(names));

    private static int[] WholeWords(string text, NameSet set)
    {
        List<int>? found = null;
        for (var i = 0; i < text.Length;)
        {
            if (!IsIdentifierPart(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && IsIdentifierPart(text[i]))
            {
                i++;
            }

            if (set.Matches(text, start, i - start))
            {
                (found ??= new List<int>()).Add(start);
                found.Add(i);
            }
        }

        return found?.ToArray() ?? Array.Empty<int>();
    }

    /// <summary>Whether one of the words (start and end pairs in source order, not overlapping) lies inside [start, end).</summary>
    internal static bool AnyWithin(int[] words, int start, int end)
    {
        // The first word that starts at or after start: if it does not end by end, no later one does.
        int low = 0, high = words.Length / 2;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (words[2 * middle] < start)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low < words.Length / 2 && words[(2 * low) + 1] <= end;
    }

    /// <summary>Whether <paramref name="text"/> between <paramref name="start"/> and <paramref name="end"/> holds the name as a whole word.</summary>
    public static bool Spells(string text, int start, int end, string name)
    {
        for (var at = text.IndexOf(name, start, end - start, StringComparison.Ordinal); at >= 0;)
        {
            var after = at + name.Length;
            if ((at == 0 || !IsIdentifierPart(text[at - 1])) && (after >= text.Length || !IsIdentifierPart(text[after])))
            {
                return true;
            }

            at = after < end ? text.IndexOf(name, after, end - after, StringComparison.Ordinal) : -1;
        }

        return false;
    }

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>A name list by length, for the one pass over a text; a name that is not a plain identifier cannot be a run of identifier characters.</summary>
    private sealed class NameSet
    {
        private readonly Dictionary<int, List<string>> _byLength = new();

        public NameSet(IReadOnlyList<string> names)
        {
            var others = new List<string>();
            foreach (var name in names)
            {
                if (name.Length == 0 || !IsIdentifier(name))
                {
                    others.Add(name);
                    continue;
                }

                if (!_byLength.TryGetValue(name.Length, out var sameLength))
                {
                    _byLength.Add(name.Length, sameLength = new List<string>());
                }

                sameLength.Add(name);
            }

            Others = others.ToArray();
        }

        /// <summary>Names with a character that is not an identifier character (none of the rules' names): searched span by span.</summary>
        public string[] Others { get; }

        public bool Matches(string text, int start, int length)
        {
            if (!_byLength.TryGetValue(length, out var sameLength))
            {
                return false;
            }

            foreach (var name in sameLength)
            {
                if (string.CompareOrdinal(text, start, name, 0, length) == 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsIdentifier(string name)
        {
            foreach (var c in name)
            {
                if (!IsIdentifierPart(c))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
