// A side effect behind mutually recursive helpers (the analysis must handle cycles).
using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace DevTools.Git;

public sealed class GitAgent(IChatClient model, string repository)
{
    public async Task<string> AskAsync(string request)
    {
        using var client = model.AsBuilder().UseFunctionInvocation().Build(); // expect: ALN0005
        var tools = new AITool[]
        {
            AIFunctionFactory.Create(Status),
            AIFunctionFactory.Create(CommitAll), // expect: ALN0002
        };
        return (await client.GetResponseAsync(request, new ChatOptions { Tools = tools })).Text; // expect-info: ALN0001
    }

    private string Status() => File.ReadAllText(Path.Combine(repository, ".git", "HEAD")).Trim();

    private string CommitAll(string message) => Walk(repository, depth: 0) + Git($"commit -am \"{message}\"");

    private string Walk(string folder, int depth)
    {
        if (depth > 3)
        {
            return "";
        }

        var result = "";
        foreach (var sub in Directory.GetDirectories(folder))
        {
            result += Visit(sub, depth);
        }

        return result;
    }

    private string Visit(string folder, int depth)
        => Directory.Exists(Path.Combine(folder, ".git")) ? Git($"-C {folder} add -A") : Walk(folder, depth + 1);

    private static string Git(string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo("git", arguments) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
