using System.Linq;
using AlignmentPolicy.Analyzers.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Rules;

/// <summary>
/// A model's function call run by hand on an MCP server: <c>mcpClient.CallToolAsync(functionCall.Name, functionCall.Arguments)</c>,
/// where the tool's name is the one the model asked for (a <c>FunctionCallContent</c> of its response). The code answers whatever
/// tool the model picks among the server's, which is automatic invocation with the loop written out (ALN0005). A call that names
/// its tool itself (<c>CallToolAsync("echo", ...)</c>) is the code using a tool, not the model; a function invoker or middleware
/// that routes <c>context.CallContent</c> to a server runs the call the invocation loop hands it, and that loop is judged where
/// it is configured.
/// </summary>
internal static class McpToolDispatch
{
    /// <summary>The one name this judge reads (name first: ALN0005 hands it only blocks that spell it).</summary>
    public const string Name = "CallToolAsync";

    /// <summary>A bound call: <c>McpClient.CallToolAsync(toolName, ...)</c> whose tool name is the model's function call's.</summary>
    public static bool IsModelChosen(IInvocationOperation invocation, AgentContext agent)
        => invocation.TargetMethod.Name == Name
            && agent.Symbols.McpClient is { } client
            && Operations.Receiver(invocation) is { Type: { } receiverType } && KnownSymbols.IsOrDerivesFrom(receiverType, client)
            && invocation.Arguments.FirstOrDefault(a => a.Parameter is { Ordinal: 0, Type.SpecialType: SpecialType.System_String }) is { ArgumentKind: ArgumentKind.Explicit } toolName
            && IsModelsFunctionName(toolName.Value, agent);

    /// <summary>
    /// The same call in code that does not bind here: the client of an MCP version the scan does not have (<c>IMcpClient</c>, removed
    /// in 1.0), named as one by the code, or a bound <c>McpClient</c> given arguments of a missing type.
    /// </summary>
    public static bool IsModelChosen(IInvalidOperation invalid, AgentContext agent)
    {
        if (invalid.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: Name, Expression: var receiverSyntax }, ArgumentList.Arguments: { Count: > 0 } arguments })
        {
            return false;
        }

        var toolNameSyntax = (arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == "toolName") ?? arguments[0]).Expression;
        IOperation? receiver = null, toolName = null;
        foreach (var operation in invalid.Descendants())
        {
            if (operation.Syntax == receiverSyntax)
            {
                receiver ??= operation;
            }
            else if (operation.Syntax == toolNameSyntax)
            {
                toolName ??= operation;
            }
        }

        toolName ??= invalid.SemanticModel?.GetOperation(toolNameSyntax);
        if (toolName is null || !IsModelsFunctionName(toolName, agent))
        {
            return false;
        }

        return (receiver is not null && IsMcpClient(receiver, agent)) || HeldMissingMcpClient(receiverSyntax, invalid.SemanticModel);
    }

    /// <summary>
    /// A local holding what a method of the code hands back as a client of a missing MCP type
    /// (<c>var client = await servers.GetClientAsync(id);</c> returning <c>Task&lt;IMcpClient&gt;</c>), read from the method the
    /// local's initializer calls: the local's own type may not say (the await of a missing type's task).
    /// </summary>
    private static bool HeldMissingMcpClient(ExpressionSyntax receiver, SemanticModel? model)
    {
        if (receiver is not IdentifierNameSyntax || model is null
            || model.GetSymbolInfo(receiver).Symbol is not ILocalSymbol local
            || local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax() is not VariableDeclaratorSyntax { Initializer.Value: var initializer })
        {
            return false;
        }

        var value = initializer is AwaitExpressionSyntax awaited ? awaited.Expression : initializer;
        if (value is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: var configured } })
        {
            value = configured;
        }

        var method = model.GetSymbolInfo(value).Symbol as IMethodSymbol;
        var returned = method?.ReturnType;
        return IsMissingMcpClient(returned)
            || (returned is INamedTypeSymbol { TypeArguments.Length: 1 } task && IsMissingMcpClient(task.TypeArguments[0]));
    }

    /// <summary>
    /// An MCP client: of the scan's package, or named as one when its type does not resolve, also when a local holds what a method
    /// of the code hands back for it (<c>var client = await servers.GetClientAsync(id);</c> with <c>Task&lt;IMcpClient&gt;</c>: the
    /// await of a missing type's task reads as no type at all).
    /// </summary>
    private static bool IsMcpClient(IOperation receiver, AgentContext agent)
    {
        if (receiver.Type is { TypeKind: not TypeKind.Error } bound)
        {
            return agent.Symbols.McpClient is { } client && KnownSymbols.IsOrDerivesFrom(bound, client);
        }

        if (IsMissingMcpClient(receiver.Type))
        {
            return true;
        }

        var value = receiver is ILocalReferenceOperation local ? Operations.InitialValue(local) : null;
        value = value is null ? null : Operations.Unwrap(value);
        return value is IAwaitOperation awaited && awaited.Operation.Type is INamedTypeSymbol { TypeArguments.Length: 1 } task && IsMissingMcpClient(task.TypeArguments[0]);
    }

    private static bool IsMissingMcpClient(ITypeSymbol? type) => type is { TypeKind: TypeKind.Error, Name: "IMcpClient" or "McpClient" };

    /// <summary>
    /// <c>call.Name</c> of a <c>FunctionCallContent</c> (Microsoft.Extensions.AI) or <c>call.FunctionName</c> of Semantic Kernel's, also
    /// through a local (<c>var name = call.Name;</c>); not <c>context.CallContent.Name</c> of a function invocation context.
    /// </summary>
    private static bool IsModelsFunctionName(IOperation value, AgentContext agent)
    {
        value = Operations.Unwrap(value);
        if (value is ILocalReferenceOperation local && Operations.InitialValue(local) is { } initial)
        {
            value = Operations.Unwrap(initial);
        }

        if (value is not IPropertyReferenceOperation { Property.Name: "Name" or "FunctionName", Instance: { Type: { } callType } call })
        {
            return false;
        }

        var symbols = agent.Symbols;
        var isCall = (symbols.MeaiFunctionCallContent is { } meai && KnownSymbols.IsOrDerivesFrom(callType, meai))
            || (symbols.SkFunctionCallContent is { } sk && KnownSymbols.IsOrDerivesFrom(callType, sk));
        return isCall && !(Operations.Unwrap(call) is IPropertyReferenceOperation { Property.Name: "CallContent", Instance.Type: { } contextType }
            && symbols.MeaiFunctionInvocationContext is { } invocationContext && KnownSymbols.IsOrDerivesFrom(contextType, invocationContext));
    }
}
