// Reference stub (compiled by the scan, never run): the public surface of Semantic Kernel's agent packages
// (Microsoft.SemanticKernel.Agents.Abstractions and .Core, one stub assembly) that agent code calls, for
// scans of code that references them while the tool cannot ship them (the package mirror does not serve
// them). Signatures follow semantic-kernel's dotnet/src/Agents; bodies are empty on purpose.
#nullable enable
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel.ChatCompletion;

namespace Microsoft.SemanticKernel.Agents
{
    public abstract class Agent
    {
        public string? Description { get; init; }
        public string Id { get; init; } = "";
        public string? Name { get; init; }
        public ILoggerFactory? LoggerFactory { get; init; }
        public KernelArguments? Arguments { get; init; }
        public string? Instructions { get; init; }
        public Kernel Kernel { get; init; } = null!;
        public bool UseImmutableKernel { get; set; }
        public IPromptTemplate? Template { get; set; }

        public virtual IAsyncEnumerable<AgentResponseItem<ChatMessageContent>> InvokeAsync(AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual IAsyncEnumerable<AgentResponseItem<ChatMessageContent>> InvokeAsync(string message, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual IAsyncEnumerable<AgentResponseItem<ChatMessageContent>> InvokeAsync(ChatMessageContent message, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public abstract IAsyncEnumerable<AgentResponseItem<ChatMessageContent>> InvokeAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default);
        public virtual IAsyncEnumerable<AgentResponseItem<StreamingChatMessageContent>> InvokeStreamingAsync(AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual IAsyncEnumerable<AgentResponseItem<StreamingChatMessageContent>> InvokeStreamingAsync(string message, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public virtual IAsyncEnumerable<AgentResponseItem<StreamingChatMessageContent>> InvokeStreamingAsync(ChatMessageContent message, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public abstract IAsyncEnumerable<AgentResponseItem<StreamingChatMessageContent>> InvokeStreamingAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default);
    }

    public abstract class AgentThread
    {
        public virtual string? Id { get; protected set; }
        public virtual bool IsDeleted { get; protected set; }
        public virtual Task DeleteAsync(CancellationToken cancellationToken = default) => throw null!;
    }

    public sealed class ChatHistoryAgentThread : AgentThread
    {
        public ChatHistoryAgentThread() { }
        public ChatHistoryAgentThread(ChatHistory chatHistory, string? id = null) { }
        public IAsyncEnumerable<ChatMessageContent> GetMessagesAsync(CancellationToken cancellationToken = default) => throw null!;
    }

    public class AgentResponseItem<TMessage>
    {
        public AgentResponseItem(TMessage message, AgentThread thread) { }
        public TMessage Message => throw null!;
        public AgentThread Thread => throw null!;
        public static implicit operator TMessage(AgentResponseItem<TMessage> responseItem) => throw null!;
    }

    public class AgentInvokeOptions
    {
        public KernelArguments? KernelArguments { get; init; }
        public Kernel? Kernel { get; init; }
        public string AdditionalInstructions { get; init; } = "";
    }

    public abstract class ChatHistoryAgent : Agent
    {
        public IChatHistoryReducer? HistoryReducer { get; init; }
    }

    public sealed class ChatCompletionAgent : ChatHistoryAgent
    {
        public ChatCompletionAgent() { }
        public ChatCompletionAgent(PromptTemplateConfig templateConfig, IPromptTemplateFactory templateFactory) { }
        public AuthorRole InstructionsRole { get; init; }
        public override IAsyncEnumerable<AgentResponseItem<ChatMessageContent>> InvokeAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public override IAsyncEnumerable<AgentResponseItem<StreamingChatMessageContent>> InvokeStreamingAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
    }

    // Group chats (Agents.Abstractions and .Core): each turn asks one of the chat's agents, so invoking the chat is a model call.
    public abstract class AgentChat
    {
        public abstract IReadOnlyList<Agent> Agents { get; }
        public bool IsActive => false;
        public ILoggerFactory LoggerFactory { get; init; } = null!;
        public abstract IAsyncEnumerable<ChatMessageContent> InvokeAsync(CancellationToken cancellationToken = default);
        public abstract IAsyncEnumerable<StreamingChatMessageContent> InvokeStreamingAsync(CancellationToken cancellationToken = default);
        public IAsyncEnumerable<ChatMessageContent> GetChatMessagesAsync(CancellationToken cancellationToken = default) => throw null!;
        public IAsyncEnumerable<ChatMessageContent> GetChatMessagesAsync(Agent? agent, CancellationToken cancellationToken = default) => throw null!;
        public void AddChatMessage(ChatMessageContent message) { }
        public void AddChatMessages(IReadOnlyList<ChatMessageContent> messages) { }
        public Task ResetAsync(CancellationToken cancellationToken = default) => throw null!;
    }

    public sealed class AgentGroupChat : AgentChat
    {
        public AgentGroupChat(params Agent[] agents) { }
        public bool IsComplete { get; set; }
        public Microsoft.SemanticKernel.Agents.Chat.AgentGroupChatSettings ExecutionSettings { get; set; } = null!;
        public override IReadOnlyList<Agent> Agents => throw null!;
        public void AddAgent(Agent agent) { }
        public override IAsyncEnumerable<ChatMessageContent> InvokeAsync(CancellationToken cancellationToken = default) => throw null!;
        public override IAsyncEnumerable<StreamingChatMessageContent> InvokeStreamingAsync(CancellationToken cancellationToken = default) => throw null!;
        public IAsyncEnumerable<ChatMessageContent> InvokeAsync(Agent agent, CancellationToken cancellationToken = default) => throw null!;
        public IAsyncEnumerable<StreamingChatMessageContent> InvokeStreamingAsync(Agent agent, CancellationToken cancellationToken = default) => throw null!;
    }
}

namespace Microsoft.SemanticKernel.Agents.Chat
{
    public class AgentGroupChatSettings
    {
        public TerminationStrategy TerminationStrategy { get; init; } = null!;
        public SelectionStrategy SelectionStrategy { get; init; } = null!;
    }

    public abstract class TerminationStrategy
    {
        public int MaximumIterations { get; set; }
        public bool AutomaticReset { get; set; }
        public IReadOnlyList<Agent>? Agents { get; set; }
        protected abstract Task<bool> ShouldAgentTerminateAsync(Agent agent, IReadOnlyList<ChatMessageContent> history, CancellationToken cancellationToken);
    }

    public abstract class SelectionStrategy
    {
        public Agent? InitialAgent { get; set; }
        protected abstract Task<Agent> SelectAgentAsync(IReadOnlyList<Agent> agents, IReadOnlyList<ChatMessageContent> history, CancellationToken cancellationToken = default);
    }
}
