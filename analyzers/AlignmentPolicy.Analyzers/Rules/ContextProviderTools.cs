using System.Linq;
using AlignmentPolicy.Analyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Rules;

/// <summary>
/// Tools an agent gets from its <c>AIContextProvider</c>s (<c>new ChatClientAgentOptions { AIContextProviders = [...] }</c>):
/// a provider returns an <c>AIContext</c> before each run, and the <c>Tools</c> it sets are invoked by the agent like
/// its own. A provider declared in the code supplies tools when its code sets <c>AIContext.Tools</c>; a provider of a
/// package is known to supply tools when it is made with them (a tool list, or an options object whose <c>Tools</c>
/// the code sets: <c>options.Tools = [...]; new HyperlightCodeActProvider(options)</c>). Memory and history providers
/// supply none.
/// </summary>
internal static class ContextProviderTools
{
    public static ToolSet Judge(IOperation providers, AgentContext agent)
    {
        var model = providers.SemanticModel;
        if (model is null)
        {
            return ToolSet.None;
        }

        foreach (var element in Operations.Elements(Operations.Unwrap(providers)).Select(Operations.Unwrap))
        {
            if (element.Syntax is not BaseObjectCreationExpressionSyntax creation)
            {
                continue;
            }

            if (element.Type is INamedTypeSymbol { TypeKind: not TypeKind.Error } type && !type.DeclaringSyntaxReferences.IsEmpty)
            {
                if (SetsContextTools(type, agent))
                {
                    return ToolSet.Ungated;
                }

                continue;
            }

            if (creation.ArgumentList is { } arguments && arguments.Arguments.Any(a => IsMadeWithTools(a.Expression, element, model, agent)))
            {
                return ToolSet.Ungated;
            }
        }

        return ToolSet.None;
    }

    /// <summary>The provider type's code sets <c>Tools</c> of an <c>AIContext</c> (<c>new AIContext { Tools = ... }</c>, <c>context.Tools = ...</c>).</summary>
    private static bool SetsContextTools(INamedTypeSymbol type, AgentContext agent)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var declaration = reference.GetSyntax();
            var model = agent.ModelFor(declaration.SyntaxTree);
            foreach (var assignment in declaration.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                var target = assignment.Left switch
                {
                    IdentifierNameSyntax { Identifier.ValueText: "Tools" } name => name,
                    MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Tools" } access => (ExpressionSyntax)access,
                    _ => null,
                };
                // Tools = [] or null supplies none (a template provider that only sets instructions).
                if (target is not null && !IsEmpty(assignment.Right) && model.GetSymbolInfo(target).Symbol is IPropertySymbol { ContainingType: { Name: "AIContext" } containing }
                    && containing.ContainingNamespace?.ToDisplayString() is "Microsoft.Agents.AI")
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsEmpty(ExpressionSyntax value)
        => value is LiteralExpressionSyntax or CollectionExpressionSyntax { Elements.Count: 0 }
            || (value is ArrayCreationExpressionSyntax { Initializer.Expressions.Count: 0 } or ImplicitArrayCreationExpressionSyntax { Initializer.Expressions.Count: 0 });

    /// <summary>A constructor argument that carries tools: a tool list, or a local whose <c>Tools</c> the method sets.</summary>
    private static bool IsMadeWithTools(ExpressionSyntax argument, IOperation creation, SemanticModel model, AgentContext agent)
    {
        if (model.GetOperation(argument) is { } value && UnboundAgentCreation.IsToolCollection(value.Type, agent))
        {
            return true;
        }

        if (argument is not IdentifierNameSyntax { Identifier.ValueText: var local })
        {
            return false;
        }

        return Operations.Root(creation).Syntax.DescendantNodes().OfType<AssignmentExpressionSyntax>().Any(a =>
            a.Left is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Tools", Expression: IdentifierNameSyntax { Identifier.ValueText: var owner } } && owner == local
            && !IsEmpty(a.Right));
    }
}
