// One tool checks the gate itself before acting; its sibling does not.
using AlignmentPolicy.Gates;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Contoso.Hr.Offboarding;

public sealed class OffboardingAgent(IPolicyGate gate, HttpClient directory)
{
    private readonly IChatClient _client = new ChatClient("gpt-4o", "key").AsIChatClient().AsBuilder().UseFunctionInvocation().Build(); // expect: ALN0005

    public async Task<string> RunAsync(string request)
    {
        var options = new ChatOptions
        {
            Tools =
            [
                AIFunctionFactory.Create(DisableAccount),
                AIFunctionFactory.Create(RemoveFromGroups), // expect: ALN0002
            ],
        };
        return (await _client.GetResponseAsync(request, options)).Text; // expect: ALN0001
    }

    private async Task<string> DisableAccount(string user)
    {
        var verdict = await gate.EvaluateAsync(PolicyRequest.ForToolCall("disable_account", new Dictionary<string, object?> { ["user"] = user }, ["oversight"]), CancellationToken.None);
        if (!verdict.IsAllowed)
        {
            return $"Not allowed: {verdict}";
        }

        return (await directory.PostAsync($"/users/{user}/disable", content: null)).StatusCode.ToString();
    }

    private async Task<string> RemoveFromGroups(string user)
        => (await directory.DeleteAsync($"/users/{user}/groups")).StatusCode.ToString();
}
