using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using AlignmentPolicy.Analyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Rules;

/// <summary>The tools handed to an agent: none, all gated one by one, or some ungated.</summary>
internal enum ToolSet
{
    None,
    AllGated,
    Ungated,
}

/// <summary>Reads the tools given to an agent (a <c>tools:</c> argument or <c>ChatOptions.Tools</c> in its options).</summary>
internal static class Tools
{
    public static ToolSet Of(ImmutableArray<IArgumentOperation> arguments, AgentContext agent)
    {
        foreach (var argument in arguments)
        {
            if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is null)
            {
                continue;
            }

            var value = Operations.Unwrap(argument.Value);
            var local = value as ILocalReferenceOperation;
            if (local is not null && Operations.InitialValue(local) is { } initial)
            {
                // var options = new ChatClientAgentOptions { ... }; chatClient.AsAIAgent(options)
                value = Operations.Unwrap(initial);
            }

            if (argument.Parameter.Name == "tools")
            {
                if (value is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation)
                {
                    return ToolSet.None;
                }

                var judged = Judge(value, agent);
                return local is null || judged == ToolSet.Ungated ? judged : WithAdded(judged, local, agent);
            }

            // new ChatClientAgentOptions { ChatOptions = new() { Tools = [...] }, AIContextProviders = [...] }, written here or made by a
            // factory of this compilation (chatClient.AsAIAgent(CreateOptions()), an options field): every way it is made counts.
            ToolSet? fromOptions = null;
            foreach (var made in OptionsValues(value, agent))
            {
                if (JudgeOptions(made, agent) is { } judged)
                {
                    fromOptions = fromOptions is { } previous ? Combine(previous, judged) : judged;
                }
            }

            if (fromOptions is { } options)
            {
                return options;
            }
        }

