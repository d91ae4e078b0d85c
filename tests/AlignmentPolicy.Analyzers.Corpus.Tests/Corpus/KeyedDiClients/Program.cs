// Two keyed chat clients: "safe" is gated, "fast" is not.
using AlignmentPolicy.Gates;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using OpenAI.Chat;

namespace Contoso.Routing;

public static class Program
{
    public static ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddKeyedChatClient("safe", new ChatClient("gpt-4o", "key").AsIChatClient()).UsePolicyGate();
        services.AddKeyedChatClient("fast", new ChatClient("gpt-4o-mini", "key").AsIChatClient());
        services.AddSingleton<CustomerReplies>();
        services.AddSingleton<InternalDigest>();
        return services.BuildServiceProvider();
    }
}
