using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace AlignmentPolicy.Analyzers.Analysis;

/// <summary>
/// The SDK and gate types the rules key on, resolved once per compilation. A null member means the
/// compilation does not reference that SDK; <see cref="ReferencesModelSdk"/> false means no rule has
/// anything to do.
/// </summary>
internal sealed class KnownSymbols
{
    private KnownSymbols(Compilation compilation)
    {
        INamedTypeSymbol? Get(string name) => compilation.GetTypeByMetadataName(name);

        IChatClient = Get("Microsoft.Extensions.AI.IChatClient");
        ChatClientBuilder = Get("Microsoft.Extensions.AI.ChatClientBuilder");
        AIFunctionFactory = Get("Microsoft.Extensions.AI.AIFunctionFactory");
        AIFunction = Get("Microsoft.Extensions.AI.AIFunction");
        AITool = Get("Microsoft.Extensions.AI.AITool");
        ApprovalRequiredAIFunction = Get("Microsoft.Extensions.AI.ApprovalRequiredAIFunction");
        FunctionInvokingChatClient = Get("Microsoft.Extensions.AI.FunctionInvokingChatClient");
        AIAgent = Get("Microsoft.Agents.AI.AIAgent");
        AIAgentBuilder = Get("Microsoft.Agents.AI.AIAgentBuilder");
        ChatClientAgent = Get("Microsoft.Agents.AI.ChatClientAgent");
        Kernel = Get("Microsoft.SemanticKernel.Kernel");
        SkAgent = Get("Microsoft.SemanticKernel.Agents.Agent");
        IKernelBuilder = Get("Microsoft.SemanticKernel.IKernelBuilder");
        IChatCompletionService = Get("Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService");
        KernelFunctionAttribute = Get("Microsoft.SemanticKernel.KernelFunctionAttribute");
        KernelFunctionFactory = Get("Microsoft.SemanticKernel.KernelFunctionFactory");
        KernelProcessStep = Get("Microsoft.SemanticKernel.KernelProcessStep");
        FunctionChoiceBehavior = Get("Microsoft.SemanticKernel.FunctionChoiceBehavior");
        ToolCallBehavior = Get("Microsoft.SemanticKernel.Connectors.OpenAI.ToolCallBehavior");
        FunctionInvocationFilter = Get("Microsoft.SemanticKernel.IFunctionInvocationFilter");
        AutoFunctionInvocationFilter = Get("Microsoft.SemanticKernel.IAutoFunctionInvocationFilter");
        PromptRenderFilter = Get("Microsoft.SemanticKernel.IPromptRenderFilter");
        OpenAIChatClient = Get("OpenAI.Chat.ChatClient");
        AnthropicMessageService = Get("Anthropic.Services.IMessageService");
        OllamaApiClient = Get("OllamaSharp.IOllamaApiClient");
        OllamaChat = Get("OllamaSharp.Chat");
        McpServerToolAttribute = Get("ModelContextProtocol.Server.McpServerToolAttribute");
        IServiceProvider = Get("System.IServiceProvider");
        ChatOptions = Get("Microsoft.Extensions.AI.ChatOptions");
        MeaiFunctionInvocationContext = Get("Microsoft.Extensions.AI.FunctionInvocationContext");
        DelegatingChatClient = Get("Microsoft.Extensions.AI.DelegatingChatClient");
        MeaiFunctionCallContent = Get("Microsoft.Extensions.AI.FunctionCallContent");
        SkFunctionCallContent = Get("Microsoft.SemanticKernel.FunctionCallContent");
        KernelPluginCollection = Get("Microsoft.SemanticKernel.KernelPluginCollection");
        IKernelBuilderPlugins = Get("Microsoft.SemanticKernel.IKernelBuilderPlugins");
        KernelFunction = Get("Microsoft.SemanticKernel.KernelFunction");
        KernelPlugin = Get("Microsoft.SemanticKernel.KernelPlugin");
        McpClientTool = Get("ModelContextProtocol.Client.McpClientTool");
        OpenAIChatFinishReason = Get("OpenAI.Chat.ChatFinishReason");
        IServiceCollection = Get("Microsoft.Extensions.DependencyInjection.IServiceCollection");
        FromKeyedServicesAttribute = Get("Microsoft.Extensions.DependencyInjection.FromKeyedServicesAttribute");
        KiotaRequestBuilder = Get("Microsoft.Kiota.Abstractions.BaseRequestBuilder");
        GrpcClientBase = Get("Grpc.Core.ClientBase");
        HttpMessageInvoker = Get("System.Net.Http.HttpMessageInvoker");
        SystemType = Get("System.Type");

        IPolicyGate = Get("AlignmentPolicy.Gates.IPolicyGate");
        PolicyVerdict = Get("AlignmentPolicy.Gates.PolicyVerdict");
        PolicyGateAttribute = Get("AlignmentPolicy.Gates.PolicyGateAttribute");
        SideEffectAttribute = Get("AlignmentPolicy.Gates.SideEffectAttribute");
        AgentToolAttribute = Get("AlignmentPolicy.Gates.AgentToolAttribute");
        IApprovalService = Get("AlignmentPolicy.Gates.IApprovalService");

        ReferencesModelSdk = IChatClient is not null || AIAgent is not null || Kernel is not null || IChatCompletionService is not null
            || OpenAIChatClient is not null || AnthropicMessageService is not null || OllamaApiClient is not null || McpServerToolAttribute is not null;
    }

