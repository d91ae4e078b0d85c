using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace AlignmentPolicy.Analyzers.Analysis;

/// <summary>
/// The SDK and gate types the rules key on, each resolved once per compilation on first use. A null member means the
/// compilation does not reference that SDK; <see cref="ReferencesModelSdk"/> false means no rule has
/// anything to do.
/// </summary>
internal sealed class KnownSymbols
{
    private KnownSymbols(Compilation compilation)
    {
        _compilation = compilation;
        ReferencesModelSdk = McpServerToolAttribute is not null || ModelSdkTypes.Any(type => type is not null) || FunctionsMcpToolTrigger is not null;
    }

    /// <summary>
    /// The types whose calls <see cref="Invocations.InvocationClassifier"/> classifies as model calls, one per SDK and shape (the
    /// classifier reads them from here): a compilation that references any of them has model calls to gate. One list, so that an
    /// SDK the classifier learns is never one the analyzers do not start for (a project whose only SDK is Anthropic.SDK,
    /// Azure.AI.OpenAI 1.x or OllamaSharp). Enumerated lazily, the usual SDKs first: an agent project stops at the first.
    /// </summary>
    private System.Collections.Generic.IEnumerable<INamedTypeSymbol?> ModelSdkTypes
    {
        get
        {
            yield return IChatClient;
            yield return AIAgent;
            yield return Kernel;
            yield return IChatCompletionService;
            yield return OpenAIChatClient;
            yield return OpenAIResponsesClient;
            yield return AnthropicMessageService;
            yield return AnthropicSdkMessages;
            yield return OllamaApiClient;
            yield return OllamaChat;
            yield return AzureOpenAIClientV1;
            yield return PersistentAgentsClient;
            yield return AzureAgentsRuns;
            yield return AzureProjectsAgentsClient;
            yield return AzureInferenceChatClient;

            // Semantic Kernel's and the Agent Framework's own assemblies bring one of the above with them; listed so that the list stays the classifier's.
            yield return ITextGenerationService;
            yield return SkAgent;
            yield return SkAgentChat;
            yield return SkAgentOrchestration;
            yield return Workflow;
        }
    }

    public INamedTypeSymbol? IChatClient => Resolve(ref _iChatClient, "Microsoft.Extensions.AI.IChatClient");

    public INamedTypeSymbol? ChatClientBuilder => Resolve(ref _chatClientBuilder, "Microsoft.Extensions.AI.ChatClientBuilder");

    public INamedTypeSymbol? AIFunctionFactory => Resolve(ref _aIFunctionFactory, "Microsoft.Extensions.AI.AIFunctionFactory");

    public INamedTypeSymbol? AIFunction => Resolve(ref _aIFunction, "Microsoft.Extensions.AI.AIFunction");

    public INamedTypeSymbol? AITool => Resolve(ref _aITool, "Microsoft.Extensions.AI.AITool");

    public INamedTypeSymbol? ApprovalRequiredAIFunction => Resolve(ref _approvalRequiredAIFunction, "Microsoft.Extensions.AI.ApprovalRequiredAIFunction");

    public INamedTypeSymbol? FunctionInvokingChatClient => Resolve(ref _functionInvokingChatClient, "Microsoft.Extensions.AI.FunctionInvokingChatClient");

    public INamedTypeSymbol? AIAgent => Resolve(ref _aIAgent, "Microsoft.Agents.AI.AIAgent");

    public INamedTypeSymbol? AIAgentBuilder => Resolve(ref _aIAgentBuilder, "Microsoft.Agents.AI.AIAgentBuilder");

    public INamedTypeSymbol? ChatClientAgent => Resolve(ref _chatClientAgent, "Microsoft.Agents.AI.ChatClientAgent");

    public INamedTypeSymbol? Kernel => Resolve(ref _kernel, "Microsoft.SemanticKernel.Kernel");

    /// <summary>Semantic Kernel's agent base class (ChatCompletionAgent, ...): it sends its requests through its kernel.</summary>
    public INamedTypeSymbol? SkAgent => Resolve(ref _skAgent, "Microsoft.SemanticKernel.Agents.Agent");

