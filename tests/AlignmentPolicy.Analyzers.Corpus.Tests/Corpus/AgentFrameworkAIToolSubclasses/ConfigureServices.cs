// Registered in the container as goodtocode's ConfigureServices.AddAgentFrameworkOpenAIServices does it: the tools list is a local
// List<AITool> of container-resolved AITool subclasses, handed over as ChatOptions.Tools. The agent's model calls (in the handler) are
// ungated; its tool list invokes nothing here.
using Contoso.Copilot.Infrastructure.Tools;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenAI.Chat;

namespace Contoso.Copilot.Infrastructure;

public static class ConfigureServices
{
    public static IServiceCollection AddCopilotAgent(this IServiceCollection services, string model, string apiKey)
    {
        services.AddSingleton<ChatSessionsTool>();
        services.AddSingleton<ActorsTool>();
        services.AddSingleton(_ => new ChatClient(model, apiKey));

        services.AddSingleton<AIAgent>(provider =>
        {
            var chatClient = provider.GetRequiredService<ChatClient>();
            var loggerFactory = provider.GetRequiredService<ILoggerFactory>();
            var tools = new List<AITool>
            {
                provider.GetRequiredService<ChatSessionsTool>(),
                provider.GetRequiredService<ActorsTool>(),
            };

            var agentOptions = new ChatClientAgentOptions
            {
                Name = "CopilotAgent",
                Description = "Contoso Copilot",
                ChatOptions = new ChatOptions { Tools = tools },
            };

            return chatClient.AsIChatClient().AsAIAgent(options: agentOptions, loggerFactory: loggerFactory, services: provider);
        });

        return services;
    }
}

public sealed class ChatHandler(AIAgent agent)
{
    public async Task<string> HandleAsync(string message)
    {
        var response = await agent.RunAsync(message); // expect: ALN0001
        return response.Text;
    }
}
