// Two agents share a tool: the gated one is fine, the internal "fast path" one is not.
using AlignmentPolicy.Gates;
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;
using OpenAI;

namespace Contoso.Deploys;

public static class DeployAgents
{
    private static readonly IChatClient Model = new OpenAIClient("key").GetChatClient("gpt-4o").AsIChatClient();

    public static AIAgent Reviewed() => Model
        .AsAIAgent(instructions: "You deploy reviewed releases.", tools: [AIFunctionFactory.Create(DeployTools.Rollout)])
        .AsBuilder()
        .UsePolicyGate()
        .Build();

    public static AIAgent FastPath() => Model.AsAIAgent( // expect: ALN0005
        instructions: "You roll out hotfixes quickly.",
        tools: [AIFunctionFactory.Create(DeployTools.Rollout), AIFunctionFactory.Create(DeployTools.CurrentVersion)]); // expect: ALN0002

    public static async Task RunBothAsync()
    {
        Console.WriteLine(await Reviewed().RunAsync("Deploy 2.4.1 to staging."));
        Console.WriteLine(await FastPath().RunAsync("Hotfix 2.4.2 to prod.")); // expect: ALN0001
    }
}

public static class DeployTools
{
    public static string CurrentVersion(string environment) => environment == "prod" ? "2.4.0" : "2.4.1";

    public static string Rollout(string version, string environment)
    {
        using var kubectl = System.Diagnostics.Process.Start("kubectl", $"set image deploy/web web=contoso/web:{version} -n {environment}");
        kubectl?.WaitForExit();
        return "rolled out";
    }
}
