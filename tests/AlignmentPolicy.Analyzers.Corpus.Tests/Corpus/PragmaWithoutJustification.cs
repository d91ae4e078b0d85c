// Suppressions with #pragma: one explained, one not.
using Microsoft.Agents.AI;
using Microsoft.Extensions.AI;

namespace Contoso.Reports;

public static class ReportAgent
{
    public static async Task<string> RunAsync(IChatClient chatClient, string outputFolder)
    {
        var agent = chatClient.AsAIAgent( // expect: ALN0005
            instructions: "You compile the weekly report.",
            tools:
            [
#pragma warning disable ALN0002 // expect: ALN0007
                AIFunctionFactory.Create((string name, string markdown) => SaveReport(outputFolder, name, markdown), "save_report"),
#pragma warning restore ALN0002
#pragma warning disable ALN0002 // Writes only under the per-run scratch folder, which is wiped after each run (SEC-2291).
                AIFunctionFactory.Create((string note) => AppendScratch(outputFolder, note), "scratch"),
#pragma warning restore ALN0002
            ]);

        var response = await agent.RunAsync("Compile this week's report."); // expect-info: ALN0001
        return response.Text;
    }

    private static string SaveReport(string folder, string name, string markdown)
    {
        File.WriteAllText(Path.Combine(folder, name + ".md"), markdown);
        return "saved";
    }

    private static string AppendScratch(string folder, string note)
    {
        File.AppendAllText(Path.Combine(folder, "scratch", "notes.txt"), note);
        return "noted";
    }
}
