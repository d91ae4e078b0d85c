using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace AlignmentPolicy.Analyzers.Tests.Verifiers;

/// <summary>
/// References for test compilations: the .NET 10 reference assemblies (offline) and the real SDK
/// assemblies the rules key on, taken from this test project's own output folder.
/// </summary>
internal static class TestReferences
{
    public static ReferenceAssemblies Empty { get; } = new("net10.0");

    public static IReadOnlyList<MetadataReference> All { get; } = Build();

    private static List<MetadataReference> Build()
    {
        // The SDKs and their dependencies (System.ClientModel, ...) as restored for this project; not the
        // test machinery, and not what the reference assemblies already provide.
        var references = new List<MetadataReference>(Net100.References.All);
        var framework = new HashSet<string>(Net100.ReferenceInfos.All.Select(r => Path.GetFileNameWithoutExtension(r.FileName)), StringComparer.OrdinalIgnoreCase);
        string[] excluded = ["Microsoft.CodeAnalysis", "xunit", "testhost", "Microsoft.TestPlatform", "Microsoft.VisualStudio", "Basic.Reference", "AlignmentPolicy.Analyzers", "AlignmentPolicy.CodeFixes", "Microsoft.Build", "NuGet.", "DiffPlex", "Humanizer"];
        foreach (var file in Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll"))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            if (framework.Contains(name) || excluded.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            references.Add(MetadataReference.CreateFromFile(file));
        }

        return references;
    }
}
