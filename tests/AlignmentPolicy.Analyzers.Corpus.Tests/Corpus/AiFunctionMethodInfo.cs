// Tools created from MethodInfo, as some plugin loaders do.
using System.Reflection;
using Microsoft.Extensions.AI;
using OpenAI.Chat;

namespace Contoso.Maintenance;

public static class MaintenanceOps
{
    public static string DiskUsage(string volume) => $"{volume}: 71% used";

    public static string PurgeTempFiles(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.tmp"))
        {
            File.Delete(file);
        }

        return "purged";
    }
}

public sealed class MaintenanceAgent
{
    private readonly IChatClient _client = new ChatClient("gpt-4o-mini", "key").AsIChatClient().AsBuilder()
        .UseFunctionInvocation() // expect: ALN0005
        .Build();

    public async Task<string> RunAsync(string request)
    {
        var type = typeof(MaintenanceOps);
        var tools = new List<AITool>
        {
            AIFunctionFactory.Create(type.GetMethod(nameof(MaintenanceOps.DiskUsage), BindingFlags.Public | BindingFlags.Static)!, target: null),
            AIFunctionFactory.Create(type.GetMethod(nameof(MaintenanceOps.PurgeTempFiles), BindingFlags.Public | BindingFlags.Static)!, target: null), // expect: ALN0002
        };
        return (await _client.GetResponseAsync(request, new ChatOptions { Tools = tools })).Text; // expect: ALN0001
    }
}
