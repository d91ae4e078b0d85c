// Reference stub (compiled by the scan, never run): the public surface of the Agent Framework's OpenAI
// package (Microsoft.Agents.AI.OpenAI) that agent code calls, for scans of code that references the package
// while the tool cannot ship it (the package mirror does not serve it). Signatures follow the published API
// reference (learn.microsoft.com, OpenAI.Chat.OpenAIChatClientExtensions); bodies are empty on purpose.
#nullable enable
using System;
using System.Collections.Generic;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace OpenAI.Chat
{
    public static class OpenAIChatClientExtensions
    {
        public static ChatClientAgent AsAIAgent(this ChatClient client, string? instructions = null, string? name = null, string? description = null, IList<AITool>? tools = null, Func<IChatClient, IChatClient>? clientFactory = null, ILoggerFactory? loggerFactory = null, IServiceProvider? services = null) => throw null!;

        public static ChatClientAgent AsAIAgent(this ChatClient client, ChatClientAgentOptions options, Func<IChatClient, IChatClient>? clientFactory = null, ILoggerFactory? loggerFactory = null, IServiceProvider? services = null) => throw null!;

        public static ChatClientAgent CreateAIAgent(this ChatClient client, string? instructions = null, string? name = null, string? description = null, IList<AITool>? tools = null, Func<IChatClient, IChatClient>? clientFactory = null, ILoggerFactory? loggerFactory = null, IServiceProvider? services = null) => throw null!;

        public static ChatClientAgent CreateAIAgent(this ChatClient client, ChatClientAgentOptions options, Func<IChatClient, IChatClient>? clientFactory = null, ILoggerFactory? loggerFactory = null, IServiceProvider? services = null) => throw null!;
    }
}

namespace OpenAI.Responses
{
    public static class OpenAIResponseClientExtensions
    {
        public static ChatClientAgent AsAIAgent(this ResponsesClient client, string? instructions = null, string? name = null, string? description = null, IList<AITool>? tools = null, Func<IChatClient, IChatClient>? clientFactory = null, ILoggerFactory? loggerFactory = null, IServiceProvider? services = null) => throw null!;

        public static ChatClientAgent AsAIAgent(this ResponsesClient client, ChatClientAgentOptions options, Func<IChatClient, IChatClient>? clientFactory = null, ILoggerFactory? loggerFactory = null, IServiceProvider? services = null) => throw null!;

        public static ChatClientAgent CreateAIAgent(this ResponsesClient client, string? instructions = null, string? name = null, string? description = null, IList<AITool>? tools = null, Func<IChatClient, IChatClient>? clientFactory = null, ILoggerFactory? loggerFactory = null, IServiceProvider? services = null) => throw null!;

        public static ChatClientAgent CreateAIAgent(this ResponsesClient client, ChatClientAgentOptions options, Func<IChatClient, IChatClient>? clientFactory = null, ILoggerFactory? loggerFactory = null, IServiceProvider? services = null) => throw null!;
    }
}