        return ToolSet.None;
    }

    /// <summary>The tools an options object written out gives (<c>ChatOptions.Tools</c>, <c>AIContextProviders</c>), or null when it gives none.</summary>
    private static ToolSet? JudgeOptions(IOperation value, AgentContext agent)
    {
        if (value is not IObjectCreationOperation { Initializer: { } initializer })
        {
            return null;
        }

        ToolSet? tools = null;
        var providers = ToolSet.None;
        foreach (var reference in initializer.Descendants().OfType<IPropertyReferenceOperation>())
        {
            if (tools is null && reference.Property.Name == "Tools" && KnownSymbols.IsOrDerivesFrom(reference.Property.ContainingType, agent.Symbols.ChatOptions))
            {
                tools = reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference
                    ? JudgeValue(Operations.Unwrap(assignment.Value), agent)
                    : ToolSet.Ungated;
            }

            // Tools an AIContextProvider adds before each run are invoked like the agent's own.
            if (reference.Property.Name == "AIContextProviders" && reference.Parent is ISimpleAssignmentOperation { Target: var target, Value: var list } && target == reference
                && ContextProviderTools.Judge(list, agent) == ToolSet.Ungated)
            {
                providers = ToolSet.Ungated;
            }
        }

        if (tools is null && providers != ToolSet.Ungated)
        {
            return null;
        }

        return providers == ToolSet.Ungated ? ToolSet.Ungated : tools!.Value;
    }

    /// <summary>Some ungated tools on any path make the whole ungated; all gated on every path with tools is gated.</summary>
    private static ToolSet Combine(ToolSet a, ToolSet b) => a == ToolSet.Ungated || b == ToolSet.Ungated ? ToolSet.Ungated : a == ToolSet.AllGated || b == ToolSet.AllGated ? ToolSet.AllGated : ToolSet.None;

    /// <summary>
    /// The values an options argument is made with: itself, or what a method of this compilation returns (an arrow body, the
    /// <c>return</c>s of its block, not those of lambdas or local functions in it), or what a field or property is given in its type.
    /// </summary>
    private static IEnumerable<IOperation> OptionsValues(IOperation value, AgentContext agent)
    {
        switch (value)
        {
            case IInvocationOperation { TargetMethod: { } method } when method.DeclaringSyntaxReferences.Length > 0 && IsOptionsType(method.ReturnType, agent):
                foreach (var reference in method.DeclaringSyntaxReferences)
                {
                    foreach (var returned in Returned(reference.GetSyntax()))
                    {
                        if (agent.OperationOf(returned) is { } made)
                        {
                            yield return Operations.Unwrap(made);
                        }
                    }
                }

                break;
            case IFieldReferenceOperation field when IsOptionsType(field.Type, agent):
                foreach (var made in agent.Origins.MemberValues(field.Field))
                {
                    yield return Operations.Unwrap(made);
                }

                break;
            case IPropertyReferenceOperation { Property.IsIndexer: false } property when property.Property.DeclaringSyntaxReferences.Length > 0 && IsOptionsType(property.Type, agent):
                foreach (var made in agent.Origins.MemberValues(property.Property))
                {
                    yield return Operations.Unwrap(made);
                }

                break;
            default:
                yield return value;
                break;
        }
    }

    /// <summary><c>ChatClientAgentOptions</c> (it has a <c>ChatOptions</c>) or a <c>ChatOptions</c>.</summary>
    private static bool IsOptionsType(ITypeSymbol? type, AgentContext agent)
        => type is INamedTypeSymbol named
            && (KnownSymbols.IsOrDerivesFrom(named, agent.Symbols.ChatOptions)
                || named.GetMembers("ChatOptions").OfType<IPropertySymbol>().Any(p => KnownSymbols.IsOrDerivesFrom(p.Type, agent.Symbols.ChatOptions)));

    private static IEnumerable<ExpressionSyntax> Returned(SyntaxNode declaration)
    {
        var (arrow, body) = declaration switch
        {
            MethodDeclarationSyntax m => (m.ExpressionBody, (SyntaxNode?)m.Body),
            LocalFunctionStatementSyntax f => (f.ExpressionBody, f.Body),
            _ => (null, null),
        };
        if (arrow is not null)
        {
            yield return arrow.Expression;
        }

        if (body is null)
        {
            yield break;
        }

        foreach (var statement in body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)).OfType<ReturnStatementSyntax>())
        {
            if (statement.Expression is { } expression)
            {
                yield return expression;
            }
        }
    }

    /// <summary>
    /// <c>ChatOptions { Tools = tools }</c>: a local list is judged by what it is declared with and what is added to it
    /// (<c>var tools = new List&lt;AITool&gt; { ... }; ... Tools = tools</c>), as a <c>tools:</c> argument is.
    /// </summary>
    internal static ToolSet JudgeValue(IOperation value, AgentContext agent)
    {
        if (value is ILocalReferenceOperation local && Operations.InitialValue(local) is { } initial)
        {
            var judged = Judge(Operations.Unwrap(initial), agent);
            return judged == ToolSet.Ungated ? judged : WithAdded(judged, local, agent);
        }

        return Judge(value, agent);
    }

    /// <summary>
    /// A list written out (<c>[...]</c>, <c>new[] {...}</c>, <c>new List&lt;AITool&gt; {...}</c>): empty, or holding only
    /// tools the provider runs (<c>new HostedWebSearchTool()</c>), it invokes nothing in this process; with every
    /// local tool gating itself (<c>new ApprovalRequiredAIFunction(...)</c>, <c>.WithPolicyGate()</c>) it is gated.
    /// Any other value (a variable filled elsewhere, MCP tools listed at run time) may hold ungated tools.
    /// </summary>
    private static ToolSet Judge(IOperation tools, AgentContext agent)
    {
        if (!IsWrittenOut(tools))
        {
            return ToolSet.Ungated;
        }

        var local = Operations.Elements(tools).Select(Operations.Unwrap).Where(e => !IsHostedTool(e, agent)).ToList();
        if (local.Count == 0)
        {
            return ToolSet.None;
        }

        return local.All(e => agent.Gates.IsSelfGatedTool(e)) ? ToolSet.AllGated : ToolSet.Ungated;
    }

    /// <summary>
    /// A list declared written out and filled afterwards (<c>List&lt;AITool&gt; tools = []; tools.AddRange(FileSystemTools.All());</c>):
    /// what is added counts too. <c>Add</c>/<c>Insert</c> of one tool is judged as an element; <c>AddRange</c> of tools made elsewhere may hold ungated ones.
    /// </summary>
    private static ToolSet WithAdded(ToolSet declared, ILocalReferenceOperation local, AgentContext agent)
    {
        var result = declared;
        foreach (var operation in Operations.Root(local).Descendants())
        {
            if (operation is IInvalidOperation { Syntax: InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Add" or "AddRange" or "Insert" or "InsertRange", Expression: var receiver } } } unbound
                && unbound.ChildOperations.Any(c => c.Syntax == receiver && c is ILocalReferenceOperation l && SymbolEqualityComparer.Default.Equals(l.Local, local.Local)))
            {
                return ToolSet.Ungated; // tools.AddRange(TimeTools.All()) of a package the scan does not have: nothing shows they are gated
            }

            if (operation is not IInvocationOperation { Instance: { } instance, TargetMethod.Name: "Add" or "AddRange" or "Insert" or "InsertRange" } call
                || Operations.Unwrap(instance) is not ILocalReferenceOperation target || !SymbolEqualityComparer.Default.Equals(target.Local, local.Local)
                || call.Arguments.Length == 0)
            {
                continue;
            }

            if (call.TargetMethod.Name is "AddRange" or "InsertRange")
            {
                return ToolSet.Ungated;
            }

            var element = Operations.Unwrap(call.Arguments[call.Arguments.Length - 1].Value);
            if (IsHostedTool(element, agent))
            {
                continue;
            }

            if (!agent.Gates.IsSelfGatedTool(element))
            {
                return ToolSet.Ungated;
            }

            result = ToolSet.AllGated;
        }

        return result;
    }

    private static bool IsWrittenOut(IOperation tools) => tools switch
    {
        IArrayCreationOperation { Initializer: not null } => true,
        { Syntax: CollectionExpressionSyntax } => true,
        IObjectCreationOperation { Initializer: IObjectOrCollectionInitializerOperation } => true,
        _ => false,
    };

    /// <summary>
    /// A tool nothing in this process invokes: an <c>AITool</c> that is no <c>AIFunction</c>, so the function-invoking loop has
    /// nothing to call. The provider's tools (web search, code interpreter, file search, a hosted MCP server: <c>new HostedWebSearchTool()</c>)
    /// and the application's own <c>AITool</c> subclasses (<c>sp.GetRequiredService&lt;ChatSessionsTool&gt;()</c> with
    /// <c>class ChatSessionsTool : AITool</c>: its methods are no functions the model is told of). Judged by the element's type, which
    /// for a class deriving from <c>AITool</c> (not <c>AITool</c> itself) says it cannot be an <c>AIFunction</c>, however it is made.
    /// </summary>
    internal static bool IsHostedTool(IOperation element, AgentContext agent)
        => element.Type is INamedTypeSymbol { TypeKind: TypeKind.Class } type
            && agent.Symbols.AITool is { } aiTool && !SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, aiTool) && KnownSymbols.IsOrDerivesFrom(type, aiTool)
            && !(agent.Symbols.AIFunction is { } aiFunction && KnownSymbols.IsOrDerivesFrom(type, aiFunction));
}
