using System.CommandLine;
using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Cli.Commands;

/// <summary>
/// <c>alignment-policy init [folder]</c>: writes a starter <c>alignment-policy.json</c> and its JSON Schema
/// (<c>.alignment-policy/alignment-policy.schema.json</c>) at the repository root.
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
        var command = new Command("init", "Create a starter alignment-policy.json and its JSON Schema at the repository root.")
        {
            folder,
            force,
        };
        command.SetAction(parseResult => Run(parseResult.GetValue(folder), parseResult.GetValue(force), output, error));
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
