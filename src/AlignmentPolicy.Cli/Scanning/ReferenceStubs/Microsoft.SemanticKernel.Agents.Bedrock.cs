// Reference stub (compiled by the scan, never run): Semantic Kernel's Bedrock agent (Microsoft.SemanticKernel.Agents.Bedrock),
// which the package mirror does not serve. It invokes a Bedrock agent through its own runtime client and runs its
// kernel's functions as action groups; the kernel's filters gate them. AWS SDK parameters are `object` (the AWS SDK is
// not shipped with the tool). Bodies are empty on purpose.
#nullable enable
using System.Collections.Generic;

namespace Microsoft.SemanticKernel.Agents.Bedrock
{
    public sealed class BedrockAgent : Agent
    {
        public BedrockAgent(object agentModel, object client, object runtimeClient) { }
        public override IAsyncEnumerable<AgentResponseItem<ChatMessageContent>> InvokeAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, System.Threading.CancellationToken cancellationToken = default) => throw null!;
        public override IAsyncEnumerable<AgentResponseItem<StreamingChatMessageContent>> InvokeStreamingAsync(ICollection<ChatMessageContent> messages, AgentThread? thread = null, AgentInvokeOptions? options = null, System.Threading.CancellationToken cancellationToken = default) => throw null!;
    }
}
