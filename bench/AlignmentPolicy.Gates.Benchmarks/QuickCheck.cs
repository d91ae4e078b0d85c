using System.Diagnostics;

namespace AlignmentPolicy.Gates.Benchmarks;

internal static class QuickCheck
{
    public static async Task RunAsync()
    {
        var bench = new AllowPathBenchmarks();
        bench.Setup();
        var baseline = await MeasureAsync(bench.PassThrough);
        var gated = await MeasureAsync(bench.Gated);
        Console.WriteLine($"pass-through: {baseline.Nanoseconds,10:0} ns {baseline.Bytes,8} B");
        Console.WriteLine($"gated:        {gated.Nanoseconds,10:0} ns {gated.Bytes,8} B");
        Console.WriteLine($"ratio {gated.Nanoseconds / baseline.Nanoseconds:0.00}, extra {gated.Bytes - baseline.Bytes} B per call");
    }

    private static async Task<(double Nanoseconds, long Bytes)> MeasureAsync(Func<Task> call)
    {
        for (var i = 0; i < 20_000; i++)
        {
            await call();
        }

        const int N = 50_000;
        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < N; i++)
        {
            await call();
        }

        watch.Stop();
        var bytes = (GC.GetAllocatedBytesForCurrentThread() - before) / N;
        return (watch.Elapsed.TotalNanoseconds / N, bytes);
    }
}
