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
/// nor calls it per invocation). A search of the block's text, no binding, no allocation.
/// </summary>
internal sealed class SpelledNames
{
    // A tree's text as one string (a StringText hands out its own; a large text is copied once per tree, not per block).
    private readonly ConcurrentDictionary<SyntaxTree, string> _texts = new();

    /// <summary>
    /// Whether the text of any of the blocks contains one of the names as a whole word (not inside a longer identifier).
    /// A name in a comment or a string counts too: the rule is then registered for a block where it finds nothing, which
    /// costs only the callbacks this saves elsewhere. (An identifier written with a Unicode escape, <c>\u0043reate</c>, is not
    /// seen, as in every text search of <see cref="SourceIndex"/>.)
    /// </summary>
    public bool AnySpells(ImmutableArray<IOperation> blocks, IReadOnlyList<string> names)
    {
        foreach (var block in blocks)
        {
            var syntax = block.Syntax;
            var text = _texts.GetOrAdd(syntax.SyntaxTree, t => t.GetText().ToString());
            var span = syntax.Span;
            foreach (var name in names)
            {
                WorkCounters.Count(ref WorkCounters.DispatchNameSearches);
                if (Spells(text, span.Start, span.End, name))
                {
                    return true;
                }
            }
        }

        return false;
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
}
