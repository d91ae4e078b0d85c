using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace AlignmentPolicy.Analyzers.Analysis.Invocations;

/// <summary>
/// The one place that says what a called method is. Name first (a dictionary lookup on the simple name,
/// no allocation: almost every call stops there), then the symbol: containing type, receiver type,
/// namespace. Never display strings. Stateless apart from the compilation's known symbols, so it is safe
/// to call from any thread.
/// </summary>
internal sealed class InvocationClassifier
{
    // The simple names of every method the rules key on. A call whose name is not here is InvocationKind.None.
    private static readonly HashSet<string> s_names = new(System.StringComparer.Ordinal)
    {
        "GetResponseAsync", "GetStreamingResponseAsync", "RunAsync", "RunStreamingAsync",
        "GetChatMessageContentsAsync", "GetChatMessageContentAsync", "GetStreamingChatMessageContentsAsync", "GetStreamingChatMessageContentAsync",
        "GetTextContentsAsync", "GetTextContentAsync", "GetStreamingTextContentsAsync", "GetStreamingTextContentAsync",
        "InvokePromptAsync", "InvokePromptStreamingAsync", "InvokeAsync", "InvokeStreamingAsync",
        "CompleteChat", "CompleteChatAsync", "CompleteChatStreaming", "CompleteChatStreamingAsync", "Create", "CreateStreaming",
        "CreateResponse", "CreateResponseAsync", "CreateResponseStreaming", "CreateResponseStreamingAsync", "ChatAsync", "SendAsync", "SendAsAsync",
        "UsePolicyGate", "AddPolicyGate", "WithPolicyGate", "EvaluateAsync", "RequestApprovalAsync",
        "Use", "UseFunctionInvocation", "UseKernelFunctionInvocation", "AsAIAgent", "CreateAIAgent", "CreateFromMethod",
        "CreateFunctionFromPrompt", "CreateFromPrompt", "CreateFunctionFromPromptYaml", "CreateFromPromptYaml", "FromPromptYaml",
        "CreatePluginFromPromptDirectory", "ImportPluginFromPromptDirectory", "AddFromPromptDirectory", "CreateFromPromptDirectory",
        "CreatePluginFromPromptDirectoryYaml", "ImportPluginFromPromptDirectoryYaml", "AddFromPromptDirectoryYaml",
        "AddFromType", "AddFromObject", "ImportPluginFromType", "ImportPluginFromObject", "CreatePluginFromType", "CreatePluginFromObject", "CreateFromType", "CreateFromObject",
        "AddFromFunctions", "ImportPluginFromFunctions", "CreatePluginFromFunctions", "CreateFromFunctions",
        "AddChatClient", "AddKeyedChatClient", "AddKernel",
        "AddSingleton", "AddScoped", "AddTransient", "AddKeyedSingleton", "AddKeyedScoped", "AddKeyedTransient",
        "TryAddSingleton", "TryAddScoped", "TryAddTransient", "TryAddEnumerable", "Add",
        "GetService", "GetRequiredService", "GetKeyedService", "GetRequiredKeyedService",
        "ListToolsAsync", "Auto", "Required", "CreateSamplingHandler",
        "CreateRun", "CreateRunAsync", "CreateRunStreaming", "CreateRunStreamingAsync",
        "CreateThreadAndRun", "CreateThreadAndRunAsync", "CreateThreadAndRunStreaming", "CreateThreadAndRunStreamingAsync", "GenerateAsync",
        "GetChatCompletions", "GetChatCompletionsAsync", "GetChatCompletionsStreaming", "GetChatCompletionsStreamingAsync",
        "GetCompletions", "GetCompletionsAsync", "GetCompletionsStreaming", "GetCompletionsStreamingAsync",
        "GetClaudeMessageAsync", "StreamClaudeMessageAsync", "Complete", "CompleteAsync", "CompleteStreaming", "CompleteStreamingAsync",
    };

    private readonly KnownSymbols _symbols;

    public InvocationClassifier(KnownSymbols symbols) => _symbols = symbols;

