using System.Reflection;

namespace AlignmentPolicy.Cli.Tests;

/// <summary>The official schemas under <c>../shared/schemas</c> beside the repository (test data, not shipped).</summary>
internal static class SharedSchemas
{
    public static string RepoRoot { get; } = typeof(SharedSchemas).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepoRoot").Value!;

    public static string Directory => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "schemas"));

    public static bool Available => System.IO.Directory.Exists(Directory);
}

/// <summary>A fact that is skipped, with the reason, when the official schema files are not beside the repository.</summary>
public sealed class SchemaFactAttribute : FactAttribute
{
    public SchemaFactAttribute()
    {
        if (!SharedSchemas.Available)
        {
            Skip = $"The official schemas are not at '{SharedSchemas.Directory}' (they sit beside the repository as shared/schemas).";
        }
    }
}
