using AlignmentPolicy.Cli.Scanning;
using AlignmentPolicy.Core.Policy;

namespace AlignmentPolicy.Cli.Reporting;

/// <summary>
/// Says why a project is (or is not) an agent project. The decision itself is <see cref="AgentProjectClassifier"/>'s,
/// with the scanner's model SDK lists, so the report never disagrees with the scan or the build.
/// </summary>
internal static class AgentReason
{
    public static AgentStatus Explain(ScanProject project, AlignmentPolicyDocument policy)
    {
        var sdk = ModelSdkEvidence(project);
        var projectPath = project.ProjectFile ?? project.Sources[0];
        var isAgent = AgentProjectClassifier.IsAgentProject(policy, projectPath, project.IsAgentProjectSetting, sdk is not null);
        if (project.IsAgentProjectSetting is { } setting)
        {
            return new AgentStatus(isAgent, $"IsAgentProject={(setting ? "true" : "false")} in the project file (or a Directory.Build.props above it)");
        }

        var relative = RelativeToPolicy(policy, projectPath);
        if (relative is not null)
        {
            if (policy.Agents.Exclude.FirstOrDefault(p => PathPattern.Create(p).IsMatch(relative)) is { } excluded)
            {
                return new AgentStatus(isAgent, $"excluded by the policy's agents.exclude pattern '{excluded}'");
            }

            if (policy.Agents.Include.FirstOrDefault(p => PathPattern.Create(p).IsMatch(relative)) is { } included)
            {
                return new AgentStatus(isAgent, $"included by the policy's agents.include pattern '{included}'");
            }
        }

        if (sdk is null)
        {
            return new AgentStatus(isAgent, "references no model SDK");
        }

        return new AgentStatus(isAgent, policy.Agents.AutoDetect ? sdk : sdk + ", but the policy turns agents.autoDetect off");
    }

    /// <summary>The first model SDK the project references (a package), or uses (a namespace, when its references live elsewhere).</summary>
    private static string? ModelSdkEvidence(ScanProject project)
    {
        foreach (var id in project.PackageReferences)
        {
            if (Scanner.ModelSdkPackages.FirstOrDefault(prefix => id.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) is not null)
            {
                return $"references the model SDK package {id}";
            }
        }

        foreach (var file in project.Sources)
        {
            var line = File.ReadLines(file).Take(80).Select(l => l.TrimStart()).FirstOrDefault(l => Scanner.ModelSdkNamespaces.Any(ns => l.StartsWith(ns, StringComparison.Ordinal)));
            if (line is not null)
            {
                return $"uses a model SDK ('{line.TrimEnd(';')}' in {Path.GetFileName(file)})";
            }
        }

        return null;
    }

    private static string? RelativeToPolicy(AlignmentPolicyDocument policy, string projectPath)
    {
        if (policy.FilePath is null)
        {
            return null;
        }

        var root = Path.GetDirectoryName(policy.FilePath)!.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(projectPath);
        return full.StartsWith(root, StringComparison.OrdinalIgnoreCase) ? full[root.Length..].Replace('\\', '/') : null;
    }
}
