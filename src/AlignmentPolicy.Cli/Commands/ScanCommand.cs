using System.CommandLine;
using AlignmentPolicy.Cli.Scanning;

namespace AlignmentPolicy.Cli.Commands;

/// <summary>
/// <c>alignment-policy scan &lt;dir&gt; [--sarif out.sarif]</c>: runs the analyzers on C# that may not build
/// (one compilation per project folder or file-based app, compile errors tolerated); prints
/// <c>file(line,col): warning ALN0002: message</c> and optionally writes SARIF 2.1.0.
/// </summary>
internal static class ScanCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var directory = new Argument<string>("dir")
        {
            Description = "The folder to scan (default: the current folder).",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => ".",
        };
        var sarif = new Option<string?>("--sarif") { Description = "Also write the findings as SARIF 2.1.0 to this file." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print informational findings and what was scanned." };
        var command = new Command("scan", "Analyse C# that may not build: every project folder and file-based app under <dir>; exits 1 when there are warnings or errors.")
        {
            directory,
            sarif,
            verbose,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult.GetValue(directory)!, parseResult.GetValue(sarif), parseResult.GetValue(verbose), output, error, cancellationToken));
        return command;
    }

    internal static async Task<int> RunAsync(string directory, string? sarifPath, bool verbose, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(directory);
        if (!Directory.Exists(root))
        {
            error.WriteLine($"alignment-policy scan: '{root}' is not a folder.");
            return CliApplication.UsageError;
        }

        var reporter = new ConsoleDiagnosticReporter(output, verbose);
        var result = await Scanner.ScanAsync(root, reporter, verbose ? output.WriteLine : _ => { }, cancellationToken).ConfigureAwait(false);

        // An analyzer that throws misses findings: say so on every run, not only with --verbose.
        foreach (var failure in result.AnalyzerFailures)
        {
            error.WriteLine($"alignment-policy scan: analyzer failure in {failure}");
        }

        foreach (var finding in result.Findings.Where(f => verbose || f.IsWarningOrError))
        {
            output.WriteLine(finding.ToString());
        }

        if (sarifPath is not null)
        {
            var fullSarif = Path.GetFullPath(sarifPath);
            Directory.CreateDirectory(Path.GetDirectoryName(fullSarif)!);
            await using var stream = File.Create(fullSarif);
            SarifWriter.Write(stream, result, ScanAnalyzerHost.Rules);
        }

        var warnings = result.Findings.Count(f => f.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Warning);
        var errors = result.Findings.Count(f => f.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error) + reporter.Errors;
        var notes = result.Findings.Count - warnings - (errors - reporter.Errors);
        output.WriteLine($"Scanned {Plural(result.Projects.Count, "project")} ({Plural(result.Projects.Sum(p => p.Sources.Count), "file")}): {Plural(errors, "error")}, {Plural(warnings, "warning")}, {Plural(notes, "informational finding")}.");
        return errors + warnings == 0 ? CliApplication.Success : CliApplication.Failed;
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
