using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace AlignmentPolicy.Analyzers.Analysis.Invocations;

/// <summary>A request sent to a model, recognised by symbol (never by name alone), and the value that carries its gating.</summary>
internal sealed class ModelCall
{
    private ModelCall(IInvocationOperation invocation, IOperation client, IOperation? kernel, bool kernelRendersRequest = false)
    {
        Invocation = invocation;
        Client = client;
        Kernel = kernel;
        KernelRendersRequest = kernelRendersRequest;
    }

    public IInvocationOperation Invocation { get; }

    /// <summary>The client, agent, kernel or service the call is made on.</summary>
    public IOperation Client { get; }

    /// <summary>
    /// For Semantic Kernel chat services and functions: the kernel passed to the call. Its function and auto-function
    /// filters run around the tools the model asks for (ALN0005); only for a prompt function does it render the request.
    /// </summary>
    public IOperation? Kernel { get; }

    /// <summary>
    /// Whether the request passes the <see cref="Kernel"/>'s prompt-render filters: only when a prompt function is invoked
    /// with it (<c>KernelFunctionFromPrompt</c> calls <c>Kernel.OnPromptRenderAsync</c>). A chat-service call handed a
    /// kernel (<c>GetChatMessageContentsAsync(history, settings, kernel)</c>) sends the history as it is: the kernel gives
    /// it tools and their filters, and no prompt filter (nor <c>UsePolicyGate()</c>, which is one) sees the request.
    /// </summary>
    public bool KernelRendersRequest { get; }

    public string Name => Invocation.TargetMethod.Name;