    public INamedTypeSymbol? IKernelBuilder => Resolve(ref _iKernelBuilder, "Microsoft.SemanticKernel.IKernelBuilder");

    public INamedTypeSymbol? IChatCompletionService => Resolve(ref _iChatCompletionService, "Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService");

    /// <summary>Semantic Kernel's text-completion service (<c>kernel.GetRequiredService&lt;ITextGenerationService&gt;()</c>): its calls send a prompt to the model as it is.</summary>
    public INamedTypeSymbol? ITextGenerationService => Resolve(ref _iTextGenerationService, "Microsoft.SemanticKernel.TextGeneration.ITextGenerationService");

    public INamedTypeSymbol? KernelFunctionAttribute => Resolve(ref _kernelFunctionAttribute, "Microsoft.SemanticKernel.KernelFunctionAttribute");

    public INamedTypeSymbol? KernelFunctionFactory => Resolve(ref _kernelFunctionFactory, "Microsoft.SemanticKernel.KernelFunctionFactory");

    public INamedTypeSymbol? KernelProcessStep => Resolve(ref _kernelProcessStep, "Microsoft.SemanticKernel.KernelProcessStep");

    public INamedTypeSymbol? FunctionChoiceBehavior => Resolve(ref _functionChoiceBehavior, "Microsoft.SemanticKernel.FunctionChoiceBehavior");

    public INamedTypeSymbol? ToolCallBehavior => Resolve(ref _toolCallBehavior, "Microsoft.SemanticKernel.Connectors.OpenAI.ToolCallBehavior");

    public INamedTypeSymbol? FunctionInvocationFilter => Resolve(ref _functionInvocationFilter, "Microsoft.SemanticKernel.IFunctionInvocationFilter");

    public INamedTypeSymbol? AutoFunctionInvocationFilter => Resolve(ref _autoFunctionInvocationFilter, "Microsoft.SemanticKernel.IAutoFunctionInvocationFilter");

    public INamedTypeSymbol? PromptRenderFilter => Resolve(ref _promptRenderFilter, "Microsoft.SemanticKernel.IPromptRenderFilter");

    public INamedTypeSymbol? OpenAIChatClient => Resolve(ref _openAIChatClient, "OpenAI.Chat.ChatClient");

    /// <summary>The OpenAI Responses API client (<c>openAIClient.GetResponsesClient()</c>; <c>OpenAIResponseClient</c> before OpenAI 2.6).</summary>
    public INamedTypeSymbol? OpenAIResponsesClient => Resolve(ref _openAIResponsesClient, "OpenAI.Responses.ResponsesClient");

    public INamedTypeSymbol? AnthropicMessageService => Resolve(ref _anthropicMessageService, "Anthropic.Services.IMessageService");

    /// <summary>The messages endpoint of the community Anthropic.SDK (<c>client.Messages.GetClaudeMessageAsync(parameters)</c>).</summary>
    public INamedTypeSymbol? AnthropicSdkMessages => Resolve(ref _anthropicSdkMessages, "Anthropic.SDK.Messaging.MessagesEndpoint");

    /// <summary>Azure.AI.OpenAI 1.x's own client (2.x derives from OpenAI's and has no chat calls of its own).</summary>
    public INamedTypeSymbol? AzureOpenAIClientV1 => Resolve(ref _azureOpenAIClientV1, "Azure.AI.OpenAI.OpenAIClient");

    public INamedTypeSymbol? OllamaApiClient => Resolve(ref _ollamaApiClient, "OllamaSharp.IOllamaApiClient");

    public INamedTypeSymbol? OllamaChat => Resolve(ref _ollamaChat, "OllamaSharp.Chat");

    public INamedTypeSymbol? McpServerToolAttribute => Resolve(ref _mcpServerToolAttribute, "ModelContextProtocol.Server.McpServerToolAttribute");

    /// <summary>Azure Functions' MCP tool trigger (Microsoft.Azure.Functions.Worker.Extensions.Mcp): a function app serving tools to a remote model.</summary>
    public INamedTypeSymbol? FunctionsMcpToolTrigger => Resolve(ref _functionsMcpToolTrigger, "Microsoft.Azure.Functions.Worker.McpToolTriggerAttribute");

