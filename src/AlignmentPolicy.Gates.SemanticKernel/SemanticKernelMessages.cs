using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel.ChatCompletion;
using SK = Microsoft.SemanticKernel;

namespace AlignmentPolicy.Gates;

/// <summary>Reads a Semantic Kernel chat history as Microsoft.Extensions.AI messages, so the gates see one shape.</summary>
internal static class SemanticKernelMessages
{
    public static IReadOnlyList<ChatMessage> Convert(ChatHistory? history)
    {
        if (history is null || history.Count == 0)
        {
            return [];
        }

        var messages = new List<ChatMessage>(history.Count);
        foreach (var message in history)
        {
            var contents = new List<AIContent>();
            foreach (var item in message.Items)
            {
                switch (item)
                {
                    case SK.TextContent text when text.Text is not null:
                        contents.Add(new TextContent(text.Text));
                        break;
                    case SK.FunctionCallContent call:
                        contents.Add(new FunctionCallContent(call.Id ?? string.Empty, call.FunctionName, call.Arguments?.ToDictionary(p => p.Key, p => p.Value)));
                        break;
                    case SK.FunctionResultContent result:
                        contents.Add(new FunctionResultContent(result.CallId ?? string.Empty, result.Result));
                        break;
                }
            }

            if (contents.Count == 0 && message.Content is { } content)
            {
                contents.Add(new TextContent(content));
            }

            messages.Add(new ChatMessage(new ChatRole(message.Role.Label), contents));
        }

        return messages;
    }
}
