using System.Collections.Generic;
using System.Linq;
using AlignmentPolicy.Analyzers.Analysis;
using AlignmentPolicy.Analyzers.Analysis.SideEffects;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Rules;

/// <summary>
/// ALN0002 for function tools declared by name and dispatched by hand: <c>ChatTool.CreateFunctionTool("create_file", ...)</c>
/// (OpenAI chat), <c>new FunctionToolDefinition("create_file", ...)</c> (Azure AI Agents). The model chooses a name; the code that runs
/// is wherever the code compares the model's tool call's name with it: the <c>case "create_file":</c> section of a switch on a name
/// (<c>toolCall.FunctionName</c>, <c>functionToolCall.Name</c>, a <c>functionName</c> parameter), the arm <c>"create_file" =&gt; ...</c>
/// of a switch expression, the branch of <c>if (call.FunctionName == "create_file")</c>. Those regions are the tool's body: reported
/// at the declaration when one reaches a side effect and asks no gate and no person (an inline approval that branches on what a
/// person typed: <see cref="HumanApproval"/>). Name first: only trees that spell the tool's name are read, and only the regions that
/// compare with it are bound.
/// </summary>
internal static class HandDispatchedTools
{
    /// <summary>The declarations' spelling: <c>ChatTool.CreateFunctionTool</c>, <c>new FunctionToolDefinition(...)</c>.</summary>
    public static bool IsDeclarationName(string name) => name is "CreateFunctionTool";

    public const string DefinitionTypeName = "FunctionToolDefinition";

    /// <summary>The first side effect a hand-dispatched tool's regions reach with no gate, or null.</summary>
    public static (string Name, SideEffectPath Path)? UngatedSideEffect(IOperation declaration, AgentContext agent)
    {
        if (FunctionName(declaration) is not { } name)
        {
            return null;
        }

        foreach (var region in Regions(name, agent))
        {
            if (agent.SideEffects.FromBody(name, region) is { } path && agent.Gates.Checks.FromBody(name, region) is null && !HumanApproval.Asks(region, agent))
            {
                return (name, path);
            }
        }

        return null;
    }

    /// <summary>The constant function name: <c>functionName:</c> / <c>name:</c> or the first argument.</summary>
    private static string? FunctionName(IOperation declaration)
    {
        var arguments = declaration switch
        {
            IInvocationOperation { TargetMethod: { Name: "CreateFunctionTool", ContainingType.Name: "ChatTool" } } invocation => invocation.Arguments,
            IObjectCreationOperation { Type.Name: DefinitionTypeName } creation => creation.Arguments,
            _ => default,
        };
        if (arguments.IsDefaultOrEmpty)
        {
            return InvalidFunctionName(declaration);
        }

        var argument = arguments.FirstOrDefault(a => a.Parameter?.Name is "functionName" or "name") ?? arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0);
        return argument?.Value.ConstantValue is { HasValue: true, Value: string name } && name.Length > 0 ? name : null;
    }

    /// <summary><c>new FunctionToolDefinition(name: "get_weather", ...)</c> of a package the scan does not have: the first or named string literal.</summary>
    private static string? InvalidFunctionName(IOperation declaration)
    {
        if (declaration.Syntax is not ObjectCreationExpressionSyntax { ArgumentList.Arguments: { Count: > 0 } arguments } creation
            || Analysis.Sources.SourceIndex.RightmostName(creation.Type) != DefinitionTypeName)
        {
            return null;
        }

        var argument = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "name") ?? (arguments[0].NameColon is null ? arguments[0] : null);
        return argument?.Expression is LiteralExpressionSyntax { Token.Value: string name } && name.Length > 0 ? name : null;
    }

    /// <summary>The regions of the compilation that run when the model's tool call has this name (bound one by one).</summary>
    private static IEnumerable<IOperation> Regions(string name, AgentContext agent)
    {
        foreach (var tree in agent.Sources.TreesSpelling(name))
        {
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                SyntaxNode? region = node switch
                {
                    SwitchSectionSyntax section when IsNameSwitch((section.Parent as SwitchStatementSyntax)?.Expression)
                        && section.Labels.Any(l => l is CaseSwitchLabelSyntax { Value: var value } && IsLiteral(value, name)) => section,
                    SwitchExpressionArmSyntax { Pattern: ConstantPatternSyntax { Expression: var value } } arm
                        when IsNameSwitch((arm.Parent as SwitchExpressionSyntax)?.GoverningExpression) && IsLiteral(value, name) => arm.Expression,
                    IfStatementSyntax statement when ComparesName(statement.Condition, name) => statement.Statement,
                    _ => null,
                };
                if (region is not null && agent.OperationOf(region) is { } operation)
                {
                    yield return operation;
                }
            }
        }
    }

    private static bool IsLiteral(ExpressionSyntax value, string name) => value is LiteralExpressionSyntax { Token.Value: string text } && text == name;

    /// <summary>The value switched on is a name: <c>toolCall.FunctionName</c>, <c>call.Name</c>, a <c>functionName</c> local or parameter.</summary>
    private static bool IsNameSwitch(ExpressionSyntax? governing)
    {
        var spelled = governing switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
            _ => null,
        };
        return spelled is not null && spelled.EndsWith("Name", System.StringComparison.OrdinalIgnoreCase);
    }

    /// <summary><c>call.FunctionName == "create_file"</c> (either side), alone or and-ed with other tests.</summary>
    private static bool ComparesName(ExpressionSyntax condition, string name)
        => condition switch
        {
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.EqualsExpression } equals
                => (IsLiteral(equals.Right, name) && IsNameSwitch(equals.Left)) || (IsLiteral(equals.Left, name) && IsNameSwitch(equals.Right)),
            BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression } and => ComparesName(and.Left, name) || ComparesName(and.Right, name),
            ParenthesizedExpressionSyntax parenthesized => ComparesName(parenthesized.Expression, name),
            _ => false,
        };
}

