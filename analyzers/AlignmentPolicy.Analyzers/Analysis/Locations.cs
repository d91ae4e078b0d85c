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

        return syntax.GetLocation();
    }
}
