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
/// Each tree's text is read once for all the name lists the rules declared at compilation start (<see cref="Declare"/>):
/// one pass finds, for every list at once, the whole words that are one of its names (a word of several lists counts for
/// each); a list not declared before the first block was asked about is read once per tree on its own, as before.
/// Each tree's text was read once per name list (the whole words that are one of the list's names, with their positions),
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

    // The lists declared at compilation start, in declaration order (at most 64), until the first block is asked about.
    private readonly List<IReadOnlyList<string>> _declared = new();
    private readonly object _declaring = new();

    // Frozen at the first block asked about: the declared lists' names, each with the lists it belongs to.
    private DeclaredLists? _frozen;

    // Per tree: the words of every declared list, one array per list (in declaration order), from one pass over its text.
    private readonly ConcurrentDictionary<SyntaxTree, int[][]> _declaredWords = new();

    /// <summary>
    /// Declares a rule's name list, from its compilation-start action (the driver runs every analyzer's compilation-start
    /// actions before any block-start action): each tree's text is then read once for all declared lists. A list declared
    /// after the first block was asked about, or beyond the 64th, is read per tree on its own. Same instance rule as <see cref="AnySpells"/>.
    /// </summary>
    public void Declare(IReadOnlyList<string> names)
    {
        lock (_declaring)
        {
            if (_frozen is null && _declared.Count < 64 && !_declared.Exists(d => ReferenceEquals(d, names)))
            {
                _declared.Add(names);
            }
        }
    }

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
        var declared = Frozen();
        var index = declared.IndexOf(names);
        foreach (var block in blocks)
        {
            var syntax = block.Syntax;
            var span = syntax.Span;
            var words = index >= 0
                ? _declaredWords.GetOrAdd(syntax.SyntaxTree, tree =>
                {
                    WorkCounters.Count(ref WorkCounters.DispatchNameSearches);
                    return declared.WholeWords(TextOf(tree));
                })[index]
                : _words.GetOrAdd((syntax.SyntaxTree, names), key =>
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

    private DeclaredLists Frozen()
    {
        if (_frozen is { } frozen)
        {
            return frozen;
        }

        lock (_declaring)
        {
            return _frozen ??= new DeclaredLists(_declared);
        }
    }

    /// <summary>
    /// The whole words of <paramref name="text"/> that are one of the names (each a maximal run of identifier characters), as
    /// start and end pairs in source order: exactly the positions at which <see cref="Spells"/> finds a name.
    /// </summary>
    internal static int[] WholeWords(string text, IReadOnlyList<string> names) => WholeWords(text, new NameSet(names));

    /// <summary>The same for several lists in one pass over the text (what a tree's text gives the declared lists), one array per list.</summary>
    internal static int[][] WholeWords(string text, List<IReadOnlyList<string>> lists) => new DeclaredLists(lists).WholeWords(text);

    private static int[] WholeWords(string text, NameSet set)
    {
        List<int>? found = null;
        for (var i = 0; NextWord(text, ref i, out var start);)
        {
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

    /// <summary>
    /// The next whole word (a maximal run of identifier characters) at or after <paramref name="i"/>: its start, with
    /// <paramref name="i"/> moved to its end; false when the text has no more words.
    /// </summary>
    private static bool NextWord(string text, ref int i, out int start)
    {
        while (i < text.Length && !IsIdentifierPart(text[i]))
        {
            i++;
        }

        start = i;
        while (i < text.Length && IsIdentifierPart(text[i]))
        {
            i++;
        }

        return i > start;
    }

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

        public static bool IsIdentifier(string name)
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
    /// <summary>
    /// The declared lists' plain-identifier names, each with the lists it belongs to (a bit per list): one pass over a text
    /// gives every list its words. A list with a name that is not a plain identifier keeps it in its <see cref="NameSet.Others"/>.
    /// </summary>
    private sealed class DeclaredLists
    {
        private readonly IReadOnlyList<string>[] _lists;
        private readonly Dictionary<int, List<(string Name, ulong Lists)>> _byLength = new();

        public DeclaredLists(List<IReadOnlyList<string>> lists)
        {
            _lists = lists.ToArray();
            var masks = new Dictionary<string, ulong>(StringComparer.Ordinal);
            for (var i = 0; i < _lists.Length; i++)
            {
                foreach (var name in _lists[i])
                {
                    if (name.Length > 0 && NameSet.IsIdentifier(name))
                    {
                        masks.TryGetValue(name, out var mask);
                        masks[name] = mask | (1UL << i);
                    }
                }
            }

            foreach (var pair in masks)
            {
                if (!_byLength.TryGetValue(pair.Key.Length, out var sameLength))
                {
                    _byLength.Add(pair.Key.Length, sameLength = new List<(string, ulong)>());
                }

                sameLength.Add((pair.Key, pair.Value));
            }
        }

        /// <summary>The list's position among the declared ones (by reference), or -1.</summary>
        public int IndexOf(IReadOnlyList<string> names) => Array.FindIndex(_lists, l => ReferenceEquals(l, names));

        /// <summary>Per declared list, the whole words of the text that are one of its names (as <see cref="SpelledNames.WholeWords(string, IReadOnlyList{string})"/>).</summary>
        public int[][] WholeWords(string text)
        {
            var found = new List<int>?[_lists.Length];
            for (var i = 0; NextWord(text, ref i, out var start);)
            {
                var mask = Lists(text, start, i - start);
                for (var list = 0; mask != 0; list++, mask >>= 1)
                {
                    if ((mask & 1) != 0)
                    {
                        var words = found[list] ??= new List<int>();
                        words.Add(start);
                        words.Add(i);
                    }
                }
            }

            var result = new int[_lists.Length][];
            for (var list = 0; list < result.Length; list++)
            {
                result[list] = found[list]?.ToArray() ?? Array.Empty<int>();
            }

            return result;
        }

        private ulong Lists(string text, int start, int length)
        {
            if (!_byLength.TryGetValue(length, out var sameLength))
            {
                return 0;
            }

            foreach (var (name, lists) in sameLength)
            {
                if (string.CompareOrdinal(text, start, name, 0, length) == 0)
                {
                    return lists;
                }
            }

            return 0;
        }
    }
}
