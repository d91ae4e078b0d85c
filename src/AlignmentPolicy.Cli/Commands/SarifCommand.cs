using System.CommandLine;
using System.Text.Json;
using AlignmentPolicy.Cli.Reporting;

namespace AlignmentPolicy.Cli.Commands;

/// <summary>
/// <c>alignment-policy sarif merge &lt;files|folders&gt; -o merged.sarif</c>: one SARIF log with one run per tool, for code
/// scanning uploads that refuse several runs of one tool (the compiler's per-project <c>ErrorLog</c> files).
/// Exit codes: 0 merged, 2 no input or an input that is not SARIF 2.1.0.
/// </summary>
internal static class SarifCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var inputs = new Argument<string[]>("inputs") { Description = "SARIF files, or folders searched for *.sarif.", Arity = ArgumentArity.OneOrMore };
        var outputPath = new Option<string>("--output", "-o") { Description = "The merged SARIF file.", Required = true };
        var merge = new Command("merge", "Merge SARIF 2.1.0 logs into one log with one run per tool (rules united, results kept).") { inputs, outputPath };
        merge.SetAction(parse => Merge(parse.GetValue(inputs)!, parse.GetValue(outputPath)!, output, error));
        var command = new Command("sarif", "SARIF utilities for code scanning uploads.");
        command.Subcommands.Add(merge);
        return command;
    }

    internal static int Merge(string[] inputs, string outputPath, TextWriter output, TextWriter error)
    {
        try
        {
            var logs = SarifMerger.Read(inputs, outputPath);
            if (logs.Count == 0)
            {
                error.WriteLine($"alignment-policy sarif merge: no SARIF files in {string.Join(", ", inputs)}.");
                return CliApplication.UsageError;
            }

            var merged = SarifMerger.Merge(logs);
            var full = Path.GetFullPath(outputPath);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, merged.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            var runs = merged["runs"]!.AsArray();
            output.WriteLine($"{full}: {logs.Count} log(s) merged into {runs.Count} run(s) with {runs.Sum(r => r!["results"]!.AsArray().Count)} result(s).");
            return CliApplication.Success;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"alignment-policy sarif merge: {e.Message}");
            return CliApplication.UsageError;
        }
    }
}
