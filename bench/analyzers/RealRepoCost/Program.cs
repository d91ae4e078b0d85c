// bench/analyzers/RealRepoCost <folder> [iterations]
// Per project under <folder> (the .cs files below each .csproj, obj/ and bin/ skipped), compiles the sources
// against the framework reference assemblies and the model SDKs beside this tool, then runs our analyzers with
// Roslyn's execution-time telemetry. Prints, per iteration, the compiler's binding time, our analyzers' time and
// the share, and the min/median share over the iterations. Each iteration starts from fresh compilations, so no
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
var analyzers = typeof(DiagnosticIds).Assembly.GetTypes()
    .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes<DiagnosticAnalyzerAttribute>().Any())
    .OrderBy(t => t.FullName, StringComparer.Ordinal)
    .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
    .ToImmutableArray();
var projects = Projects(root);
Console.WriteLine($"{projects.Count} projects, {projects.Sum(p => p.Count)} files under {root}");

var shares = new List<double>();
for (var i = 1; i <= iterations; i++)
{
    double compileMs = 0, oursMs = 0;
    foreach (var files in projects)
    {
        var compilation = Compile(files, references);
        var watch = Stopwatch.StartNew();
        _ = compilation.GetDiagnostics();
        compileMs += watch.Elapsed.TotalMilliseconds;

        // Fresh compilation for the analyzers, so they do not reuse what GetDiagnostics bound.
        var analyzed = Compile(files, references).WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false));
        _ = await analyzed.GetAnalyzerDiagnosticsAsync();
        foreach (var analyzer in analyzers)
        {
            oursMs += (await analyzed.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalMilliseconds;
        }
    }

    var share = oursMs / compileMs;
    shares.Add(share);
    Console.WriteLine($"iteration {i}: compile (bind) {compileMs:0} ms, our analyzers {oursMs:0} ms, share {100 * share:0.00}%");
}

shares.Sort();
Console.WriteLine($"our analyzers / compile time: min {100 * shares[0]:0.00}%, median {100 * shares[shares.Count / 2]:0.00}% over {iterations} iterations (target <= 3%)");
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
