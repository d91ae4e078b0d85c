namespace AlignmentPolicy.Cli.Scanning;

/// <summary>How a scanned unit was found.</summary>
internal enum ScanProjectKind
{
    /// <summary>A folder with a <c>.csproj</c>: every <c>.cs</c> below it, nested projects, bin/ and obj/ excepted.</summary>
    Project,

    /// <summary>A file-based app: one <c>.cs</c> file with <c>#:package</c> (or <c>#:sdk</c>) lines and no project.</summary>
    FileBasedApp,

    /// <summary>C# files that belong to no project (snippets, scripts), compiled together per folder.</summary>
    LooseFiles,
}

/// <summary>One compilation of a scan: where it is, its sources, and what its project file says.</summary>
internal sealed record ScanProject(
    ScanProjectKind Kind,
    string Directory,
    string? ProjectFile,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> PackageReferences,
    bool ImplicitUsings,
    bool IsExecutable,
    bool? IsAgentProjectSetting)
{
    /// <summary>The project SDK, for the implicit usings it adds (web apps: Microsoft.AspNetCore.Builder, ...).</summary>
    public ScanSdk Sdk { get; init; }

    /// <summary>The global usings its build would generate (implicit ones and <c>&lt;Using&gt;</c> items; <see cref="ProjectUsings"/>).</summary>
    public IReadOnlyList<ProjectUsing> GlobalUsings { get; init; } = [];

    /// <summary>The name shown to users: the project file, the app file, or the folder.</summary>
    public string DisplayPath => ProjectFile ?? (Kind == ScanProjectKind.FileBasedApp ? Sources[0] : Directory);
}

/// <summary>The project SDKs whose implicit usings differ.</summary>
internal enum ScanSdk
{
    /// <summary>Microsoft.NET.Sdk.</summary>
    Plain,

    /// <summary>Microsoft.NET.Sdk.Web (and Razor): hosting, configuration, DI, logging and ASP.NET Core namespaces.</summary>
    Web,

    /// <summary>Microsoft.NET.Sdk.Worker: hosting, configuration, DI and logging namespaces.</summary>
    Worker,
}
