using System.IO;
using System.Linq;
using AlignmentPolicy.Core.Diagnostics;
using AlignmentPolicy.Core.Policy;
using AlignmentPolicy.Core.Policy.Inheritance;
using Microsoft.Build.Framework;

namespace AlignmentPolicy.Tasks;

/// <summary>
/// Finds and validates the project's alignment policy, decides whether the project is an agent project,
/// and writes the policy as a global analyzer config (only when its content changes).
/// </summary>
public sealed class ResolveAlignmentPolicy : AlignmentPolicyTask
{
    /// <summary>The project folder, where the upward search for alignment-policy.json starts.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = "";

    /// <summary>The policy file named by <c>AlignmentPolicyFile</c>; empty to search.</summary>
    public string? ExplicitPolicyFile { get; set; }

    /// <summary><c>AlignmentPolicyRequired</c>: no policy is an error.</summary>
    public bool PolicyRequired { get; set; }

    /// <summary><c>IsAgentProject</c> as set by the user: "true", "false", or empty to detect.</summary>
    public string? IsAgentProject { get; set; }

    /// <summary>The project references a model SDK assembly (computed by the targets from ReferencePath).</summary>
    public bool ReferencesModelSdk { get; set; }

    /// <summary>Where to write the analyzer config (<c>$(IntermediateOutputPath)alignment-policy.globalconfig</c>).</summary>
    [Required]
    public string GlobalConfigFile { get; set; } = "";

    /// <summary>Where to list the files the policy was read from (the policy and every base), for the target's Inputs.</summary>
    public string? InputsListFile { get; set; }

    /// <summary>True when the project is an agent project under the policy.</summary>
    [Output]
    public bool AgentProject { get; private set; }

    /// <summary>The policy file in force, or empty when the defaults apply.</summary>
    [Output]
    public string? ResolvedPolicyFile { get; private set; }

    /// <inheritdoc />
    protected override void ExecuteCore()
    {
        bool? explicitSetting = bool.TryParse(IsAgentProject, out var setting) ? setting : null;
        var candidate = explicitSetting ?? ReferencesModelSdk;

        // Diagnostics are held until we know this is an agent project: a project that is none (no model
        // SDK, not claimed by the policy's include patterns) is left alone, even by a broken policy.
        var buffer = new BufferingReporter();
        var resolution = PolicyResolver.Resolve(new PolicyResolveRequest
        {
            StartDirectory = ProjectDirectory,
            ExplicitPolicyFile = ExplicitPolicyFile,
            Required = PolicyRequired && candidate,
            ReportingFile = ProjectFullPath,
        }, buffer);
        RestoredPackageCheck.Check(resolution, PolicyBaseItems.Read(PolicyBases), ProjectFullPath ?? ProjectDirectory, buffer);
        WriteInputsList(resolution);

        ResolvedPolicyFile = resolution.PolicyPath ?? "";
        AgentProject = resolution.Policy is null
            ? candidate
            : AgentProjectClassifier.IsAgentProject(resolution.Policy, ProjectFullPath ?? ProjectDirectory, explicitSetting, ReferencesModelSdk);
        if (AgentProject)
        {
            buffer.ReplayTo(Reporter);
        }

        if (resolution.Policy is null || !AgentProject)
        {
            DeleteStale();
            return;
        }

        var content = PolicyGlobalConfig.Render(resolution.Policy, isAgentProject: true);
        var written = GeneratedFile.WriteIfChanged(GlobalConfigFile, content);
        Reporter.Detail(written ? $"Wrote '{GlobalConfigFile}'." : $"'{GlobalConfigFile}' is up to date.");
    }

    /// <summary>A base named by a path is not an item MSBuild knows: its change must still re-run the check.</summary>
    private void WriteInputsList(PolicyResolution resolution)
    {
        if (string.IsNullOrEmpty(InputsListFile))
        {
            return;
        }

        var files = resolution.Policy?.Bases.Select(b => b.FullPath) ?? Enumerable.Empty<string>();
        GeneratedFile.WriteIfChanged(InputsListFile!, string.Concat(files.Select(f => f + "\n")));
    }

    private void DeleteStale()
    {
        if (File.Exists(GlobalConfigFile))
        {
            File.Delete(GlobalConfigFile);
        }
    }
}
