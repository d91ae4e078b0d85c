using System.CommandLine;
using AlignmentPolicy.Cli.Commands;

namespace AlignmentPolicy.Cli;

/// <summary>The <c>alignment-policy</c> command line: one root command, a subcommand per verb.</summary>
public static class CliApplication
{
    /// <summary>Exit code: success.</summary>
    public const int Success = 0;

    /// <summary>Exit code: the check found errors.</summary>
    public const int Failed = 1;

    /// <summary>Exit code: wrong usage, or a condition that is neither pass nor fail.</summary>
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
        return parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
