using System.Text;
using System.Text.RegularExpressions;

namespace AlignmentPolicy.Cli.Scanning;

/// <summary>One global using of a project: <c>&lt;Using Include="X" /&gt;</c>, with <c>Static="true"</c> or <c>Alias="Y"</c>.</summary>
internal sealed record ProjectUsing(string Name, bool Static = false, string? Alias = null);

/// <summary>
/// The global usings a project's build writes to <c>obj/&lt;name&gt;.GlobalUsings.g.cs</c>, which the scan never
/// reads (it skips obj/): the SDK's implicit usings when <c>ImplicitUsings</c> is on, plus the <c>&lt;Using&gt;</c>
/// items of the project file and the Directory.Build.props above it, less <c>&lt;Using Remove&gt;</c>. Without
/// them a file that relies on them (Semantic Kernel's Concepts project imports System.Net.Http this way) binds
/// only in part, and the analyzers lose what it does.
/// </summary>
internal static partial class ProjectUsings
{
    /// <summary>Microsoft.NET.Sdk's implicit usings.</summary>
    private static readonly string[] PlainSdk =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    ];

    /// <summary>What Microsoft.NET.Sdk.Worker (and .Web) add.</summary>
    private static readonly string[] WorkerSdk =
    [
        "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection", "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging",
    ];

    /// <summary>What Microsoft.NET.Sdk.Web adds on top.</summary>
    private static readonly string[] WebSdk =
    [
        "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http", "Microsoft.AspNetCore.Routing", "System.Net.Http.Json",
    ];

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex XmlComment();

    /// <summary>A <c>Using</c> item element (not <c>UsingTask</c>: the name must end at whitespace).</summary>
    [GeneratedRegex(@"<Using\s(?<attributes>[^>]*?)/?>", RegexOptions.IgnoreCase)]
    private static partial Regex UsingItem();

    [GeneratedRegex(@"(?<name>[\w.]+)\s*=\s*""(?<value>[^""]*)""")]
    private static partial Regex XmlAttribute();

    /// <summary>
    /// The project's global usings in the order the SDK would write them: implicit ones first, then the items
    /// as they appear (inherited props before the project file); duplicates once; removals win.
    /// </summary>
    /// <param name="msbuildText">The Directory.Build.props files (outermost first) and the project file, concatenated.</param>
    /// <param name="implicitUsings">Whether the project sets <c>ImplicitUsings</c> to <c>enable</c>/<c>true</c>.</param>
    /// <param name="sdk">The project SDK, whose implicit usings differ.</param>
    public static IReadOnlyList<ProjectUsing> Of(string msbuildText, bool implicitUsings, ScanSdk sdk)
    {
        var usings = new List<ProjectUsing>();
        if (implicitUsings)
        {
            usings.AddRange(Implicit(sdk).Select(name => new ProjectUsing(name)));
        }

        var removed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match item in UsingItem().Matches(XmlComment().Replace(msbuildText, "")))
        {
            var attributes = XmlAttribute().Matches(item.Groups["attributes"].Value)
                .GroupBy(a => a.Groups["name"].Value, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Last().Groups["value"].Value.Trim(), StringComparer.OrdinalIgnoreCase);
            if (attributes.TryGetValue("Remove", out var remove))
            {
                removed.UnionWith(Names(remove));
                continue;
            }

            if (!attributes.TryGetValue("Include", out var include))
            {
                continue;
            }

            var isStatic = attributes.TryGetValue("Static", out var s) && s.Equals("true", StringComparison.OrdinalIgnoreCase);
            var alias = attributes.TryGetValue("Alias", out var a) && a.Length > 0 && !a.Contains("$(", StringComparison.Ordinal) ? a : null;
            usings.AddRange(Names(include).Select(name => new ProjectUsing(name, isStatic, alias)));
        }

        return usings.Where(u => !removed.Contains(u.Name)).Distinct().ToList();
    }

    /// <summary>The <c>GlobalUsings.g.cs</c> text for these usings, as the SDK writes it.</summary>
    public static string Source(IEnumerable<ProjectUsing> usings)
    {
        var text = new StringBuilder();
        foreach (var u in usings)
        {
            text.Append("global using ")
                .Append(u.Static ? "static " : "")
                .Append(u.Alias is null ? "" : u.Alias + " = ")
                .Append("global::").Append(u.Name).AppendLine(";");
        }

        return text.ToString();
    }

    private static IEnumerable<string> Implicit(ScanSdk sdk) => sdk switch
    {
        ScanSdk.Web => [.. PlainSdk, .. WorkerSdk, .. WebSdk],
        ScanSdk.Worker => [.. PlainSdk, .. WorkerSdk],
        _ => PlainSdk,
    };

    /// <summary>The names of an Include/Remove list; MSBuild properties and item transforms are not evaluated, so they are dropped.</summary>
    private static IEnumerable<string> Names(string list)
        => list.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(name => !name.Contains("$(", StringComparison.Ordinal) && !name.Contains("@(", StringComparison.Ordinal) && !name.Contains('%', StringComparison.Ordinal));
}
