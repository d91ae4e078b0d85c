using AutoInvocation = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedAutoInvocationAnalyzer>;
using ToolSideEffects = AlignmentPolicy.Analyzers.Tests.Verifiers.AnalyzerVerifier<AlignmentPolicy.Analyzers.Rules.UngatedToolSideEffectAnalyzer>;

namespace AlignmentPolicy.Analyzers.Tests.Rules;

/// <summary>
/// Tool calls dispatched by hand: a function tool declared by name (<c>ChatTool.CreateFunctionTool("create_file", ...)</c>) whose code is
/// the branch that compares the model's tool call's name with it (ALN0002), and an Azure AI Agents run whose
/// <c>SubmitToolOutputsAction</c> this code answers (ALN0005). Shapes of alexander-kastil/pro-code-agents
/// <c>AgentRunnerHumanInTheLoop.cs</c> and <c>OrchestrationRunner.ProcessRunWithToolCalls</c>.
/// </summary>
public class HandDispatchTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Text.Json;
        using System.Threading.Tasks;
        using OpenAI.Chat;

        """;

    [Fact]
    public Task A_function_tool_declared_by_name_is_the_code_its_name_dispatches_to()
        => ToolSideEffects.VerifyAsync(Usings + """
            class AgentRunnerHumanInTheLoop(ChatClient chatClient, string outputDir)
            {
                public async Task RunAsync(string userInput)
                {
                    var createFileTool = ChatTool.{|#0:CreateFunctionTool|}(functionName: "create_file", functionDescription: "Create a new file with content.");
                    var deleteFileTool = ChatTool.CreateFunctionTool(functionName: "delete_file", functionDescription: "Delete a file. Requires approval.");
                    var timeTool = ChatTool.CreateFunctionTool("get_time", "The current time");
                    var messages = new List<ChatMessage> { new UserChatMessage(userInput) };
                    var options = new ChatCompletionOptions();
                    options.Tools.Add(createFileTool);
                    options.Tools.Add(deleteFileTool);
                    options.Tools.Add(timeTool);
                    ChatCompletion completion = await chatClient.CompleteChatAsync(messages, options);
                    foreach (var toolCall in completion.ToolCalls)
                    {
                        var args = JsonDocument.Parse(toolCall.FunctionArguments);
                        string result;
                        switch (toolCall.FunctionName)
                        {
                            case "create_file":
                                result = CreateFile(args.RootElement.GetProperty("filename").GetString() ?? "", args.RootElement.GetProperty("content").GetString() ?? "");
                                break;
                            case "delete_file":
                                result = DeleteFileWithApproval(args.RootElement.GetProperty("filename").GetString() ?? "");
                                break;
                            case "get_time":
                                result = DateTime.UtcNow.ToString("O");
                                break;
                            default:
                                result = "Unknown tool";
                                break;
                        }

                        messages.Add(new ToolChatMessage(toolCall.Id, result));
                    }
                }

                private string CreateFile(string filename, string content)
                {
                    File.WriteAllText(Path.Combine(outputDir, filename), content);
                    return "created";
                }

                private string DeleteFileWithApproval(string filename)
                {
                    while (true)
                    {
                        Console.Write("Do you want to APPROVE this action? (yes/no): ");
                        var response = Console.ReadLine()?.Trim().ToLower();
                        if (response is "yes" or "y")
                        {
                            File.Delete(Path.Combine(outputDir, filename));
                            return "deleted";
                        }
                        else if (response is "no" or "n")
                        {
                            return "rejected by the user";
                        }
                    }
                }
            }
            """,
            ToolSideEffects.Diagnostic("ALN0002").WithLocation(0).WithArguments("create_file", "write or delete files", "create_file -> AgentRunnerHumanInTheLoop.CreateFile -> File.WriteAllText"));

    private const string AgentsPackage = """

        namespace Azure.AI.Agents.Persistent
        {
            public class ThreadRun { public string Id { get; } = ""; public RequiredAction? RequiredAction { get; } public bool RequiresAction { get; } }
            public abstract class RequiredAction { }
            public abstract class RequiredToolCall { public string Id { get; } = ""; }
            public class RequiredFunctionToolCall : RequiredToolCall { public string Name { get; } = ""; public string Arguments { get; } = ""; }
            public class SubmitToolOutputsAction : RequiredAction { public IReadOnlyList<RequiredToolCall> ToolCalls { get; } = []; }
            public class ToolOutput { public ToolOutput(string toolCallId, string output) { } }
            public class ThreadRuns
            {
                public Task<ThreadRun> GetRunAsync(string threadId, string runId) => throw null!;
                public Task<ThreadRun> SubmitToolOutputsToRunAsync(ThreadRun run, IEnumerable<ToolOutput> outputs) => throw null!;
            }

            public class PersistentAgentsClient { public ThreadRuns Runs { get; } = new(); }
        }
        """;

    [Fact]
    public Task An_agent_runs_tool_calls_answered_by_hand_are_automatic_invocation()
        => AutoInvocation.VerifyAsync(Usings + """
            using Azure.AI.Agents.Persistent;

            static class ToolCallHandler
            {
                public static string HandleToolCall(string functionName, string arguments) => functionName switch
                {
                    "get_incident" => "INC-1: open",
                    _ => "unknown tool",
                };
            }

            static class OrchestrationRunner
            {
                public static async Task<ThreadRun> ProcessRunWithToolCalls(PersistentAgentsClient client, string threadId, ThreadRun run)
                {
                    while (run.RequiresAction)
                    {
                        run = await client.Runs.GetRunAsync(threadId, run.Id);
                        if (run.RequiresAction && run.RequiredAction is {|#0:SubmitToolOutputsAction|} submitToolOutputsAction)
                        {
                            var toolOutputs = new List<ToolOutput>();
                            foreach (var toolCall in submitToolOutputsAction.ToolCalls)
                            {
                                if (toolCall is RequiredFunctionToolCall functionToolCall)
                                {
                                    toolOutputs.Add(new ToolOutput(toolCall.Id, ToolCallHandler.HandleToolCall(functionToolCall.Name, functionToolCall.Arguments)));
                                }
                            }

                            if (toolOutputs.Any())
                            {
                                run = await client.Runs.SubmitToolOutputsToRunAsync(run, toolOutputs);
                            }
                        }
                    }

                    return run;
                }

                // Reads the action without answering it: nothing is dispatched here.
                public static bool NeedsTools(ThreadRun run) => run.RequiredAction is SubmitToolOutputsAction;
            }
            """ + AgentsPackage,
            AutoInvocation.Diagnostic("ALN0005").WithLocation(0).WithArguments("tool calls answered by hand (SubmitToolOutputsAction)", "the model's tool calls are dispatched with no gate"));

    private const string StreamingPackage = """

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
            public class ToolOutput { public ToolOutput(string toolCallId, string output) { } }
            public class ThreadRuns
            {
                public IAsyncEnumerable<StreamingUpdate> CreateRunStreamingAsync(string threadId, string agentId) => throw null!;
                public IAsyncEnumerable<StreamingUpdate> SubmitToolOutputsToStreamAsync(ThreadRun run, IEnumerable<ToolOutput> outputs) => throw null!;
            }

            public class PersistentAgentsClient { public ThreadRuns Runs { get; } = new(); }
        }
        """;

    // foundry-samples FunctionsWithStreaming: each RequiredActionUpdate of the stream is one function call the run asks for; the code
    // resolves it by name with a local function and submits the outputs once the stream ends. The twin only shows the update.
    [Fact]
    public Task A_streamed_runs_required_actions_resolved_by_name_and_submitted_are_automatic_invocation()
        => AutoInvocation.VerifyAsync(Usings + """
            using Azure.AI.Agents.Persistent;

            static class StreamingRunner
            {
                static ToolOutput Resolve(string functionName, string toolCallId, string arguments)
                    => functionName == "getCityNickname" ? new ToolOutput(toolCallId, "The Emerald City") : null!;

                public static async Task RunAsync(PersistentAgentsClient client, string threadId, string agentId)
                {
                    List<ToolOutput> toolOutputs = [];
                    ThreadRun run = null!;
                    var stream = client.Runs.CreateRunStreamingAsync(threadId, agentId);
                    do
                    {
                        toolOutputs.Clear();
                        await foreach (var update in stream)
                        {
                            if (update is {|#0:RequiredActionUpdate|} action)
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

                // Shows which function the run asks for and answers nothing: no tool is invoked here.
                public static async Task WatchAsync(PersistentAgentsClient client, string threadId, string agentId)
                {
                    await foreach (var update in client.Runs.CreateRunStreamingAsync(threadId, agentId))
                    {
                        if (update is RequiredActionUpdate action)
                        {
                            Console.WriteLine(action.FunctionName);
                        }
                    }
                }
            }
            """ + StreamingPackage,
            AutoInvocation.Diagnostic("ALN0005").WithLocation(0).WithArguments("tool calls answered by hand (RequiredActionUpdate)", "the model's tool calls are dispatched with no gate"));
}
