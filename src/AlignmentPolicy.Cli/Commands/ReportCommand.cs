using System.CommandLine;
using AlignmentPolicy.Cli.Reporting;

namespace AlignmentPolicy.Cli.Commands;

/// <summary>
/// <c>alignment-policy report &lt;solution|folder&gt; [--html out.html] [--json out.json] [--sarif out.sarif]</c>: every project,
/// whether it is an agent project and why, its model calls and tools with their gate status, its provenance manifest,
/// its evaluation results against the current build, and what to do next.
/// Exit codes: 0 every agent project is ready (gated, documented, evaluated on this build), 1 one is not, 2 wrong usage.
/// </summary>
internal static class ReportCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var target = new Argument<string>("solution")
        {
            Description = "A solution (.sln, .slnx) or a folder (default: the current folder).",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => ".",
        };
        var html = new Option<string?>("--html") { Description = "Write the report as a self-contained HTML page." };
        var json = new Option<string?>("--json") { Description = "Write the report as JSON (format 1)." };
        var sarif = new Option<string?>("--sarif") { Description = "Write the analyzer findings and the build diagnostics met (ALN01xx-ALN03xx) as SARIF 2.1.0." };
        var configuration = new Option<string>("--configuration", "-c") { Description = "The build configuration whose output the evaluation results are checked against.", DefaultValueFactory = _ => "Debug" };
        var docs = new Option<string?>("--docs") { Description = "Link rule ids and guides to this local docs/ folder (relative links) instead of the published pages." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print what is scanned and read." };
        var command = new Command("report", "Report every project of a solution: agent or not and why, gate status of its model calls and tools, provenance, evaluation results and their freshness, next steps. Exits 1 when an agent project is not ready.")
        {
            target, html, json, sarif, configuration, docs, verbose,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new Options(parse.GetValue(target)!, parse.GetValue(html), parse.GetValue(json), parse.GetValue(sarif), parse.GetValue(configuration)!, parse.GetValue(docs), parse.GetValue(verbose)),
            output, error, cancellationToken));
        return command;
    }

    internal sealed record Options(string Target, string? Html, string? Json, string? Sarif, string Configuration, string? Docs, bool Verbose);

    internal static async Task<int> RunAsync(Options options, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (SolutionTarget.Resolve(options.Target, out var problem) is not { } target)
        {
            error.WriteLine($"alignment-policy report: {problem}");
            return CliApplication.UsageError;
        }

        if (options.Docs is { } docsFolder && !Directory.Exists(Path.Combine(docsFolder, "rules")))
        {
            error.WriteLine($"alignment-policy report: --docs '{Path.GetFullPath(docsFolder)}' has no rules/ folder; name the repository's docs/ folder.");
            return CliApplication.UsageError;
        }

        var report = await SolutionReportBuilder.BuildAsync(target, options.Configuration, options.Verbose ? output.WriteLine : _ => { }, cancellationToken).ConfigureAwait(false);
        foreach (var failure in report.AnalyzerFailures)
        {
            error.WriteLine($"alignment-policy report: analyzer failure in {failure}");
        }

        ReportConsoleWriter.Write(report, output);
        var docs = options.Docs is { } folder ? DocsLocation.Local(folder) : DocsLocation.Published;
        await WriteAsync(options.Html, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(ReportHtmlWriter.Render(report, options.Html!, docs))), output, "HTML").ConfigureAwait(false);
        await WriteAsync(options.Json, stream => ReportJsonWriter.Write(stream, report), output, "JSON").ConfigureAwait(false);
        await WriteAsync(options.Sarif, stream => ReportSarifWriter.Write(stream, report), output, "SARIF").ConfigureAwait(false);
        return report.Agents.All(p => p.Light == TrafficLight.Green) ? CliApplication.Success : CliApplication.Failed;
    }

    private static async Task WriteAsync(string? path, Action<Stream> write, TextWriter output, string what)
    {
        if (path is null)
        {
            return;
        }

        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        await using (var stream = File.Create(full))
        {
            write(stream);
        }

        output.WriteLine($"{what}: {Path.GetRelativePath(Directory.GetCurrentDirectory(), full)}");
    }
}