    /// <summary>True when a call with this simple name can be anything but <see cref="InvocationKind.None"/>: the syntactic pre-filter.</summary>
    public static bool MayMatter(string simpleName) => s_names.Contains(simpleName);

    public InvocationKind Classify(IMethodSymbol method)
    {
        if (!s_names.Contains(method.Name))
        {
            return InvocationKind.None;
        }

        method = method.ReducedFrom ?? method;
        var type = method.ContainingType;
        if (type is null)
        {
            return InvocationKind.None;
        }

        // The value the call is made on: the instance, or the first parameter of an extension method.
        var receiver = method.IsExtensionMethod && method.Parameters.Length > 0 ? method.Parameters[0].Type : method.IsStatic ? null : type;
        switch (method.Name)
        {
            case "GetResponseAsync" or "GetStreamingResponseAsync" when Is(receiver, _symbols.IChatClient):
            case "RunAsync" or "RunStreamingAsync" when Is(receiver, _symbols.AIAgent):
            case "GetChatMessageContentsAsync" or "GetChatMessageContentAsync" or "GetStreamingChatMessageContentsAsync" or "GetStreamingChatMessageContentAsync" when Is(receiver, _symbols.IChatCompletionService):
            case "GetTextContentsAsync" or "GetTextContentAsync" or "GetStreamingTextContentsAsync" or "GetStreamingTextContentAsync" when Is(receiver, _symbols.ITextGenerationService):
                // A Semantic Kernel text-generation service: the prompt goes to the model as it is (the same names on the audio- and
                // image-to-text services, which are not chat models, do not match).
            case "InvokePromptAsync" or "InvokePromptStreamingAsync" when Is(receiver, _symbols.Kernel):
            case "CompleteChat" or "CompleteChatAsync" or "CompleteChatStreaming" or "CompleteChatStreamingAsync" when Is(receiver, _symbols.OpenAIChatClient):
            case "CreateResponse" or "CreateResponseAsync" or "CreateResponseStreaming" or "CreateResponseStreamingAsync" when Is(receiver, _symbols.OpenAIResponsesClient):
            case "Create" or "CreateStreaming" when Is(receiver, _symbols.AnthropicMessageService):
            case "CreateSamplingHandler" when Is(receiver, _symbols.IChatClient) && IsInNamespace(type, "ModelContextProtocol"):
                // An MCP client's sampling handler: the server's requests go to this client's model.
            case "CreateRun" or "CreateRunAsync" or "CreateRunStreaming" or "CreateRunStreamingAsync" when Same(type, _symbols.AzureAgentsRuns) || Same(type, _symbols.PersistentAgentsClient) || Same(type, _symbols.AzureProjectsAgentsClient):
                // Azure AI Agents (Foundry): client.Runs.CreateRunAsync(thread, agent) has the service's agent answer the thread with its model
                // (on the client itself in the Azure.AI.Projects previews' AgentsClient).
            case "CreateThreadAndRun" or "CreateThreadAndRunAsync" or "CreateThreadAndRunStreaming" or "CreateThreadAndRunStreamingAsync"
                when Same(type, _symbols.AzureAgentsRuns) || Same(type, _symbols.PersistentAgentsClient) || Same(type, _symbols.AzureProjectsAgentsClient):
                // The same run on a thread created with it: client.CreateThreadAndRunAsync(agentId, new ThreadAndRunOptions { ... }).
            case "GetChatCompletions" or "GetChatCompletionsAsync" or "GetChatCompletionsStreaming" or "GetChatCompletionsStreamingAsync"
                or "GetCompletions" or "GetCompletionsAsync" or "GetCompletionsStreaming" or "GetCompletionsStreamingAsync" when Same(type, _symbols.AzureOpenAIClientV1):
                // Azure.AI.OpenAI 1.x: chat completions, and the legacy completions (a prompt sent to a text model as it is).
            case "GetClaudeMessageAsync" or "StreamClaudeMessageAsync" when Same(type, _symbols.AnthropicSdkMessages):
                // The community Anthropic.SDK: client.Messages.GetClaudeMessageAsync(parameters) sends the messages to Claude.
            case "Complete" or "CompleteAsync" or "CompleteStreaming" or "CompleteStreamingAsync" when Same(type, _symbols.AzureInferenceChatClient):
                // Azure AI Inference (GitHub Models, Foundry model endpoints): client.CompleteAsync(options) sends the messages to the model.
            case "ChatAsync" when Is(receiver, _symbols.OllamaApiClient):
            case "GenerateAsync" when Is(receiver, _symbols.OllamaApiClient) && IsInNamespace(type, "OllamaSharp"):
                // OllamaSharp: a chat request, or a prompt completed by the model (ollama.GenerateAsync(prompt)); not the client's
                // embeddings, Microsoft.Extensions.AI's IEmbeddingGenerator.GenerateAsync, which it implements.
            case "SendAsync" or "SendAsAsync" when Same(type, _symbols.OllamaChat):
            case "InvokeAsync" or "InvokeStreamingAsync" when Is(receiver, _symbols.SkAgent) || Is(receiver, _symbols.SkAgentChat) || Is(receiver, _symbols.SkAgentOrchestration):
                // A Semantic Kernel agent (ChatCompletionAgent, ...) asks its kernel's chat service; a group chat or an orchestration asks its agents.
                return InvocationKind.ModelCall;
            case "RunAsync" or "RunStreamingAsync" when method.Parameters.Length > 0 && Same(method.Parameters[0].Type, _symbols.Workflow):
                return InvocationKind.WorkflowRun;
            case "InvokeAsync" or "InvokeStreamingAsync" when Is(receiver, _symbols.Kernel) || Is(receiver, _symbols.KernelFunction):
                return InvocationKind.KernelInvoke;
            case "InvokeAsync" when Is(receiver, _symbols.SkFunctionCallContent) || Is(receiver, _symbols.AIFunction):
                return InvocationKind.FunctionCallDispatch;
            case "UsePolicyGate" or "AddPolicyGate" or "WithPolicyGate" when IsInGatesNamespace(type):
                return InvocationKind.GateApplication;
            case "EvaluateAsync" when Is(type, _symbols.IPolicyGate):
            case "RequestApprovalAsync" when Is(type, _symbols.IApprovalService):
                return InvocationKind.GateCheck;
            case "Use" when Is(receiver, _symbols.ChatClientBuilder) || Is(receiver, _symbols.AIAgentBuilder):
                return InvocationKind.MiddlewareUse;
            case "UseFunctionInvocation" when Is(method.ReturnType, _symbols.ChatClientBuilder):
                return InvocationKind.FunctionInvocation;
            case "UseKernelFunctionInvocation" when Is(method.ReturnType, _symbols.ChatClientBuilder):
                return InvocationKind.KernelFunctionInvocation;
            case "AsAIAgent" or "CreateAIAgent" when Is(method.ReturnType, _symbols.AIAgent):
                return InvocationKind.AgentCreation;
            case "Create" when Same(type, _symbols.AIFunctionFactory):
            case "CreateFromMethod" when Same(type, _symbols.KernelFunctionFactory):
                return InvocationKind.ToolFactory;
            case "CreateFunctionFromPrompt" or "CreateFromPrompt" or "CreateFunctionFromPromptYaml" or "CreateFromPromptYaml" or "FromPromptYaml"
                or "CreatePluginFromPromptDirectory" or "ImportPluginFromPromptDirectory" or "AddFromPromptDirectory" or "CreateFromPromptDirectory"
                or "CreatePluginFromPromptDirectoryYaml" or "ImportPluginFromPromptDirectoryYaml" or "AddFromPromptDirectoryYaml" when IsInSemanticKernel(type):
                return InvocationKind.PromptFunctionSource;
            case "AddFromType" or "AddFromObject" or "ImportPluginFromType" or "ImportPluginFromObject" or "CreatePluginFromType" or "CreatePluginFromObject"
                or "CreateFromType" or "CreateFromObject" when IsInSemanticKernel(type):
                return InvocationKind.PluginRegistration;
            case "AddFromFunctions" or "ImportPluginFromFunctions" or "CreatePluginFromFunctions" or "CreateFromFunctions" when IsInSemanticKernel(type):
                return InvocationKind.FunctionsImport;
            case "AddChatClient" or "AddKeyedChatClient" when Is(method.ReturnType, _symbols.ChatClientBuilder):
                return InvocationKind.ChatClientRegistration;
            case "AddKernel" when Is(method.ReturnType, _symbols.IKernelBuilder):
                return InvocationKind.KernelRegistration;
            case "AddSingleton" or "AddScoped" or "AddTransient" or "AddKeyedSingleton" or "AddKeyedScoped" or "AddKeyedTransient"
                or "TryAddSingleton" or "TryAddScoped" or "TryAddTransient" or "TryAddEnumerable" when IsInDependencyInjection(type):
                return InvocationKind.ServiceRegistration;
            case "Add" when type.TypeArguments.Length == 1 && IsFilterInterface(type.TypeArguments[0]):
                return InvocationKind.FilterAdd;
            case "GetService" or "GetRequiredService" or "GetKeyedService" or "GetRequiredKeyedService" when IsInDependencyInjection(type) || Same(type, _symbols.IServiceProvider) || Is(receiver, _symbols.Kernel):
                return InvocationKind.ServiceLookup;
            case "ListToolsAsync" when type.ContainingNamespace is { Name: "Client", ContainingNamespace: { Name: "ModelContextProtocol", ContainingNamespace.IsGlobalNamespace: true } }:
                return InvocationKind.McpToolListing;
            case "Auto" or "Required" when Same(type, _symbols.FunctionChoiceBehavior):
                return InvocationKind.AutoInvokeBehavior;
            default:
                return InvocationKind.None;
        }
    }

