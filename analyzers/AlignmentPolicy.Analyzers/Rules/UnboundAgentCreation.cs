using System.Collections.Generic;
using System.Linq;
using AlignmentPolicy.Analyzers.Analysis;
using AlignmentPolicy.Analyzers.Analysis.Origins;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Rules;

/// <summary>
/// An agent made by a call that does not bind here and given local tools: a provider's or a toolkit's agent
/// factory of a package the scan does not have (<c>agentFactory.CreateAgent(new AgentOptions { Tools = [...] })</c>,
/// <c>projectClient.AsAIAgent(name, tools: [...])</c>, <c>client.GetResponsesClient().AsAIAgent(..., tools: [...])</c>,
/// the pre-1.0 <c>chatClient.CreateAIAgent(..., tools: [...])</c>). The agent invokes the tools the model picks by
/// itself, as a bound <c>AsAIAgent(tools: ...)</c> does. Judged only when the call's tools are visible (a <c>tools:</c>
/// argument or an options object setting <c>Tools</c>) and hold a local function tool no gate wraps, the value the
/// factory is called on is traced ungated, and no gate (or middleware that may be one) follows in the chain.
/// </summary>
internal static class UnboundAgentCreation
{
    // Names that make an agent: Agent Framework's own (AsAIAgent, CreateAIAgent, GetAIAgent and their async forms) and
    // the toolkits' CreateAgent. A call of another name passing tools is not taken as an agent.
    private static readonly HashSet<string> s_names = new(System.StringComparer.Ordinal)
    {
        "AsAIAgent", "CreateAIAgent", "CreateAIAgentAsync", "GetAIAgent", "GetAIAgentAsync", "CreateAgent",
    };

    /// <summary>The names <see cref="Find"/> judges a call by (ALN0005 hands over the operations that do not bind only in blocks spelling one).</summary>
    internal static IReadOnlyCollection<string> Names => s_names;

    private static readonly HashSet<string> s_gateNames = new(System.StringComparer.Ordinal) { "UsePolicyGate", "AddPolicyGate", "WithPolicyGate", "Use" };

