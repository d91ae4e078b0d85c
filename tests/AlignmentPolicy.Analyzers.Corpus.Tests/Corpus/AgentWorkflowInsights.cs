// Two agents run concurrently, each in a one-agent sequential workflow executed in process: every workflow run is a
// request to the agents' model, and the agents are made from the client without a gate.
using Microsoft.Agents.AI;
using Microsoft.Agents.AI.Workflows;
using Microsoft.Extensions.AI;

namespace Contoso.Insights;

public sealed class InsightGenerator(IChatClient chatClient)
{
    private readonly AIAgent _sentimentAgent = chatClient.AsAIAgent(name: "Sentiment", instructions: "Classify the sentiment of the question.");
    private readonly AIAgent _languageAgent = chatClient.AsAIAgent(name: "Language", instructions: "Name the language of the question.");

    public async Task<string> GenerateAsync(string question)
    {
        var sentimentWorkflow = AgentWorkflowBuilder.BuildSequential("SentimentWorkflow", [_sentimentAgent]);
        var languageWorkflow = AgentWorkflowBuilder.BuildSequential("LanguageWorkflow", [_languageAgent]);
        var messages = new List<ChatMessage> { new(ChatRole.User, question) };

        var sentimentRun = InProcessExecution.RunAsync(sentimentWorkflow, messages).AsTask(); // expect: ALN0001
        var languageRun = InProcessExecution.RunAsync(languageWorkflow, messages).AsTask(); // expect: ALN0001
        await Task.WhenAll(sentimentRun, languageRun);
        return $"{sentimentRun.Result.OutgoingEvents.Count()} / {languageRun.Result.OutgoingEvents.Count()}";
    }

    public static InsightGenerator Create() => new InsightGenerator(new OpenAI.OpenAIClient("key").GetChatClient("gpt-4o-mini").AsIChatClient());
}
