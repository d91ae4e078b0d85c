// A support agent whose tools call a service through a Refit client: the interface's verb attribute is the request (the names say
// nothing: OpenAsync writes, FetchAsync reads). The corpus compiles against the model SDKs only, so Refit's attributes are declared
// at the end of this file with the library's names.
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using Refit;

namespace Contoso.Support
{
    public interface ITicketsApi
    {
        [Get("/tickets/{id}")]
        Task<string> FetchAsync(string id);

        [Post("/tickets")]
        Task<string> OpenAsync([Body] string title);
    }

    public sealed class SupportAgent(ITicketsApi tickets)
    {
        private readonly IChatClient _client = new ChatClient("gpt-4o", "key").AsIChatClient()
            .AsBuilder()
            .UseFunctionInvocation() // expect: ALN0005
            .Build();

        public async Task<string> AskAsync(string text)
        {
            var options = new ChatOptions
            {
                Tools =
                [
                    AIFunctionFactory.Create(LookUpTicket),
                    AIFunctionFactory.Create(OpenTicket), // expect: ALN0002
                ],
            };
            return (await _client.GetResponseAsync(text, options)).Text; // expect: ALN0001
        }

        private Task<string> LookUpTicket(string id) => tickets.FetchAsync(id);

        private Task<string> OpenTicket(string title) => tickets.OpenAsync(title);
    }
}

namespace Refit
{
    [AttributeUsage(AttributeTargets.Method)]
    public sealed class GetAttribute(string path) : Attribute
    {
        public string Path { get; } = path;
    }

    [AttributeUsage(AttributeTargets.Method)]
    public sealed class PostAttribute(string path) : Attribute
    {
        public string Path { get; } = path;
    }

    [AttributeUsage(AttributeTargets.Parameter)]
    public sealed class BodyAttribute : Attribute
    {
    }
}