    /// <summary>The called name (where it is reported), or null when the call is no ungated agent creation with tools.</summary>
    public static SimpleNameSyntax? Find(IInvalidOperation invalid, AgentContext agent)
    {
        if (invalid.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } access } call
            || !s_names.Contains(name) || invalid.SemanticModel is not { } model)
        {
            return null;
        }

        var tools = ToolsArgument(call.ArgumentList);
        if (tools is null || !HasUngatedLocalTool(tools, model, agent))
        {
            return null;
        }

        if (model.GetOperation(access.Expression) is not { } receiver || agent.Origins.Trace(receiver).State != GateState.Ungated || ChainAboveMayGate(call, model, agent))
        {
            return null;
        }

        return access.Name;
    }

    /// <summary>
    /// <c>new ChatClientAgent(client, ..., tools: [...])</c> that does not bind only for an argument whose type is missing here
    /// (MCP tools of another SDK version, <c>sp.GetRequiredService&lt;IChatClient&gt;()</c> in a registration that does not bind):
    /// the agent type is known, so it invokes the tools it is given as a bound creation does. Judged as <see cref="Find"/>
    /// judges a factory call, with the client argument in place of the receiver. Returns whether it is reported.
    /// </summary>
    public static bool IsUngatedCreationWithTools(IInvalidOperation invalid, AgentContext agent)
    {
        if (invalid.Syntax is not BaseObjectCreationExpressionSyntax { ArgumentList: { Arguments.Count: > 0 } arguments }
            || invalid.Type is not { TypeKind: not TypeKind.Error } type || agent.Symbols.ChatClientAgent is not { } chatClientAgent
            || !KnownSymbols.IsOrDerivesFrom(type, chatClientAgent) || invalid.SemanticModel is not { } model)
        {
            return false;
        }

        var tools = ToolsArgument(arguments);
        if (tools is null || !HasUngatedLocalTool(tools, model, agent))
        {
            return false;
        }

        // The wrapped client: the first argument, as in every ChatClientAgent constructor.
        return model.GetOperation(arguments.Arguments[0].Expression) is { } client && agent.Origins.Trace(client).State == GateState.Ungated;
    }

    /// <summary>The tools the call is given: a <c>tools:</c> argument, or <c>Tools = ...</c> in an options object (at any depth of its initializers).</summary>
    private static ExpressionSyntax? ToolsArgument(ArgumentListSyntax arguments)
    {
        foreach (var argument in arguments.Arguments)
        {
            if (argument.NameColon?.Name.Identifier.ValueText == "tools")
            {
                return argument.Expression;
            }

            if (argument.Expression is BaseObjectCreationExpressionSyntax { Initializer: { } initializer })
            {
                foreach (var assignment in initializer.DescendantNodes().OfType<AssignmentExpressionSyntax>())
                {
                    if (assignment.Left is IdentifierNameSyntax { Identifier.ValueText: "Tools" })
                    {
                        return assignment.Right;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The tools hold a local function tool no gate wraps. A written-out list is judged element by element (hosted tools
    /// and self-gated tools do not count; an element whose type does not resolve is not known to be a tool); any other
    /// value typed as tools (a variable, a method's result) may hold ungated ones.
    /// </summary>
    private static bool HasUngatedLocalTool(ExpressionSyntax tools, SemanticModel model, AgentContext agent)
    {
        var elements = tools switch
        {
            CollectionExpressionSyntax collection => collection.Elements.Select(e => e switch
            {
                ExpressionElementSyntax element => element.Expression,
                SpreadElementSyntax spread => spread.Expression,
                _ => null,
            }).Where(e => e is not null).Select(e => e!).ToList(),
            ArrayCreationExpressionSyntax { Initializer: { } initializer } => initializer.Expressions.ToList(),
            ImplicitArrayCreationExpressionSyntax implicitArray => implicitArray.Initializer.Expressions.ToList(),
            _ => null,
        };

        if (elements is null)
        {
            if (model.GetOperation(tools) is not { } value)
            {
                return false;
            }

            // AITool[] tools = [new ApprovalRequiredAIFunction(...), ...]; client.CreateAIAgent(tools: tools): a local is judged by what it is
            // declared with and what is added to it, as the tools of an agent creation that binds are (Tools.JudgeValue). Not a local assigned
            // again after its declaration (IList<AITool> tools = []; tools = [...]; tools = factory.GetTools(...)): what it holds is not read here.
            if (Operations.Unwrap(value) is ILocalReferenceOperation local && Operations.InitialValue(local) is not null && IsToolCollection(value.Type, agent)
                && !IsReassigned(local))
            {
                return Tools.JudgeValue(Operations.Unwrap(value), agent) == ToolSet.Ungated;
            }

            return IsLocalTool(value, agent) || IsToolCollection(value.Type, agent) || SpellsToolCollection(tools, model, agent);
        }

        foreach (var element in elements)
        {
            if (model.GetOperation(element) is not { } value)
            {
                continue;
            }

            if (element.Parent is SpreadElementSyntax ? IsToolCollection(value.Type, agent) || SpellsToolCollection(element, model, agent) : IsLocalTool(value, agent))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a local is assigned after its declaration anywhere in its body (bound, or in an assignment that does not bind here).</summary>
    private static bool IsReassigned(ILocalReferenceOperation local)
    {
        foreach (var reference in Operations.Root(local).Descendants().OfType<ILocalReferenceOperation>())
        {
            if (SymbolEqualityComparer.Default.Equals(reference.Local, local.Local) && reference.Syntax.Parent is AssignmentExpressionSyntax assignment && assignment.Left == reference.Syntax)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Tools whose type does not resolve here but whose code says what they are: an MCP server's tools listed at run time
    /// (<c>await mcpClient.ListToolsAsync()</c> on a client of another MCP SDK version, directly or through the local it is kept in)
    /// and a sequence cast to tools (<c>mcpTools.Cast&lt;AITool&gt;()</c>, <c>OfType&lt;AIFunction&gt;()</c>), with or without
    /// <c>ToList()</c>/<c>ToArray()</c>. Each is a set of functions this process invokes when the model asks.
    /// </summary>
    private static bool SpellsToolCollection(ExpressionSyntax expression, SemanticModel model, AgentContext agent)
    {
        for (var depth = 0; depth < 4; depth++)
        {
            switch (expression)
            {
                case AwaitExpressionSyntax awaited:
                    expression = awaited.Expression;
                    continue;
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    continue;
                case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: var name, Expression: var receiver } }:
                    switch (name.Identifier.ValueText)
                    {
                        case "ToList" or "ToArray" or "AsEnumerable":
                            expression = receiver;
                            continue;
                        case "Cast" or "OfType" when name is GenericNameSyntax { TypeArgumentList.Arguments: { Count: 1 } arguments }:
                            return model.GetTypeInfo(arguments[0]).Type is { TypeKind: not TypeKind.Error } item
                                && agent.Symbols.AITool is { } aiTool && KnownSymbols.IsOrDerivesFrom(item, aiTool);
                        case "ListToolsAsync":
                            return true;
                        default:
                            return false;
                    }

                case IdentifierNameSyntax identifier when model.GetSymbolInfo(identifier).Symbol is ILocalSymbol local
                    && local.DeclaringSyntaxReferences.Length == 1 && local.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initial }:
                    expression = initial;
                    continue;
                default:
                    return false;
            }
        }

        return false;
    }

    /// <summary>A tool this process runs (an <c>AIFunction</c>, or an <c>AITool</c> that is no provider-run tool) that does not gate itself.</summary>
    private static bool IsLocalTool(IOperation value, AgentContext agent)
    {
        value = Operations.Unwrap(value);
        var type = value.Type;
        if (type is null || type.TypeKind == TypeKind.Error || agent.Symbols.AITool is not { } aiTool || !KnownSymbols.IsOrDerivesFrom(type, aiTool))
        {
            return false;
        }

        return !Tools.IsHostedTool(value, agent) && !agent.Gates.IsSelfGatedTool(value);
    }

    /// <summary>A collection of tools (<c>List&lt;AITool&gt;</c>, <c>IEnumerable&lt;AIFunction&gt;</c>, <c>AITool[]</c>): what it holds is made elsewhere.</summary>
    internal static bool IsToolCollection(ITypeSymbol? type, AgentContext agent)
    {
        if (type is null || agent.Symbols.AITool is not { } aiTool)
        {
            return false;
        }

        if (type is IArrayTypeSymbol array)
        {
            return KnownSymbols.IsOrDerivesFrom(array.ElementType, aiTool);
        }

        return type is INamedTypeSymbol named
            && named.AllInterfaces.Concat(new[] { named }).Any(i => i is { Name: "IEnumerable", TypeArguments.Length: 1 } && KnownSymbols.IsOrDerivesFrom(i.TypeArguments[0], aiTool));
    }

    /// <summary>
    /// A gate, or middleware that may be one, applied to the agent in the same fluent chain
    /// (<c>.AsBuilder().UsePolicyGate().Build()</c>): a bound one is judged, one that does not bind here is not.
    /// </summary>
    private static bool ChainAboveMayGate(InvocationExpressionSyntax call, SemanticModel model, AgentContext agent)
    {
        SyntaxNode current = call;
        while (current.Parent is MemberAccessExpressionSyntax { Parent: InvocationExpressionSyntax outer } access && access.Expression == current)
        {
            if (s_gateNames.Contains(access.Name.Identifier.ValueText))
            {
                if (model.GetOperation(outer) is not IInvocationOperation bound || agent.Gates.IsGateInvocation(bound))
                {
                    return true;
                }
            }

            current = outer;
        }

        return false;
    }
}
