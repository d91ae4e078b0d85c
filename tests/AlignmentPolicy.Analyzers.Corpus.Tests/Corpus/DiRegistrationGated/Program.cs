// The gated host: the DI registration adds the policy gate.
using AlignmentPolicy.Gates;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using OpenAI.Chat;

namespace Contoso.SupportPortalGated;

public static class Program
{
    public static async Task Main()
    {
        var services = new ServiceCollection();
        services.AddBuiltInPolicyGates();
        services.AddSingleton<SupportService>();
        services.AddChatClient(new ChatClient("gpt-4o", "key").AsIChatClient())
            .UsePolicyGate()
            .UseFunctionInvocation();

        using var provider = services.BuildServiceProvider();
        Console.WriteLine(await provider.GetRequiredService<SupportService>().AnswerAsync("Refund order 42"));
    }
}
