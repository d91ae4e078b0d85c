using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Contoso.Routing;

public sealed class CustomerReplies([FromKeyedServices("safe")] IChatClient chat)
{
    public async Task<string> ReplyAsync(string message) => (await chat.GetResponseAsync($"Reply politely: {message}")).Text;
}
