using System.Diagnostics;

namespace AlignmentPolicy.Gates.Benchmarks;

internal static class QuickCheck
{
    private static readonly int Warmup = int.TryParse(Environment.GetEnvironmentVariable("QUICK_WARMUP"), out var w) ? w : 2_000;
    private static readonly int Iterations = int.TryParse(Environment.GetEnvironmentVariable("QUICK_N"), out var n) ? n : 10_000;

    public static async Task RunAsync()
    {
        var bench = new AllowPathBenchmarks();
        bench.Setup();
        var baseline = await MeasureAsync(bench.PassThroughDelegatingChatClient);
        var gated = await MeasureAsync(bench.UsePolicyGateBuiltInGates);
        Console.WriteLine($"pass-through: {baseline.Nanoseconds,10:0} ns {baseline.Bytes,8} B");
        Console.WriteLine($"gated:        {gated.Nanoseconds,10:0} ns {gated.Bytes,8} B");
        Console.WriteLine($"time ratio {gated.Nanoseconds / baseline.Nanoseconds:0.00}, extra {gated.Bytes - baseline.Bytes} B allocated per call on the allow path");
    }

    private static async Task<(double Nanoseconds, long Bytes)> MeasureAsync(Func<Task> call)
    {
        for (var i = 0; i < Warmup; i++)
        {
            await call();
        }

        var N = Iterations;
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

internal static class AllocationProbe
{
    public static void Run()
    {
        var engine = new PolicyEngine(new PolicyGateOptions(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, useDefaultsWhenEmpty: true);
        var messages = Conversation.Create();
        var args = new Microsoft.Extensions.AI.AIFunctionArguments { ["orderId"] = "A-1042" };
        var response = new Microsoft.Extensions.AI.ChatResponse(new Microsoft.Extensions.AI.ChatMessage(Microsoft.Extensions.AI.ChatRole.Assistant, "Your order A-1042 shipped on Monday and should arrive by Thursday."));
        Measure("PolicyRequest.Tool", () => PolicyRequest.Tool("get_order_status", args, [], messages, "c1", null, null, false, null));
        var tool = PolicyRequest.Tool("get_order_status", args, [], messages, "c1", null, null, false, null);
        Measure("evaluate tool (same request)", () => engine.EvaluateAsync(tool, default).GetAwaiter().GetResult());
        Measure("evaluate tool (new request)", () => engine.EvaluateAsync(PolicyRequest.Tool("get_order_status", args, [], messages, "c1", null, null, false, null), default).GetAwaiter().GetResult());
        Measure("evaluate response (new request)", () => engine.EvaluateAsync(PolicyRequest.Model(PolicyRequestKind.ModelResponse, messages, null, response, null, false, null), default).GetAwaiter().GetResult());
        foreach (var gate in engine.Gates)
        {
            var g = gate;
            Measure("  " + g.GetType().Name + " tool", () => g.EvaluateAsync(tool, default).GetAwaiter().GetResult());
            var r = PolicyRequest.Model(PolicyRequestKind.ModelResponse, messages, null, response, null, false, null);
            Measure("  " + g.GetType().Name + " response", () => g.EvaluateAsync(r, default).GetAwaiter().GetResult());
        }
    }

    private static void Measure(string name, Func<object?> action)
    {
        for (var i = 0; i < 1000; i++)
        {
            action();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 10000; i++)
        {
            action();
        }

        Console.WriteLine($"{name,-40} {(GC.GetAllocatedBytesForCurrentThread() - before) / 10000} B {watch.Elapsed.TotalNanoseconds / 10000,8:0} ns");
    }
}
