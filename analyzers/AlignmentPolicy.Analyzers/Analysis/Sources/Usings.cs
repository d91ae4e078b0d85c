using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace AlignmentPolicy.Analyzers.Analysis.Sources;

/// <summary>
/// What a file imports, read from its syntax: which package a type the compilation does not resolve most likely comes from. A missing
/// type has no namespace; the file's <c>using</c> directives (at the top, or in its namespace declarations) are the evidence left.
/// </summary>
internal static class Usings
{
    /// <summary>Whether the file imports the namespace with a plain <c>using</c> (not an alias, not <c>using static</c>).</summary>
    public static bool Imports(SyntaxTree tree, string ns)
    {
        if (tree.GetRoot() is not CompilationUnitSyntax unit)
        {
            return false;
        }

        if (Any(unit.Usings, ns))
        {
            return true;
        }

        foreach (var member in unit.Members)
        {
            if (member is BaseNamespaceDeclarationSyntax declaration && Any(declaration.Usings, ns))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Any(SyntaxList<UsingDirectiveSyntax> usings, string ns)
    {
        foreach (var directive in usings)
        {
            if (directive.Alias is null && directive.StaticKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None) && directive.Name?.ToString() == ns)
            {
                return true;
            }
        }

        return false;
    }
}
