// A chat history service the container hands out as its interface (the shape of a Discord bot's shared chat context): each
// feature keeps its own Ollama-style client wrapper and passes the client to IChatContext.InferAsync, so the implementation's
// method is only ever called through the interface. The client is made ungated in the wrapper.
using Microsoft.Extensions.AI;
using OpenAI;

namespace Contoso.Bot;

public interface IChatContext
{
    void Add(string channel, ChatMessage message);

    Task<string> InferAsync(IChatClient chatClient, string channel);
}

public sealed class ChatContext : IChatContext
{
    private readonly Dictionary<string, List<ChatMessage>> _channels = new();

    public void Add(string channel, ChatMessage message) => History(channel).Add(message);

    public async Task<string> InferAsync(IChatClient chatClient, string channel)
    {
        var history = History(channel);
        var completion = await chatClient.GetResponseAsync(history); // expect: ALN0001
        history.Add(new ChatMessage(ChatRole.Assistant, completion.Text));
        return completion.Text;
    }

    private List<ChatMessage> History(string channel)
    {
        if (!_channels.TryGetValue(channel, out var history))
        {
            _channels[channel] = history = [];
        }

        return history;
    }
}

public sealed class UserChatClient
{
    public UserChatClient(string apiKey, string model)
    {
        ChatClient = new OpenAIClient(apiKey).GetChatClient(model).AsIChatClient();
    }

    public IChatClient ChatClient { get; }
}

public sealed class StatusGenerator(IChatContext context, UserChatClient userChatClient)
{
    public Task<string> NextStatusAsync()
    {
        context.Add("status", new ChatMessage(ChatRole.User, "Write a one-line status for the bot."));
        return context.InferAsync(userChatClient.ChatClient, "status");
    }
}
