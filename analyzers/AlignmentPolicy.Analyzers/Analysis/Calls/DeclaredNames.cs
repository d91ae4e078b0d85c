using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AlignmentPolicy.Analyzers.Analysis.Calls;

/// <summary>
/// The names a call-graph walk must not skip, read from the compilation's declarations without entering
/// any body: the methods declared in source (a call spelled with one of these names may land in a body the
/// walk follows, directly or as an implementation or override) and the using aliases (<c>new W(...)</c> with
/// <c>using W = System.IO.StreamWriter;</c> creates a type whose name is not spelled). Local functions are not
/// listed: a method that declares or is one is always bound (<see cref="CallNames.MustBind"/>).
/// </summary>
internal sealed class DeclaredNames
{
    private DeclaredNames(HashSet<string> methods, HashSet<string> aliases)
    {
        Methods = methods;
        Aliases = aliases;
    }

    public HashSet<string> Methods { get; }

    public HashSet<string> Aliases { get; }

    public static DeclaredNames Of(Compilation compilation)
    {
        var methods = new HashSet<string>(StringComparer.Ordinal);
        var aliases = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<SyntaxNode>();
        foreach (var tree in compilation.SyntaxTrees)
        {
            pending.Push(tree.GetRoot());
            while (pending.Count > 0)
            {
                switch (pending.Pop())
                {
                    case CompilationUnitSyntax unit:
                        AddAliases(unit.Usings, aliases);
                        Push(unit.Members, pending);
                        break;
                    case BaseNamespaceDeclarationSyntax ns:
                        AddAliases(ns.Usings, aliases);
                        Push(ns.Members, pending);
                        break;
                    case TypeDeclarationSyntax type:
                        Push(type.Members, pending);
                        break;
                    case MethodDeclarationSyntax method:
                        methods.Add(method.Identifier.ValueText);
                        break;
                }
            }
        }

        return new DeclaredNames(methods, aliases);
    }

    private static void Push(SyntaxList<MemberDeclarationSyntax> members, Stack<SyntaxNode> pending)
    {
        foreach (var member in members)
        {
            pending.Push(member);
        }
    }

    private static void AddAliases(SyntaxList<UsingDirectiveSyntax> usings, HashSet<string> aliases)
    {
        foreach (var directive in usings)
        {
            if (directive.Alias is { } alias)
            {
                aliases.Add(alias.Name.Identifier.ValueText);
            }
        }
    }
}
