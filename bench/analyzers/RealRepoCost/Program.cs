// bench/analyzers/RealRepoCost <folder> [iterations]
// Per project under <folder> (the .cs files below each .csproj, obj/ and bin/ skipped), compiles the sources
// against the framework reference assemblies and the model SDKs beside this tool, then runs our analyzers with
// Roslyn's execution-time telemetry. Prints, per iteration, the compiler's binding time, our analyzers' time and
// the share, and the min/median share over the iterations. BannedApiAnalyzers with bench/analyzers/BannedSymbols.txt
// runs in the same CompilationWithAnalyzers, so the ratio ours/BannedApi comes from one run on one machine load. Each iteration starts from fresh compilations, so no
// cache of an earlier iteration helps a later one.
using System.Collections.Immutable;
using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using AlignmentPolicy.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

if (args.Length < 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: RealRepoCost <folder> [iterations]");
    return 2;
}

var root = Path.GetFullPath(args[0]);
var iterations = args.Length > 1 ? int.Parse(args[1]) : 5;
var references = LoadReferences();
// ALN_ONLY=Rule1,Rule2: run only these of our analyzers (experiments: a rule's cost alone, or without one).
var only = Environment.GetEnvironmentVariable("ALN_ONLY")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
var analyzers = typeof(DiagnosticIds).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any())
    .Where(t => only is null || only.Contains(t.Name))
    .OrderBy(t => t.FullName, StringComparer.Ordinal)
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();
// The C# analyzer lives in the CSharp assembly (it derives from the one in the language-neutral assembly beside it).
_ = Assembly.LoadFrom(Path.Combine(AppContext.BaseDirectory, "baseline", "Microsoft.CodeAnalysis.BannedApiAnalyzers.dll"));
var baseline = new AnalyzerFileReference(Path.Combine(AppContext.BaseDirectory, "baseline", "Microsoft.CodeAnalysis.CSharp.BannedApiAnalyzers.dll"), new AssemblyLoader())
    .GetAnalyzers(LanguageNames.CSharp);
// ALN_PROBES=1: analyzers that do nothing in the same run (the driver's charge for a callback; see Probes.cs).
var probes = Environment.GetEnvironmentVariable("ALN_PROBES") == "1"
    ? ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpInvocationProbe(), new NoOpMethodSymbolProbe(), new ReturnTypeInvocationProbe(), new ModelSharingProbe())
    : ImmutableArray<DiagnosticAnalyzer>.Empty;
var bannedList = new FileText(Path.Combine(AppContext.BaseDirectory, "baseline", "BannedSymbols.txt"));
var projects = Projects(root);
Console.WriteLine($"{projects.Count} projects, {projects.Sum(p => p.Count)} files under {root}");

// The analyzers' work counters (internal): time on a shared machine is noisy, the amount of work is not.
var counters = typeof(DiagnosticIds).Assembly.GetType("AlignmentPolicy.Analyzers.Analysis.WorkCounters", throwOnError: true)!;
var shares = new List<double>();
var ratios = new List<double>();
for (var i = 1; i <= iterations; i++)
{
    counters.GetMethod("Reset")!.Invoke(null, null);
    var perRule = new Dictionary<string, double>(StringComparer.Ordinal);
    var perProbe = new Dictionary<string, double>(StringComparer.Ordinal);
    double compileMs = 0, oursMs = 0, bannedMs = 0;
    foreach (var files in projects)
    {
        var compilation = Compile(files, references);
        var watch = Stopwatch.StartNew();
        _ = compilation.GetDiagnostics();
        compileMs += watch.Elapsed.TotalMilliseconds;

        // Fresh compilation for the analyzers, so they do not reuse what GetDiagnostics bound.
        var fresh = Compile(files, references);
        if (Environment.GetEnvironmentVariable("ALN_WARM") == "1")
        {
            _ = fresh.SourceModule.ReferencedAssemblySymbols;
        }

        var analyzed = fresh.WithAnalyzers((Environment.GetEnvironmentVariable("ALN_ORDER") == "banned-first" ? baseline.AddRange(probes).AddRange(analyzers) : analyzers.AddRange(baseline).AddRange(probes)), new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(bannedList)), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
        _ = await analyzed.GetAnalyzerDiagnosticsAsync();
        foreach (var analyzer in analyzers)
        {
            var ms = (await analyzed.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalMilliseconds;
            oursMs += ms;
            perRule[analyzer.GetType().Name] = perRule.GetValueOrDefault(analyzer.GetType().Name) + ms;
        }

        foreach (var probe in probes)
        {
            perProbe[probe.GetType().Name] = perProbe.GetValueOrDefault(probe.GetType().Name) + (await analyzed.GetAnalyzerTelemetryInfoAsync(probe, CancellationToken.None)).ExecutionTime.TotalMilliseconds;
        }

        foreach (var analyzer in baseline)
        {
            bannedMs += (await analyzed.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalMilliseconds;
        }
    }

    var share = oursMs / compileMs;
    shares.Add(share);
    ratios.Add(oursMs / bannedMs);
    Console.WriteLine($"iteration {i}: compile (bind) {compileMs:0} ms, our analyzers {oursMs:0} ms, share {100 * share:0.00}%; BannedApiAnalyzers {bannedMs:0} ms, ours/BannedApi {oursMs / bannedMs:0.00}x");
    Console.WriteLine($"  work: {counters.GetMethod("Summary")!.Invoke(null, null)}");
    Console.WriteLine($"  per rule (ms): {string.Join(", ", perRule.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value:0}"))}");
    if (perProbe.Count > 0)
    {
        Console.WriteLine($"  probes (ms): {string.Join(", ", perProbe.Select(p => $"{p.Key} {p.Value:0}"))}; the analyzers' GetSemanticModel is the driver's model in {ModelSharingProbe.Shared} of {ModelSharingProbe.Shared + ModelSharingProbe.NotShared} blocks");
    }
}

