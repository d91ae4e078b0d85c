// Azure AI Agents, streamed (microsoft-foundry/foundry-samples FunctionsWithStreaming): each RequiredActionUpdate of the stream is a
// function call the service's model chose; this code resolves it by name and submits the outputs once the stream ends, so it
// invokes the model's tool calls with no gate. A second method only shows which function the run asks for. The agent-service
// package is not among the corpus's references: its surface is declared at the end of this file, with the package's names.
using Azure.AI.Agents.Persistent;

namespace Contoso.Weather
{
    public static class StreamingWeatherAgent
    {
        private static string GetCityNickname(string location) => location == "Seattle, WA" ? "The Emerald City" : "unknown";

        private static ToolOutput Resolve(string functionName, string toolCallId, string arguments)
            => functionName == "getCityNickname" ? new ToolOutput(toolCallId, GetCityNickname(arguments)) : new ToolOutput(toolCallId, "");

        public static async Task RunAsync(string threadId, string agentId)
        {
            PersistentAgentsClient client = new("https://contoso.services.ai.azure.com/api/projects/weather");
            List<ToolOutput> toolOutputs = [];
            ThreadRun run = null!;
            var stream = client.Runs.CreateRunStreamingAsync(threadId, agentId); // expect: ALN0001
            do
            {
                toolOutputs.Clear();
                await foreach (var update in stream)
                {
                    if (update is RequiredActionUpdate action) // expect: ALN0005
                    {
                        toolOutputs.Add(Resolve(action.FunctionName, action.ToolCallId, action.FunctionArguments));
                        run = action.Value;
                    }
                    else if (update is MessageContentUpdate content)
                    {
                        Console.Write(content.Text);
                    }
                }

                if (toolOutputs.Count > 0)
                {
                    stream = client.Runs.SubmitToolOutputsToStreamAsync(run, toolOutputs);
                }
            }
            while (toolOutputs.Count > 0);
        }

        public static async Task WatchAsync(string threadId, string agentId)
        {
            PersistentAgentsClient client = new("https://contoso.services.ai.azure.com/api/projects/weather");
            await foreach (var update in client.Runs.CreateRunStreamingAsync(threadId, agentId)) // expect: ALN0001
            {
                if (update is RequiredActionUpdate action)
                {
                    Console.WriteLine($"The run asks for {action.FunctionName}");
                }
            }
        }
    }
}

namespace Azure.AI.Agents.Persistent
{
    public class ThreadRun { public string Id { get; } = ""; }

    public abstract class StreamingUpdate { }

    public class RequiredActionUpdate : StreamingUpdate
    {
        public string FunctionName { get; } = "";

        public string FunctionArguments { get; } = "";

        public string ToolCallId { get; } = "";

        public ThreadRun Value { get; } = new();
    }

    public class MessageContentUpdate : StreamingUpdate { public string Text { get; } = ""; }

    public class ToolOutput(string toolCallId, string output)
    {
        public string ToolCallId { get; } = toolCallId;

        public string Output { get; } = output;
    }

    public class ThreadRuns
    {
        public IAsyncEnumerable<StreamingUpdate> CreateRunStreamingAsync(string threadId, string agentId) => throw new NotSupportedException();

        public IAsyncEnumerable<StreamingUpdate> SubmitToolOutputsToStreamAsync(ThreadRun run, IEnumerable<ToolOutput> outputs) => throw new NotSupportedException();
    }

    public class PersistentAgentsClient(string endpoint)
    {
        public string Endpoint { get; } = endpoint;

        public ThreadRuns Runs { get; } = new();
    }
}
