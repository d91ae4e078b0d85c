using System.CommandLine;
using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Cli.Commands;

/// <summary><c>alignment-policy check [path]</c>: validates the policy with the same code and codes as the build.</summary>
internal static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var path = new Argument<string?>("path")
        {
            Description = "A policy file, or a folder to search upward from for alignment-policy.json (default: the current folder).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print informational messages." };
        var command = new Command("check", "Validate the alignment policy; prints file(line,col): error ALNxxxx: message and exits 1 on errors.")
        {
            path,
            verbose,
        };
        command.SetAction(parseResult => Run(parseResult.GetValue(path), parseResult.GetValue(verbose), output, error));
        return command;
    }

    internal static int Run(string? path, bool verbose, TextWriter output, TextWriter error)
    {
        var target = string.IsNullOrWhiteSpace(path) ? Directory.GetCurrentDirectory() : Path.GetFullPath(path);
        var request = File.Exists(target)
            ? new PolicyResolveRequest { StartDirectory = Path.GetDirectoryName(target)!, ExplicitPolicyFile = target, Required = true }
            : Directory.Exists(target)
                ? new PolicyResolveRequest { StartDirectory = target, Required = true }
                : null;
        if (request is null)
        {
            error.WriteLine($"alignment-policy check: '{target}' is neither a file nor a folder.");
            return CliApplication.UsageError;
        }

        var reporter = new ConsoleDiagnosticReporter(output, verbose);
        var resolution = PolicyResolver.Resolve(request, reporter);
        var name = resolution.PolicyPath ?? target;
        output.WriteLine(reporter.Errors == 0
            ? $"{name}: valid ({Plural(reporter.Warnings, "warning")})."
            : $"{name}: {Plural(reporter.Errors, "error")}, {Plural(reporter.Warnings, "warning")}.");
        return reporter.Errors == 0 ? CliApplication.Success : CliApplication.Failed;
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