    public static ModelCall? TryCreate(IInvocationOperation invocation, AgentContext context)
    {
        var kind = context.Classifier.Classify(invocation.TargetMethod);
        if (kind == InvocationKind.WorkflowRun)
        {
            // The workflow is the model's way in: its agents are traced where it is built (OriginTracer), a workflow of plain
            // executors has no model on its path.
            return invocation.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == 0) is { } workflow ? new ModelCall(invocation, workflow.Value, null) : null;
        }

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
                return context.PromptFunctions.IsPromptFunction(receiver) ? new ModelCall(invocation, receiver, KernelArgument(invocation), kernelRendersRequest: true) : null;
            }

            return context.PromptFunctions.InvokesPromptFunction(invocation) ? new ModelCall(invocation, receiver, null) : null;
        }

        // Middleware forwarding to its inner client is part of a pipeline, not agent code.
        foreach (var wrapper in new[] { symbols.IChatClient, symbols.AIAgent, symbols.IChatCompletionService, symbols.ITextGenerationService, symbols.SkAgent })
        {
            if (wrapper is not null && KnownSymbols.IsOrDerivesFrom(receiverType, wrapper) && InsideImplementationOf(invocation, wrapper))
            {
                return null;
            }
        }

        return new ModelCall(invocation, receiver, KernelArgument(invocation));
    }

    /// <summary>
    /// The only names <see cref="UnboundClient"/> judges a call by (each read below): ALN0001 hands a block's operations that do
    /// not bind to it only when the block spells one of them.
    /// </summary>
    public static readonly ImmutableHashSet<string> UnboundCallNames = ImmutableHashSet.Create(
        System.StringComparer.Ordinal,
        "GetChatCompletions", "GetChatCompletionsAsync", "GetChatCompletionsStreaming", "GetChatCompletionsStreamingAsync", "CompleteAsync", "CompleteStreamingAsync",
        "Complete", "CompleteStreaming", "RunAsync", "RunStreamingAsync", "InvokeAsync", "InvokeStreamingAsync", "CreateResponse", "CreateResponseAsync", "CreateResponseStreaming", "CreateResponseStreamingAsync",
        "GetResponseAsync", "GetStreamingResponseAsync", "GetChatMessageContentAsync", "GetChatMessageContentsAsync", "GetStreamingChatMessageContentsAsync",
        "GetStreamingChatMessageContentAsync", "InvokePromptAsync", "InvokePromptStreamingAsync", "CreateRun", "CreateRunAsync", "CreateRunStreaming", "CreateRunStreamingAsync",
        "CreateThreadAndRun", "CreateThreadAndRunAsync", "CreateThreadAndRunStreaming", "CreateThreadAndRunStreamingAsync", "GetCompletions", "GetCompletionsAsync",
        "GetCompletionsStreaming", "GetCompletionsStreamingAsync", "GetClaudeMessageAsync", "StreamClaudeMessageAsync", "StreamAsync", "CreatePlanAsync");

    /// <summary>
    /// A chat request in code that does not bind here, because the scanned code uses an SDK version the scan does not have:
    /// Azure.AI.OpenAI 1.x <c>openAIClient.GetChatCompletionsAsync(options)</c> (and its streaming and synchronous forms) on
    /// a client whose type does not resolve, the pre-9.0 <c>IChatClient.CompleteAsync</c>/<c>CompleteStreamingAsync</c>, and
    /// <c>RunAsync</c>/<c>RunStreamingAsync</c> of an agent of another version or package, and <c>kernel.InvokePromptAsync(...)</c> on a
    /// kernel when only an argument's type is missing (<c>templateFormat: HandlebarsPromptTemplateFactory.HandlebarsTemplateFormat</c> with
    /// the Handlebars package absent): the prompt is rendered through that kernel and sent to its model all the same; and an Azure AI
    /// Agents run (<c>persistentClient.Runs.CreateRunAsync(thread, agent)</c>, <c>client.CreateThreadAndRunAsync(...)</c>) on a client whose
    /// type the scan does not have; Azure.AI.OpenAI 1.x legacy completions (<c>GetCompletionsAsync</c>) on its <c>OpenAIClient</c>; and the
    /// community Anthropic.SDK's <c>client.Messages.GetClaudeMessageAsync(parameters)</c> on an <c>AnthropicClient</c>.
    /// Returns the receiver (the client to trace) and the called name, or null. Name first: almost every unbound call stops at the name.
    /// </summary>
    public static IOperation? UnboundClient(IInvalidOperation invalid, AgentContext context, out string name)
    {
        name = "";
        if (invalid.Syntax is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var called, Expression: var receiverSyntax } })
        {
            return null;
        }

        name = called;
        if (!UnboundCallNames.Contains(called))
        {
            return null;
        }
        var receiverValue = WithoutSuppression(receiverSyntax); // `client!`, `(client)`: no operation stands for `!` or the parentheses

        var chatCompletions = name is "GetChatCompletions" or "GetChatCompletionsAsync" or "GetChatCompletionsStreaming" or "GetChatCompletionsStreamingAsync";
        var oldChatClient = name is "CompleteAsync" or "CompleteStreamingAsync";
        var agentRun = name is "RunAsync" or "RunStreamingAsync";
        var skInvoke = name is "InvokeAsync" or "InvokeStreamingAsync";
        var response = name is "CreateResponse" or "CreateResponseAsync" or "CreateResponseStreaming" or "CreateResponseStreamingAsync";
        var chat = name is "GetResponseAsync" or "GetStreamingResponseAsync" or "GetChatMessageContentAsync" or "GetChatMessageContentsAsync"
            or "GetStreamingChatMessageContentsAsync" or "GetStreamingChatMessageContentAsync";
        var prompt = name is "InvokePromptAsync" or "InvokePromptStreamingAsync";
        var foundryRun = name is "CreateRun" or "CreateRunAsync" or "CreateRunStreaming" or "CreateRunStreamingAsync"
            or "CreateThreadAndRun" or "CreateThreadAndRunAsync" or "CreateThreadAndRunStreaming" or "CreateThreadAndRunStreamingAsync";
        var completions = name is "GetCompletions" or "GetCompletionsAsync" or "GetCompletionsStreaming" or "GetCompletionsStreamingAsync";
        var inference = name is "Complete" or "CompleteAsync" or "CompleteStreaming" or "CompleteStreamingAsync";
        var claude = name is "GetClaudeMessageAsync" or "StreamClaudeMessageAsync";
        if (name == "StreamAsync")
        {
            // InProcessExecution.StreamAsync(workflow, input) of the Agent Framework's 2025 previews (now RunStreamingAsync): a run of
            // the workflow, gated as its agents are. Only on the execution types, so other StreamAsync calls never count.
            var execution = receiverSyntax switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                _ => "",
            };
            return execution.EndsWith("InProcessExecution", System.StringComparison.Ordinal) || execution.EndsWith("Environment", System.StringComparison.Ordinal)
                ? invalid.ChildOperations.Select(Operations.Unwrap).FirstOrDefault(c => c.Type is { } type && context.Symbols.Workflow is { } workflow && KnownSymbols.IsOrDerivesFrom(type, workflow))
                : null;
        }

        if (IsPlanRequest(name))
        {
            // Semantic Kernel's Handlebars planner (a package the scan does not have): planner.CreatePlanAsync(kernel, goal) sends the goal
            // and the kernel's functions to the kernel's chat service. The kernel is traced, as the service's owner.
            var planner = invalid.Descendants().FirstOrDefault(d => IsReceiver(d.Syntax)
                && MissingType(d.Type) is { TypeKind: TypeKind.Error } missing && missing.Name.EndsWith("Planner", System.StringComparison.Ordinal));
            return planner is null ? null : invalid.ChildOperations.Select(Operations.Unwrap)
                .FirstOrDefault(c => c.Type is { TypeKind: not TypeKind.Error } type && KnownSymbols.IsOrDerivesFrom(type, context.Symbols.Kernel));
        }

        if (!chatCompletions && !oldChatClient && !agentRun && !skInvoke && !response && !chat && !prompt && !foundryRun && !completions && !claude && !inference)
        {
            return null;
        }

        if (inference && invalid.Descendants().FirstOrDefault(d => d.Syntax == receiverValue && IsInferenceChatClient(d.Type)) is { } inferenceClient)
        {
            // Azure AI Inference (GitHub Models, Foundry model endpoints), which the scan does not have: chatClient.CompleteAsync(options)
            // on a ChatCompletionsClient sends the messages to the endpoint's model. Named as the SDK's client, since Complete is common.
            return inferenceClient;
        }

        if (foundryRun)
        {
            // Azure AI Agents of a version the scan does not have: client.Runs.CreateRunAsync(thread, agent) on a client whose type does
            // not resolve (PersistentAgentsClient persistentClient = new(endpoint, credential)), or client.CreateThreadAndRunAsync(...) and
            // the Azure.AI.Projects previews' agentsClient.CreateRunAsync(threadId, agentId) on the client itself. The client is traced, not its Runs.
            var clientSyntax = receiverSyntax is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Runs", Expression: var owner } ? owner : receiverSyntax;
            return invalid.Descendants().FirstOrDefault(d => d.Syntax == clientSyntax && d.Type is { TypeKind: TypeKind.Error, Name: "PersistentAgentsClient" or "AgentsClient" });
        }

        if (claude)
        {
            // The community Anthropic.SDK, which the scan does not have: client.Messages.GetClaudeMessageAsync(parameters) on a client
            // named as one (AnthropicClient client = new(apiKey)). The client is traced, not its Messages.
            return receiverSyntax is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Messages", Expression: var owner }
                ? invalid.Descendants().FirstOrDefault(d => d.Syntax == owner && d.Type is { TypeKind: TypeKind.Error, Name: "AnthropicClient" })
                : null;
        }

        if (completions)
        {
            // Azure.AI.OpenAI 1.x legacy completions (a prompt completed by a text model): only on the 1.x client, named as one, since the
            // name alone is common (code-completion services, search suggestions).
            return invalid.Descendants().FirstOrDefault(d => d.Syntax == receiverSyntax && d.Type is { TypeKind: TypeKind.Error, Name: "OpenAIClient" });
        }

        // The receiver is a child, or under the unbound member access when the receiver's type is an error type. Written
        // `client!` or `(client)`, its operation is the client's own (no operation stands for `!` or the parentheses).
        foreach (var child in invalid.ChildOperations.SelectMany(c => IsReceiver(c.Syntax) ? new[] { c } : c.ChildOperations.Where(g => IsReceiver(g.Syntax))))
        {
            {
                // 1.x: the client type itself is gone from the scan's Azure.AI.OpenAI (an error type); the old IChatClient names on a real IChatClient.
                var missing = MissingType(child.Type);
                return (chatCompletions && missing is { TypeKind: TypeKind.Error })
                    || (oldChatClient && child.Type is { } type && KnownSymbols.IsOrDerivesFrom(type, context.Symbols.IChatClient))
                    || (agentRun && IsAgentOfAnotherVersion(missing, context))
                    || (skInvoke && IsSkAgentOrTeam(child.Type, context))
                    || (response && IsResponsesClientOfAnotherVersion(child))
                    || (chat && (IsChatClientCallMissingAnArgumentType(child, context) || IsChatServiceOfAnotherVersion(missing)))
                    || (prompt && child.Type is { TypeKind: not TypeKind.Error } kernel && KnownSymbols.IsOrDerivesFrom(kernel, context.Symbols.Kernel))
                    ? child
                    : null;
            }
        }

        return null;

        bool IsReceiver(SyntaxNode syntax) => syntax == receiverSyntax || syntax == receiverValue;
    }

    /// <summary>
    /// A planner's request for a plan (<c>CreatePlanAsync</c>): the kernel's chat service gets it straight, past every kernel filter
    /// (<see cref="UnboundClient"/> returns the kernel).
    /// </summary>
    public static bool IsPlanRequest(string name) => name == "CreatePlanAsync";

    /// <summary>
    /// The type a receiver is declared with, seen through <c>?</c>: a nullable field or local of a type the scan does not have
    /// (<c>private static OpenAIResponseClient? responseClient;</c>) reads as <c>Nullable&lt;OpenAIResponseClient&gt;</c>, since nothing
    /// says the missing type is a reference type.
    /// </summary>
    private static ITypeSymbol? MissingType(ITypeSymbol? type)
        => type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable
            && nullable.TypeArguments[0] is { TypeKind: TypeKind.Error } missing ? missing : type;

    /// <summary>The expression under a null-forgiving operator and parentheses (<c>(client!)</c> is <c>client</c>).</summary>
    private static ExpressionSyntax WithoutSuppression(ExpressionSyntax expression)
    {
        while (true)
        {
            switch (expression)
            {
                case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    expression = postfix.Operand;
                    break;
                case ParenthesizedExpressionSyntax parenthesized:
                    expression = parenthesized.Expression;
                    break;
                default:
                    return expression;
            }
        }
    }

    /// <summary>
    /// A chat call on a bound <c>IChatClient</c>/<c>IChatCompletionService</c> that does not bind only because an argument's type is
    /// missing here (<c>var prompt = await liquidTemplate.RenderAsync(kernel); chatService.GetChatMessageContentAsync(prompt)</c>):
    /// the request goes to that client all the same. Not inside a client or service implementation (a delegating one forwards).
    /// </summary>
    private static bool IsChatClientCallMissingAnArgumentType(IOperation receiver, AgentContext context)
    {
        if (receiver.Type is not { TypeKind: not TypeKind.Error } type)
        {
            return false;
        }

        foreach (var client in new[] { context.Symbols.IChatClient, context.Symbols.IChatCompletionService })
        {
            if (client is not null && KnownSymbols.IsOrDerivesFrom(type, client))
            {
                return !InsideImplementationOf(receiver, client);
            }
        }

        return false;
    }

    /// <summary>
    /// A Semantic Kernel chat-completion service of a version whose type the scan does not resolve (before 1.14 the Azure
    /// OpenAI service lived in <c>Microsoft.SemanticKernel.Connectors.OpenAI</c>): named as one by the code
    /// (<c>AzureOpenAIChatCompletionService service = new(...)</c>), its chat calls are model calls all the same.
    /// </summary>
    private static bool IsChatServiceOfAnotherVersion(ITypeSymbol? type)
        => type is { TypeKind: TypeKind.Error }
            && type.Name.EndsWith("Service", System.StringComparison.Ordinal) && type.Name.Contains("ChatCompletion");

    /// <summary>
    /// The receiver of an unbound <c>CreateResponse(Async)</c>: the Responses client of an OpenAI version the scan does not have,
    /// named by the code (<c>OpenAIResponseClient client = ...</c>) or got from <c>GetOpenAIResponseClient(model)</c>/<c>GetResponsesClient()</c>.
    /// </summary>
    private static bool IsResponsesClientOfAnotherVersion(IOperation receiver)
    {
        if (MissingType(receiver.Type) is not { TypeKind: TypeKind.Error } type)
        {
            return false;
        }

        if (IsResponsesClientName(type.Name))
        {
            return true;
        }

        var value = receiver is ILocalReferenceOperation local ? Operations.InitialValue(local) : receiver;
        return value?.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var getter } }
            && getter.StartsWith("Get", System.StringComparison.Ordinal) && (getter.Contains("ResponsesClient") || getter.Contains("ResponseClient"));
    }

    /// <summary>
    /// Azure AI Inference's chat client (<c>Azure.AI.Inference.ChatCompletionsClient</c>) of a package the scan does not have, by the
    /// name the code gives it (<c>ChatCompletionsClient client = new(endpoint, credential)</c>, <c>var client = new ChatCompletionsClient(...)</c>).
    /// </summary>
    private static bool IsInferenceChatClient(ITypeSymbol? type)
        => MissingType(type) is { TypeKind: TypeKind.Error, Name: "ChatCompletionsClient" };

    /// <summary>
    /// A Responses client by its name: OpenAI's <c>OpenAIResponseClient</c>/<c>ResponsesClient</c>, and the clients other packages
    /// derive from it (Azure AI Projects' <c>ProjectResponsesClient</c>, got with <c>GetProjectResponsesClientForModel/ForAgent(...)</c>).
    /// </summary>
    private static bool IsResponsesClientName(string name)
        => name.EndsWith("ResponsesClient", System.StringComparison.Ordinal) || name.EndsWith("ResponseClient", System.StringComparison.Ordinal);

    /// <summary>
    /// The agent of an unbound <c>RunAsync</c>: an <c>AIAgent</c> whose call is of another Agent Framework version (<c>RunAsync&lt;T&gt;</c>),
    /// or an agent type of a package the scan does not have, named as one by the code (<c>FoundryAgent agent = client.AsAIAgent(...)</c>,
    /// a toolkit's <c>AzureOpenAIAgent</c>). Hosts and apps (<c>app.RunAsync()</c>) are not named agents.
    /// </summary>
    private static bool IsAgentOfAnotherVersion(ITypeSymbol? type, AgentContext context)
        => type is not null && (type.TypeKind == TypeKind.Error
            ? type.Name.EndsWith("Agent", System.StringComparison.Ordinal)
            : KnownSymbols.IsOrDerivesFrom(type, context.Symbols.AIAgent));

    /// <summary>
    /// A Semantic Kernel agent, group chat or orchestration whose <c>InvokeAsync</c> does not bind because an argument's type is
    /// missing (<c>orchestration.InvokeAsync(input, runtime)</c> with the runtime package absent): still its model call.
    /// </summary>
    private static bool IsSkAgentOrTeam(ITypeSymbol? type, AgentContext context)
        => type is { TypeKind: not TypeKind.Error }
            && (KnownSymbols.IsOrDerivesFrom(type, context.Symbols.SkAgent) || KnownSymbols.IsOrDerivesFrom(type, context.Symbols.SkAgentChat)
                || KnownSymbols.IsOrDerivesFrom(type, context.Symbols.SkAgentOrchestration));

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
