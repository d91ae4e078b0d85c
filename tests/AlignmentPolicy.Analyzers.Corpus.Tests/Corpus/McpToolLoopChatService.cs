// A chat service that runs the model's tool calls itself on MCP servers (the shape of a self-hosted model farm's chat API):
// it sends the history with the servers' tools, and while the response ends in function calls it maps each call's name to
// the server that has the tool, runs it there with CallToolAsync and adds the result to the history. Nothing asks whether
// the call may run: automatic invocation with the loop written out.
using Microsoft.Extensions.AI;
using ModelContextProtocol.Client;
using OpenAI;

namespace Contoso.ModelFarm;

public interface IMcpServers
{
    Task<McpClient> ClientForAsync(Guid serverId);
}

public sealed class FarmChatService(IMcpServers servers, string apiKey)
{
    private readonly IChatClient _model = new OpenAIClient(apiKey).GetChatClient("llama3").AsIChatClient();

    public async Task<string> SubmitAsync(List<ChatMessage> history, IList<AITool> tools, Dictionary<string, Guid> toolServers)
    {
        var options = new ChatOptions { Tools = tools };
        bool pendingToolCall;
        do
        {
            pendingToolCall = false;
            var response = await _model.GetResponseAsync(history, options); // expect: ALN0001
            history.AddRange(response.Messages);
            foreach (var call in response.Messages.Last().Contents.OfType<FunctionCallContent>())
            {
                pendingToolCall = true;
                var result = await RunToolAsync(call, toolServers);
                history.Add(new ChatMessage(ChatRole.Tool, [result]));
            }
        }
        while (pendingToolCall);

        return history.Last().Text;
    }

    private async Task<FunctionResultContent> RunToolAsync(FunctionCallContent functionCall, Dictionary<string, Guid> toolServers)
    {
        if (!toolServers.TryGetValue(functionCall.Name, out var serverId))
        {
            throw new InvalidOperationException($"No MCP server has the tool {functionCall.Name}");
        }

        var client = await servers.ClientForAsync(serverId);
        var result = await client.CallToolAsync( // expect: ALN0005
            functionCall.Name,
            functionCall.Arguments?.ToDictionary(kv => kv.Key, kv => kv.Value));
        return new FunctionResultContent(functionCall.CallId, result);
    }

    // The code names the tool here: a health check, not the model's choice.
    public async Task<bool> PingAsync(Guid serverId)
    {
        var client = await servers.ClientForAsync(serverId);
        var result = await client.CallToolAsync("ping", new Dictionary<string, object?>());
        return result.IsError != true;
    }
}