    /// <summary>The Semantic Kernel filter interfaces: function invocation, auto-function invocation, prompt render.</summary>
    public bool IsFilterInterface(ITypeSymbol type)
        => Same(type, _symbols.FunctionInvocationFilter) || Same(type, _symbols.AutoFunctionInvocationFilter) || Same(type, _symbols.PromptRenderFilter);

    /// <summary>A type that is or implements a Semantic Kernel filter interface.</summary>
    public bool IsFilter(ITypeSymbol? type)
        => type is not null && (Is(type, _symbols.FunctionInvocationFilter) || Is(type, _symbols.AutoFunctionInvocationFilter) || Is(type, _symbols.PromptRenderFilter));

    public static bool IsInGatesNamespace(ISymbol? symbol)
        => symbol?.ContainingNamespace is { Name: "Gates", ContainingNamespace: { Name: "AlignmentPolicy", ContainingNamespace.IsGlobalNamespace: true } };

    private static bool Is(ITypeSymbol? type, INamedTypeSymbol? target) => type is not null && target is not null && KnownSymbols.IsOrDerivesFrom(type, target);

    private static bool Same(ITypeSymbol? type, INamedTypeSymbol? target) => target is not null && SymbolEqualityComparer.Default.Equals(type?.OriginalDefinition, target);

    private static bool IsInSemanticKernel(INamedTypeSymbol type)
    {
        for (var ns = type.ContainingNamespace; ns is not null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
        {
            if (ns.Name == "SemanticKernel" && ns.ContainingNamespace is { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true })
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsInNamespace(INamedTypeSymbol type, string root)
    {
        var ns = type.ContainingNamespace;
        while (ns is { IsGlobalNamespace: false, ContainingNamespace.IsGlobalNamespace: false })
        {
            ns = ns.ContainingNamespace;
        }

        return ns?.Name == root;
    }

    private static bool IsInDependencyInjection(INamedTypeSymbol type)
    {
        var ns = type.ContainingNamespace;
        if (ns is { Name: "Extensions", ContainingNamespace.Name: "DependencyInjection" })
        {
            ns = ns.ContainingNamespace;
        }

        return ns is { Name: "DependencyInjection", ContainingNamespace: { Name: "Extensions", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } } };
    }
}
