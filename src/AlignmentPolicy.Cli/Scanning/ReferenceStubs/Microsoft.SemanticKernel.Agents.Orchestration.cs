// Reference stub (compiled by the scan, never run): Semantic Kernel's agent orchestrations (Microsoft.SemanticKernel.Agents.Orchestration),
// which the package mirror does not serve. Invoking an orchestration runs its member agents, each asking its model.
// The runtime parameter is `object` (the agent runtime packages are not shipped with the tool either); group-chat
// managers are `object` too. Signatures follow semantic-kernel's dotnet/src/Agents/Orchestration; bodies are empty on purpose.
#nullable enable
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Microsoft.SemanticKernel.Agents.Orchestration
{
    public delegate ValueTask OrchestrationResponseCallback(ChatMessageContent response);
    public delegate ValueTask OrchestrationStreamingCallback(StreamingChatMessageContent response, bool isFinal);
    public delegate ValueTask<ChatMessageContent> OrchestrationInteractiveCallback();

    public abstract class AgentOrchestration<TInput, TOutput>
    {
        protected AgentOrchestration(params Agent[] members) { }
        public string Description { get; init; } = "";
        public string Name { get; init; } = "";
        public ILoggerFactory LoggerFactory { get; init; } = null!;
        public OrchestrationResponseCallback? ResponseCallback { get; init; }
        public OrchestrationStreamingCallback? StreamingResponseCallback { get; init; }
        public ValueTask<OrchestrationResult<TOutput>> InvokeAsync(TInput input, object runtime, CancellationToken cancellationToken = default) => throw null!;
        public ValueTask<OrchestrationResult<TOutput>> InvokeAsync(TInput input, object runtime, TimeSpan? timeout, CancellationToken cancellationToken = default) => throw null!;
    }

    public sealed class OrchestrationResult<TValue> : IDisposable
    {
        public ValueTask<TValue> GetValueAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) => throw null!;
        public void Cancel() { }
        public void Dispose() { }
    }
}

namespace Microsoft.SemanticKernel.Agents.Orchestration.Concurrent
{
    public class ConcurrentOrchestration<TInput, TOutput> : AgentOrchestration<TInput, TOutput>
    {
        public ConcurrentOrchestration(params Agent[] agents) : base(agents) { }
    }

    public sealed class ConcurrentOrchestration : ConcurrentOrchestration<string, string[]>
    {
        public ConcurrentOrchestration(params Agent[] members) : base(members) { }
    }
}

namespace Microsoft.SemanticKernel.Agents.Orchestration.Sequential
{
    public class SequentialOrchestration<TInput, TOutput> : AgentOrchestration<TInput, TOutput>
    {
        public SequentialOrchestration(params Agent[] agents) : base(agents) { }
    }

    public sealed class SequentialOrchestration : SequentialOrchestration<string, string>
    {
        public SequentialOrchestration(params Agent[] members) : base(members) { }
    }
}

namespace Microsoft.SemanticKernel.Agents.Orchestration.Handoff
{
    public sealed class AgentHandoffs : Dictionary<string, string>
    {
        public AgentHandoffs() { }
        public AgentHandoffs(Dictionary<string, string> handoffs) : base(handoffs) { }
    }

    public sealed class OrchestrationHandoffs : Dictionary<string, AgentHandoffs>
    {
        public OrchestrationHandoffs(Agent firstAgent) { }
        public OrchestrationHandoffs(string firstAgentName) { }
        public string FirstAgentName => "";
        public static OrchestrationHandoffs StartWith(Agent source) => throw null!;
    }

    public static class OrchestrationHandoffsExtensions
    {
        public static OrchestrationHandoffs Add(this OrchestrationHandoffs handoffs, Agent source, params Agent[] targets) => throw null!;
        public static OrchestrationHandoffs Add(this OrchestrationHandoffs handoffs, Agent source, Agent target, string description) => throw null!;
        public static OrchestrationHandoffs Add(this OrchestrationHandoffs handoffs, Agent source, string targetName, string description) => throw null!;
        public static OrchestrationHandoffs Add(this OrchestrationHandoffs handoffs, string sourceName, string targetName, string description) => throw null!;
    }

    public class HandoffOrchestration<TInput, TOutput> : AgentOrchestration<TInput, TOutput>
    {
        public HandoffOrchestration(OrchestrationHandoffs handoffs, params Agent[] agents) : base(agents) { }
        public OrchestrationInteractiveCallback? InteractiveCallback { get; init; }
    }

    public sealed class HandoffOrchestration : HandoffOrchestration<string, string>
    {
        public HandoffOrchestration(OrchestrationHandoffs handoffs, params Agent[] members) : base(handoffs, members) { }
    }
}

namespace Microsoft.SemanticKernel.Agents.Orchestration.GroupChat
{
    public class GroupChatOrchestration<TInput, TOutput> : AgentOrchestration<TInput, TOutput>
    {
        public GroupChatOrchestration(object manager, params Agent[] agents) : base(agents) { }
    }

    public sealed class GroupChatOrchestration : GroupChatOrchestration<string, string>
    {
        public GroupChatOrchestration(object manager, params Agent[] members) : base(manager, members) { }
    }
}
