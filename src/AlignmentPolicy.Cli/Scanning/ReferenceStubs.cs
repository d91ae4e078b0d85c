using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace AlignmentPolicy.Cli.Scanning;

/// <summary>
/// Reference assemblies for SDK packages the scan needs but the tool cannot ship (not served by the package
/// feed it is built from): each embedded <c>ReferenceStubs/&lt;Assembly.Name&gt;.cs</c> declares the public
/// surface agent code calls, and is compiled here, metadata only, into an assembly of that name. Without
/// them an agent built with <c>chatClient.AsAIAgent(...)</c> is an error type and none of its calls, tools
/// or pipelines is recognised. Compiled once per process (a few hundred milliseconds), before any scan.
/// </summary>
internal static class ReferenceStubs
{
    private const string ResourcePrefix = "AlignmentPolicy.Cli.ReferenceStubs.";

    public static IEnumerable<MetadataReference> Compile(ImmutableArray<MetadataReference> references)
    {
        var assembly = typeof(ReferenceStubs).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = resource[ResourcePrefix.Length..^".cs".Length];
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!, Encoding.UTF8);
            var tree = CSharpSyntaxTree.ParseText(reader.ReadToEnd(), new CSharpParseOptions(LanguageVersion.Latest), path: resource);
            var compilation = CSharpCompilation.Create(name, [tree], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var image = new MemoryStream();
            var result = compilation.Emit(image, options: new EmitOptions(metadataOnly: true));
            if (!result.Success)
            {
                // A stub that no longer compiles against the shipped SDKs (an SDK update renamed a type) is a bug
                // in this tool, caught by its tests; a scan goes on without it rather than failing.
                continue;
            }

            yield return MetadataReference.CreateFromImage(image.ToArray(), filePath: name + ".dll");
        }
    }
}
