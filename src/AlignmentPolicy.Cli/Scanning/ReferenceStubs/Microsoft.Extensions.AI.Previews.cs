// Reference stub (compiled by the scan, never run): the Microsoft.Extensions.AI preview (8.x/9.0 preview)
// adapters that older samples still call (`new OpenAIClient(key).AsChatClient(model)`, `chatClient.AsChatClient()`),
// renamed AsIChatClient in 9.x and gone from the package the tool ships. Without them the client is an error
// type and none of its calls is recognised. Class names differ from the shipped ones so nothing is ambiguous.
#nullable enable
using OpenAI;
using OpenAI.Chat;

namespace Microsoft.Extensions.AI
{
    public static class OpenAIPreviewChatClientExtensions
    {
        public static IChatClient AsChatClient(this OpenAIClient openAIClient, string modelId) => throw null!;

        public static IChatClient AsChatClient(this ChatClient chatClient) => throw null!;
    }
}
