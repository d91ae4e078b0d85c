using System.CommandLine;
using System.CommandLine.Parsing;
using AlignmentPolicy.Cli.Commands;
using AlignmentPolicy.Cli.Policy;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Policy.Inheritance;

namespace AlignmentPolicy.Cli;

/// <summary>The <c>alignment-policy</c> command line: one root command, a subcommand per verb.</summary>
public static class CliApplication
{
    /// <summary>Exit code: success.</summary>
    public const int Success = 0;

    /// <summary>Exit code: the check found errors.</summary>
    public const int Failed = 1;

    /// <summary>Exit code: wrong usage, or a condition that is neither pass nor fail (an unexpected failure, ALN0300, among them).</summary>
    public const int UsageError = 2;

    /// <summary>Parses and runs; writes to the given writers so tests can run it in process.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Checks that agent projects route model calls through policy gates, declare their datasets and pass misalignment evaluations.");
        root.Subcommands.Add(InitCommand.Create(output, error));
        root.Subcommands.Add(CheckCommand.Create(output, error));
        root.Subcommands.Add(ProvenanceCommand.Create(output, error));
        root.Subcommands.Add(VerifyCommand.Create(output, error));
        root.Subcommands.Add(EvalCommand.Create(output, error));
        root.Subcommands.Add(ScanCommand.Create(output, error));
        root.Subcommands.Add(ReportCommand.Create(output, error));
        root.Subcommands.Add(SarifCommand.Create(output, error));

        var parseResult = root.Parse(args);
        var verb = Verb(parseResult);
        try
        {
            // Every verb reads the effective policy: a base package is restored from the NuGet.config sources.
            using (WorkStep.Begin($"running '{verb}'"))
            using (PolicyBaseSources.Use(new NuGetFeedPolicySource()))
            {
                return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException && UnexpectedFailure.Capture(out var step))
        {
            // One coded line that says what was being done and to which file; never a stack trace.
            error.WriteLine(UnexpectedFailure.Describe(verb, ex, step, Directory.GetCurrentDirectory()).ToString());
            return UsageError;
        }
    }

    /// <summary>"alignment-policy provenance check": the command the user ran, whatever the executable is called.</summary>
    private static string Verb(ParseResult parseResult)
    {
        var names = new List<string>();
        for (SymbolResult? result = parseResult.CommandResult; result is CommandResult command; result = command.Parent)
        {
            names.Insert(0, command.Parent is null ? "alignment-policy" : command.Command.Name);
        }

        return string.Join(" ", names);
    }
}
