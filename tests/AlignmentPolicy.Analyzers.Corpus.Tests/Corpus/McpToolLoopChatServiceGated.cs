// The gated twin of McpToolLoopChatService.cs: the model client's pipeline has UsePolicyGate(), and the code that runs the
// model's call on the MCP server asks the policy gate first.
using AlignmentPolicy.Gates;
using Microsoft.Extensions.AI;
using ModelContextProtocol.Client;
using OpenAI;

namespace Contoso.ModelFarm.Gated;

public sealed class FarmChatService(McpClient server, IPolicyGate gate, string apiKey)
{
    private readonly IChatClient _model = new OpenAIClient(apiKey).GetChatClient("llama3").AsIChatClient().AsBuilder().UsePolicyGate().Build();

    public async Task<string> SubmitAsync(List<ChatMessage> history, ChatOptions options, Func<FunctionCallContent, PolicyRequest> describe)
    {
        while (true)
        {
            var response = await _model.GetResponseAsync(history, options);
            history.AddRange(response.Messages);
            var calls = response.Messages.Last().Contents.OfType<FunctionCallContent>().ToList();
            if (calls.Count == 0)
            {
                return response.Text;
            }

            foreach (var call in calls)
            {
                history.Add(new ChatMessage(ChatRole.Tool, [await RunToolAsync(call, describe(call))]));
            }
        }
    }

    private async Task<FunctionResultContent> RunToolAsync(FunctionCallContent call, PolicyRequest request)
    {
        var verdict = await gate.EvaluateAsync(request, CancellationToken.None);
        if (verdict.Decision != PolicyDecision.Allow)
        {
            return new FunctionResultContent(call.CallId, "The policy denied this tool call.");
        }

        var result = await server.CallToolAsync(call.Name, call.Arguments?.ToDictionary(kv => kv.Key, kv => kv.Value));
        return new FunctionResultContent(call.CallId, result);
    }
}
