// Tools declared as local functions next to the agent loop.
using System.Diagnostics;
using Microsoft.Extensions.AI;

namespace DevTools.BuildBuddy;

public static class BuildBuddy
{
    public static async Task RunAsync(IChatClient model, string workspace)
    {
        using var client = model.AsBuilder()
            .UseFunctionInvocation() // expect: ALN0005
            .Build();

        string ReadFile(string relativePath) => File.ReadAllText(Path.Combine(workspace, relativePath));

        string WriteFile(string relativePath, string content)
        {
            File.WriteAllText(Path.Combine(workspace, relativePath), content);
            return "written";
        }

        string RunTests(string filter)
        {
            using var process = Process.Start("dotnet", $"test --filter {filter}");
            process.WaitForExit();
            return process.ExitCode == 0 ? "passed" : "failed";
        }

        int CountLines(string relativePath) => File.ReadAllLines(Path.Combine(workspace, relativePath)).Length;

        var options = new ChatOptions
        {
            Tools =
            [
                AIFunctionFactory.Create(ReadFile),
                AIFunctionFactory.Create(WriteFile), // expect: ALN0002
                AIFunctionFactory.Create(RunTests), // expect: ALN0002
                AIFunctionFactory.Create(CountLines),
            ],
        };

        var answer = await client.GetResponseAsync("Fix the failing test in Parser.cs.", options); // expect-info: ALN0001
        Console.WriteLine(answer.Text);
    }
}
