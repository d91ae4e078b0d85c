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
        var pending = assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var compiled = new List<MetadataReference>();

        // A stub may build on another (Semantic Kernel's OpenAI agents derive from the Agents.Core stub's Agent): those that
        // do not compile yet are tried again once others have, until a round adds nothing.
        var progress = true;
        while (pending.Count > 0 && progress)
        {
            progress = false;
            foreach (var resource in pending.ToList())
            {
                if (TryCompile(assembly, resource, references.AddRange(compiled)) is { } stub)
                {
                    compiled.Add(stub);
                    pending.Remove(resource);
                    progress = true;
                }
            }
        }

        // A stub that never compiles against the shipped SDKs (an SDK update renamed a type) is a bug in this tool, caught
        // by its tests; a scan goes on without it rather than failing.
        return compiled;
    }

    private static MetadataReference? TryCompile(Assembly assembly, string resource, ImmutableArray<MetadataReference> references)
    {
        var name = resource[ResourcePrefix.Length..^".cs".Length];
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!, Encoding.UTF8);
        var tree = CSharpSyntaxTree.ParseText(reader.ReadToEnd(), new CSharpParseOptions(LanguageVersion.Latest), path: resource);
        var compilation = CSharpCompilation.Create(name, [tree], references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image, options: new EmitOptions(metadataOnly: true));
        return result.Success ? MetadataReference.CreateFromImage(image.ToArray(), filePath: name + ".dll") : null;
    }
}