    public INamedTypeSymbol? IServiceProvider => Resolve(ref _iServiceProvider, "System.IServiceProvider");

    public INamedTypeSymbol? ChatOptions => Resolve(ref _chatOptions, "Microsoft.Extensions.AI.ChatOptions");

    public INamedTypeSymbol? MeaiFunctionInvocationContext => Resolve(ref _meaiFunctionInvocationContext, "Microsoft.Extensions.AI.FunctionInvocationContext");

    public INamedTypeSymbol? DelegatingChatClient => Resolve(ref _delegatingChatClient, "Microsoft.Extensions.AI.DelegatingChatClient");

    public INamedTypeSymbol? MeaiFunctionCallContent => Resolve(ref _meaiFunctionCallContent, "Microsoft.Extensions.AI.FunctionCallContent");

    public INamedTypeSymbol? SkFunctionCallContent => Resolve(ref _skFunctionCallContent, "Microsoft.SemanticKernel.FunctionCallContent");

    public INamedTypeSymbol? KernelPluginCollection => Resolve(ref _kernelPluginCollection, "Microsoft.SemanticKernel.KernelPluginCollection");

    public INamedTypeSymbol? IKernelBuilderPlugins => Resolve(ref _iKernelBuilderPlugins, "Microsoft.SemanticKernel.IKernelBuilderPlugins");

    public INamedTypeSymbol? KernelFunction => Resolve(ref _kernelFunction, "Microsoft.SemanticKernel.KernelFunction");

    public INamedTypeSymbol? KernelPlugin => Resolve(ref _kernelPlugin, "Microsoft.SemanticKernel.KernelPlugin");

    public INamedTypeSymbol? McpClientTool => Resolve(ref _mcpClientTool, "ModelContextProtocol.Client.McpClientTool");

    /// <summary>The MCP client (ModelContextProtocol 1.0 and later; <c>IMcpClient</c> before): <c>CallToolAsync(name, arguments)</c> runs a server's tool.</summary>
    public INamedTypeSymbol? McpClient => Resolve(ref _mcpClient, "ModelContextProtocol.Client.McpClient");

    public INamedTypeSymbol? OpenAIChatFinishReason => Resolve(ref _openAIChatFinishReason, "OpenAI.Chat.ChatFinishReason");

    public INamedTypeSymbol? IServiceCollection => Resolve(ref _iServiceCollection, "Microsoft.Extensions.DependencyInjection.IServiceCollection");

    public INamedTypeSymbol? FromKeyedServicesAttribute => Resolve(ref _fromKeyedServicesAttribute, "Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute");

    public INamedTypeSymbol? KiotaRequestBuilder => Resolve(ref _kiotaRequestBuilder, "Microsoft.Kiota.Abstractions.BaseRequestBuilder");

    public INamedTypeSymbol? GrpcClientBase => Resolve(ref _grpcClientBase, "Grpc.Core.ClientBase");

    public INamedTypeSymbol? HttpMessageInvoker => Resolve(ref _httpMessageInvoker, "System.Net.Http.HttpMessageInvoker");

    public INamedTypeSymbol? SystemType => Resolve(ref _systemType, "System.Type");

    public INamedTypeSymbol? IApprovalService => Resolve(ref _iApprovalService, "AlignmentPolicy.Gates.IApprovalService");

    public INamedTypeSymbol? IPolicyGate => Resolve(ref _iPolicyGate, "AlignmentPolicy.Gates.IPolicyGate");

    public INamedTypeSymbol? PolicyVerdict => Resolve(ref _policyVerdict, "AlignmentPolicy.Gates.PolicyVerdict");

    public INamedTypeSymbol? PolicyGateAttribute => Resolve(ref _policyGateAttribute, "AlignmentPolicy.Gates.PolicyGateAttribute");

    public INamedTypeSymbol? SideEffectAttribute => Resolve(ref _sideEffectAttribute, "AlignmentPolicy.Gates.SideEffectAttribute");

    public INamedTypeSymbol? AgentToolAttribute => Resolve(ref _agentToolAttribute, "AlignmentPolicy.Gates.AgentToolAttribute");

    /// <summary>An Agent Framework workflow: its run sends requests to the models of the agents it is built from.</summary>
    public INamedTypeSymbol? Workflow => Resolve(ref _workflow, "Microsoft.Agents.AI.Workflows.Workflow");