shares.Sort();
ratios.Sort();
Console.WriteLine($"our analyzers / compile time: min {100 * shares[0]:0.00}%, median {100 * shares[shares.Count / 2]:0.00}% over {iterations} iterations (target <= 3%)");
Console.WriteLine($"our analyzers / BannedApiAnalyzers (50 entries, same run): min {ratios[0]:0.00}x, median {ratios[ratios.Count / 2]:0.00}x");
return 0;

static List<List<string>> Projects(string root)
{
    var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
        .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "obj" or "bin"))
        .ToList();
    var projectDirs = Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories).Select(Path.GetDirectoryName).OfType<string>().Distinct().ToList();
    return files
        .GroupBy(f => projectDirs.Where(d => f.StartsWith(d + Path.DirectorySeparatorChar, StringComparison.Ordinal)).OrderByDescending(d => d.Length).FirstOrDefault() ?? Path.GetDirectoryName(f)!)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => g.OrderBy(f => f, StringComparer.Ordinal).ToList())
        .ToList();
}

static CSharpCompilation Compile(List<string> files, ImmutableArray<MetadataReference> references)
{
    var parse = new CSharpParseOptions(LanguageVersion.Preview);
    var trees = files.Select(f => CSharpSyntaxTree.ParseText(Regex.Replace(File.ReadAllText(f), @"^#[:!].*$", m => new string(' ', m.Length), RegexOptions.Multiline), parse, path: f)).ToList();
    trees.Add(CSharpSyntaxTree.ParseText("global using global::System; global using global::System.Collections.Generic; global using global::System.IO; global using global::System.Linq; global using global::System.Net.Http; global using global::System.Threading; global using global::System.Threading.Tasks;", parse, path: "GlobalUsings.g.cs"));
    var program = trees.Any(t => t.GetCompilationUnitRoot().Members.Any(m => m is GlobalStatementSyntax));
    return CSharpCompilation.Create("Bench", trees, references, new CSharpCompilationOptions(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
}

static ImmutableArray<MetadataReference> LoadReferences()
{
    string[] prefixes = ["Microsoft.Extensions.", "Microsoft.Agents.AI", "Microsoft.SemanticKernel", "OpenAI", "ModelContextProtocol", "System.ClientModel", "System.Memory.Data", "AlignmentPolicy.Gates"];
    var sdk = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
        .Where(path => prefixes.Any(p => Path.GetFileName(path).StartsWith(p, StringComparison.Ordinal)))
        .Order(StringComparer.Ordinal)
        .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path));
    return [.. Basic.Reference.Assemblies.Net100.References.All, .. sdk];
}

/// <summary>An additional file read from disk (the banned-symbols list).</summary>
sealed class FileText(string path) : AdditionalText
{
    public override string Path { get; } = path;

    public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default)
        => Microsoft.CodeAnalysis.Text.SourceText.From(File.ReadAllText(Path));
}

/// <summary>Loads the baseline analyzer into the default context (it binds to this tool's Roslyn).</summary>
sealed class AssemblyLoader : IAnalyzerAssemblyLoader
{
    public void AddDependencyLocation(string fullPath)
    {
    }

    public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
}
