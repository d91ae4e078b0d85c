using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.CodeFixes.EvalEntryPoints;

/// <summary>
/// The agent's system prompt when the pipeline does not set it: programs often send it with each request, as a
/// system message (<c>new ChatMessage(ChatRole.System, SystemPrompt)</c>) or in the request's options
/// (<c>Instructions = ...</c>). Recognised by the Microsoft.Extensions.AI symbols, not by names; used only when the
/// project has exactly one such prompt the new class can reach, since a guess would evaluate the wrong agent.
/// </summary>
internal static class InstructionsFinder
{
    public static (string Text, SyntaxNode Source)? Find(Compilation compilation, string? targetNamespace, CancellationToken cancellationToken)
    {
        var chatMessage = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ChatMessage");
        var chatOptions = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ChatOptions");
        if (chatMessage is null || chatOptions is null)
        {
            return null;
        }

        var found = new Dictionary<string, SyntaxNode>(StringComparer.Ordinal);
        foreach (var tree in compilation.SyntaxTrees)
        {
            var root = tree.GetRoot(cancellationToken);
            SemanticModel? model = null;
            var portable = default(PortableCode);
            foreach (var node in root.DescendantNodes())
            {
                var prompt = node switch
                {
                    BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 2 } creation => creation,
                    AssignmentExpressionSyntax { Left: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Instructions" } or IdentifierNameSyntax { Identifier.ValueText: "Instructions" } } assignment => assignment,
                    _ => (SyntaxNode?)null,
                };
                if (prompt is null)
                {
                    continue;
                }

                model ??= compilation.GetSemanticModel(tree);
                portable ??= new PortableCode(model, targetNamespace);
                var value = model.GetOperation(prompt, cancellationToken) switch
                {
                    IObjectCreationOperation creation when SymbolEqualityComparer.Default.Equals(creation.Type, chatMessage)
                        && creation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0)?.Value is IPropertyReferenceOperation { Property.Name: "System" }
                        => creation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 1)?.Value.Syntax,
                    ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "Instructions" } target } assignment
                        when SymbolEqualityComparer.Default.Equals(target.Property.ContainingType, chatOptions)
                        => assignment.Value.Syntax,
                    _ => null,
                };
                if (value is not null && portable.Move(value) is { } text)
                {
                    found[text] = value;
                }
            }
        }

        return found.Count == 1 ? (found.Keys.Single(), found.Values.Single()) : null;
    }
}
