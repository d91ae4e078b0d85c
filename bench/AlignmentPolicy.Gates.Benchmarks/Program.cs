using AlignmentPolicy.Gates.Benchmarks;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

if (args.Contains("--quick"))
{
    // A few seconds' check of time and exact bytes per call, without BenchmarkDotNet.
    await QuickCheck.RunAsync();
    return;
}

if (args.Contains("--corpus-dev"))
{
    // Which development rows the default gates get wrong, and why.
    await CorpusDevReport.RunAsync(args);
    return;
}

if (args.Contains("--probe"))
{
    // Bytes and time of each gate on the benchmark's requests, to find what an allow path costs.
    AllocationProbe.Run();
    return;
}

// Short, in-process runs (well under a minute on two cores, no child process to build). ShortRun's three
// iterations are too few on a shared machine, so fifteen short ones are taken and the median is shown too.
var config = ManualConfig.CreateEmpty()
    .AddJob(Job.ShortRun.WithWarmupCount(5).WithIterationCount(15).WithToolchain(InProcessEmitToolchain.Instance).WithId("Short-InProcess"))
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddColumnProvider(DefaultColumnProviders.Instance)
    .AddColumn(StatisticColumn.Median)
    .AddExporter(MarkdownExporter.GitHub)
    .AddLogger(ConsoleLogger.Default)
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
BenchmarkRunner.Run<AllowPathBenchmarks>(config, args);
