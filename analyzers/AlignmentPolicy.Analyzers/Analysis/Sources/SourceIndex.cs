using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AlignmentPolicy.Analyzers.Analysis.Sources;

/// <summary>
/// Name-first lookups over the compilation's source, with no binding: which trees' text spells a name
/// (an ordinal substring search of the source text, the cheapest test there is), and in such a tree the
/// invocations by simple name and the object creations by type name (one syntax walk per tree, done only
/// for trees that spell a name someone asked for). The compilation-wide questions (who calls this method,
/// where are chat clients registered, which kernels are built) start here, so they bind only the few
/// members whose syntax can answer them, as BannedApiAnalyzers resolves its entries lazily by name.
/// </summary>
internal sealed class SourceIndex
{
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<string, ImmutableArray<SyntaxTree>> _treesSpelling = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<SyntaxTree, Lazy<TreeIndex>> _trees = new();
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
            if (IndexOf(tree).Invocations.TryGetValue(name, out var found))
            {
                foreach (var invocation in found)
                {
                    yield return invocation;
                }
            }
        }
    }

    /// <summary>
    /// The invocations spelled with any of these names, tree by tree in compilation order (each tree once);
    /// with <paramref name="only"/>, in that tree alone.
    /// </summary>
    public IEnumerable<InvocationExpressionSyntax> Invocations(IReadOnlyList<string> names, SyntaxTree? only = null)
    {
        var trees = new HashSet<SyntaxTree>();
        foreach (var name in names)
        {
            trees.UnionWith(TreesSpelling(name));
        }

        foreach (var tree in _compilation.SyntaxTrees)
        {
            if (!trees.Contains(tree) || (only is not null && tree != only))
            {
                continue;
            }

            foreach (var invocation in IndexOf(tree).AllInvocations)
            {
                if (SimpleName(invocation) is { } name && Contains(names, name))
                {
                    yield return invocation;
                }
            }
        }
    }

    private static bool Contains(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The object creations whose type is spelled with this (rightmost) name, tree by tree in compilation order;
    /// with <paramref name="only"/>, in that tree alone.
    /// </summary>
    public IEnumerable<ObjectCreationExpressionSyntax> Creations(string typeName, SyntaxTree? only = null)
    {
        foreach (var tree in TreesSpelling(typeName))
        {
            if (only is not null && tree != only)
            {
                continue;
            }

            if (IndexOf(tree).Creations.TryGetValue(typeName, out var found))
            {
                foreach (var creation in found)
                {
                    yield return creation;
                }
            }
        }
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

    private TreeIndex IndexOf(SyntaxTree tree)
        => _trees.GetOrAdd(tree, t => new Lazy<TreeIndex>(() => TreeIndex.Build(t), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>One syntax walk of a tree: its invocations and object creations, keyed by the name they are spelled with.</summary>
    private sealed class TreeIndex
    {
        private TreeIndex(List<InvocationExpressionSyntax> all, Dictionary<string, List<InvocationExpressionSyntax>> invocations, Dictionary<string, List<ObjectCreationExpressionSyntax>> creations)
        {
            AllInvocations = all;
            Invocations = invocations;
            Creations = creations;
        }

        public List<InvocationExpressionSyntax> AllInvocations { get; }

        public Dictionary<string, List<InvocationExpressionSyntax>> Invocations { get; }

        public Dictionary<string, List<ObjectCreationExpressionSyntax>> Creations { get; }

        public static TreeIndex Build(SyntaxTree tree)
        {
            WorkCounters.Count(ref WorkCounters.IndexedTrees);
            var all = new List<InvocationExpressionSyntax>();
            var invocations = new Dictionary<string, List<InvocationExpressionSyntax>>(StringComparer.Ordinal);
            var creations = new Dictionary<string, List<ObjectCreationExpressionSyntax>>(StringComparer.Ordinal);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                switch (node)
                {
                    case InvocationExpressionSyntax invocation when SimpleName(invocation) is { } name:
                        all.Add(invocation);
                        Add(invocations, name, invocation);
                        break;
                    case ObjectCreationExpressionSyntax creation when RightmostName(creation.Type) is { } typeName:
                        Add(creations, typeName, creation);
                        break;
                }
            }

            return new TreeIndex(all, invocations, creations);
        }

        private static void Add<T>(Dictionary<string, List<T>> map, string key, T value)
        {
            if (!map.TryGetValue(key, out var list))
            {
                map[key] = list = new List<T>();
            }

            list.Add(value);
        }
    }
}
