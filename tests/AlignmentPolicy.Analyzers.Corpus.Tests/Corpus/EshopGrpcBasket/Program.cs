using eShop.WebApp.Chatbot;
using eShop.WebApp.Services;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace eShop.WebApp;

public static class Extensions
{
    public static void AddApplicationServices(this IServiceCollection services, IChatClient model)
    {
        services.AddSingleton<BasketService>();
        services.AddScoped<IBasketState, BasketState>();
        services.AddChatClient(model).UseFunctionInvocation(); // expect: ALN0005
        services.AddScoped<ChatState>();
    }
}
