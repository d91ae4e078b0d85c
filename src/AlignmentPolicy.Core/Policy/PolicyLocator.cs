using System.IO;

namespace AlignmentPolicy.Core.Policy;

/// <summary>
/// Finds the policy for a project the way MSBuild finds Directory.Build.props: the nearest
/// <c>alignment-policy.json</c> in the project's folder or any folder above it.
/// </summary>
public static class PolicyLocator
{
    /// <summary>The full path of the nearest policy file at or above <paramref name="startDirectory"/>, or null.</summary>
    public static string? FindNearest(string startDirectory)
    {
        var directory = new DirectoryInfo(Path.GetFullPath(startDirectory));
        while (directory is not null)
        {
            var candidate = Path.Combine(directory.FullName, AlignmentPolicyDocument.FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }

            directory = directory.Parent;
        }

        return null;
    }
}
