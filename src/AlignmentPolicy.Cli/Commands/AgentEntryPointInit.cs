using System.Text;
using System.Text.Json;
using AlignmentPolicy.Cli.Scanning;
using AlignmentPolicy.CodeFixes.EvalEntryPoints;

namespace AlignmentPolicy.Cli.Commands;

/// <summary>
/// <c>alignment-policy init --agent &lt;project.csproj&gt;</c>: adds the project's evaluation entry point, the file the
/// ALN0008 code fix adds (the same generator), for teams that work from the command line or in CI. The project is
/// compiled from its sources as <c>scan</c> does, so it need not build yet.
/// </summary>
internal static class AgentEntryPointInit
{
    public static int Run(string projectArgument, TextWriter output, TextWriter error)
    {
        var projectFile = Path.GetFullPath(projectArgument);
        if (!projectFile.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase) || !File.Exists(projectFile))
        {
            error.WriteLine($"alignment-policy init --agent: '{projectArgument}' is not a C# project file (.csproj) that exists.");
            return CliApplication.UsageError;
        }

        var directory = Path.GetDirectoryName(projectFile)!;
        var project = ProjectDiscovery.Discover(directory).FirstOrDefault(p => string.Equals(p.ProjectFile, projectFile, StringComparison.Ordinal));
        if (project is null || project.Sources.Count == 0)
        {
            error.WriteLine($"{projectFile}: the project has no C# sources to build an entry point from.");
            return CliApplication.Failed;
        }

        if (!ReferencesGates(project))
        {
            error.WriteLine($"{projectFile}: the project does not reference AlignmentPolicy.Gates, which declares [AlignmentEvalEntryPoint] and EvalEnvironment. "
                + $"Add it first (dotnet add \"{projectFile}\" package AlignmentPolicy.Gates, or the package of your stack: "
                + "AlignmentPolicy.Gates.AgentFramework, AlignmentPolicy.Gates.SemanticKernel), then run this again.");
            return CliApplication.Failed;
        }

        var compilation = ScanCompilationFactory.Create(project);
        var inventory = EvalEntryPointGenerator.Inspect(compilation);
        if (inventory.Usable.Count > 0)
        {
            output.WriteLine($"{projectFile} already has an evaluation entry point: {string.Join(", ", inventory.Usable)}. Nothing to do.");
            return CliApplication.Success;
        }

        if (inventory.Unusable.Count > 0)
        {
            error.WriteLine($"{projectFile}: the evaluation harness cannot call the marked method(s) {string.Join("; ", inventory.Unusable)}. "
                + "Make it 'static IChatClient (or AIAgent) Name(IChatClient model, EvalEnvironment environment)' rather than adding a second entry point.");
            return CliApplication.Failed;
        }

        var generated = EvalEntryPointGenerator.Generate(compilation, name => File.Exists(Path.Combine(directory, name)));
        if (generated.Error is not null)
        {
            error.WriteLine($"{projectFile}: no entry point was written: {generated.Error}.");
            return CliApplication.Failed;
        }

        var path = Path.Combine(directory, generated.FileName);
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            writer.Write(generated.Text);
        }

        output.WriteLine(generated.IsTemplate
            ? $"Wrote {path}: a template (no pipeline or agent could be copied); give it the agent's prompt and gates where its TODO comments say."
            : $"Wrote {path}, built from the pipeline in {generated.CopiedFrom}: the agent's prompt, gates and tool invocation, with the scenario's recorded tools.");
        output.WriteLine($"Read its notes, build, then 'alignment-policy eval \"{projectFile}\"' runs the policy's evaluations through it (or 'dotnet pack -p:AlignmentPolicyRunEvalsOnPack=true').");
        return CliApplication.Success;
    }

    /// <summary>
    /// Whether the project can see AlignmentPolicy.Gates: from NuGet's restore output when there is one (transitive references
    /// count), else from its package and project references.
    /// </summary>
    private static bool ReferencesGates(ScanProject project)
    {
        var assets = Path.Combine(project.Directory, "obj", "project.assets.json");
        if (File.Exists(assets))
        {
            try
            {
                using var stream = File.OpenRead(assets);
                using var document = JsonDocument.Parse(stream);
                if (document.RootElement.TryGetProperty("libraries", out var libraries) && libraries.ValueKind == JsonValueKind.Object)
                {
                    return libraries.EnumerateObject().Any(l => l.Name.StartsWith("AlignmentPolicy.Gates/", StringComparison.OrdinalIgnoreCase));
                }
            }
            catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
            {
                // An unreadable restore output: judge by the project file.
            }
        }

        var projectText = File.ReadAllText(project.ProjectFile!);
        return project.PackageReferences.Any(id => GatesPackages.Contains(id, StringComparer.OrdinalIgnoreCase))
            || GatesPackages.Any(id => projectText.Contains(id + ".csproj", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The runtime packages; the Agent Framework and Semantic Kernel ones bring AlignmentPolicy.Gates with them.</summary>
    private static readonly string[] GatesPackages = ["AlignmentPolicy.Gates", "AlignmentPolicy.Gates.AgentFramework", "AlignmentPolicy.Gates.SemanticKernel"];
}