    public INamedTypeSymbol? IChatClient { get; }
    public INamedTypeSymbol? ChatClientBuilder { get; }
    public INamedTypeSymbol? AIFunctionFactory { get; }
    public INamedTypeSymbol? AIFunction { get; }
    public INamedTypeSymbol? AITool { get; }
    public INamedTypeSymbol? ApprovalRequiredAIFunction { get; }
    public INamedTypeSymbol? FunctionInvokingChatClient { get; }
    public INamedTypeSymbol? AIAgent { get; }
    public INamedTypeSymbol? AIAgentBuilder { get; }
    public INamedTypeSymbol? ChatClientAgent { get; }
    public INamedTypeSymbol? Kernel { get; }

    /// <summary>Semantic Kernel's agent base class (ChatCompletionAgent, ...): it sends its requests through its kernel.</summary>
    public INamedTypeSymbol? SkAgent { get; }
    public INamedTypeSymbol? IKernelBuilder { get; }
    public INamedTypeSymbol? IChatCompletionService { get; }
    public INamedTypeSymbol? KernelFunctionAttribute { get; }
    public INamedTypeSymbol? KernelFunctionFactory { get; }
    public INamedTypeSymbol? KernelProcessStep { get; }
    public INamedTypeSymbol? FunctionChoiceBehavior { get; }
    public INamedTypeSymbol? ToolCallBehavior { get; }
    public INamedTypeSymbol? FunctionInvocationFilter { get; }
    public INamedTypeSymbol? AutoFunctionInvocationFilter { get; }
    public INamedTypeSymbol? PromptRenderFilter { get; }
    public INamedTypeSymbol? OpenAIChatClient { get; }
    public INamedTypeSymbol? AnthropicMessageService { get; }
    public INamedTypeSymbol? OllamaApiClient { get; }
    public INamedTypeSymbol? OllamaChat { get; }
    public INamedTypeSymbol? McpServerToolAttribute { get; }
    public INamedTypeSymbol? IServiceProvider { get; }
    public INamedTypeSymbol? ChatOptions { get; }
    public INamedTypeSymbol? MeaiFunctionInvocationContext { get; }
    public INamedTypeSymbol? DelegatingChatClient { get; }
    public INamedTypeSymbol? MeaiFunctionCallContent { get; }
    public INamedTypeSymbol? SkFunctionCallContent { get; }
    public INamedTypeSymbol? KernelPluginCollection { get; }
    public INamedTypeSymbol? IKernelBuilderPlugins { get; }
    public INamedTypeSymbol? KernelFunction { get; }
    public INamedTypeSymbol? KernelPlugin { get; }
    public INamedTypeSymbol? McpClientTool { get; }
    public INamedTypeSymbol? OpenAIChatFinishReason { get; }
    public INamedTypeSymbol? IServiceCollection { get; }
    public INamedTypeSymbol? FromKeyedServicesAttribute { get; }
    public INamedTypeSymbol? KiotaRequestBuilder { get; }
    public INamedTypeSymbol? GrpcClientBase { get; }
    public INamedTypeSymbol? HttpMessageInvoker { get; }
    public INamedTypeSymbol? SystemType { get; }
    public INamedTypeSymbol? IApprovalService { get; }
    public INamedTypeSymbol? IPolicyGate { get; }
    public INamedTypeSymbol? PolicyVerdict { get; }
    public INamedTypeSymbol? PolicyGateAttribute { get; }
    public INamedTypeSymbol? SideEffectAttribute { get; }
    public INamedTypeSymbol? AgentToolAttribute { get; }

    public bool ReferencesModelSdk { get; }

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
        ? (_clientLikeTypes = new[] { IChatClient, ChatClientBuilder, AIAgent, AIAgentBuilder, Kernel, IKernelBuilder, IChatCompletionService, OpenAIChatClient, AnthropicMessageService, OllamaApiClient, SkAgent }
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
