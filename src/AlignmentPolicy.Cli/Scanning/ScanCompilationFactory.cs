using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AlignmentPolicy.Cli.Scanning;

/// <summary>
/// Builds one compilation per scanned project from its sources alone: framework reference assemblies
/// (Basic.Reference.Assemblies) plus the model SDK assemblies shipped beside the tool, plus reference stubs
/// of SDK packages the tool cannot ship (<see cref="ReferenceStubs"/>). Types from other packages stay
/// unresolved; the analyzers run anyway.
/// </summary>
internal static partial class ScanCompilationFactory
{
    /// <summary>The SDK assemblies the tool ships (its own dependencies), by file name prefix.</summary>
    private static readonly string[] SdkPrefixes =
    [
        "Microsoft.Extensions.AI", "Microsoft.Agents.AI", "Microsoft.SemanticKernel", "OpenAI", "ModelContextProtocol",
        "Microsoft.Extensions.VectorData", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Logging.Abstractions",
        "Microsoft.Extensions.Options", "Microsoft.Extensions.Primitives", "Microsoft.Extensions.Caching.Abstractions",
        "System.ClientModel", "System.Memory.Data", "AlignmentPolicy.Gates",
        // Azure OpenAI (AzureOpenAIClient derives from OpenAIClient: without it every Azure sample's client is an error type) and Ollama.
        "Azure.AI.OpenAI", "Azure.Core", "OllamaSharp",
    ];

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    [GeneratedRegex(@"^#[:!].*$", RegexOptions.Multiline)]
    private static partial Regex AppDirective();

    public static CSharpCompilation Create(ScanProject project)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = new List<SyntaxTree>(project.Sources.Count + 1);
        foreach (var file in project.Sources)
        {
            var text = File.ReadAllText(file);
            if (project.Kind == ScanProjectKind.FileBasedApp)
            {
                // '#:package' and '#!' lines are for the SDK; blank them (same length) so every compiler reads the rest.
                text = AppDirective().Replace(text, m => new string(' ', m.Length));
            }

            trees.Add(CSharpSyntaxTree.ParseText(text, parseOptions, path: file, encoding: Encoding.UTF8));
        }

        if (project.GlobalUsings.Count > 0)
        {
            // What the SDK generates into obj/ (which the scan skips), so files relying on it bind.
            trees.Add(CSharpSyntaxTree.ParseText(ProjectUsings.Source(project.GlobalUsings), parseOptions, path: Path.Combine(project.Directory, "obj", "GlobalUsings.g.cs"), encoding: Encoding.UTF8));
        }

        if (ProtobufClients.Source(project) is { } protobufClients)
        {
            // What Grpc.Tools generates into obj/ from the project's client .proto files (the scan skips obj/).
            trees.Add(CSharpSyntaxTree.ParseText(protobufClients, parseOptions, path: Path.Combine(project.Directory, "obj", "ProtobufClients.g.cs"), encoding: Encoding.UTF8));
        }

        var hasTopLevelStatements = trees.Any(t => t.GetCompilationUnitRoot().Members.Any(m => m is Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax));
        var options = new CSharpCompilationOptions(
            project.IsExecutable || hasTopLevelStatements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            allowUnsafe: true);
        var name = Path.GetFileNameWithoutExtension(project.ProjectFile ?? project.Sources[0]);
        return CSharpCompilation.Create(name, trees, References.Value.Where(r => !IsPackageOnlyStub(r) || ReferencesPackage(project, r)), options);
    }

    /// <summary>
    /// Reference stubs added only to a project that references their package: declarative HTTP clients (Refit, RestEase), whose verb
    /// attributes (<c>[Post]</c>, <c>[Delete]</c>) are spelled like other libraries' and count as HTTP writes only when they are theirs.
    /// </summary>
    private static readonly string[] PackageOnlyStubs = ["Refit", "RestEase"];

    private static bool IsPackageOnlyStub(MetadataReference reference)
        => PackageOnlyStubs.Any(stub => string.Equals(reference.Display, stub + ".dll", StringComparison.Ordinal));

    /// <summary>The package itself or one built on it (Refit.HttpClientFactory, Refit.Newtonsoft.Json).</summary>
    private static bool ReferencesPackage(ScanProject project, MetadataReference stub)
    {
        var package = Path.GetFileNameWithoutExtension(stub.Display!);
        return project.PackageReferences.Any(id => id.Equals(package, StringComparison.OrdinalIgnoreCase) || id.StartsWith(package + ".", StringComparison.OrdinalIgnoreCase));
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var sdk = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
            .Where(path => SdkPrefixes.Any(prefix => Path.GetFileName(path).StartsWith(prefix, StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
        var sdkList = sdk.ToList();
        ImmutableArray<MetadataReference> shipped = [.. Basic.Reference.Assemblies.Net100.References.All, .. sdkList, .. AspNetCore.References(sdkList)];
        return shipped.AddRange(ReferenceStubs.Compile(shipped));
    }
}
