using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace AlignmentPolicy.CodeFixes;

/// <summary>Syntax the fixes share: <c>.UsePolicyGate()</c> calls and the <c>using AlignmentPolicy.Gates;</c> they need.</summary>
internal static class GateSyntax
{
    public const string GatesNamespace = "AlignmentPolicy.Gates";

    /// <summary><c>receiver.name()</c>.</summary>
    public static InvocationExpressionSyntax Call(ExpressionSyntax receiver, string name)
        => InvocationExpression(MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, Parenthesize(receiver), IdentifierName(name)));

    /// <summary>Parentheses where the expression would not bind as a receiver, e.g. a conditional or a cast.</summary>
    public static ExpressionSyntax Parenthesize(ExpressionSyntax expression)
        => expression is IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ObjectCreationExpressionSyntax
            or ElementAccessExpressionSyntax or ParenthesizedExpressionSyntax or ThisExpressionSyntax or BaseExpressionSyntax or ImplicitObjectCreationExpressionSyntax
            ? expression
            : ParenthesizedExpression(expression).WithAdditionalAnnotations(Simplifier.Annotation);

    /// <summary>Adds <c>using AlignmentPolicy.Gates;</c> to the file when it is missing.</summary>
    public static SyntaxNode AddGatesUsing(SyntaxNode root)
    {
        if (root is not CompilationUnitSyntax unit || unit.Usings.Any(u => u.Name?.ToString() == GatesNamespace)
            || unit.DescendantNodes().OfType<BaseNamespaceDeclarationSyntax>().Any(n => n.Usings.Any(u => u.Name?.ToString() == GatesNamespace)))
        {
            return root;
        }

        var directive = UsingDirective(ParseName(GatesNamespace)).WithAdditionalAnnotations(Formatter.Annotation);

        // Where the IDE would sort it: System usings first, then ordinal order.
        var usings = unit.Usings;
        var index = usings.Count;
        for (var i = 0; i < usings.Count; i++)
        {
            var name = usings[i].Name?.ToString() ?? "";
            if (usings[i].Alias is null && usings[i].StaticKeyword.IsKind(SyntaxKind.None) && !name.StartsWith("System", System.StringComparison.Ordinal) && string.CompareOrdinal(name, GatesNamespace) > 0)
            {
                index = i;
                break;
            }
        }

        var endOfLine = usings.Count > 0 ? usings[0].GetTrailingTrivia() : TriviaList(ElasticLineFeed);
        return unit.WithUsings(usings.Insert(index, directive.WithTrailingTrivia(endOfLine)));
    }
}
