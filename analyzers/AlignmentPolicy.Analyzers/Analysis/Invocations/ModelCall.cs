using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis.Invocations;

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

    /// <summary>For Semantic Kernel chat services and functions: the kernel passed to the call, whose filters gate it.</summary>
    public IOperation? Kernel { get; }

    public string Name => Invocation.TargetMethod.Name;

    public static ModelCall? TryCreate(IInvocationOperation invocation, AgentContext context)
    {
        var kind = context.Classifier.Classify(invocation.TargetMethod);
        if (kind is not (InvocationKind.ModelCall or InvocationKind.KernelInvoke) || Operations.Receiver(invocation) is not { Type: { } receiverType } receiver)
        {
            return null;
        }

        var symbols = context.Symbols;
        if (kind == InvocationKind.KernelInvoke)
        {
            // The same syntax calls native code too: only a prompt function is a model call.
            if (KnownSymbols.IsOrDerivesFrom(receiverType, symbols.KernelFunction))
            {
                return context.PromptFunctions.IsPromptFunction(receiver) ? new ModelCall(invocation, receiver, KernelArgument(invocation)) : null;
            }

            return context.PromptFunctions.InvokesPromptFunction(invocation) ? new ModelCall(invocation, receiver, null) : null;
        }

        // Middleware forwarding to its inner client is part of a pipeline, not agent code.
        foreach (var wrapper in new[] { symbols.IChatClient, symbols.AIAgent, symbols.IChatCompletionService, symbols.SkAgent })
        {
            if (wrapper is not null && KnownSymbols.IsOrDerivesFrom(receiverType, wrapper) && InsideImplementationOf(invocation, wrapper))
            {
                return null;
            }
        }

        return new ModelCall(invocation, receiver, KernelArgument(invocation));
    }

    /// <summary>The kernel handed to the call (<c>GetChatMessageContentAsync(history, settings, kernel)</c>), when one is.</summary>
    private static IOperation? KernelArgument(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == "kernel" && argument.ArgumentKind == ArgumentKind.Explicit && !Operations.IsNullConstant(argument.Value))
            {
                return argument.Value;
            }
        }

        return null;
    }

    private static bool InsideImplementationOf(IOperation operation, INamedTypeSymbol type)
    {
        // Syntax first: a type written without a base list implements nothing (most callers of a model).
        var declaration = operation.Syntax.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax>();
        if (declaration is null || declaration.BaseList is null)
        {
            return false;
        }

        var containing = operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart)?.ContainingType;
        return containing is not null && KnownSymbols.IsOrDerivesFrom(containing, type);
    }
}
