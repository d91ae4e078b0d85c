// Reference stub (compiled by the scan, never run): Semantic Kernel's Azure AI agent (Microsoft.SemanticKernel.Agents.AzureAI),
// which the package mirror does not serve. It runs a Foundry agent through its own client and invokes its kernel's
// plugins by itself; the kernel's filters gate it. The definition and client are `object` (Azure.AI.Agents.Persistent is
// not shipped with the tool either). Bodies are empty on purpose.
#nullable enable
using System.Collections.Generic;

namespace Microsoft.SemanticKernel.Agents.AzureAI
{
    public sealed class AzureAIAgent : Agent
    {
        public AzureAIAgent(object model, object client, IEnumerable<KernelPlugin>? plugins = null, IPromptTemplateFactory? templateFactory = null, string? templateFormat = null) { }
        public override IAsyncEnumerable<AgentResponseItem<ChatMessageContent>> InvokeAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, System.Threading.CancellationToken cancellationToken = default) => throw null!;
        public override IAsyncEnumerable<AgentResponseItem<StreamingChatMessageContent>> InvokeStreamingAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, System.Threading.CancellationToken cancellationToken = default) => throw null!;
    }
}
