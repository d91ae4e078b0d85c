using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis;

/// <summary>A request sent to a model, recognised by symbol (never by name alone), and the value that carries its gating.</summary>
internal sealed class ModelCall
{
    private ModelCall(IInvocationOperation invocation, IOperation client, IOperation? kernel)
    {
        Invocation = invocation;
        Client = client;
        Kernel = kernel;
    }

    public IInvocationOperation Invocation { get; }

    /// <summary>The client, agent, kernel or service the call is made on.</summary>
    public IOperation Client { get; }

    /// <summary>For Semantic Kernel chat services: the kernel passed to the call, whose filters gate it.</summary>
    public IOperation? Kernel { get; }

    public string Name => Invocation.TargetMethod.Name;

    public static ModelCall? TryCreate(IInvocationOperation invocation, KnownSymbols symbols)
    {
        var method = invocation.TargetMethod;
        var receiver = Receiver(invocation);
        if (receiver is null)
        {
            return null;
        }

        var receiverType = receiver.Type;
        if (receiverType is null)
        {
            return null;
        }

        switch (method.Name)
        {
            case "GetResponseAsync" or "GetStreamingResponseAsync" when KnownSymbols.IsOrDerivesFrom(receiverType, symbols.IChatClient):
                // Middleware forwarding to its inner client is part of a pipeline, not agent code.
                return InsideImplementationOf(invocation, symbols.IChatClient) ? null : new ModelCall(invocation, receiver, null);
            case "RunAsync" or "RunStreamingAsync" when KnownSymbols.IsOrDerivesFrom(receiverType, symbols.AIAgent):
                return InsideImplementationOf(invocation, symbols.AIAgent) ? null : new ModelCall(invocation, receiver, null);
            case "GetChatMessageContentsAsync" or "GetChatMessageContentAsync" or "GetStreamingChatMessageContentsAsync" or "GetStreamingChatMessageContentAsync"
                when KnownSymbols.IsOrDerivesFrom(receiverType, symbols.IChatCompletionService):
                if (InsideImplementationOf(invocation, symbols.IChatCompletionService))
                {
                    return null;
                }

                var kernel = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "kernel" && a.ArgumentKind == ArgumentKind.Explicit)?.Value;
                return new ModelCall(invocation, receiver, kernel is null || IsNullConstant(kernel) ? null : kernel);
            case "InvokePromptAsync" or "InvokePromptStreamingAsync" when KnownSymbols.IsOrDerivesFrom(receiverType, symbols.Kernel):
                return new ModelCall(invocation, receiver, null);
            case "InvokeAsync" or "InvokeStreamingAsync" when KnownSymbols.IsOrDerivesFrom(receiverType, symbols.Kernel):
                // The same syntax calls native code too: only a function visibly made from a prompt is a model call.
                var function = invocation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "function")?.Value;
                return function is not null && IsPromptFunction(function) ? new ModelCall(invocation, receiver, null) : null;
            case "CompleteChat" or "CompleteChatAsync" or "CompleteChatStreaming" or "CompleteChatStreamingAsync" when KnownSymbols.IsOrDerivesFrom(receiverType, symbols.OpenAIChatClient):
                return new ModelCall(invocation, receiver, null);
            case "Create" or "CreateStreaming" when KnownSymbols.IsOrDerivesFrom(receiverType, symbols.AnthropicMessageService):
                return new ModelCall(invocation, receiver, null);
            case "ChatAsync" when KnownSymbols.IsOrDerivesFrom(receiverType, symbols.OllamaApiClient):
                return new ModelCall(invocation, receiver, null);
            default:
                return null;
        }
    }

    /// <summary>The instance a method is called on, or the <c>this</c> argument of an extension method.</summary>
    public static IOperation? Receiver(IInvocationOperation invocation)
    {
        if (invocation.Instance is { } instance)
        {
            return instance;
        }

        if (invocation.TargetMethod.IsExtensionMethod)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == 0)
                {
                    return argument.Value;
                }
            }
        }

        return null;
    }

    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                case IAwaitOperation awaited:
                    operation = awaited.Operation;
                    continue;
                default:
                    return operation;
            }
        }
    }

    private static bool IsNullConstant(IOperation operation)
        => Unwrap(operation) is ILiteralOperation { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation;

    private static bool InsideImplementationOf(IOperation operation, INamedTypeSymbol? type)
    {
        var containing = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart)?.ContainingType;
        return containing is not null && KnownSymbols.IsOrDerivesFrom(containing, type);
    }

    private static bool IsPromptFunction(IOperation function)
    {
        function = Unwrap(function);
        if (function is IInvocationOperation created)
        {
            return created.TargetMethod.Name.Contains("FromPrompt");
        }

        if (function is ILocalReferenceOperation local && function.SemanticModel is { } model)
        {
            foreach (var reference in local.Local.DeclaringSyntaxReferences)
            {
                if (model.GetOperation(reference.GetSyntax()) is IVariableDeclaratorOperation { Initializer.Value: { } value })
                {
                    return Unwrap(value) is IInvocationOperation init && init.TargetMethod.Name.Contains("FromPrompt");
                }
            }
        }

        return false;
    }
}
