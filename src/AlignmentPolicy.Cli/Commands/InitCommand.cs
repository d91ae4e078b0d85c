using System.CommandLine;
using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Cli.Commands;

/// <summary>
/// <c>alignment-policy init [folder]</c>: writes a starter <c>alignment-policy.json</c> and its JSON Schema
/// (<c>.alignment-policy/alignment-policy.schema.json</c>) at the repository root. With <c>--agent &lt;project&gt;</c>, adds
/// the project's evaluation entry point instead (<see cref="AgentEntryPointInit"/>).
/// </summary>
internal static class InitCommand
{
    public const string SchemaRelativePath = ".alignment-policy/alignment-policy.schema.json";

    public static Command Create(TextWriter output, TextWriter error)
    {
        var folder = new Argument<string?>("folder")
        {
            Description = "Where to write the policy (default: the root of the Git repository around the current folder, or the current folder).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var force = new Option<bool>("--force") { Description = "Overwrite an existing alignment-policy.json." };
        var agent = new Option<string?>("--agent")
        {
            Description = "Instead of the policy: add the evaluation entry point ([AlignmentEvalEntryPoint]) to this agent project (.csproj), built from its own pipeline, as the ALN0008 code fix does.",
        };
        var command = new Command("init", "Create a starter alignment-policy.json and its JSON Schema at the repository root, or (--agent) an agent project's evaluation entry point.")
        {
            folder,
            force,
            agent,
        };
        command.SetAction(parseResult => parseResult.GetValue(agent) is { } project
            ? parseResult.GetValue(folder) is null ? AgentEntryPointInit.Run(project, output, error) : Conflict(error)
            : Run(parseResult.GetValue(folder), parseResult.GetValue(force), output, error));
        return command;
    }

    internal static int Run(string? folder, bool force, TextWriter output, TextWriter error)
    {
        var root = folder is null ? FindRepositoryRoot(Directory.GetCurrentDirectory()) : Path.GetFullPath(folder);
        if (!Directory.Exists(root))
        {
            error.WriteLine($"alignment-policy init: the folder '{root}' does not exist.");
            return CliApplication.UsageError;
        }

        var schemaPath = Path.Combine(root, SchemaRelativePath.Replace('/', Path.DirectorySeparatorChar));
        var schemaWritten = GeneratedFile.WriteIfChanged(schemaPath, PolicySchema.Text);
        output.WriteLine(schemaWritten ? $"Wrote {schemaPath}" : $"{schemaPath} is up to date");

        var policyPath = Path.Combine(root, AlignmentPolicyDocument.FileName);
        if (File.Exists(policyPath) && !force)
        {
            error.WriteLine($"{policyPath} already exists; use --force to replace it. (The schema was refreshed.)");
            return CliApplication.Failed;
        }

        File.WriteAllText(policyPath, StarterPolicy.Text);
        output.WriteLine($"Wrote {policyPath}");
        output.WriteLine("Agent projects that reference AlignmentPolicy.Build now validate this policy on every build; check it any time with 'alignment-policy check'.");
        return CliApplication.Success;
    }

    private static int Conflict(TextWriter error)
    {
        error.WriteLine("alignment-policy init: give either a folder (the policy) or --agent <project.csproj> (an entry point), not both.");
        return CliApplication.UsageError;
    }

    internal static string FindRepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(Path.Combine(directory.FullName, ".git")) || File.Exists(Path.Combine(directory.FullName, ".git")))
            {
                return directory.FullName;
            }
        }

        return start;
    }
}
