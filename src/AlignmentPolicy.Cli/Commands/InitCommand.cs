using System.CommandLine;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Core.Policy.Inheritance;

namespace AlignmentPolicy.Cli.Commands;

/// <summary>
/// <c>alignment-policy init [folder]</c>: writes a starter <c>alignment-policy.json</c> and its JSON Schema
/// (<c>.alignment-policy/alignment-policy.schema.json</c>) at the repository root; with <c>--extends</c>, a policy that
/// extends an organisation policy package; with <c>--org</c>, the project of such a package; with <c>--agent &lt;project&gt;</c>,
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
        var force = new Option<bool>("--force") { Description = "Overwrite an existing alignment-policy.json (or package project)." };
        var agent = new Option<string?>("--agent")
        {
            Description = "Instead of the policy: add the evaluation entry point ([AlignmentEvalEntryPoint]) to this agent project (.csproj), built from its own pipeline, as the ALN0008 code fix does.",
        };
        var extends = new Option<string?>("--extends") { Description = "Write a policy that extends an organisation policy package, nuget:<PackageId>@<Version>, instead of the starter policy." };
        var org = new Option<string?>("--org") { Description = "Create the project of an organisation policy package for this organisation (in the folder, default ./<PackageId>)." };
        var id = new Option<string?>("--id") { Description = "With --org: the package id (default <Org>.AlignmentPolicy)." };
        var version = new Option<string?>("--version") { Description = "With --org: the package version (default 1.0.0)." };
        var suite = new Option<bool>("--suite") { Description = "With --org: add an evaluation suite of the organisation's own (suite/suite.json, required by the policy)." };
        var gates = new Option<bool>("--gates") { Description = "With --org: add an assembly of the organisation's own gates (Gates/*.cs, packed as lib/, named in gates.additionalGateTypes)." };
        var command = new Command("init", "Create a starter alignment-policy.json and its JSON Schema at the repository root, a policy that extends an organisation policy (--extends), or an organisation policy package project (--org), or (--agent) an agent project's evaluation entry point.")
        {
            folder,
            force,
            extends,
            org,
            id,
            version,
            suite,
            gates,
            agent,
        };
        command.SetAction(parseResult =>
        {
            if (parseResult.GetValue(agent) is { } project)
            {
                return parseResult.GetValue(folder) is null && parseResult.GetValue(org) is null && parseResult.GetValue(extends) is null
                    ? AgentEntryPointInit.Run(project, output, error)
                    : Conflict(error);
            }

            if (parseResult.GetValue(org) is { } organisation)
            {
                var options = new OrganisationInitOptions(organisation, parseResult.GetValue(id), parseResult.GetValue(version), parseResult.GetValue(suite), parseResult.GetValue(gates));
                return OrganisationInit.Run(options, parseResult.GetValue(folder), parseResult.GetValue(force), output, error);
            }

            if (parseResult.GetValue(id) is not null || parseResult.GetValue(version) is not null || parseResult.GetValue(suite) || parseResult.GetValue(gates))
            {
                error.WriteLine("alignment-policy init: --id, --version, --suite and --gates describe an organisation policy package; use them with --org.");
                return CliApplication.UsageError;
            }

            return Run(parseResult.GetValue(folder), parseResult.GetValue(force), output, error, parseResult.GetValue(extends));
        });
        return command;
    }

    internal static int Run(string? folder, bool force, TextWriter output, TextWriter error, string? extends = null)
    {
        if (extends is not null && BaseReference.TryParse(extends, out var problem) is not { IsPackage: true })
        {
            error.WriteLine($"alignment-policy init: --extends \"{extends}\" is not an organisation policy package: {problem ?? "name it as nuget:<PackageId>@<Version>"}.");
            return CliApplication.UsageError;
        }

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

        var reference = extends is null ? null : BaseReference.TryParse(extends, out _);
        File.WriteAllText(policyPath, reference is null ? StarterPolicy.Text : ExtendingPolicy(reference));
        output.WriteLine($"Wrote {policyPath}");
        if (reference is not null)
        {
            output.WriteLine($"It extends {reference.DisplayName}: add only what tightens it. The build needs the package too, e.g. in Directory.Build.props:");
            output.WriteLine($"  <PackageReference Include=\"{reference.PackageId}\" Version=\"{reference.Version}\" PrivateAssets=\"all\" />");
        }

        output.WriteLine("Agent projects that reference AlignmentPolicy.Build now validate this policy on every build; check it any time with 'alignment-policy check'.");
        return CliApplication.Success;
    }

    /// <summary>A repository's policy that takes everything from the organisation's and tightens nothing yet.</summary>
    internal static string ExtendingPolicy(BaseReference reference) => $$"""
        {
          "$schema": "./{{SchemaRelativePath}}",
          "version": 1,
          "extends": "{{reference.Text}}"
        }

        """;

    private static int Conflict(TextWriter error)
    {
        error.WriteLine("alignment-policy init: give either a folder, --extends or --org (the policy) or --agent <project.csproj> (an entry point), not both.");
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
