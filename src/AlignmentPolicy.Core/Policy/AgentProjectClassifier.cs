using System;
using System.IO;
using System.Linq;

namespace AlignmentPolicy.Core.Policy;

/// <summary>Decides whether a project is an agent project under a policy.</summary>
public static class AgentProjectClassifier
{
    /// <summary>
    /// An explicit <c>IsAgentProject</c> wins. Otherwise a project excluded by <c>agents.exclude</c> is not
    /// an agent project, one matched by <c>agents.include</c> is, and the rest are when
    /// <c>agents.autoDetect</c> is on and they reference a model SDK.
    /// </summary>
    public static bool IsAgentProject(AlignmentPolicyDocument policy, string projectPath, bool? explicitSetting, bool referencesModelSdk)
    {
        if (explicitSetting is { } setting)
        {
            return setting;
        }

        var relative = RelativeToPolicy(policy, projectPath);
        if (relative is not null)
        {
            if (policy.Agents.Exclude.Any(p => PathPattern.Create(p).IsMatch(relative)))
            {
                return false;
            }

            if (policy.Agents.Include.Any(p => PathPattern.Create(p).IsMatch(relative)))
            {
                return true;
            }
        }

        return policy.Agents.AutoDetect && referencesModelSdk;
    }

    private static string? RelativeToPolicy(AlignmentPolicyDocument policy, string projectPath)
    {
        if (policy.FilePath is null)
        {
            return null;
        }

        var root = Path.GetDirectoryName(policy.FilePath)!.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var full = Path.GetFullPath(projectPath);
        return full.StartsWith(root, StringComparison.OrdinalIgnoreCase) ? full.Substring(root.Length).Replace('\\', '/') : null;
    }
}