    /// <summary>Semantic Kernel's group chats (AgentGroupChat): invoking one asks its agents' models in turn.</summary>
    public INamedTypeSymbol? SkAgentChat => Resolve(ref _skAgentChat, "Microsoft.SemanticKernel.Agents.AgentChat");

    /// <summary>Semantic Kernel's agent orchestrations (concurrent, sequential, handoff, group chat): invoking one runs its member agents.</summary>
    public INamedTypeSymbol? SkAgentOrchestration => Resolve(ref _skAgentOrchestration, "Microsoft.SemanticKernel.Agents.Orchestration.AgentOrchestration`2");

    /// <summary>Semantic Kernel's agents that answer through their kernel's chat service (ChatCompletionAgent); the others (OpenAI assistants, Azure AI, Bedrock) use their own client.</summary>
    public INamedTypeSymbol? SkChatHistoryAgent => Resolve(ref _skChatHistoryAgent, "Microsoft.SemanticKernel.Agents.ChatHistoryAgent");

    /// <summary>Azure AI Foundry's agent service client (a project whose only model SDK it is still makes model calls: its runs).</summary>
    public INamedTypeSymbol? PersistentAgentsClient => Resolve(ref _persistentAgentsClient, "Azure.AI.Agents.Persistent.PersistentAgentsClient");

    /// <summary>The runs of an Azure AI Agents client (<c>client.Runs.CreateRunAsync(thread, agent)</c>).</summary>
    public INamedTypeSymbol? AzureAgentsRuns => Resolve(ref _azureAgentsRuns, "Azure.AI.Agents.Persistent.ThreadRuns");

    /// <summary>The Azure.AI.Projects previews' agents client, on which runs are created.</summary>
    public INamedTypeSymbol? AzureProjectsAgentsClient => Resolve(ref _azureProjectsAgentsClient, "Azure.AI.Projects.AgentsClient");

    /// <summary>Azure AI Inference's chat client (GitHub Models, Foundry model endpoints): <c>client.CompleteAsync(options)</c> asks the endpoint's model.</summary>
    public INamedTypeSymbol? AzureInferenceChatClient => Resolve(ref _azureInferenceChatClient, "Azure.AI.Inference.ChatCompletionsClient");

    public bool ReferencesModelSdk { get; }

    private readonly Compilation _compilation;
    private Slot? _persistentAgentsClient;
    private Slot? _azureAgentsRuns;
    private Slot? _azureProjectsAgentsClient;
    private Slot? _azureInferenceChatClient;
    private Slot? _anthropicSdkMessages;
    private Slot? _azureOpenAIClientV1;
    private Slot? _iChatClient;
    private Slot? _chatClientBuilder;
    private Slot? _aIFunctionFactory;
    private Slot? _aIFunction;
    private Slot? _aITool;
    private Slot? _approvalRequiredAIFunction;
    private Slot? _functionInvokingChatClient;
    private Slot? _aIAgent;
    private Slot? _aIAgentBuilder;
    private Slot? _chatClientAgent;
    private Slot? _kernel;
    private Slot? _skAgent;
    private Slot? _iKernelBuilder;
    private Slot? _iChatCompletionService;
    private Slot? _iTextGenerationService;
    private Slot? _kernelFunctionAttribute;
    private Slot? _kernelFunctionFactory;
    private Slot? _kernelProcessStep;
    private Slot? _functionChoiceBehavior;
    private Slot? _toolCallBehavior;
    private Slot? _functionInvocationFilter;
    private Slot? _autoFunctionInvocationFilter;
    private Slot? _promptRenderFilter;
    private Slot? _openAIChatClient;
    private Slot? _openAIResponsesClient;
    private Slot? _anthropicMessageService;
    private Slot? _ollamaApiClient;
    private Slot? _ollamaChat;
    private Slot? _mcpServerToolAttribute;
    private Slot? _functionsMcpToolTrigger;
    private Slot? _iServiceProvider;
    private Slot? _chatOptions;
    private Slot? _meaiFunctionInvocationContext;
    private Slot? _delegatingChatClient;
    private Slot? _meaiFunctionCallContent;
    private Slot? _skFunctionCallContent;
    private Slot? _kernelPluginCollection;
    private Slot? _iKernelBuilderPlugins;
    private Slot? _kernelFunction;
    private Slot? _kernelPlugin;
    private Slot? _mcpClientTool;
    private Slot? _mcpClient;
    private Slot? _openAIChatFinishReason;
    private Slot? _iServiceCollection;
    private Slot? _fromKeyedServicesAttribute;
    private Slot? _kiotaRequestBuilder;
    private Slot? _grpcClientBase;
    private Slot? _httpMessageInvoker;
    private Slot? _systemType;
    private Slot? _iApprovalService;
    private Slot? _iPolicyGate;
    private Slot? _policyVerdict;
    private Slot? _policyGateAttribute;
    private Slot? _sideEffectAttribute;
    private Slot? _agentToolAttribute;
    private Slot? _workflow;
    private Slot? _skAgentChat;
    private Slot? _skChatHistoryAgent;
    private Slot? _skAgentOrchestration;

