// An MCP server's tools handed to the model: in a kernel (as kernel functions) and as AITools.
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;
using ModelContextProtocol.Client;

namespace Contoso.Mcp;

public static class McpTools
{
    public static async Task<string> WithKernelAsync(McpClient mcpClient, string apiKey, string prompt)
    {
        IList<McpClientTool> tools = await mcpClient.ListToolsAsync();
        var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion("gpt-4o", apiKey).Build();
        kernel.Plugins.AddFromFunctions("Tools", tools.Select(aiFunction => aiFunction.AsKernelFunction()));
        var settings = new PromptExecutionSettings { FunctionChoiceBehavior = FunctionChoiceBehavior.Auto() }; // expect: ALN0005
        var result = await kernel.InvokePromptAsync(prompt, new(settings)); // expect: ALN0001
        return result.ToString();
    }

    public static async Task<string> WithChatClientAsync(McpClient learn, IChatClient model, string question)
    {
        IList<McpClientTool> tools = await learn.ListToolsAsync();
        IChatClient chat = model.AsBuilder().UseFunctionInvocation().Build(); // expect: ALN0005
        var response = await chat.GetResponseAsync(question, new ChatOptions { Tools = [.. tools] }); // expect-info: ALN0001
        return response.Text;
    }
}
