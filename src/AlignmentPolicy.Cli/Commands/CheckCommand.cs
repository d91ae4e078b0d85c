using System.CommandLine;
using AlignmentPolicy.Cli.Policy;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Cli.Commands;

/// <summary>
/// <c>alignment-policy check [path] [--json]</c>: validates the policy with the same code and codes as the build, and shows
/// the effective policy (the organisation policy it extends, tightened by the repository's) with where each value came from.
/// </summary>
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
        var json = new Option<bool>("--json") { Description = "Print the diagnostics and the effective policy, each value with its origin, as JSON." };
        var command = new Command("check", "Validate the alignment policy and show the effective policy with where each value came from; prints file(line,col): error ALNxxxx: message and exits 1 on errors.")
        {
            path,
            verbose,
            json,
        };
        command.SetAction(parseResult => Run(parseResult.GetValue(path), parseResult.GetValue(verbose), output, error, parseResult.GetValue(json)));
        return command;
    }

    internal static int Run(string? path, bool verbose, TextWriter output, TextWriter error, bool json = false)
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

        var buffer = new BufferingReporter();
        var resolution = PolicyResolver.Resolve(request, buffer);
        var errors = buffer.Diagnostics.Count(d => d.Severity == BuildSeverity.Error);
        if (json)
        {
            output.WriteLine(EffectivePolicyJson.Write(target, resolution, buffer.Diagnostics));
            return errors == 0 ? CliApplication.Success : CliApplication.Failed;
        }

        var reporter = new ConsoleDiagnosticReporter(output, verbose);
        buffer.ReplayTo(reporter);
        if (errors == 0 && resolution.Policy is { FilePath: not null } policy)
        {
            EffectivePolicyText.Write(policy, output);
        }

        var name = resolution.PolicyPath ?? target;
        output.WriteLine(reporter.Errors == 0
            ? $"{name}: valid ({Plural(reporter.Warnings, "warning")})."
            : $"{name}: {Plural(reporter.Errors, "error")}, {Plural(reporter.Warnings, "warning")}.");
        return reporter.Errors == 0 ? CliApplication.Success : CliApplication.Failed;
    }

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
