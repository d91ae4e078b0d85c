// Reference stub (compiled by the scan, never run): Semantic Kernel's OpenAI agents (Microsoft.SemanticKernel.Agents.OpenAI),
// which the package mirror does not serve. They reach the model through their own OpenAI client and invoke their
// kernel's plugins by themselves; the kernel's filters gate them. Client and definition parameters are `object` so a
// constructor binds whatever OpenAI SDK version the scanned code was written against. Bodies are empty on purpose.
#nullable enable
using System.Collections.Generic;

namespace Microsoft.SemanticKernel.Agents.OpenAI
{
    public sealed class OpenAIAssistantAgent : Agent
    {
        public OpenAIAssistantAgent(object definition, object client, IEnumerable<KernelPlugin>? plugins = null, IPromptTemplateFactory? templateFactory = null, string? templateFormat = null) { }
        public override IAsyncEnumerable<AgentResponseItem<ChatMessageContent>> InvokeAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, System.Threading.CancellationToken cancellationToken = default) => throw null!;
        public override IAsyncEnumerable<AgentResponseItem<StreamingChatMessageContent>> InvokeStreamingAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, System.Threading.CancellationToken cancellationToken = default) => throw null!;
    }

    public sealed class OpenAIResponseAgent : Agent
    {
        public OpenAIResponseAgent(object client, string? modelId = null) { }
        public bool StoreEnabled { get; init; }
        public override IAsyncEnumerable<AgentResponseItem<ChatMessageContent>> InvokeAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, System.Threading.CancellationToken cancellationToken = default) => throw null!;
        public override IAsyncEnumerable<AgentResponseItem<StreamingChatMessageContent>> InvokeStreamingAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, System.Threading.CancellationToken cancellationToken = default) => throw null!;
    }
}
