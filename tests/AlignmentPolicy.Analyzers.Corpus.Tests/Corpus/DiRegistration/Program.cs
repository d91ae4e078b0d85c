// The host: the chat client is registered in DI here and injected elsewhere.
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using OpenAI.Chat;

namespace Contoso.SupportPortal;

public static class Program
{
    public static async Task Main(string[] args)
    {
        var services = new ServiceCollection();
        services.AddSingleton(new Mailer("smtp.contoso.example"));
        services.AddSingleton<MailTools>();
        services.AddSingleton<ToolRegistry>();
        services.AddSingleton<SupportService>();
        services.AddChatClient(new ChatClient("gpt-4o", Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "").AsIChatClient())
            .UseFunctionInvocation() // expect: ALN0005
            .UseLogging();

        using var provider = services.BuildServiceProvider();
        var support = provider.GetRequiredService<SupportService>();
        Console.WriteLine(await support.AnswerAsync(args.FirstOrDefault() ?? "Where is my order?"));
    }
}