/// <summary>
/// A person asked inline before the tool acts (DESIGN.md: a tool that asks a person before acting is guarded): code that reads
/// the console (<c>Console.ReadLine()</c>, <c>Console.ReadKey()</c>) or asks the MCP client's user through an elicitation
/// (<c>await server.ElicitAsync(...)</c> of the ModelContextProtocol SDK: the client shows the request to its user and returns
/// accept, decline or cancel) and branches on what was answered (<c>if (response is "yes")</c>, <c>if (result.Action != "accept") return</c>),
/// in the region or in a method it calls (a few levels deep).
/// </summary>
internal static class HumanApproval
{
    private static readonly string[] s_readNames = { "ReadLine", "ReadKey", "ElicitAsync" };

    /// <summary>Whether code in this region asks a person.</summary>
    public static bool Asks(IOperation region, AgentContext agent)
        => MayAsk(agent) && Asks(region.DescendantsAndSelf(), agent, 0, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default));

    /// <summary>Whether a source method asks a person: read from the calls the call graph listed for it (its body is not bound or walked again).</summary>
    public static bool Asks(IMethodSymbol method, AgentContext agent)
        => MayAsk(agent) && Asks(agent.CallGraph.CallsOf(method), agent, 0, new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default));

    /// <summary>Name first, once per compilation: a console read is spelled <c>ReadLine</c> or <c>ReadKey</c> where it is called and in every method that leads to one.</summary>
    private static bool MayAsk(AgentContext agent) => agent.Sources.AnyTreeSpells(s_readNames);

    private static bool Asks(IEnumerable<IOperation> operations, AgentContext agent, int depth, HashSet<IMethodSymbol> seen)
    {
        foreach (var operation in operations)
        {
            if (operation is not IInvocationOperation invocation)
            {
                continue;
            }

            if (IsConsoleRead(invocation) || IsElicitation(invocation))
            {
                if (IsBranchedOn(invocation))
                {
                    return true;
                }
            }
            else if (depth < 3 && invocation.TargetMethod.DeclaringSyntaxReferences.Length == 1 && seen.Add(invocation.TargetMethod.OriginalDefinition)
                && invocation.TargetMethod.DeclaringSyntaxReferences[0].GetSyntax() is MethodDeclarationSyntax declaration
                && declaration.DescendantTokens().Any(t => t.ValueText is "ReadLine" or "ReadKey" or "ElicitAsync")
                && Asks(agent.CallGraph.CallsOf(invocation.TargetMethod), agent, depth + 1, seen))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsConsoleRead(IInvocationOperation invocation)
        => invocation.TargetMethod is { Name: "ReadLine" or "ReadKey", ContainingType: { Name: "Console", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    /// <summary>An MCP server's request to its client's user (<c>McpServer.ElicitAsync</c> and its extensions, typed or not).</summary>
    private static bool IsElicitation(IInvocationOperation invocation)
    {
        if (invocation.TargetMethod.Name != "ElicitAsync")
        {
            return false;
        }

        for (var ns = invocation.TargetMethod.ContainingType?.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (ns.ContainingNamespace is { IsGlobalNamespace: true })
            {
                return ns.Name == "ModelContextProtocol";
            }
        }

        return false;
    }

    /// <summary>The value read (through <c>await</c>, <c>?.Trim().ToLower()</c>, <c>.Action</c> and a local) is tested by a condition of the same body.</summary>
    private static bool IsBranchedOn(IOperation read)
    {
        var current = read;
        while ((current.Parent is IInvocationOperation { Instance: var instance } && instance == current)
            || current.Parent is IConditionalAccessOperation or IConditionalAccessInstanceOperation or IConversionOperation or IPropertyReferenceOperation or IAwaitOperation)
        {
            current = current.Parent!;
        }

        ILocalSymbol? local = current.Parent switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } => target.Local,
            _ => null,
        };
        if (local is null)
        {
            return IsInCondition(current);
        }

        return Operations.Root(read).Descendants().OfType<ILocalReferenceOperation>()
            .Any(r => SymbolEqualityComparer.Default.Equals(r.Local, local) && IsInCondition(r));
    }

    private static bool IsInCondition(IOperation operation)
    {
        for (var current = operation; current.Parent is { } parent; current = parent)
        {
            switch (parent)
            {
                case IConditionalOperation conditional when conditional.Condition == current:
                case ISwitchOperation @switch when @switch.Value == current:
                case IWhileLoopOperation loop when loop.Condition == current:
                case ISwitchExpressionOperation switchExpression when switchExpression.Value == current:
                    return true;
                case IBlockOperation or IExpressionStatementOperation:
                    return false;
            }
        }

        return false;
    }
}
