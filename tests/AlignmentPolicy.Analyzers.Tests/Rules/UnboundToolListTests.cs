using Microsoft.CodeAnalysis.Testing;
using Verify = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedAutoInvocationAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// ALN0005 when an agent is given tools whose type does not resolve here: an MCP server's tools listed with a client of
/// another MCP SDK version (<c>McpClientFactory.CreateAsync</c> of the 2025 previews), cast to <c>AITool</c> or spread into
/// the list. The code still says what they are, functions this process runs when the model asks; an agent creation that
/// fails to bind only because of them is the agent it names.
/// </summary>
public class UnboundToolListTests
{
    private static Task VerifyUnboundAsync(string source)
    {
        var test = new Verify.Test
        {
            TestCode = """
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading.Tasks;
                using AlignmentPolicy.Gates;
                using Microsoft.Agents.AI;
                using Microsoft.Extensions.AI;

                """ + source,
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        return test.RunAsync();
    }

    [Fact]
    public Task MCP_tools_listed_by_a_client_of_another_SDK_version_are_local_tools()
        // Azure-Samples/eShopLite 06-mcp Store/Program.cs and agent-openai-banking-assistant AgenticUtils.cs list tools with
        // McpClientFactory.CreateAsync(...) / mcpClient.ListToolsAsync(); agents take them as [.. tools.Cast<AITool>()].
        => VerifyUnboundAsync("""
            class Program
            {
                public async Task RunAsync(IChatClient model, SseClientTransport transport)
                {
                    IChatClient chatClient = new OpenAI.OpenAIClient("key").GetChatClient("gpt-4o-mini").AsIChatClient();
                    var mcpClient = await McpClientFactory.CreateAsync(transport);
                    var mcpTools = await mcpClient.ListToolsAsync();

                    var agent = chatClient.[|AsAIAgent|](instructions: "You manage files.", tools: [.. mcpTools.Cast<AITool>()]);
                    var listed = new [|ChatClientAgent|](chatClient, "You manage files.", tools: [.. mcpTools]);
                    var copied = chatClient.[|AsAIAgent|](instructions: "You manage files.", tools: mcpTools.Cast<AITool>().ToList());

                    IChatClient gated = chatClient.AsBuilder().UsePolicyGate().Build();
                    var gatedAgent = new ChatClientAgent(gated, "You manage files.", tools: [.. mcpTools]);
                    var chatOnly = new ChatClientAgent(chatClient, "You chat.");
                }
            }
            """);

    [Fact]
    public Task An_agent_creation_that_does_not_bind_only_for_its_client_argument_still_invokes_its_tools()
        // builder.AddAIAgent("writer", (sp, key) => new ChatClientAgent(sp.GetRequiredService<IChatClient>(), ..., tools: [...])) with the
        // hosting package missing: the lambda's sp has no type, so the creation does not bind.
        => VerifyUnboundAsync("""
            static class Tools
            {
                public static string SaveFile(string path, string text) { System.IO.File.WriteAllText(path, text); return "saved"; }
            }

            class Program
            {
                public void Configure(MissingHostBuilder builder, Microsoft.Extensions.DependencyInjection.IServiceCollection services)
                {
                    IChatClient chatClient = new OpenAI.OpenAIClient("key").GetChatClient("gpt-4o-mini").AsIChatClient();
                    Microsoft.Extensions.DependencyInjection.ChatClientBuilderServiceCollectionExtensions.AddChatClient(services, chatClient);
                    builder.AddAIAgent("writer", (sp, key) => new [|ChatClientAgent|](sp.GetRequiredService<IChatClient>(), name: key, instructions: "Write files.", tools: [AIFunctionFactory.Create(Tools.SaveFile)]));
                    builder.AddAIAgent("chat", (sp, key) => new ChatClientAgent(sp.GetRequiredService<IChatClient>(), name: key, instructions: "Chat."));
                    builder.AddAIAgent("search", (sp, key) => new ChatClientAgent(sp.GetRequiredService<IChatClient>(), name: key, instructions: "Search.", tools: [new HostedWebSearchTool()]));
                }
            }
            """);

    [Fact]
    public Task A_target_typed_agent_creation_that_does_not_bind_is_judged_in_a_block_that_spells_no_agent_name()
        // The block spells no agent factory's name and no agent type, only `new`, which every creation is spelled with: ALN0005 is
        // handed the operations that do not bind only in blocks spelling what its unbound judge reads. The gated twin stays silent.
        => VerifyUnboundAsync("""
            class Program
            {
                public async Task<ChatClientAgent> UngatedAsync(SseClientTransport transport)
                {
                    IChatClient chatClient = new OpenAI.OpenAIClient("key").GetChatClient("gpt-4o-mini").AsIChatClient();
                    var mcpClient = await McpClientFactory.CreateAsync(transport);
                    var mcpTools = await mcpClient.ListToolsAsync();
                    ChatClientAgent agent = [|new(chatClient, "You manage files.", tools: [.. mcpTools])|];
                    return agent;
                }

                public async Task<ChatClientAgent> GatedAsync(SseClientTransport transport)
                {
                    IChatClient chatClient = new OpenAI.OpenAIClient("key").GetChatClient("gpt-4o-mini").AsIChatClient().AsBuilder().UsePolicyGate().Build();
                    var mcpClient = await McpClientFactory.CreateAsync(transport);
                    var mcpTools = await mcpClient.ListToolsAsync();
                    ChatClientAgent agent = new(chatClient, "You manage files.", tools: [.. mcpTools]);
                    return agent;
                }
            }
            """);
}
