// The storefront's chatbot: tools defined as private methods, the chat client injected.
using System.ComponentModel;
using System.Text.Json;
using eShop.WebApp.Services;
using Microsoft.Extensions.AI;

namespace eShop.WebApp.Chatbot;

public class ChatState
{
    private readonly IBasketState _basketState;
    private readonly IChatClient _chatClient;
    private readonly ChatOptions _chatOptions;

    public ChatState(IBasketState basketState, IChatClient chatClient)
    {
        _basketState = basketState;
        _chatClient = chatClient;
        _chatOptions = new()
        {
            Tools =
            [
                AIFunctionFactory.Create(AddToCart), // expect: ALN0002
                AIFunctionFactory.Create(GetCartContents),
            ],
        };
    }

    public IList<ChatMessage> Messages { get; } = [new ChatMessage(ChatRole.System, "You are the AdventureWorks concierge.")];

    public async Task AddUserMessageAsync(string userText)
    {
        Messages.Add(new ChatMessage(ChatRole.User, userText));
        var response = await _chatClient.GetResponseAsync(Messages, _chatOptions); // expect: ALN0001
        Messages.AddMessages(response);
    }

    [Description("Adds a product to the user's shopping cart.")]
    private async Task<string> AddToCart([Description("The id of the product to add")] int itemId)
    {
        await _basketState.AddAsync(itemId);
        return "Item added to shopping cart.";
    }

    [Description("Gets information about the contents of the user's shopping cart (basket)")]
    private async Task<string> GetCartContents() => JsonSerializer.Serialize(await _basketState.GetBasketItemsAsync());
}
