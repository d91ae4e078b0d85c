using System.Reflection;

namespace AlignmentPolicy.Core.Tests;

internal static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    public static string SharedSchemas => Path.GetFullPath(Path.Combine(Root, "..", "shared", "schemas"));
}
