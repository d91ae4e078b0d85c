using System.Collections.Generic;
using System.Linq;
using AlignmentPolicy.Analyzers.Analysis;
using AlignmentPolicy.Analyzers.Analysis.SideEffects;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Rules;

/// <summary>
/// ALN0002: tools made from a type's methods by a tool factory that reads the type itself rather than a delegate:
/// <c>aiToolsFactory.GetTools(typeof(FileSystemTools))</c>, <c>aiToolsFactory.GetTools(instance)</c> (AgentFrameworkToolkit, rwjdk
/// MicrosoftAgentFrameworkSamples <c>src/AgentFrameworkToolkit.EasierTools/Program.cs</c>). Every method the factory exposes becomes a
/// tool the model may call: those carrying a tool attribute (<c>[AITool]</c>, <c>[KernelFunction]</c>, <c>[McpServerTool]</c>, ...) when
/// the type marks some, else its public methods. Such a factory is often of a package the scan does not have, so the call and the
/// attribute may not bind; the type (a <c>typeof</c> operand or an argument's type) is of this compilation and does.
/// </summary>
internal static class ToolsFromType
{
    /// <summary>Name first: the factory methods that make tools of a whole type.</summary>
    public static bool IsFactoryName(string name) => name is "GetTools" or "CreateTools";

    /// <summary>
    /// The tool method of the type a call makes tools of that reaches a side effect and checks no gate itself (the first in
    /// declaration order), with its path; null when the call makes no tools of a type declared here or none of them is such.
    /// </summary>
    public static (IMethodSymbol Method, SideEffectPath Path)? FirstSideEffect(IOperation call, AgentContext agent)
    {
        if (ToolType(call) is not { } type)
        {
            return null;
        }

        foreach (var method in ToolMethods(type))
        {
            if (agent.SideEffects.From(method) is { } path && agent.Gates.Checks.From(method) is null && !UngatedToolSideEffectAnalyzer.AsksAPerson(method, agent))
            {
                return (method, path);
            }
        }

        return null;
    }

    /// <summary>The type whose methods the call turns into tools: a <c>typeof(T)</c> argument, or an argument whose type is a class declared here.</summary>
    private static INamedTypeSymbol? ToolType(IOperation call)
    {
        IEnumerable<IOperation> arguments;
        if (call is IInvocationOperation invocation)
        {
            arguments = invocation.Arguments.Select(a => a.Value);
        }
        else if (call.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Expression: var receiverSyntax } })
        {
            // Unbound: the children are the receiver (or under the unbound member access) and the arguments.
            arguments = call.ChildOperations.Where(c => c.Syntax != receiverSyntax && c.Syntax.Parent is ArgumentSyntax);
        }
        else
        {
            return null;
        }

        foreach (var argument in arguments)
        {
            var value = Operations.Unwrap(argument);
            var type = value is ITypeOfOperation { TypeOperand: INamedTypeSymbol operand } ? operand : value.Type as INamedTypeSymbol;
            if (type is { TypeKind: TypeKind.Class } && !type.DeclaringSyntaxReferences.IsEmpty)
            {
                return type;
            }
        }

        return null;
    }

    /// <summary>The methods a type-reading tool factory exposes: the attributed ones when the type marks some, else the public ones.</summary>
    private static IEnumerable<IMethodSymbol> ToolMethods(INamedTypeSymbol type)
    {
        var candidates = type.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m is { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public } && !m.DeclaringSyntaxReferences.IsEmpty)
            .ToList();
        var marked = candidates.Where(HasToolAttributeSyntax).ToList();
        return marked.Count > 0 ? marked : candidates;
    }

    /// <summary>An attribute spelled like a tool marker (<c>[AITool(...)]</c>, <c>[KernelFunction]</c>, <c>[McpServerTool]</c>), bound or not.</summary>
    private static bool HasToolAttributeSyntax(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not MethodDeclarationSyntax declaration)
            {
                continue;
            }

            foreach (var attribute in declaration.AttributeLists.SelectMany(l => l.Attributes))
            {
                var name = attribute.Name switch
                {
                    QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => "",
                };
                if (name.EndsWith("Attribute", System.StringComparison.Ordinal))
                {
                    name = name.Substring(0, name.Length - "Attribute".Length);
                }

                if (name.EndsWith("Tool", System.StringComparison.Ordinal) || name.EndsWith("Function", System.StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
