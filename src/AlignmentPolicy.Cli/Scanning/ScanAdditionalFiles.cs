using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace AlignmentPolicy.Cli.Scanning;

/// <summary>
/// The additional files a scanned project's build would hand the analyzers: its OpenAPI documents (JSON or YAML files below
/// the project folder, bin/ and obj/ excepted, that say <c>openapi</c> or <c>swagger</c> near their start). AlignmentPolicy.Build
/// passes the project's JSON and YAML items; ALN0002 reads a Semantic Kernel OpenAPI plugin's operations from its spec.
/// </summary>
internal static class ScanAdditionalFiles
{
    private const long MaxBytes = 4_000_000;

    public static ImmutableArray<AdditionalText> For(ScanProject project)
    {
        if (project.Kind != ScanProjectKind.Project || !Directory.Exists(project.Directory))
        {
            return [];
        }

        var files = ImmutableArray.CreateBuilder<AdditionalText>();
        var pending = new Stack<string>();
        pending.Push(project.Directory);
        while (pending.Count > 0)
        {
            var folder = pending.Pop();
            foreach (var sub in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(sub);
                if (!name.Equals("bin", StringComparison.OrdinalIgnoreCase) && !name.Equals("obj", StringComparison.OrdinalIgnoreCase) && !name.StartsWith('.'))
                {
                    pending.Push(sub);
                }
            }

            foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                var extension = Path.GetExtension(file);
                if ((extension.Equals(".json", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase) || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase))
                    && new FileInfo(file).Length <= MaxBytes && IsOpenApiDocument(file))
                {
                    files.Add(new FileText(file));
                }
            }
        }

        return files.ToImmutable();
    }

    private static bool IsOpenApiDocument(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        var buffer = new char[2048];
        var read = reader.ReadBlock(buffer, 0, buffer.Length);
        var start = new string(buffer, 0, read);
        return start.Contains("openapi", StringComparison.OrdinalIgnoreCase) || start.Contains("swagger", StringComparison.OrdinalIgnoreCase);
    }

    private sealed class FileText(string path) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default)
            => SourceText.From(File.ReadAllText(Path, Encoding.UTF8), Encoding.UTF8);
    }
}
