using Microsoft.CodeAnalysis;

namespace AlignmentPolicy.Cli.Scanning;

/// <summary>
/// The ASP.NET Core reference assemblies of the .NET installation the tool runs on. Web apps register their
/// model clients on <c>WebApplication.CreateBuilder(args).Services</c>: without Microsoft.AspNetCore.App that
/// builder is an error type, so <c>builder.Services.AddChatClient(...)</c> does not bind and every client
/// injected from it is "not followed". Basic.Reference.Assemblies ships only Microsoft.NETCore.App, and no
/// package of ASP.NET Core's reference assemblies is available to ship, so the scan takes the installed
/// targeting pack (<c>packs/Microsoft.AspNetCore.App.Ref</c>, any SDK has it), else the shared runtime.
/// </summary>
internal static class AspNetCore
{
    /// <param name="shipped">References already taken from beside the tool: an assembly of the same name is not added twice.</param>
    public static IEnumerable<MetadataReference> References(IReadOnlyList<MetadataReference> shipped)
    {
        if (Folder() is not { } folder)
        {
            return [];
        }

        var taken = shipped.Select(r => Path.GetFileName(r.Display ?? "")).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return Directory.EnumerateFiles(folder, "*.dll")
            .Where(path => !taken.Contains(Path.GetFileName(path)))
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
    }

    /// <summary>The newest net10.0 ASP.NET Core reference folder of this installation, or null.</summary>
    private static string? Folder()
    {
        // <root>/shared/Microsoft.NETCore.App/<version>/System.Private.CoreLib.dll
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location);
        var root = runtime is null ? null : Path.GetFullPath(Path.Combine(runtime, "..", "..", ".."));
        if (root is null)
        {
            return null;
        }

        var candidates = new[]
        {
            (Path.Combine(root, "packs", "Microsoft.AspNetCore.App.Ref"), Path.Combine("ref", "net10.0")),
            (Path.Combine(root, "shared", "Microsoft.AspNetCore.App"), ""),
        };
        foreach (var (parent, below) in candidates)
        {
            if (!Directory.Exists(parent))
            {
                continue;
            }

            var newest = Directory.EnumerateDirectories(parent)
                .Where(d => Path.GetFileName(d).StartsWith("10.", StringComparison.Ordinal))
                .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version(0, 0))
                .Select(d => Path.Combine(d, below))
                .FirstOrDefault(Directory.Exists);
            if (newest is not null)
            {
                return newest;
            }
        }

        return null;
    }
}
