using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace Contoso.Routing;

public sealed class InternalDigest([FromKeyedServices("fast")] IChatClient chat)
{
    public async Task<string> DigestAsync(IEnumerable<string> items)
        => (await chat.GetResponseAsync("Summarize for the team:\n" + string.Join("\n", items))).Text; // expect: ALN0001
}
