using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AlignmentPolicy.Analyzers.Analysis.Sources;

/// <summary>
/// Name-first lookups over the compilation's source, with no binding: which trees' text spells a name
/// (an ordinal substring search of the source text, the cheapest test there is), and in such a tree the
/// invocations by simple name and the object creations by type name (found from the name's positions in
/// the tree's text, with no walk of the tree). The compilation-wide questions (who calls this method,
/// where are chat clients registered, which kernels are built) start here, so they bind only the few
/// members whose syntax can answer them, as BannedApiAnalyzers resolves its entries lazily by name.
/// </summary>
internal sealed class SourceIndex
{
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<string, ImmutableArray<SyntaxTree>> _treesSpelling = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(SyntaxTree Tree, string Name), Lazy<Spelling>> _spelled = new();
    private readonly ConcurrentDictionary<(SyntaxTree Tree, string Name), bool> _treeSpells = new();

    public SourceIndex(Compilation compilation) => _compilation = compilation;

    /// <summary>The trees whose source text contains <paramref name="name"/>, in compilation order.</summary>
    public ImmutableArray<SyntaxTree> TreesSpelling(string name)
        => _treesSpelling.GetOrAdd(name, n =>
        {
            var builder = ImmutableArray.CreateBuilder<SyntaxTree>();
            foreach (var tree in _compilation.SyntaxTrees)
            {
                if (Spells(tree, n))
                {
                    builder.Add(tree);
                }
            }

            WorkCounters.Count(ref WorkCounters.TextSearches);
            return builder.ToImmutable();
        });

