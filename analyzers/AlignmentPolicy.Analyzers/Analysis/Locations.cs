using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis;

/// <summary>Where diagnostics point: the name of the called method, so a chain of calls reads well.</summary>
internal static class Locations
{
    public static Location NameOf(IOperation operation)
    {
        var syntax = operation.Syntax;
        if (syntax is InvocationExpressionSyntax invocation)
        {
            return invocation.Expression switch
            {
                MemberAccessExpressionSyntax member => member.Name.GetLocation(),
                MemberBindingExpressionSyntax binding => binding.Name.GetLocation(),
                SimpleNameSyntax name => name.GetLocation(),
                _ => invocation.GetLocation(),
            };
        }

        if (syntax is ObjectCreationExpressionSyntax creation)
        {
            return creation.Type.GetLocation();
        }

        if (syntax is MemberAccessExpressionSyntax access)
        {
            return access.Name.GetLocation();
        }

        if (syntax is DeclarationPatternSyntax pattern)
        {
            return pattern.Type.GetLocation(); // `is SubmitToolOutputsAction submit`: the type tested
        }

        return syntax.GetLocation();
    }

    /// <summary>A loop's keyword (<c>while</c>, <c>do</c>, <c>for</c>, <c>foreach</c>): where a hand-written tool loop is reported.</summary>
    public static Location Keyword(IOperation loop) => loop.Syntax switch
    {
        WhileStatementSyntax statement => statement.WhileKeyword.GetLocation(),
        DoStatementSyntax statement => statement.DoKeyword.GetLocation(),
        ForStatementSyntax statement => statement.ForKeyword.GetLocation(),
        ForEachStatementSyntax statement => statement.ForEachKeyword.GetLocation(),
        var other => other.GetLocation(),
    };
}