    /// <summary>
    /// A type resolved on first use. GetTypeByMetadataName asks every referenced assembly, and most
    /// compilations need a handful of these types (a classifier reaches a type only after a call's name
    /// matched): resolving all of them up front cost more than all of some rules' own work on the bench.
    /// The lookup is deterministic, so two threads racing here store the same symbol.
    /// </summary>
    private INamedTypeSymbol? Resolve(ref Slot? slot, string metadataName)
    {
        var resolved = Volatile.Read(ref slot);
        if (resolved is null)
        {
            resolved = new Slot(_compilation.GetTypeByMetadataName(metadataName));
            Volatile.Write(ref slot, resolved);
        }

        return resolved.Type;
    }

    private sealed class Slot
    {
        public Slot(INamedTypeSymbol? type) => Type = type;

        public INamedTypeSymbol? Type { get; }
    }

    public static KnownSymbols Create(Compilation compilation) => new(compilation);

    /// <summary>Types whose values are model clients, agents, kernels or their builders: the things that are gated or not.</summary>
    public bool IsClientLike(ITypeSymbol? type) => type is not null && _clientLike.GetOrAdd(type, ComputeIsClientLike);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<ITypeSymbol, bool> _clientLike = new(SymbolEqualityComparer.Default);

    private bool ComputeIsClientLike(ITypeSymbol type)
    {

        foreach (var candidate in ClientLikeTypes)
        {
            if (IsOrDerivesFrom(type, candidate))
            {
                return true;
            }
        }

        return false;
    }

    private ImmutableArray<INamedTypeSymbol> ClientLikeTypes => _clientLikeTypes.IsDefault
        ? (_clientLikeTypes = new[] { IChatClient, ChatClientBuilder, AIAgent, AIAgentBuilder, Kernel, IKernelBuilder, IChatCompletionService, ITextGenerationService, OpenAIChatClient, OpenAIResponsesClient, AnthropicMessageService, OllamaApiClient, SkAgent }
            .Where(t => t is not null).Select(t => t!).ToImmutableArray())
        : _clientLikeTypes;

    private ImmutableArray<INamedTypeSymbol> _clientLikeTypes;

    public static bool IsOrDerivesFrom(ITypeSymbol type, INamedTypeSymbol? target)
    {
        if (target is null)
        {
            return false;
        }

        for (var current = type; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, target))
            {
                return true;
            }
        }

        // A class is never among the interfaces: skip AllInterfaces for class targets.
        if (target.TypeKind == TypeKind.Interface)
        {
            foreach (var @interface in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(@interface.OriginalDefinition, target))
                {
                    return true;
                }
            }
        }

        return type is ITypeParameterSymbol parameter && parameter.ConstraintTypes.Any(c => IsOrDerivesFrom(c, target));
    }

    public static bool HasAttribute(ISymbol symbol, INamedTypeSymbol? attribute)
    {
        if (attribute is null)
        {
            return false;
        }

        foreach (var data in symbol.GetAttributes())
        {
            if (data.AttributeClass is { } cls && IsOrDerivesFrom(cls, attribute))
            {
                return true;
            }
        }

        return false;
    }
}
