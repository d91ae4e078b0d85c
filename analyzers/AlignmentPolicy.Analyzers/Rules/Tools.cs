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
            if (value is ILocalReferenceOperation local && Operations.InitialValue(local) is { } initial)
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

                return Judge(value, agent);
            }

            // new ChatClientAgentOptions { ChatOptions = new() { Tools = [...] } }
            if (value is IObjectCreationOperation { Initializer: { } initializer })
            {
                foreach (var reference in initializer.Descendants().OfType<IPropertyReferenceOperation>())
                {
                    if (reference.Property.Name == "Tools" && KnownSymbols.IsOrDerivesFrom(reference.Property.ContainingType, agent.Symbols.ChatOptions))
                    {
                        return reference.Parent is ISimpleAssignmentOperation assignment && assignment.Target == reference
                            ? Judge(Operations.Unwrap(assignment.Value), agent)
                            : ToolSet.Ungated;
                    }
                }
            }
        }

        return ToolSet.None;
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

    private static bool IsWrittenOut(IOperation tools) => tools switch
    {
        IArrayCreationOperation { Initializer: not null } => true,
        { Syntax: CollectionExpressionSyntax } => true,
        IObjectCreationOperation { Initializer: IObjectOrCollectionInitializerOperation } => true,
        _ => false,
    };

    /// <summary>
    /// A tool the provider runs (web search, code interpreter, file search, a hosted MCP server): an SDK
    /// <c>AITool</c> that is no <c>AIFunction</c>, so the function-invoking loop has nothing to call.
    /// </summary>
    private static bool IsHostedTool(IOperation element, AgentContext agent)
        => element is IObjectCreationOperation { Type: INamedTypeSymbol type }
            && type.DeclaringSyntaxReferences.IsEmpty
            && agent.Symbols.AITool is { } aiTool && KnownSymbols.IsOrDerivesFrom(type, aiTool)
            && !(agent.Symbols.AIFunction is { } aiFunction && KnownSymbols.IsOrDerivesFrom(type, aiFunction));
}
