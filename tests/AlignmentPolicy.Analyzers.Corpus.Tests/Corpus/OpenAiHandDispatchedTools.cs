// Function tools declared by name and dispatched by hand (the shape of pro-code-agents' AgentRunnerHumanInTheLoop): the code
// that runs for "save_note" is its case of the switch on the tool call's name; "delete_note" asks the user first; "get_time" reads.
using System.Text.Json;
using OpenAI.Chat;

namespace Notes.Assistant;

public sealed class NotesAssistant(ChatClient chatClient, string notesFolder)
{
    public async Task<string> RunAsync(string userInput)
    {
        var saveTool = ChatTool.CreateFunctionTool(functionName: "save_note", functionDescription: "Save a note to a file."); // expect: ALN0002
        var deleteTool = ChatTool.CreateFunctionTool(functionName: "delete_note", functionDescription: "Delete a note. Requires approval.");
        var timeTool = ChatTool.CreateFunctionTool(functionName: "get_time", functionDescription: "The current time.");
        var options = new ChatCompletionOptions();
        options.Tools.Add(saveTool);
        options.Tools.Add(deleteTool);
        options.Tools.Add(timeTool);
        List<OpenAI.Chat.ChatMessage> messages = [new UserChatMessage(userInput)];

        bool requiresAction;
        do
        {
            requiresAction = false;
            var completion = await chatClient.CompleteChatAsync(messages, options); // expect-info: ALN0001
            switch (completion.Value.FinishReason)
            {
                case ChatFinishReason.Stop:
                    return completion.Value.Content[0].Text;
                case ChatFinishReason.ToolCalls: // expect: ALN0005
                    messages.Add(new AssistantChatMessage(completion.Value));
                    foreach (var toolCall in completion.Value.ToolCalls)
                    {
                        using var args = JsonDocument.Parse(toolCall.FunctionArguments);
                        string result;
                        switch (toolCall.FunctionName)
                        {
                            case "save_note":
                                result = SaveNote(args.RootElement.GetProperty("name").GetString() ?? "", args.RootElement.GetProperty("text").GetString() ?? "");
                                break;
                            case "delete_note":
                                result = DeleteNoteWithApproval(args.RootElement.GetProperty("name").GetString() ?? "");
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

                    requiresAction = true;
                    break;
            }
        }
        while (requiresAction);

        return "";
    }

    private string SaveNote(string name, string text)
    {
        File.WriteAllText(Path.Combine(notesFolder, name + ".txt"), text);
        return "saved";
    }

    private string DeleteNoteWithApproval(string name)
    {
        Console.Write($"Delete note '{name}'? (yes/no): ");
        var response = Console.ReadLine()?.Trim().ToLowerInvariant();
        if (response is "yes" or "y")
        {
            File.Delete(Path.Combine(notesFolder, name + ".txt"));
            return "deleted";
        }

        return "rejected by the user";
    }
}