    /// <summary>Whether any tree's text spells one of these names (a compilation-wide fact: each name is searched for once).</summary>
    public bool AnyTreeSpells(IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (!TreesSpelling(name).IsEmpty)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether one tree's text spells the name: from <see cref="TreesSpelling"/> when that was asked already, else by
    /// searching this tree alone (cached), so a question about a few trees does not search every tree's text.
    /// </summary>
    public bool TreeSpells(SyntaxTree tree, string name)
        => _treesSpelling.TryGetValue(name, out var trees) ? trees.Contains(tree) : _treeSpells.GetOrAdd((tree, name), key => Spells(key.Tree, key.Name));

    /// <summary>Whether the tree's text contains the name (StringText hands out its string without a copy).</summary>
    public static bool Spells(SyntaxTree tree, string name)
        => tree.TryGetText(out var text) ? text.ToString().IndexOf(name, StringComparison.Ordinal) >= 0 : tree.GetText().ToString().IndexOf(name, StringComparison.Ordinal) >= 0;

    /// <summary>The invocations spelled with this simple name (<c>x.Name(...)</c>, <c>Name(...)</c>, <c>Name&lt;T&gt;(...)</c>), tree by tree in compilation order.</summary>
    public IEnumerable<InvocationExpressionSyntax> Invocations(string name)
    {
        foreach (var tree in TreesSpelling(name))
        {
            foreach (var invocation in Spelled(tree, name).Invocations)
            {
                yield return invocation;
            }
        }
    }

    /// <summary>
    /// The invocations spelled with any of these names, tree by tree in compilation order (each tree once);
    /// with <paramref name="only"/>, in that tree alone (whose text alone is searched). In each tree only the names its
    /// text spells are looked for: most trees that spell one registration's name spell none of the others.
    /// </summary>
    public IEnumerable<InvocationExpressionSyntax> Invocations(IReadOnlyList<string> names, SyntaxTree? only = null)
    {
        if (only is not null)
        {
            return InvocationsIn(only, names.Where(name => TreeSpells(only, name)).ToList(), names.Count > 1);
        }

        var spelledIn = new Dictionary<SyntaxTree, List<string>>();
        foreach (var name in names)
        {
            foreach (var tree in TreesSpelling(name))
            {
                if (!spelledIn.TryGetValue(tree, out var spelled))
                {
                    spelledIn.Add(tree, spelled = new List<string>());
                }

                spelled.Add(name);
            }
        }

        return _compilation.SyntaxTrees.Where(spelledIn.ContainsKey).SelectMany(tree => InvocationsIn(tree, spelledIn[tree], names.Count > 1));
    }

    private IEnumerable<InvocationExpressionSyntax> InvocationsIn(SyntaxTree tree, List<string> names, bool sort)
    {
        // Each invocation has one simple name, so the lists are disjoint: merged back into source order.
        var found = new List<InvocationExpressionSyntax>();
        foreach (var name in names)
        {
            found.AddRange(Spelled(tree, name).Invocations);
        }

        if (sort)
        {
            found.Sort(SourceOrder);
        }

        return found;
    }

    /// <summary>
    /// The object creations whose type is spelled with this (rightmost) name, tree by tree in compilation order;
    /// with <paramref name="only"/>, in that tree alone (whose text alone is searched).
    /// </summary>
    public IEnumerable<ObjectCreationExpressionSyntax> Creations(string typeName, SyntaxTree? only = null)
    {
        if (only is not null)
        {
            return TreeSpells(only, typeName) ? Spelled(only, typeName).Creations : Enumerable.Empty<ObjectCreationExpressionSyntax>();
        }

        return TreesSpelling(typeName).SelectMany(tree => Spelled(tree, typeName).Creations);
    }

    /// <summary>The simple name an invocation is spelled with, or null (a delegate invoked through an expression).</summary>
    public static string? SimpleName(InvocationExpressionSyntax syntax) => syntax.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>The rightmost identifier of a type's name (<c>Kernel</c> for <c>Microsoft.SemanticKernel.Kernel</c>).</summary>
    public static string? RightmostName(TypeSyntax type) => type switch
    {
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>Syntax order (a node before the nodes inside it): by start, the longer (enclosing) node first.</summary>
    private static int SourceOrder(SyntaxNode x, SyntaxNode y)
        => x.SpanStart != y.SpanStart ? x.SpanStart.CompareTo(y.SpanStart) : y.Span.Length.CompareTo(x.Span.Length);

    private Spelling Spelled(SyntaxTree tree, string name)
        => _spelled.GetOrAdd((tree, name), key => new Lazy<Spelling>(() => Spelling.Find(key.Tree, key.Name), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>
    /// The invocations and object creations of one tree spelled with one name, found from the name's positions in the
    /// text (the token at each position, and the invocation or creation above it), in source order: a tree is not
    /// walked node by node for a name it spells a few times.
    /// </summary>
    private sealed class Spelling
    {
        private Spelling(List<InvocationExpressionSyntax> invocations, List<ObjectCreationExpressionSyntax> creations)
        {
            Invocations = invocations;
            Creations = creations;
        }

        public List<InvocationExpressionSyntax> Invocations { get; }

        public List<ObjectCreationExpressionSyntax> Creations { get; }

        public static Spelling Find(SyntaxTree tree, string name)
        {
            WorkCounters.Count(ref WorkCounters.IndexedTrees);
            var invocations = new List<InvocationExpressionSyntax>();
            var creations = new List<ObjectCreationExpressionSyntax>();
            var text = tree.GetText().ToString();
            var root = tree.GetRoot();
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                // The token whose text holds the position (a comment or a string is not an identifier); @name starts one before.
                var token = root.FindToken(at);
                if (!token.IsKind(SyntaxKind.IdentifierToken) || !token.Span.Contains(at) || token.ValueText != name || token.Parent is not SimpleNameSyntax simple)
                {
                    continue;
                }

                if (InvocationNamed(simple) is { } invocation)
                {
                    invocations.Add(invocation);
                }
                else if (CreationNamed(simple) is { } creation)
                {
                    creations.Add(creation);
                }
            }

            invocations.Sort(SourceOrder);
            creations.Sort(SourceOrder);
            return new Spelling(invocations, creations);
        }

        /// <summary>The invocation this name is the simple name of (<c>x.Name(...)</c>, <c>Name(...)</c>, <c>x?.Name(...)</c>), as <see cref="SimpleName"/> reads it.</summary>
        private static InvocationExpressionSyntax? InvocationNamed(SimpleNameSyntax name)
        {
            ExpressionSyntax callee = name.Parent switch
            {
                MemberAccessExpressionSyntax member when member.Name == name => member,
                MemberBindingExpressionSyntax binding when binding.Name == name => binding,
                _ => name,
            };
            return callee.Parent is InvocationExpressionSyntax invocation && invocation.Expression == callee ? invocation : null;
        }

        /// <summary>The object creation whose type's rightmost name this is, as <see cref="RightmostName"/> reads it.</summary>
        private static ObjectCreationExpressionSyntax? CreationNamed(SimpleNameSyntax name)
        {
            TypeSyntax type = name.Parent switch
            {
                QualifiedNameSyntax qualified when qualified.Right == name => qualified,
                AliasQualifiedNameSyntax alias when alias.Name == name => alias,
                _ => name,
            };
            return type.Parent is ObjectCreationExpressionSyntax creation && creation.Type == type ? creation : null;
        }
    }
}
