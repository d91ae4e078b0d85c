// bench/analyzers/RealRepoCost <folder> [iterations]
// Per project under <folder> (the .cs files below each .csproj, obj/ and bin/ skipped), compiles the sources
// against the framework reference assemblies and the model SDKs beside this tool. Two measurements per iteration
// (ALN_MEASURE=compile|telemetry|both, default both):
//
// compile: our analyzers' share of a real compile (issue 14, item 5). Each project is compiled four times from
//   fresh compilations, in an order rotated per iteration: with no analyzer; with a no-op analyzer that registers an
//   operation action (the floor: the analyzer driver then builds every body's operations, which any build with the
//   SDK's own analyzers pays); with our analyzers; with BannedApiAnalyzers. Each compile is the compiler's and the
//   analyzers' diagnostics, then Emit to memory, and is timed in process CPU time (not wall time: on a shared
//   machine the wait for a core is not work). Reported: ours over no analyzer and ours over the floor, as a share of
//   the compile with no analyzer, and ours/BannedApiAnalyzers over the floor.
// telemetry: Roslyn's execution-time telemetry of each analyzer (what -p:ReportAnalyzer=true shows) in one
//   CompilationWithAnalyzers running ours and BannedApiAnalyzers with bench/analyzers/BannedSymbols.txt, set against
//   the compiler's binding time (GetDiagnostics, no emit), with per-rule times and the analyses' work counters.
//   Telemetry charges an analyzer for the binding its callbacks trigger, which the driver would otherwise do.
//   ALN_DUMP=<file> writes our diagnostics of iteration i to <file>.i (sorted), to compare two builds' results.
// Each iteration starts from fresh compilations, so no cache of an earlier iteration helps a later one.
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
var measure = Environment.GetEnvironmentVariable("ALN_MEASURE") ?? "both";
var analyzerOptions = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(bannedList));
var floor = ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpInvocationProbe());
var compileRuns = new List<CompileRun>();
var shares = new List<double>();
var ratios = new List<double>();
if (measure is "compile" or "both")
{
    // Warm-up, not counted: the first compile of a run pays for JIT and for reading the reference assemblies.
    _ = await MeasureCompiles(0, projects.Take(1));
}

for (var i = 1; i <= iterations; i++)
{
    if (measure is "compile" or "both")
    {
        var run = await MeasureCompiles(i, projects);
        compileRuns.Add(run);
        Console.WriteLine($"iteration {i} (compile, CPU s): none {run.None / 1000:0.0}, floor {run.Floor / 1000:0.0}, ours {run.Ours / 1000:0.0}, BannedApi {run.Banned / 1000:0.0}; "
            + $"ours over none {100 * run.OursOverNone:0.00}%, ours over floor {100 * run.OursOverFloor:0.00}%, BannedApi over floor {100 * run.BannedOverFloor:0.00}%, ours/BannedApi over floor {run.Ratio:0.00}x ({run.Emitted} of {projects.Count} projects emitted)");
    }

    if (measure is not ("telemetry" or "both"))
    {
        continue;
    }

    counters.GetMethod("Reset")!.Invoke(null, null);
    var dump = Environment.GetEnvironmentVariable("ALN_DUMP") is { Length: > 0 } ? new List<string>() : null;
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
        var found = await analyzed.GetAnalyzerDiagnosticsAsync();
        if (dump is not null)
        {
            // ALN_DUMP=<file>: our diagnostics, to show a change to the analyzers reports the same before and after.
            foreach (var diagnostic in found.Where(d => d.Id.StartsWith("ALN", StringComparison.Ordinal)))
            {
                var span = diagnostic.Location.GetLineSpan();
                dump.Add($"{diagnostic.Id}\t{diagnostic.Severity}\t{Path.GetRelativePath(root, span.Path)}:{span.StartLinePosition.Line + 1}:{span.StartLinePosition.Character + 1}\t{diagnostic.GetMessage()}");
            }
        }

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

    if (dump is not null)
    {
        dump.Sort(StringComparer.Ordinal);
        File.WriteAllLines($"{Environment.GetEnvironmentVariable("ALN_DUMP")}.{i}", dump);
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

if (compileRuns.Count > 0)
{
    Console.WriteLine($"compile: ours over none {Spread(compileRuns.Select(r => 100 * r.OursOverNone), "%")}; ours over floor {Spread(compileRuns.Select(r => 100 * r.OursOverFloor), "%")} (target <= 3%); "
        + $"BannedApi over floor {Spread(compileRuns.Select(r => 100 * r.BannedOverFloor), "%")}; ours/BannedApi over floor {Spread(compileRuns.Select(r => r.Ratio), "x")} (target <= 1.5x), over {compileRuns.Count} iterations");
}

if (shares.Count > 0)
{
    Console.WriteLine($"telemetry: our analyzers / binding time {Spread(shares.Select(s => 100 * s), "%")}; our analyzers / BannedApiAnalyzers (50 entries, same run) {Spread(ratios, "x")}, over {shares.Count} iterations");
}

return 0;

// Median with min and max: on a shared machine the spread says how much the median can be trusted.
static string Spread(IEnumerable<double> values, string unit)
{
    var sorted = values.Order().ToList();
    var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    return $"median {median:0.00}{unit} (min {sorted[0]:0.00}{unit}, max {sorted[^1]:0.00}{unit})";
}

// One iteration of the compile measurement: every project compiled with each analyzer set, the order of the sets rotated per iteration.
async Task<CompileRun> MeasureCompiles(int iteration, IEnumerable<List<string>> measured)
{
    var sets = new (string Name, ImmutableArray<DiagnosticAnalyzer> Analyzers)[] { ("none", ImmutableArray<DiagnosticAnalyzer>.Empty), ("floor", floor), ("ours", analyzers), ("banned", baseline) };
    var cpu = new Dictionary<string, double>(StringComparer.Ordinal);
    var emitted = 0;
    foreach (var files in measured)
    {
        for (var k = 0; k < sets.Length; k++)
        {
            var (name, set) = sets[(k + iteration) % sets.Length];
            var compilation = Compile(files, references); // parsed outside the measurement
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = Process.GetCurrentProcess().TotalProcessorTime;
            if (set.IsEmpty)
            {
                _ = compilation.GetDiagnostics();
            }
            else
            {
                _ = await compilation.WithAnalyzers(set, new CompilationWithAnalyzersOptions(analyzerOptions, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false))
                    .GetAllDiagnosticsAsync();
            }

            using var image = new MemoryStream();
            var success = compilation.Emit(image).Success;
            cpu[name] = cpu.GetValueOrDefault(name) + (Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds;
            if (name == "none" && success)
            {
                emitted++;
            }
        }
    }

    return new CompileRun(cpu["none"], cpu["floor"], cpu["ours"], cpu["banned"], emitted);
}

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

/// <summary>CPU milliseconds of one iteration's compiles, per analyzer set.</summary>
sealed record CompileRun(double None, double Floor, double Ours, double Banned, int Emitted)
{
    public double OursOverNone => (Ours - None) / None;

    public double OursOverFloor => (Ours - Floor) / None;

    public double BannedOverFloor => (Banned - Floor) / None;

    public double Ratio => (Ours - Floor) / (Banned - Floor);
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
