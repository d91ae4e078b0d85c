using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace AlignmentPolicy.Analyzers.Analysis.Sources;

/// <summary>
/// Which of a fixed list of trees spell a name, as <see cref="SourceIndex.Spells"/> says it (the name is a substring of the tree's
/// text), answered from one pass over each tree's text instead of one text search per tree and name: the distinct words of the
/// trees (maximal runs of letters, digits and underscores), each with the trees it occurs in. A name made of such characters only
/// occurs in a text exactly when it occurs inside one of the text's words, so a question reads the distinct words, not the texts.
/// A name with any other character is searched for in each tree's text, as before. Immutable once built; safe from any thread.
/// </summary>
internal sealed class TreeWords
{
    private readonly ImmutableArray<SyntaxTree> _trees;

    // Each distinct word of the trees' texts, with the indices of the trees it occurs in (ascending, each once).
    private readonly List<(string Word, List<int> Trees)> _words = new();

    public TreeWords(ImmutableArray<SyntaxTree> trees)
    {
        _trees = trees;
        var byWord = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var index = 0; index < trees.Length; index++)
        {
            var text = trees[index].GetText().ToString();
            var start = -1;
            for (var at = 0; at <= text.Length; at++)
            {
                if (at < text.Length && IsWordChar(text[at]))
                {
                    if (start < 0)
                    {
                        start = at;
                    }

                    continue;
                }

                if (start >= 0)
                {
                    var word = text.Substring(start, at - start);
                    if (!byWord.TryGetValue(word, out var inTrees))
                    {
                        byWord.Add(word, inTrees = new List<int>());
                        _words.Add((word, inTrees));
                    }

                    if (inTrees.Count == 0 || inTrees[inTrees.Count - 1] != index)
                    {
                        inTrees.Add(index);
                    }

                    start = -1;
                }
            }
        }
    }

    /// <summary>The trees of the list.</summary>
    public ImmutableArray<SyntaxTree> Trees => _trees;

    /// <summary>The indices (into <see cref="Trees"/>, ascending) of the trees whose text contains <paramref name="name"/>.</summary>
    public IReadOnlyList<int> Spelling(string? name)
    {
        var found = new List<int>();
        if (string.IsNullOrEmpty(name))
        {
            // Every text contains the empty string, as string.IndexOf says.
            for (var index = 0; index < _trees.Length; index++)
            {
                found.Add(index);
            }

            return found;
        }

        if (!IsWord(name!))
        {
            for (var index = 0; index < _trees.Length; index++)
            {
                if (SourceIndex.Spells(_trees[index], name!))
                {
                    found.Add(index);
                }
            }

            return found;
        }

        var seen = new bool[_trees.Length];
        foreach (var (word, trees) in _words)
        {
            if (word.Length >= name!.Length && word.IndexOf(name, StringComparison.Ordinal) >= 0)
            {
                foreach (var index in trees)
                {
                    seen[index] = true;
                }
            }
        }

        for (var index = 0; index < seen.Length; index++)
        {
            if (seen[index])
            {
                found.Add(index);
            }
        }

        return found;
    }

    private static bool IsWord(string name)
    {
        foreach (var c in name)
        {
            if (!IsWordChar(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
