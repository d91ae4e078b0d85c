using System.Reflection;

namespace AlignmentPolicy.Analyzers.Corpus.Tests;

internal static class RepoPaths
{
    public static string Root { get; } = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    /// <summary>The corpus is read from the source folder, so an edited file needs no rebuild.</summary>
    public static string Corpus => Path.Combine(Root, "tests", "AlignmentPolicy.Analyzers.Corpus.Tests", "Corpus");
}
